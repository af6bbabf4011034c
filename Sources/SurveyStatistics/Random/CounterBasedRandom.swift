/// Random numbers addressed by coordinates instead of drawn in sequence: the value for
/// (seed, a, b) is a fixed hash, so it can be recomputed anywhere, in any order, by any thread,
/// without storing it.
///
///     h = mix(seed ⊕ mix(a·K₁ ⊕ mix(b·K₂ + K₃)))
///
/// with `mix` the SplitMix64 finaliser (a bijection of 64-bit words) and K the odd constants
/// below. The Poisson bootstrap uses (row or PSU, replicate) as coordinates. Statistical quality
/// is that of SplitMix64's output function; it is not cryptographic.
///
/// Reference: Salmon, Moraes, Dror & Shaw (2011), "Parallel random numbers: as easy as 1, 2, 3",
/// SC'11 (counter-based generators); Steele, Lea & Flood (2014) for the mixer.
public struct CounterBasedRandom: Sendable, Hashable {
    /// The seed.
    public let seed: UInt64

    /// A counter-based source with the given seed.
    public init(seed: UInt64) { self.seed = seed }

    /// 64 random bits for the coordinates (a, b).
    @inlinable
    public func bits(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let inner = SplitMix64.mix(b &* 0xD6E8_FEB8_6659_FD93 &+ 0x9E37_79B9_7F4A_7C15)
        return SplitMix64.mix(seed ^ SplitMix64.mix(a &* 0xBF58_476D_1CE4_E5B9 ^ inner))
    }

    /// A uniform double in [0, 1) for the coordinates (a, b): the top 53 bits times 2⁻⁵³.
    @inlinable
    public func uniform(_ a: UInt64, _ b: UInt64) -> Double {
        Double(bits(a, b) >> 11) * 0x1p-53
    }

    /// A Poisson(1) count for the coordinates (a, b), by inversion of its distribution function
    /// (P(k) = e⁻¹/k!). Mean 1, variance 1.
    @inlinable
    public func poissonOne(_ a: UInt64, _ b: UInt64) -> Int {
        poissonQuantile(uniform(a, b), lambda: 1, p0: 0.36787944117144233)
    }
}
