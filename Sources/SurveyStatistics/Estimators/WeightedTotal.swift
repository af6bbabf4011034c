/// The weighted (Horvitz–Thompson) total of a variable, over the whole sample or a domain.
///
///     Ŷ = Σ_d w_i y_i          z_i = w_i y_i   (i in d), 0 otherwise
///
/// where d is the set of rows in the domain with a valid (non-NaN) value.
///
/// Equivalent R: `svytotal(~y, design, na.rm = TRUE, deff = TRUE)`; for a domain
/// `svytotal(~y, subset(design, dom))` or `svyby(~y, ~group, design, svytotal)`.
///
/// Edge cases: an empty domain gives 0 with variance 0 (the total over no rows is exactly 0);
/// zero weights contribute nothing; one PSU gives the variance the lonely-unit policy says.
///
/// Reference: Horvitz & Thompson (1952), JASA 47; Lumley (2010), §2.2.
public enum WeightedTotal {
    /// Linearizes the weighted total of `values` (NaN = missing) over `domain` (nil = all rows).
    public static func linearize(_ values: [Double], design: SurveyDesign, domain: [Bool]? = nil) -> LinearizedStatistic {
        let d = DomainRows(count: design.rowCount, domain: domain, values: [values])
        let w = design.weights
        var total = 0.0
        var influence = [Double](repeating: 0, count: design.rowCount)
        for i in 0..<design.rowCount where d.rows[i] {
            influence[i] = w[i] * values[i]
            total += influence[i]
        }
        return LinearizedStatistic(
            value: total, influence: influence, rows: d.rows, sampleSize: 0, weightedSize: 0,
            excludedCount: d.excluded, domain: domain
        ).counted(in: design)
    }
}
