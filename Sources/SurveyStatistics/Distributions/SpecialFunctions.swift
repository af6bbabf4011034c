#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// Special functions behind the distributions: log-gamma, log-beta, Stirling's correction
/// and the regularized incomplete beta function with its inverse. Internal: the public
/// faces are the distribution types (``Beta``, ``StudentT``, ``FDistribution``).
///
/// References: DiDonato, A. R. & Morris, A. H. (1992). Algorithm 708: Significant digit
/// computation of the incomplete beta function ratios. *ACM TOMS* 18, 360–373.
/// Press, W. H. et al. (2007). *Numerical Recipes*, 3rd ed., §6.1, §6.4, §6.14.
enum SpecialFunctions {
    /// log √(2π).
    static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406

    /// log Γ(x) for x > 0, from the C library's reentrant `lgamma_r` (no global sign).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// Stirling's correction δ(x) = log Γ(x) − [(x − ½) log x − x + log √(2π)] for x ≥ 8,
    /// from its asymptotic series (Bernoulli numbers); absolute error below 1e-16.
    static func stirlingCorrection(_ x: Double) -> Double {
        if x < 8 {
            return logGamma(x) - ((x - 0.5) * log(x) - x + logSqrtTwoPi)
        }
        let r = 1 / x
        let r2 = r * r
        // B_{2k} / (2k (2k − 1)), k = 1...8
        let series = 1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
            + r2 * (1.0 / 1188 + r2 * (-691.0 / 360_360 + r2 * (1.0 / 156 + r2 * (-3617.0 / 122_400)))))))
        return series * r
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), arranged as R's `lbeta` so that
    /// large arguments do not cancel.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b)
        if p < 0 || p.isNaN || q.isNaN { return .nan }
        if p == 0 { return .infinity }
        if !q.isFinite { return -.infinity }
        if p >= 8 {
            let corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + logSqrtTwoPi + corr + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        }
        if q >= 8 {
            let corr = stirlingCorrection(q) - stirlingCorrection(p + q)
            return logGamma(p) + corr + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return logGamma(p) + logGamma(q) - logGamma(p + q)
    }

    /// x − log(1 + x) without cancellation.
    static func xMinusLog1p(_ x: Double) -> Double {
        if abs(x) < 1e-3 {
            // x²/2 − x³/3 + x⁴/4 − x⁵/5 + x⁶/6
            let x2 = x * x
            return x2 * (0.5 - x * (1.0 / 3 - x * (0.25 - x * (0.2 - x / 6))))
        }
        return x - log1p(x)
    }
}
