/// The ratio of two weighted totals (R `svyratio`), over the whole sample or a domain.
///
///     R̂ = Ŷ / X̂ = Σ_d w_i y_i / Σ_d w_i x_i          z_i = w_i (y_i − R̂ x_i) / X̂   (i in d)
///
/// d is the domain's rows where both y and x are valid (R: `complete.cases`).
/// A pooled share over several items answered by the same people is such a ratio:
/// y_i = the respondent's favourable answers, x_i = their valid answers
/// (``PooledProportion``).
///
/// Equivalent R: `svyratio(~y, ~x, design, na.rm = TRUE, deff = TRUE)`; domains via
/// `svyby(~y, ~group, design, svyratio, denominator = ~x)`.
///
/// Edge cases: X̂ = 0 (including an empty domain) gives NaN with influence all 0; zero weights
/// contribute nothing; y = x·c for a constant c gives R̂ = c with variance 0.
///
/// Reference: Cochran (1977), §6.2; Lumley (2010), §3.4 (svyratio).
public enum WeightedRatio {
    /// Linearizes Σ w y / Σ w x over `domain` (NaN in either = missing).
    public static func linearize(
        numerator: [Double], denominator: [Double], design: SurveyDesign, domain: [Bool]? = nil
    ) -> LinearizedStatistic {
        let d = DomainRows(count: design.rowCount, domain: domain, values: [numerator, denominator])
        let w = design.weights
        var yTotal = 0.0
        var xTotal = 0.0
        for i in 0..<design.rowCount where d.rows[i] {
            yTotal += w[i] * numerator[i]
            xTotal += w[i] * denominator[i]
        }
        var influence = [Double](repeating: 0, count: design.rowCount)
        guard xTotal != 0 else {
            return LinearizedStatistic(
                value: .nan, influence: influence, rows: d.rows, sampleSize: 0, weightedSize: 0,
                excludedCount: d.excluded, domain: domain
            ).counted(in: design)
        }
        let ratio = yTotal / xTotal
        for i in 0..<design.rowCount where d.rows[i] {
            influence[i] = w[i] * (numerator[i] - ratio * denominator[i]) / xTotal
        }
        return LinearizedStatistic(
            value: ratio, influence: influence, rows: d.rows, sampleSize: 0, weightedSize: 0,
            excludedCount: d.excluded, domain: domain
        ).counted(in: design)
    }
}
