/// The pooled share over several items answered by the same people: all favourable answers
/// over all valid answers, a ratio of two totals.
///
///     P = Σ_i w_i a_i / Σ_i w_i b_i,   a_i = Σ_k y_ik (favourable answers of row i),
///                                      b_i = number of valid answers of row i
///     z_i = w_i (a_i − P b_i) / Σ w b
///
/// Each respondent is one unit with a_i favourable out of b_i answers, so the variance accounts
/// for answers of one person being alike (it is not the binomial variance of Σ b_i answers).
///
/// Equivalent R: `svyratio(~a, ~b, design)` with `a` and `b` computed per respondent.
///
/// Edge cases: a row with no valid answers has b_i = 0 and contributes nothing; no valid answers
/// at all gives NaN; all answers favourable gives 1 with variance 0.
///
/// Reference: Cochran (1977), §6.2 (ratio estimators); Lumley (2010), §3.4.
public enum PooledProportion {
    /// Linearizes the pooled share of `indicators[k]` (one array per item, values 0/1, NaN for
    /// missing) over `domain`.
    ///
    /// - Precondition: at least one item, each with one value per row.
    public static func linearize(indicators: [[Double]], design: SurveyDesign, domain: [Bool]? = nil) -> LinearizedStatistic {
        precondition(!indicators.isEmpty, "a pooled share needs at least one item")
        let n = design.rowCount
        var favourable = [Double](repeating: 0, count: n)
        var valid = [Double](repeating: 0, count: n)
        for item in indicators {
            precondition(item.count == n, "one value per row of the design")
            for i in 0..<n where !item[i].isNaN {
                precondition(item[i] == 0 || item[i] == 1, "indicators take the values 0 and 1 (NaN for missing)")
                favourable[i] += item[i]
                valid[i] += 1
            }
        }
        var inDomain = domain ?? [Bool](repeating: true, count: n)
        var excluded = 0
        for i in 0..<n where inDomain[i] && valid[i] == 0 {
            inDomain[i] = false
            excluded += 1
        }
        var result = WeightedRatio.linearize(numerator: favourable, denominator: valid, design: design, domain: inDomain)
        result.excludedCount = excluded
        result.domain = domain
        return result
    }
}
