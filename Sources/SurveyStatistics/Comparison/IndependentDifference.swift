/// How the difference of two independent estimates is referred: normal (z) or Welch's t.
public enum DifferenceMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// z = (θ̂₁ − θ̂₂ − δ₀)/√(SE₁² + SE₂²) against the standard normal; interval with z.
    case z = "z"
    /// Welch's t: the same statistic against t with the Welch–Satterthwaite degrees of
    /// freedom ν = (v₁ + v₂)² / (v₁²/ν₁ + v₂²/ν₂), vᵢ = SEᵢ², νᵢ each estimate's df
    /// (a `nil` df counts as infinite). R: `t.test(x, y)` (var.equal = FALSE).
    case welch = "welch"
}

extension Estimate {
    /// The difference `self − other` of two independent estimates:
    ///
    ///     value = θ̂₁ − θ̂₂,   SE = √(SE₁² + SE₂²),
    ///
    /// with degrees of freedom `nil` for `.z` and Welch–Satterthwaite for `.welch` (`nil`
    /// when both inputs have `nil` df). `n` is n₁ + n₂; weighted N, effective n and design
    /// effect are not carried over.
    ///
    /// Edge cases: a NaN input gives a NaN difference; both SE = 0 gives SE 0 and Welch df NaN.
    /// Reference: Welch, B. L. (1947). The generalization of "Student's" problem when several
    /// different population variances are involved. *Biometrika* 34, 28–35.
    /// Satterthwaite, F. E. (1946). *Biometrics Bulletin* 2, 110–114.
    public func difference(minus other: Estimate, method: DifferenceMethod = .z) -> Estimate {
        let v1 = variance, v2 = other.variance
        var df: Double?
        if method == .welch, degreesOfFreedom != nil || other.degreesOfFreedom != nil {
            let term1 = degreesOfFreedom.map { v1 * v1 / $0 } ?? 0
            let term2 = other.degreesOfFreedom.map { v2 * v2 / $0 } ?? 0
            df = (v1 + v2) * (v1 + v2) / (term1 + term2)
        }
        return Estimate(value: value - other.value, standardError: (v1 + v2).squareRoot(), degreesOfFreedom: df,
                        n: n + other.n, method: "difference (\(method.rawValue))")
    }
}

/// The comparison of two independent estimates: their difference with an interval and a
/// test of "difference = δ₀" (year over year, province against province).
///
///     d = θ̂₁ − θ̂₂,  SE = √(SE₁² + SE₂²),  statistic = (d − δ₀)/SE,
///     interval d ± q·SE with q = z or the Welch t quantile.
///
/// Edge cases: SE = 0 gives statistic ±∞ (p = 0) when d ≠ δ₀ and NaN (p = 1) when d = δ₀,
/// with a note; NaN inputs give NaN results.
/// R: `t.test(x, y)` for Welch; `svyttest` for two domains of one design is the design
/// engineer's (those estimates are not independent).
/// Reference: Welch (1947); Lumley (2010) §3.
public struct DifferenceComparison: Sendable, Hashable, Codable {
    /// The difference first − second, with its standard error and df.
    public var difference: Estimate
    /// The confidence interval for the difference.
    public var interval: ConfidenceInterval
    /// The test of difference = `nullValue`.
    public var test: HypothesisTest

    /// Compares `first` with `second` (independent samples).
    ///
    /// - Parameters:
    ///   - first: θ̂₁ (e.g. this year).
    ///   - second: θ̂₂ (e.g. last year).
    ///   - method: `.z` (default) or `.welch`.
    ///   - level: confidence level of the interval.
    ///   - nullValue: δ₀, default 0.
    ///   - alternative: default two-sided.
    /// - Precondition: `0 < level < 1`.
    public init(_ first: Estimate, _ second: Estimate, method: DifferenceMethod = .z, level: Double = 0.95,
                nullValue: Double = 0, alternative: Alternative = .twoSided) {
        let d = first.difference(minus: second, method: method)
        difference = d
        interval = d.interval(level: level)
        interval.method = method.rawValue
        let name = method.rawValue
        let se = d.standardError
        if se == 0 && !d.value.isNaN {
            let diff = d.value - nullValue
            let statistic: Double = diff == 0 ? .nan : (diff > 0 ? .infinity : -.infinity)
            let p: Double
            if diff == 0 {
                p = 1
            } else {
                switch alternative {
                case .twoSided: p = 0
                case .greater: p = diff > 0 ? 0 : 1
                case .less: p = diff < 0 ? 0 : 1
                }
            }
            test = HypothesisTest(statistic: statistic, pValue: p, degreesOfFreedom: d.degreesOfFreedom,
                                  nullValue: nullValue, alternative: alternative, method: name,
                                  note: "standard error 0: the difference is known exactly")
            return
        }
        let statistic = (d.value - nullValue) / se
        let p: Double
        if let df = d.degreesOfFreedom {
            p = alternative.pValue(statistic, StudentT(degreesOfFreedom: df))
        } else {
            p = alternative.pValue(statistic, Normal.standard)
        }
        test = HypothesisTest(statistic: statistic, pValue: p, degreesOfFreedom: d.degreesOfFreedom,
                              nullValue: nullValue, alternative: alternative, method: name)
    }
}
