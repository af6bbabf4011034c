/// The unweighted mean of several item shares on the same respondents: an aspect index
/// (SIPAS: an aspect is the mean of its criteria's top-2-box shares).
///
///     I = (1/K) Σ_k p̂_k,   p̂_k = Σ_{d_k} w_i y_ik / Σ_{d_k} w_i      z_i = (1/K) Σ_k z_ik
///
/// d_k is the rows with a valid answer to item k (each item keeps its own denominator); z_ik is
/// the influence of p̂_k (``WeightedProportion``). Because the influence values of one
/// respondent's answers are summed before the design variance is taken, answers of one person
/// (and of one cluster) are never treated as independent.
///
/// Equivalent R, with no missing answers:
/// `svycontrast(svymean(~y1 + y2 + y3, design), rep(1/3, 3))`; with missing answers,
/// `svycontrast(svyratio(~y1 + y2 + y3, ~v1 + v2 + v3, design, covmat = TRUE), c(...))` picking
/// the K diagonal ratios y_k/v_k with weight 1/K (v_k the validity indicator, y_k set to 0
/// where missing).
///
/// Edge cases: an item with no valid answer makes the index NaN (its share is undefined);
/// K = 1 is that item's share; all shares 0 or 1 give variance 0.
///
/// Reference: Lumley (2010), §3.4 (svycontrast); Binder (1983).
public enum MeanOfShares {
    /// Linearizes the mean of the shares of `indicators[k]` (one array per item, values 0/1,
    /// NaN for missing) over `domain`.
    ///
    /// - Precondition: at least one item.
    public static func linearize(indicators: [[Double]], design: SurveyDesign, domain: [Bool]? = nil) -> LinearizedStatistic {
        precondition(!indicators.isEmpty, "a mean of shares needs at least one item")
        let parts = indicators.map { WeightedProportion.linearize($0, design: design, domain: domain) }
        let k = Double(parts.count)
        return LinearizedStatistic.linearCombination(
            parts, coefficients: [Double](repeating: 1 / k, count: parts.count), design: design)
    }
}
