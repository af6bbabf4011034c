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

    /// xᵃ yᵇ / B(a, b) with y = 1 − x given separately (DiDonato & Morris `brcomp`):
    /// for a, b ≥ 8 the exponent is taken about the mode so that nothing large cancels.
    static func betaFront(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        if x == 0 || y == 0 { return 0 }
        if a >= 8 && b >= 8 {
            let lambda = a > b ? (a + b) * y - b : a - (a + b) * x
            let (x0, y0): (Double, Double) = a > b
                ? (1 / (1 + b / a), (b / a) / (1 + b / a))
                : ((a / b) / (1 + a / b), 1 / (1 + a / b))
            var e = -lambda / a
            let u = abs(e) > 0.6 ? e - log(x / x0) : xMinusLog1p(e)
            e = lambda / b
            let v = abs(e) > 0.6 ? e - log(y / y0) : xMinusLog1p(e)
            let corr = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b)
            return 0.398_942_280_401_432_677_94 * (b * x0).squareRoot() * exp(-(a * u + b * v) - corr)
        }
        let lx = x > 0.5 ? log1p(-y) : log(x)
        let ly = y > 0.5 ? log1p(-x) : log(y)
        return exp(a * lx + b * ly - logBeta(a, b))
    }

    /// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`, modified Lentz).
    /// Converges fast for x < (a + 1)/(a + b + 2).
    static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            m += 1
        }
        return h
    }

    /// The regularized incomplete beta function and its complement,
    /// (I_x(a, b), 1 − I_x(a, b)), both with full relative accuracy; `y` must be 1 − x,
    /// computed by the caller without cancellation.
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> (p: Double, q: Double) {
        if a.isNaN || b.isNaN || x.isNaN || y.isNaN || a <= 0 || b <= 0 { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let front = betaFront(a, b, x, y)
        if x < (a + 1) / (a + b + 2) {
            let p = front * betaContinuedFraction(a, b, x) / a
            return (p, 1 - p)
        }
        let q = front * betaContinuedFraction(b, a, y) / b
        return (1 - q, q)
    }

    /// The density of Beta(a, b) at x (with y = 1 − x): xᵃ⁻¹ yᵇ⁻¹ / B(a, b).
    static func betaDensity(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        if x <= 0 || y <= 0 {
            if x <= 0 { return a < 1 ? .infinity : (a == 1 ? exp(-logBeta(a, b)) : 0) }
            return b < 1 ? .infinity : (b == 1 ? exp(-logBeta(a, b)) : 0)
        }
        return betaFront(a, b, x, y) / (x * y)
    }

    /// The inverse of the regularized incomplete beta function: (x, 1 − x) with
    /// I_x(a, b) = p, where q = 1 − p is given separately. Solves in the smaller tail and on
    /// the smaller of x and 1 − x, starting from the Numerical Recipes `invbetai` guess and
    /// refining by Halley steps inside a bisection bracket.
    static func inverseIncompleteBeta(_ a: Double, _ b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
        if a.isNaN || b.isNaN || p.isNaN || q.isNaN || a <= 0 || b <= 0 || p < 0 || q < 0 { return (.nan, .nan) }
        if p == 0 { return (0, 1) }
        if q == 0 { return (1, 0) }
        if p > q {
            let (y, x) = inverseIncompleteBeta(b, a, p: q, q: p)
            return (x, y)
        }
        // Now p ≤ ½: find x with I_x(a, b) = p.
        var x = initialBetaGuess(a, b, p: p)
        if !(x > 0 && x < 1) { x = 0.5 }
        var y = 1 - x
        var lo = (x: 0.0, y: 1.0), hi = (x: 1.0, y: 0.0)
        for _ in 0..<300 {
            let value = incompleteBeta(a, b, x: x, y: y)
            let f = value.p - p
            if f == 0 { break }
            if f < 0 { lo = (x, y) } else { hi = (x, y) }
            let density = betaDensity(a, b, x: x, y: y)
            var step = -f / density
            let curvature = (a - 1) / x - (b - 1) / y
            let halley = 1 - 0.5 * step * curvature
            if halley > 0.5 && halley < 2 { step /= halley }
            // Propose the move on the smaller coordinate.
            var next: (x: Double, y: Double)
            if x <= 0.5 {
                let nx = x + step
                next = (nx, 1 - nx)
            } else {
                let ny = y - step
                next = (1 - ny, ny)
            }
            let inside = next.x > lo.x && next.x < hi.x && next.y < lo.y && next.y > hi.y && step.isFinite
            if !inside {
                // Bisect, in the coordinate that is small (geometric mean across decades).
                if hi.x <= 0.5 {
                    let mid = lo.x > 0 && hi.x / lo.x > 16 ? (lo.x * hi.x).squareRoot() : 0.5 * (lo.x + hi.x)
                    next = (mid, 1 - mid)
                } else if lo.y <= 0.5 {
                    let mid = hi.y > 0 && lo.y / hi.y > 16 ? (lo.y * hi.y).squareRoot() : 0.5 * (lo.y + hi.y)
                    next = (1 - mid, mid)
                } else {
                    let mid = 0.5 * (lo.x + hi.x)
                    next = (mid, 1 - mid)
                }
                if next.x == x { break }
                x = next.x
                y = next.y
                continue
            }
            let change = x <= 0.5 ? abs(next.x - x) / next.x : abs(next.y - y) / next.y
            x = next.x
            y = next.y
            if change < 4e-16 { break }
        }
        return (x, y)
    }

    /// Starting value for the beta inverse (Numerical Recipes §6.14, `invbetai`).
    private static func initialBetaGuess(_ a: Double, _ b: Double, p: Double) -> Double {
        if a >= 1 && b >= 1 {
            let pp = p < 0.5 ? p : 1 - p
            let t = (-2 * log(pp)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { z = -z }
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let lna = log(a / (a + b)), lnb = log(b / (a + b))
        let t = exp(a * lna) / a, u = exp(b * lnb) / b
        let w = t + u
        if p < t / w { return pow(a * w * p, 1 / a) }
        return 1 - pow(b * w * (1 - p), 1 / b)
    }
}
