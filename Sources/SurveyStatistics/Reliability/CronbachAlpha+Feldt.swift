extension CronbachAlpha {
    /// Feldt's confidence interval for alpha.
    ///
    /// Under normal items with equal covariances, (1 − α)/(1 − α̂) follows an F distribution
    /// with n − 1 and (n − 1)(k − 1) degrees of freedom, so
    ///
    ///     lower = 1 − (1 − α̂) · F⁻¹(1 − γ/2; n − 1, (n − 1)(k − 1))
    ///     upper = 1 − (1 − α̂) · F⁻¹(γ/2;     n − 1, (n − 1)(k − 1)),    γ = 1 − level
    ///
    /// exactly as R psych `alpha.ci()` (the `feldt` element of `alpha()`), with α̂ the raw alpha
    /// and n = ``respondentCount``.
    ///
    /// Edge cases: n < 2 or k < 2, or a NaN alpha, gives NaN bounds with a note; α̂ = 1 gives
    /// [1, 1]. The upper bound is below 1 whenever α̂ < 1; the lower bound can be negative.
    ///
    /// - Precondition: `0 < level < 1`.
    /// - Reference: Feldt (1965), "The approximate sampling distribution of Kuder–Richardson
    ///   reliability coefficient twenty", Psychometrika 30(3); Feldt, Woodruff & Salih (1987).
    public func feldtInterval(level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1")
        let n = Double(respondentCount), k = Double(itemCount)
        guard n >= 2, k >= 2, !raw.isNaN else {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "feldt",
                                      note: "alpha needs at least two items and two respondents")
        }
        let f = FDistribution(numeratorDegreesOfFreedom: n - 1, denominatorDegreesOfFreedom: (n - 1) * (k - 1))
        let gamma = 1 - level
        return ConfidenceInterval(
            lower: 1 - (1 - raw) * f.quantile(1 - gamma / 2),
            upper: 1 - (1 - raw) * f.quantile(gamma / 2),
            level: level, method: "feldt")
    }
}
