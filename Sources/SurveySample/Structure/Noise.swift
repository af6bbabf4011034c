import SurveyStatistics

/// Cheap portable noise for the hot loop.
enum Noise {
    /// An approximately standard normal value from one 64-bit draw: the sum of four 16-bit
    /// uniforms (Irwin–Hall with n = 4), centred and scaled to variance 1:
    /// (U₁ + U₂ + U₃ + U₄ − 2)·√3. It is bounded by ±2√3 ≈ ±3.46, which is harmless for
    /// synthetic answers, and costs no logarithm.
    @inline(__always)
    static func irwinHall(_ bits: UInt64) -> Double {
        let sum = (bits & 0xFFFF) + ((bits >> 16) & 0xFFFF) + ((bits >> 32) & 0xFFFF) + (bits >> 48)
        return (Double(sum) * 0x1p-16 - 2) * 1.7320508075688772
    }

    /// The same from the low 48 bits of `bits`: three 16-bit uniforms (Irwin–Hall with n = 3),
    /// (U₁ + U₂ + U₃ − 1.5)·2, bounded by ±3; the top 16 bits are left for the caller.
    @inline(__always)
    static func irwinHall3(_ bits: UInt64) -> Double {
        let sum = (bits & 0xFFFF) + ((bits >> 16) & 0xFFFF) + ((bits >> 32) & 0xFFFF)
        return (Double(sum) * 0x1p-16 - 1.5) * 2
    }
}

extension SeededGenerator {
    /// A uniform double in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUniform()
    }
}

/// Deterministic sub-seeds: one independent stream per purpose, so that adding a column to
/// a survey does not move the draws of the others.
enum Streams {
    static func seed(_ seed: UInt64, _ purpose: UInt64, _ index: UInt64 = 0) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(seed ^ SplitMix64.mix(purpose &* 0x9E37_79B9_7F4A_7C15)) &+ index)
    }

    static func generator(_ seed: UInt64, _ purpose: UInt64, _ index: UInt64 = 0) -> SeededGenerator {
        SeededGenerator(seed: Streams.seed(seed, purpose, index))
    }

    static let geography: UInt64 = 1
    static let services: UInt64 = 2
    static let groups: UInt64 = 3
    static let demographics: UInt64 = 4
    static let items: UInt64 = 5
    static let people: UInt64 = 6
    static let options: UInt64 = 7
}
