import CUTF8

/// Checking that bytes are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms,
/// no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// Whether the vector check (`CUTF8`, Keiser & Lemire's lookup algorithm) can run here.
    static let vectorAvailable = satkit_utf8_vector_available() == 1

    enum Outcome: Equatable {
        /// Every byte belongs to a complete, valid sequence.
        case valid
        /// The bytes are valid up to `at`, where a sequence starts that the buffer ends
        /// before completing; more input may complete it.
        case truncated(at: Int)
        /// The byte at `at` cannot be where it is.
        case invalid(at: Int)
    }

    /// Validates `bytes`. ASCII runs are checked 16 bytes at a time (two words OR-ed, one
    /// test); a well-formed two- or three-byte sequence is recognised from one 32-bit load
    /// (two masks and the range rules of its lead byte); any other multi-byte sequence is
    /// checked in place, its continuation bytes with one range test each. After a sequence
    /// the ASCII bytes up to the next one are skipped by the position of the next high bit
    /// (CSV text in Vietnamese mixes both every few bytes).
    ///
    /// Where SSSE3 is available, the vector check answers first; only bytes it refuses (an error,
    /// or a sequence cut short at the end) are read again here, to say where and how.
    static func validate(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        if vectorValid(bytes) == true { return .valid }
        return scalar(bytes)
    }

    /// The vector check alone: whether all of `bytes` is valid, or `nil` without SSSE3. It
    /// uses AVX2 where the CPU has it; `ssse3` forces the 16-byte version (tests run both).
    static func vectorValid(_ bytes: UnsafeRawBufferPointer, ssse3: Bool = false) -> Bool? {
        guard vectorAvailable else { return nil }
        guard let base = bytes.baseAddress else { return true }
        let data = base.assumingMemoryBound(to: UInt8.self)
        return (ssse3 ? satkit_utf8_vector_valid_ssse3(data, bytes.count) : satkit_utf8_vector_valid(data, bytes.count)) == 1
    }

    /// ``validate(_:)`` without the vector check: the definition, and what tests compare with.
    static func scalar(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard let base = bytes.baseAddress else { return .valid }
        let count = bytes.count
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < count {
            if count - i >= 8 {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high
                if word == 0 {
                    // An ASCII run: sixteen bytes at a time from here.
                    i += 8
                    while count - i >= 16,
                          (base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                           | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) & high == 0 {
                        i += 16
                    }
                    continue
                }
                #if _endian(little)
                // Skip the ASCII bytes before the first high byte (low bytes first).
                i += word.trailingZeroBitCount >> 3
                // A well-formed sequence recognised from one 32-bit load by its bit pattern
                // (Vietnamese text is mostly two- and three-byte letters); anything else, and
                // every error, is left to the exact checks below.
                if count - i >= 4 {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                    let lead = w & 0xFF, second = (w >> 8) & 0xFF
                    if w & 0xC0E0 == 0x80C0 && lead >= 0xC2 {
                        i += 2
                        continue
                    }
                    if w & 0xC0_C0F0 == 0x80_80E0 && !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second > 0x9F) {
                        i += 3
                        continue
                    }
                }
                #endif
            }
            let b0 = base.load(fromByteOffset: i, as: UInt8.self)
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(at: i)
            }
            guard i + 1 < count else { return .truncated(at: i) }
            let b1 = base.load(fromByteOffset: i + 1, as: UInt8.self)
            if b1 < low || b1 > high { return .invalid(at: i) }
            var k = 2
            while k < length {
                guard i + k < count else { return .truncated(at: i) }
                // A continuation byte is 10xxxxxx.
                if base.load(fromByteOffset: i + k, as: UInt8.self) & 0xC0 != 0x80 { return .invalid(at: i) }
                k += 1
            }
            i += length
        }
        return .valid
    }
}
