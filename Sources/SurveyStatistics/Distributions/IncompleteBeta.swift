#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The regularized incomplete beta function I_x(a, b) and its inverse, behind ``Beta``,
/// ``StudentT`` and ``FDistribution``.
///
/// I_x(a, b) = (1/B(a, b)) ∫₀ˣ tᵃ⁻¹ (1 − t)ᵇ⁻¹ dt, evaluated by the continued fraction of
/// Numerical Recipes §6.4 in whichever tail converges, with the front factor xᵃ(1−x)ᵇ/B(a, b)
/// computed as DiDonato & Morris's `brcomp` (no cancellation for large a, b); for one shape
/// ≥ 1000 and the other ≤ 1 the small tail comes from their asymptotic expansion `bgrat`.
///
/// References: DiDonato & Morris (1992), ACM TOMS 18, 360–373 (Algorithm 708);
/// Press et al. (2007), *Numerical Recipes*, 3rd ed., §6.4 and §6.14.
extension SpecialFunctions {
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
        if a < 8 && b < 8 {
            // Directly where nothing under- or overflows: pow keeps the digits that
            // exp(a·log x) loses when a·log x is large.
            let direct = pow(x, a) * pow(y, b) * (tgamma(a + b) / (tgamma(a) * tgamma(b)))
            if direct.isNormal { return direct }
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
            if abs(delta - 1) <= 3e-16 { break }
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
        // One shape large and the other at most 1 (Student t with many df): near the switch
        // point the continued fraction loses digits, so use DiDonato & Morris's asymptotic
        // expansion BGRAT for the tail it computes directly, when that tail is the small one.
        if max(a, b) >= 1000 && min(a, b) <= 1 {
            if a >= b, let p = asymptoticLargeA(a, b, x: x, y: y), p <= 0.5 { return (p, 1 - p) }
            if b > a, let q = asymptoticLargeA(b, a, x: y, y: x), q <= 0.5 { return (1 - q, q) }
        }
        let front = betaFront(a, b, x, y)
        if x < (a + 1) / (a + b + 2) {
            let p = front * betaContinuedFraction(a, b, x) / a
            return (p, 1 - p)
        }
        let q = front * betaContinuedFraction(b, a, y) / b
        return (1 - q, q)
    }

    /// I_x(a, b) for a ≥ 15 and b ≤ 1 by the asymptotic expansion of DiDonato & Morris (1992,
    /// §9; TOMS 708 `bgrat`) in terms of Q(b, z), z = −(a + (b − 1)/2)·log x. Returns `nil`
    /// where the expansion cannot be formed (underflow, or a sum that is not positive).
    static func asymptoticLargeA(_ a: Double, _ b: Double, x: Double, y: Double) -> Double? {
        let bm1 = b - 1
        let nu = a + bm1 / 2
        let lnx = y > 0.375 ? log(x) : log1p(-y)
        let z = -nu * lnx
        if b * z == 0 || !z.isFinite { return nil }
        // r = e^(−z) z^b / Γ(b).
        let r = exp(-z + b * log(z) - logGamma(b))
        // u = r · Γ(a + b)/Γ(a) · ν^(−b), the log-ratio of gammas written without cancellation.
        let logRatio = (a - 0.5) * log1p(b / a) + b * log(a + b) - b
            + stirlingCorrection(a + b) - stirlingCorrection(a)   // log Γ(a + b) − log Γ(a)
        let u = r * exp(logRatio - b * log(nu))
        if u == 0 || !u.isFinite || r == 0 { return nil }
        let q = incompleteGamma(b, x: z).q
        let v = 0.25 / (nu * nu)
        let t2 = 0.25 * lnx * lnx
        var j = q / r
        var sum = j
        var t = 1.0
        var cn = 1.0
        var n2 = 0.0
        var c = [Double](repeating: 0, count: 30)
        var d = [Double](repeating: 0, count: 30)
        for n in 1...30 {
            let bp2n = b + n2
            j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v
            n2 += 2
            t *= t2
            cn /= n2 * (n2 + 1)
            c[n - 1] = cn
            var s = 0.0
            if n > 1 {
                var coef = b - Double(n)
                for i in 1..<n {
                    s += coef * c[i - 1] * d[n - 1 - i]
                    coef += b
                }
            }
            d[n - 1] = bm1 * cn + s / Double(n)
            let dj = d[n - 1] * j
            sum += dj
            if sum <= 0 { return nil }
            if abs(dj) <= 1e-16 * sum { break }
        }
        return u * sum
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
    /// refining by Newton steps on log I against the log of that coordinate (quadratic near
    /// the root, and straight through power-law tails), inside a bisection bracket.
    static func inverseIncompleteBeta(_ a: Double, _ b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
        if a.isNaN || b.isNaN || p.isNaN || q.isNaN || a <= 0 || b <= 0 || p < 0 || q < 0 { return (.nan, .nan) }
        if p == 0 { return (0, 1) }
        if q == 0 { return (1, 0) }
        if p > q {
            let (y, x) = inverseIncompleteBeta(b, a, p: q, q: p)
            return (x, y)
        }
        // Now p ≤ ½: find x with I_x(a, b) = p. Points are (x, y) pairs; `lo` has I < p.
        var x = initialBetaGuess(a, b, p: p)
        if !(x > 0 && x < 1) { x = 0.5 }
        var y = 1 - x
        var lo = (x: 0.0, y: 1.0), hi = (x: 1.0, y: 0.0)
        for _ in 0..<400 {
            let value = incompleteBeta(a, b, x: x, y: y).p
            if value == p { break }
            if value < p { lo = (x, y) } else { hi = (x, y) }
            let density = betaDensity(a, b, x: x, y: y)
            let onX = x <= y
            var next: (x: Double, y: Double) = (.nan, .nan)
            var logStep = Double.nan
            if value > 0 && density > 0 && density.isFinite {
                // d log I / d log w = ± w·density / I, w the working coordinate.
                let w = onX ? x : y
                let slope = (onX ? 1 : -1) * w * density / value
                logStep = -log(value / p) / slope
                logStep = max(-20, min(20, logStep))
                let nw = w * exp(logStep)
                next = onX ? (nw, 1 - nw) : (1 - nw, nw)
            }
            let inside = onX ? (next.x > lo.x && next.x < hi.x) : (next.y < lo.y && next.y > hi.y)
            if !inside {
                next = bisect(lo, hi)
                if next.x == x && next.y == y { break }
                x = next.x
                y = next.y
                continue
            }
            x = next.x
            y = next.y
            if abs(logStep) < 2e-16 { break }
        }
        return (x, y)
    }

    /// A midpoint of the bracket [lo, hi], taken on the smaller coordinate and geometric
    /// when the bracket spans decades.
    private static func bisect(_ lo: (x: Double, y: Double), _ hi: (x: Double, y: Double)) -> (x: Double, y: Double) {
        if hi.x <= 0.5 {
            let mid = lo.x == 0 ? hi.x / 64 : (hi.x / lo.x > 16 ? lo.x.squareRoot() * hi.x.squareRoot() : 0.5 * (lo.x + hi.x))
            return (mid, 1 - mid)
        }
        if lo.y <= 0.5 {
            let mid = hi.y == 0 ? lo.y / 64 : (lo.y / hi.y > 16 ? lo.y.squareRoot() * hi.y.squareRoot() : 0.5 * (lo.y + hi.y))
            return (1 - mid, mid)
        }
        let mid = 0.5 * (lo.x + hi.x)
        return (mid, 1 - mid)
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
