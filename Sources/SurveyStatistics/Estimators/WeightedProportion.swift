/// The weighted share of rows with a property: the weighted mean of a 0/1 indicator.
///
///     p̂ = Σ_d w_i y_i / Σ_d w_i,   y_i ∈ {0, 1}     z_i = w_i (y_i − p̂) / Σ_d w_i
///
/// d is the domain's rows with a valid answer: a NaN indicator is a missing, "don't know" or
/// not-applicable answer, left out of the denominator and counted in `excludedCount` (the
/// SDG 16.6.2 practice).
///
/// Equivalent R: `svymean(~I(y == 1), design, na.rm = TRUE)` (or `svyciprop` for its interval);
/// for domains `svyby(~y, ~group, design, svymean, na.rm = TRUE)`.
///
/// Edge cases: p̂ = 0 or 1 (all answers alike) gives variance exactly 0 — the design-based
/// standard error says nothing there, so intervals for shares use the effective sample size
/// instead (see the interval methods); an empty domain gives NaN with sample size 0.
///
/// Reference: Lumley (2010), §2.3; Korn & Graubard (1998), Survey Methodology 24(2).
public enum WeightedProportion {
    /// Linearizes the share of `indicator == 1` (values 0 or 1; NaN = missing) over `domain`.
    ///
    /// - Precondition: every non-NaN indicator value is 0 or 1.
    public static func linearize(_ indicator: [Double], design: SurveyDesign, domain: [Bool]? = nil) -> LinearizedStatistic {
        for y in indicator where !y.isNaN {
            precondition(y == 0 || y == 1, "a proportion's indicator takes the values 0 and 1 (NaN for missing)")
        }
        return WeightedMean.linearize(indicator, design: design, domain: domain)
    }

    /// Linearizes the share of valid rows whose value is in `favourable` (e.g. 4 and 5 on a
    /// five-point scale, the top-2 box); NaN values are missing.
    public static func linearize(
        _ values: [Double], favourable: Set<Double>, design: SurveyDesign, domain: [Bool]? = nil
    ) -> LinearizedStatistic {
        let indicator = values.map { $0.isNaN ? Double.nan : (favourable.contains($0) ? 1.0 : 0.0) }
        return WeightedMean.linearize(indicator, design: design, domain: domain)
    }
}
