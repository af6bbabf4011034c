/// `log` and `exp` written with IEEE-754 operations only (+, −, ×, ÷, exact scaling by powers of
/// two), so that random variates built on them are bit-for-bit the same on every platform.
///
/// The platform `log`/`exp` (glibc, Apple libm, Windows CRT) may differ in the last bit; a
/// seeded normal or gamma variate that used them could then differ between a Mac and a Linux
/// server. These versions are accurate to a few units in the last place, which is ample for
/// random variates, and are not meant for anything else.
enum PortableMath {
    static let ln2Hi = 6.93147180369123816490e-01  // high bits of ln 2 (exact in 32 bits)
    static let ln2Lo = 1.90821492927058770002e-10  // ln 2 − ln2Hi

    /// Natural logarithm. `log(0) = −∞`, negative or NaN input gives NaN, `log(∞) = ∞`.
    ///
    /// x = m·2ᵉ with m ∈ [√½, √2); with s = (m − 1)/(m + 1),
    /// log m = 2·(s + s³/3 + s⁵/5 + … + s²³/23) (|s| ≤ 0.172, truncation below 1e-18).
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var e = Double(x.exponent)
        var m = x.significand  // in [1, 2), also for subnormals
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var p = 1.0 / 23
        var k = 21.0
        while k >= 3 {
            p = p * s2 + 1 / k
            k -= 2
        }
        let logM = 2 * s * (p * s2 + 1)
        return e * ln2Hi + (e * ln2Lo + logM)
    }

    /// Exponential. Overflow gives ∞, underflow 0, NaN stays NaN.
    ///
    /// x = k·ln 2 + r with |r| ≤ ½ ln 2; eʳ by its Taylor series to r²⁰/20!, then scaled by 2ᵏ.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / 0.6931471805599453).rounded(.toNearestOrEven)
        let r = (x - k * ln2Hi) - k * ln2Lo
        var p = 1.0
        var i = 20.0
        while i >= 1 {
            p = 1 + p * r / i
            i -= 1
        }
        // Scale in two steps so that results near the subnormal range are not lost.
        let ki = Int(k)
        if ki < -1000 {
            return Double(sign: .plus, exponent: ki + 1000, significand: p) * 0x1p-1000
        }
        return Double(sign: .plus, exponent: ki, significand: p)
    }
}
