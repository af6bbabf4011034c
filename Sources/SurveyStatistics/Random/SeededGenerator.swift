/// A seeded, portable pseudo-random generator: xoshiro256** with its state filled by SplitMix64.
///
/// The same seed gives the same sequence of `UInt64` values on every platform and every Swift
/// version, because the algorithm is written here in integer arithmetic only (the standard
/// library's `SystemRandomNumberGenerator` is neither seedable nor reproducible).
///
/// Seeding: the four 64-bit state words are the first four outputs of SplitMix64 started at
/// `seed`, as Vigna recommends; SplitMix64 never yields four zero words, so every seed
/// (including 0) gives a valid state.
///
/// Step (all arithmetic modulo 2⁶⁴): `result = rotl(s₁·5, 7)·9`, then
/// `t = s₁ << 17; s₂ ^= s₀; s₃ ^= s₁; s₁ ^= s₂; s₀ ^= s₃; s₂ ^= t; s₃ = rotl(s₃, 45)`.
///
/// Period 2²⁵⁶ − 1. Not cryptographically secure: use it for bootstrap resampling and synthetic
/// data, never for secrets.
///
/// ```swift
/// var rng = SeededGenerator(seed: 2024)
/// let u = rng.nextUniform()          // in [0, 1)
/// let z = rng.nextNormal()           // standard normal
/// let k = Int.random(in: 0..<10, using: &rng)
/// ```
///
/// Reference: Blackman & Vigna (2021), "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4); Steele, Lea & Flood (2014) for SplitMix64.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    /// The four state words. Exposed so a generator can be saved and restored exactly.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is the first four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(seed: seed)
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    /// A generator with the given raw state words.
    ///
    /// - Precondition: not all four words are zero (the all-zero state is a fixed point).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// An independent-looking stream for a sub-task: a generator seeded from this one's next
    /// output mixed with `stream`. Use one per replicate or per worker so that parallel work
    /// gives the same numbers as serial work.
    public mutating func split(stream: UInt64 = 0) -> SeededGenerator {
        SeededGenerator(seed: next() ^ SplitMix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// Two generators are equal when their states are: they will produce the same sequence.
    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
        lhs.state == rhs.state
    }

    /// Hashes the four state words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}

@inlinable
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}

/// SplitMix64: a 64-bit generator with a single word of state, used to seed
/// ``SeededGenerator`` and, through ``SplitMix64/mix(_:)``, as a counter-based hash.
///
/// Step: `x += 0x9E3779B97F4A7C15`, then `z = x; z = (z ^ (z >> 30))·0xBF58476D1CE4E5B9;
/// z = (z ^ (z >> 27))·0x94D049BB133111EB; return z ^ (z >> 31)`.
///
/// Reference: Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators",
/// OOPSLA.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current state word.
    public private(set) var state: UInt64

    /// A generator starting at `seed` (any value, including 0).
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function (Stafford's "variant 13" finaliser): a bijection of
    /// `UInt64` that scrambles every input bit into every output bit.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
