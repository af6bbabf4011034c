/// The weighted (Hájek) mean of a variable, over the whole sample or a domain.
///
///     x̄ = Σ_d w_i x_i / Σ_d w_i          z_i = w_i (x_i − x̄) / Σ_d w_i   (i in d), 0 otherwise
///
/// where d is the set of rows in the domain with a valid (non-NaN) value. The variance is that
/// of Σ z_i under the design (``DesignVariance``), computed with every PSU of the design.
///
/// Equivalent R: `svymean(~x, design, na.rm = TRUE, deff = TRUE)`; for a domain
/// `svymean(~x, subset(design, dom), ...)` or `svyby(~x, ~group, design, svymean)`.
///
/// Edge cases:
/// - empty domain (no rows with a valid value and non-zero weight): value NaN, influence all 0
///   (so variance 0), sample size 0 — the mean of nothing is undefined; callers check
///   `sampleSize == 0` before reporting it.
/// - all values equal: value that value, variance 0.
/// - one cluster: the variance is 0 / undefined as the design dictates (see ``DesignVariance``).
/// - zero weights: those rows contribute nothing and do not count in n.
///
/// Reference: Lumley (2010), §2.3 and §2.6 (domains); Cochran (1977), §6.
public enum WeightedMean {
    /// Linearizes the weighted mean of `values` (NaN = missing) over `domain` (nil = all rows).
    public static func linearize(_ values: [Double], design: SurveyDesign, domain: [Bool]? = nil) -> LinearizedStatistic {
        let d = DomainRows(count: design.rowCount, domain: domain, values: [values])
        let w = design.weights
        var total = 0.0
        var weightSum = 0.0
        for i in 0..<design.rowCount where d.rows[i] {
            total += w[i] * values[i]
            weightSum += w[i]
        }
        var influence = [Double](repeating: 0, count: design.rowCount)
        guard weightSum > 0 else {
            return LinearizedStatistic(
                value: .nan, influence: influence, rows: d.rows, sampleSize: 0, weightedSize: 0,
                excludedCount: d.excluded, domain: domain
            ).counted(in: design)
        }
        let mean = total / weightSum
        for i in 0..<design.rowCount where d.rows[i] {
            influence[i] = w[i] * (values[i] - mean) / weightSum
        }
        return LinearizedStatistic(
            value: mean, influence: influence, rows: d.rows, sampleSize: 0, weightedSize: 0,
            excludedCount: d.excluded, domain: domain
        ).counted(in: design)
    }
}
