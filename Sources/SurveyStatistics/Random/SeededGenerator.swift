import Dispatch
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

extension SeededGenerator {
    /// `count` standard normal variates: the same values in the same order as `count` calls of
    /// ``Swift/RandomNumberGenerator/nextNormal()``, leaving the generator in the same state.
    ///
    /// The uniform pairs are drawn and accepted in sequence (Marsaglia's polar method, as
    /// `nextNormal`); the logarithms and square roots, most of the cost, then run on the
    /// available cores, each value computed by the same expression, so the cores do not change
    /// any value.
    public mutating func nextNormals(count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var u = [Double](repeating: 0, count: count)
        var s = [Double](repeating: 0, count: count)
        for k in 0..<count {
            while true {
                let a = 2 * nextUniform() - 1
                let b = 2 * nextUniform() - 1
                let t = a * a + b * b
                if t > 0 && t < 1 {
                    u[k] = a
                    s[k] = t
                    break
                }
            }
        }
        var out = [Double](repeating: 0, count: count)
        let chunks = min(count, 8)
        out.withUnsafeMutableBufferPointer { out in
            u.withUnsafeBufferPointer { u in
                s.withUnsafeBufferPointer { s in
                    let (o, uu, ss) = (SendablePointer(out.baseAddress!), SendablePointer(UnsafeMutablePointer(mutating: u.baseAddress!)),
                                       SendablePointer(UnsafeMutablePointer(mutating: s.baseAddress!)))
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        for k in (count * c / chunks)..<(count * (c + 1) / chunks) {
                            let t = ss.pointer[k]
                            o.pointer[k] = uu.pointer[k] * (-2 * PortableMath.log(t) / t).squareRoot()
                        }
                    }
                }
            }
        }
        return out
    }
}

/// A raw pointer handed to concurrent tasks that each touch their own disjoint range of it
/// (and only read the ranges others write after the tasks have all returned), which is why the
/// unchecked `Sendable` is sound.
struct SendablePointer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
