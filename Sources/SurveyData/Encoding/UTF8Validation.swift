/// Checking that bytes are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms,
/// no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    enum Outcome: Equatable {
        /// Every byte belongs to a complete, valid sequence.
        case valid
        /// The bytes are valid up to `at`, where a sequence starts that the buffer ends
        /// before completing; more input may complete it.
        case truncated(at: Int)
        /// The byte at `at` cannot be where it is.
        case invalid(at: Int)
    }

    /// Validates `bytes`; ASCII runs are checked eight bytes at a time.
    static func validate(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard let base = bytes.baseAddress else { return .valid }
        let count = bytes.count
        var i = 0
        while i < count {
            // Fast path: eight ASCII bytes at a time.
            while i + 8 <= count, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
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
            for k in 1..<length {
                guard i + k < count else { return .truncated(at: i) }
                let b = base.load(fromByteOffset: i + k, as: UInt8.self)
                let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
                if b < lo || b > hi { return .invalid(at: i) }
            }
            i += length
        }
        return .valid
    }
}
