import SurveyStatistics

/// A linear trend fitted to a series of independent wave estimates by weighted least squares
/// with weights 1/SE², the sampling variances taken as known:
///
///     w = 1/SEᵢ²,  t̄ = Σwt/Σw,  ȳ = Σwy/Σw,  Sₜₜ = Σw(t − t̄)²,
///     slope b = Σw(t − t̄)(y − ȳ)/Sₜₜ,  intercept a = ȳ − b·t̄,
///     SE(b) = 1/√Sₜₜ,  z = b/SE(b),  p = 2·(1 − Φ(|z|)).
///
/// The residual statistic Q = Σw(y − a − bt)² has k − 2 degrees of freedom; a large Q says
/// the waves do not lie on a line (or their SEs are too small). R's `lm(y ~ t, weights =
/// 1/se^2)` gives the same slope but multiplies the SE by √(Q/(k − 2)) and refers t to
/// t(k − 2): with 3 waves that is one residual degree of freedom, so its SE rests on one
/// number. We report the known-variance test (R `metafor::rma(y, sei = se, mods = ~ t,
/// method = "FE")`, statsmodels `WLS(...).fit(cov_type = "fixed scale")`) as the trend test,
/// and the `lm` SE and p-value beside it.
///
/// The slope's interval at level 1 − α is b ± z₁₋α/₂ · SE(b), the interval that goes with the
/// z test (``interval(level:)``).
///
/// Edge cases: fewer than three points → `nil` (two points always lie on a line); all t equal
/// or an SE of 0 or NaN → `nil`.
/// Reference: Cochran (1954), "The combination of estimates from different experiments",
/// Biometrics 10; Borenstein et al. (2009), *Introduction to Meta-Analysis*, ch. 20.
public struct LinearTrend: Sendable, Hashable, Codable {
    /// The slope b per time unit (per year when waves are years).
    public var slope: Double
    /// The intercept a (the fitted value at t = 0).
    public var intercept: Double
    /// SE of the slope with the variances known.
    public var standardError: Double
    /// z = b / SE(b).
    public var statistic: Double
    /// The two-sided p-value of z against the standard normal.
    public var pValue: Double
    /// The residual statistic Q and its degrees of freedom k − 2.
    public var residualQ: Double
    /// k − 2.
    public var residualDegreesOfFreedom: Int
    /// `lm`'s SE, SE·√(Q/(k − 2)), and its p-value on t(k − 2).
    public var lmStandardError: Double
    /// `lm`'s two-sided p-value on t(k − 2).
    public var lmPValue: Double
    /// Number of waves used.
    public var points: Int
    /// The method's name, for outputs.
    public var method: String

    /// The slope's confidence interval at `level` with the variances known: b ± z · SE(b),
    /// z the standard normal quantile at (1 + level)/2; it excludes 0 exactly when the
    /// unadjusted z test rejects at 1 − level.
    public func interval(level: Double) -> (lower: Double, upper: Double) {
        let z = Normal.standard.quantile(0.5 + level / 2)
        return (slope - z * standardError, slope + z * standardError)
    }

    /// Fits the trend; `nil` with fewer than three points, equal times, or an SE that is 0 or
    /// not finite.
    public init?(times: [Double], values: [Double], standardErrors: [Double]) {
        precondition(times.count == values.count && values.count == standardErrors.count, "one time, value and SE per point")
        let k = times.count
        guard k >= 3, standardErrors.allSatisfy({ $0 > 0 && $0.isFinite }), values.allSatisfy(\.isFinite) else { return nil }
        let w = standardErrors.map { 1 / ($0 * $0) }
        let sw = w.reduce(0, +)
        let tBar = zip(w, times).map { $0 * $1 }.reduce(0, +) / sw
        let yBar = zip(w, values).map { $0 * $1 }.reduce(0, +) / sw
        var stt = 0.0, sty = 0.0
        for i in 0..<k {
            stt += w[i] * (times[i] - tBar) * (times[i] - tBar)
            sty += w[i] * (times[i] - tBar) * (values[i] - yBar)
        }
        guard stt > 0 else { return nil }
        slope = sty / stt
        intercept = yBar - slope * tBar
        standardError = 1 / stt.squareRoot()
        statistic = slope / standardError
        pValue = min(1, 2 * Normal.standard.survival(abs(statistic)))
        var q = 0.0
        for i in 0..<k {
            let r = values[i] - intercept - slope * times[i]
            q += w[i] * r * r
        }
        residualQ = q
        residualDegreesOfFreedom = k - 2
        lmStandardError = standardError * (q / Double(k - 2)).squareRoot()
        let tLM = slope / lmStandardError
        lmPValue = q > 0 ? min(1, 2 * StudentT(degreesOfFreedom: Double(k - 2)).survival(abs(tLM))) : (slope == 0 ? 1 : 0)
        points = k
        method = "weighted least squares, weights 1/SE², variances known (z test)"
    }
}
