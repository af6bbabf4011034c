#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The normal (Gaussian) distribution N(mean, standardDeviation²).
///
/// CDF: Φ(z) = ½ erfc(−z/√2), z = (x − mean)/sd, from the C library's `erfc`, which keeps
/// full relative accuracy far into both tails (Φ(−30) ≈ 4.9e-198).
/// Quantile: Wichura's algorithm AS 241 (PPND16), relative accuracy about 1e-16, as in R's
/// `qnorm` and SciPy's `ndtri`.
///
/// Edge cases: `standardDeviation ≤ 0` or NaN gives NaN; `quantile(0) = −∞`,
/// `quantile(1) = +∞`.
///
/// Reference: Wichura, M. J. (1988). Algorithm AS 241: The percentage points of the normal
/// distribution. *Applied Statistics* 37, 477–484.
public struct Normal: ContinuousDistribution, Hashable {
    /// The mean μ.
    public var mean: Double
    /// The standard deviation σ > 0.
    public var standardDeviation: Double

    /// N(mean, standardDeviation²).
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The standard normal N(0, 1).
    public static let standard = Normal()

    private var isValid: Bool { standardDeviation > 0 && standardDeviation.isFinite && mean.isFinite }

    /// φ(z)/σ with z = (x − μ)/σ, φ(z) = exp(−z²/2)/√(2π).
    public func density(_ x: Double) -> Double {
        guard isValid else { return .nan }
        let z = (x - mean) / standardDeviation
        return 0.398_942_280_401_432_677_94 * exp(-0.5 * z * z) / standardDeviation
    }

    /// Φ((x − μ)/σ) = ½ erfc(−z/√2).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        let z = (x - mean) / standardDeviation
        return 0.5 * erfc(-z * 0.707_106_781_186_547_524_40)
    }

    /// 1 − Φ(z) = ½ erfc(z/√2), without cancellation.
    public func survival(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        let z = (x - mean) / standardDeviation
        return 0.5 * erfc(z * 0.707_106_781_186_547_524_40)
    }

    /// μ + σ Φ⁻¹(p) by AS 241.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        return mean + standardDeviation * Normal.standardQuantile(lower: p, upper: 1 - p, useUpper: p > 0.5)
    }

    /// μ + σ Φ⁻¹(1 − q), computed from q directly.
    public func upperQuantile(_ q: Double) -> Double {
        guard isValid, q >= 0, q <= 1 else { return .nan }
        return mean + standardDeviation * Normal.standardQuantile(lower: 1 - q, upper: q, useUpper: q < 0.5)
    }

    /// AS 241 (PPND16). `lower` and `upper` are p and 1 − p; the tail branch uses whichever
    /// of them `useUpper` says was given exactly.
    static func standardQuantile(lower p: Double, upper q: Double, useUpper: Bool) -> Double {
        if p == 0 { return -.infinity }
        if q == 0 { return .infinity }
        let centred = useUpper ? 0.5 - q : p - 0.5
        if abs(centred) <= 0.425 {
            let r = 0.180625 - centred * centred
            let num = (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((r * 5226.495278852545925 + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return centred * num / den
        }
        let tail = centred < 0 ? (useUpper ? 1 - q : p) : (useUpper ? q : 1 - p)
        var r = (-log(tail)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            value = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
                / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
        } else {
            r -= 5
            value = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
                / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
        }
        return centred < 0 ? -value : value
    }
}
