#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x) and their
/// inverse, behind ``ChiSquared``.
///
/// P(a, x) = (1/Γ(a)) ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt: the power series for x < a + 1, the continued
/// fraction (modified Lentz) for Q otherwise; the front factor xᵃe⁻ˣ/Γ(a) is taken about
/// x = a for large a, as √(a/2π) · exp(−a·(e − log(1 + e)) − δ(a)), e = (x − a)/a.
///
/// References: Press et al. (2007), *Numerical Recipes*, 3rd ed., §6.2;
/// DiDonato, A. R. & Morris, A. H. (1986). Computation of the incomplete gamma function
/// ratios and their inverse. *ACM TOMS* 12, 377–393.
extension SpecialFunctions {
    /// xᵃ e⁻ˣ / Γ(a).
    static func gammaFront(_ a: Double, _ x: Double) -> Double {
        if x == 0 { return 0 }
        if a >= 8 {
            let e = (x - a) / a
            // a·(e − log(1 + e)); far from the mode written as (x − a) − a·log(x/a) so that
            // a tiny x keeps its digits.
            let exponent = abs(e) > 0.6 ? (x - a) - a * log(x / a) : a * xMinusLog1p(e)
            return (a / (2 * Double.pi)).squareRoot() * exp(-exponent - stirlingCorrection(a))
        }
        // Directly where nothing overflows (pow keeps the digits that exp(a·log x) loses
        // when a·log x is large), else through logarithms.
        let direct = pow(x, a) * exp(-x) / tgamma(a)
        if direct.isNormal { return direct }
        return exp(a * log(x) - x - logGamma(a))
    }

    /// (P(a, x), Q(a, x)), each with full relative accuracy.
    static func incompleteGamma(_ a: Double, x: Double) -> (p: Double, q: Double) {
        if a.isNaN || x.isNaN || a <= 0 { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let front = gammaFront(a, x)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var ap = a
            for _ in 0..<100_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            let p = sum * front
            return (p, 1 - p)
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 3e-16 { break }
            i += 1
        }
        let q = front * h
        return (1 - q, q)
    }

    /// The x with P(a, x) = p, where q = 1 − p is given separately: Numerical Recipes
    /// `invgammp` starting value, Halley steps on the smaller tail, bisection fallback.
    static func inverseIncompleteGamma(_ a: Double, p: Double, q: Double) -> Double {
        if a.isNaN || p.isNaN || q.isNaN || a <= 0 || p < 0 || q < 0 { return .nan }
        if p == 0 { return 0 }
        if q == 0 { return .infinity }
        let useLower = p <= q
        // Starting value.
        var x: Double
        if a > 1 {
            let pp = useLower ? p : q
            let t = (-2 * log(pp)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if !useLower { z = -z }
            x = max(1e-3, a * pow(1 - 1 / (9 * a) + z / (3 * a.squareRoot()), 3))
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            x = p < t ? pow(p / t, 1 / a) : 1 - log(q / (1 - t))
        }
        var lo = 0.0, hi = Double.infinity
        for _ in 0..<400 {
            let value = incompleteGamma(a, x: x)
            let tail = useLower ? value.p : value.q
            let target = useLower ? p : q
            if tail == target { break }
            // Increasing in x: P − p, or q − Q.
            if (useLower && tail < target) || (!useLower && tail > target) { lo = x } else { hi = x }
            let density = gammaFront(a, x) / x
            var next = Double.nan
            var change = Double.nan
            if tail > 0 && density > 0 && density.isFinite {
                if useLower {
                    // Newton on log P against log x: power-law lower tail.
                    var logStep = -log(tail / target) * tail / (x * density)
                    logStep = max(-20, min(20, logStep))
                    next = x * exp(logStep)
                    change = abs(logStep)
                } else {
                    // Newton on log Q against x: exponential upper tail.
                    let step = log(tail / target) * tail / density
                    next = x + step
                    change = abs(step) / next
                }
            }
            if !(next > lo && next < hi) {
                if hi.isInfinite {
                    next = max(2 * x, 1)
                } else if lo == 0 {
                    next = hi / 64
                } else if hi / lo > 16 {
                    next = lo.squareRoot() * hi.squareRoot()
                } else {
                    next = 0.5 * (lo + hi)
                }
                if next == x { break }
                x = next
                continue
            }
            x = next
            if change < 2e-16 { break }
        }
        return x
    }
}
