#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The chi-square distribution with k degrees of freedom (fractional allowed).
///
/// CDF: P(χ² ≤ x) = P(k/2, x/2), the regularized lower incomplete gamma function;
/// quantile: 2 · P⁻¹(k/2, p), refined by Halley steps.
///
/// Edge cases: k ≤ 0 or NaN gives NaN; the CDF is 0 for x ≤ 0; `quantile(1) = +∞`.
///
/// Reference: Abramowitz & Stegun (1964) 26.4.19; Press et al. (2007) §6.2, §6.14.
public struct ChiSquared: ContinuousDistribution, Hashable {
    /// The degrees of freedom k > 0.
    public var degreesOfFreedom: Double

    /// χ²(k).
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var isValid: Bool { degreesOfFreedom > 0 && degreesOfFreedom.isFinite }

    /// x^(k/2 − 1) e^(−x/2) / (2^(k/2) Γ(k/2)) for x > 0.
    public func density(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x < 0 { return 0 }
        let a = 0.5 * degreesOfFreedom
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 0.5 : 0) }
        return 0.5 * SpecialFunctions.gammaFront(a, 0.5 * x) / (0.5 * x)
    }

    /// P(k/2, x/2).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.incompleteGamma(0.5 * degreesOfFreedom, x: 0.5 * x).p
    }

    /// Q(k/2, x/2), without cancellation.
    public func survival(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return SpecialFunctions.incompleteGamma(0.5 * degreesOfFreedom, x: 0.5 * x).q
    }

    /// The x with P(χ² ≤ x) = p.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        return 2 * SpecialFunctions.inverseIncompleteGamma(0.5 * degreesOfFreedom, p: p, q: 1 - p)
    }

    /// The x with P(χ² > x) = q.
    public func upperQuantile(_ q: Double) -> Double {
        guard isValid, q >= 0, q <= 1 else { return .nan }
        return 2 * SpecialFunctions.inverseIncompleteGamma(0.5 * degreesOfFreedom, p: 1 - q, q: q)
    }
}
