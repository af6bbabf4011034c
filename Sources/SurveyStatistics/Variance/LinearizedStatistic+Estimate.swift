extension LinearizedStatistic {
    /// The ``Estimate`` of this statistic under `design`: value, design-based standard error,
    /// the domain's degrees of freedom, n, weighted N, design effect and effective n.
    ///
    /// - `standardError` = √V from ``DesignVariance``.
    /// - `degreesOfFreedom` = PSUs − strata among the rows of ``domain`` with non-zero weight,
    ///   rows with a missing value included (R: `degf(subset(design, dom))`, which `svyby` and
    ///   `svyciprop(..., na.rm = TRUE)` use); `nil` (normal quantiles) when that count is 0.
    /// - `designEffect` = V / V_srs (``designEffect(design:reference:)``); the default
    ///   reference is `.withReplacement` (R `deff = "replace"`), which is defined for weights on
    ///   any scale and matches the with-replacement design variance. Pass
    ///   `.withoutReplacement` for R's `deff = TRUE`, which needs weights that sum to a
    ///   population larger than the sample.
    /// - `effectiveN` = n / deff when the design effect is defined, otherwise Kish's
    ///   (Σw)²/Σw² (e.g. for a share of exactly 0 or 1, whose variance is 0).
    ///
    /// Edge cases: no rows → n = 0, value NaN (for means, shares, ratios) or 0 (totals),
    /// standard error NaN for NaN values.
    public func estimate(
        design: SurveyDesign, method: String, designEffectReference: DesignEffectReference = .withReplacement
    ) -> Estimate {
        let v = variance(design: design)
        let deff = designEffect(design: design, reference: designEffectReference)
        let df = design.degreesOfFreedom(domain: domain)
        let effective: Double? =
            sampleSize == 0 ? 0 : (deff.map { Double(sampleSize) / $0 } ?? kishEffectiveSize(design: design))
        return Estimate(
            value: value,
            standardError: value.isNaN ? .nan : v.squareRoot(),
            degreesOfFreedom: df > 0 ? Double(df) : nil,
            n: sampleSize,
            weightedN: weightedSize,
            effectiveN: effective,
            designEffect: deff,
            method: method)
    }
}
