/// Snedecor's F distribution with (d₁, d₂) degrees of freedom (fractional allowed).
///
/// CDF: P(F ≤ x) = I_{d₁x/(d₁x + d₂)}(d₁/2, d₂/2); quantile by the beta inverse,
/// x = d₂·u / (d₁·(1 − u)) with u the Beta(d₁/2, d₂/2) quantile.
///
/// Edge cases: d₁ ≤ 0 or d₂ ≤ 0 gives NaN; P(F ≤ x) = 0 for x ≤ 0; `quantile(1) = +∞`.
///
/// Reference: Abramowitz & Stegun (1964) 26.6.2.
public struct FDistribution: ContinuousDistribution, Hashable {
    /// Numerator degrees of freedom d₁.
    public var numeratorDegreesOfFreedom: Double
    /// Denominator degrees of freedom d₂.
    public var denominatorDegreesOfFreedom: Double

    /// F(d₁, d₂).
    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    private var isValid: Bool { numeratorDegreesOfFreedom > 0 && denominatorDegreesOfFreedom > 0 }

    private func betaArguments(_ x: Double) -> (x: Double, y: Double) {
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        if x.isInfinite { return (1, 0) }
        let s = d1 * x + d2
        return (d1 * x / s, d2 / s)
    }

    /// d₁^(d₁/2) d₂^(d₂/2) x^(d₁/2 − 1) / (B(d₁/2, d₂/2) (d₁x + d₂)^((d₁+d₂)/2)).
    public func density(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x < 0 { return 0 }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let (u, v) = betaArguments(x)
        // dF/dx = Beta density at u times du/dx = d₁d₂/(d₁x + d₂)².
        let s = d1 * x + d2
        return SpecialFunctions.betaDensity(0.5 * d1, 0.5 * d2, x: u, y: v) * d1 * d2 / (s * s)
    }

    /// P(F ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        let (u, v) = betaArguments(x)
        return SpecialFunctions.incompleteBeta(0.5 * numeratorDegreesOfFreedom, 0.5 * denominatorDegreesOfFreedom, x: u, y: v).p
    }

    /// P(F > x), without cancellation.
    public func survival(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        let (u, v) = betaArguments(x)
        return SpecialFunctions.incompleteBeta(0.5 * numeratorDegreesOfFreedom, 0.5 * denominatorDegreesOfFreedom, x: u, y: v).q
    }

    /// The x with P(F ≤ x) = p.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        return fromBeta(SpecialFunctions.inverseIncompleteBeta(
            0.5 * numeratorDegreesOfFreedom, 0.5 * denominatorDegreesOfFreedom, p: p, q: 1 - p))
    }

    /// The x with P(F > x) = q.
    public func upperQuantile(_ q: Double) -> Double {
        guard isValid, q >= 0, q <= 1 else { return .nan }
        return fromBeta(SpecialFunctions.inverseIncompleteBeta(
            0.5 * numeratorDegreesOfFreedom, 0.5 * denominatorDegreesOfFreedom, p: 1 - q, q: q))
    }

    private func fromBeta(_ u: (x: Double, y: Double)) -> Double {
        if u.y == 0 { return .infinity }
        return denominatorDegreesOfFreedom * u.x / (numeratorDegreesOfFreedom * u.y)
    }
}
