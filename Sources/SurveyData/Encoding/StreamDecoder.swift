/// Turns a stream of bytes in one encoding into NFC UTF-8, piece by piece.
///
/// A decoder consumes a prefix of its input that ends at a safe boundary (after a line feed,
/// or failing that after a space, quote or delimiter) so that a base letter and the tone mark
/// after it are never normalised apart; the caller keeps the rest and offers it again with
/// more bytes behind it.
protocol StreamDecoder {
    /// Decodes a prefix of `input` and appends it to `output` as NFC UTF-8.
    /// - Parameter final: no more input follows; everything must be consumed.
    /// - Returns: how many input bytes were consumed (0 asks for more input, never when `final`
    ///   or when `input` holds at least ``minimumWindow`` bytes).
    /// - Throws: the offset in `input` of the first byte that cannot be decoded, after
    ///   appending everything before it.
    mutating func decode(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws(DecodeFailure) -> Int
}

/// Input the window must be allowed to reach before a decoder gives up waiting for a line feed.
let minimumWindow = 1 << 16

/// A byte sequence that the declared encoding cannot decode.
struct DecodeFailure: Error, Equatable {
    enum Kind: Equatable {
        /// A byte the code page leaves undefined.
        case undefinedByte(UInt8)
        /// A UTF-16 surrogate without its partner.
        case unpairedSurrogate
        /// A UTF-16 stream that ends in the middle of a code unit.
        case oddLength
    }
    /// Offset of the offending byte in the input given to `decode`.
    var offset: Int
    var kind: Kind
}

/// Where to end the piece decoded from `count` units: after the last unit for which
/// `isLineFeed` holds, else after the last for which `isSafe` holds, else `count`.
/// `nil` when the window is short and not final: wait for more input.
func safeCut(count: Int, final: Bool, isLineFeed: (Int) -> Bool, isSafe: (Int) -> Bool) -> Int? {
    if final { return count }
    var i = count - 1
    while i >= 0 { if isLineFeed(i) { return i + 1 }; i -= 1 }
    if count < minimumWindow / 2 { return nil }
    i = count - 1
    while i >= 0 { if isSafe(i) { return i + 1 }; i -= 1 }
    return count
}

@inline(__always) func isSafeASCII(_ value: UInt32) -> Bool {
    value == 0x20 || value == 0x2C || value == 0x3B || value == 0x09 || value == 0x22 || value == 0x0D
}

@inline(__always) func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}

/// Windows-1258 to NFC UTF-8.
struct Windows1258Decoder: StreamDecoder {
    private var piece: [UInt8] = []

    mutating func decode(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws(DecodeFailure) -> Int {
        guard let cut = safeCut(count: input.count, final: final,
                                isLineFeed: { input[$0] == 0x0A },
                                isSafe: { isSafeASCII(UInt32(input[$0])) }) else { return 0 }
        piece.removeAll(keepingCapacity: true)
        var marks = false
        for i in 0..<cut {
            let byte = input[i]
            if byte < 0x80 { piece.append(byte); continue }
            guard let scalar = Windows1258.scalar(for: byte) else {
                flush(marks: marks, into: &output)
                throw DecodeFailure(offset: i, kind: .undefinedByte(byte))
            }
            if Windows1258.isCombiningMark(byte) { marks = true }
            appendUTF8(scalar, to: &piece)
        }
        flush(marks: marks, into: &output)
        return cut
    }

    private func flush(marks: Bool, into output: inout [UInt8]) {
        if marks {
            piece.withUnsafeBytes { UnicodeNormalization.appendNFC($0, to: &output) }
        } else {
            output.append(contentsOf: piece)
        }
    }
}

/// UTF-16 (either byte order) to NFC UTF-8.
struct UTF16Decoder: StreamDecoder {
    let bigEndian: Bool
    private var piece: [UInt8] = []

    init(bigEndian: Bool) { self.bigEndian = bigEndian }

    @inline(__always) private func unit(_ input: UnsafeRawBufferPointer, _ index: Int) -> UInt32 {
        let a = UInt32(input[2 * index]), b = UInt32(input[2 * index + 1])
        return bigEndian ? (a << 8 | b) : (b << 8 | a)
    }

    mutating func decode(_ input: UnsafeRawBufferPointer, final: Bool, into output: inout [UInt8]) throws(DecodeFailure) -> Int {
        let units = input.count / 2
        guard var cut = safeCut(count: units, final: final,
                                isLineFeed: { unit(input, $0) == 0x0A },
                                isSafe: { isSafeASCII(unit(input, $0)) }) else { return 0 }
        // Never cut between the two halves of a surrogate pair.
        if !final, cut > 0, (0xD800..<0xDC00).contains(unit(input, cut - 1)) { cut -= 1 }
        piece.removeAll(keepingCapacity: true)
        var complex = false
        var i = 0
        while i < cut {
            let u = unit(input, i)
            var scalar = u
            if u >= 0xD800 && u < 0xE000 {
                guard u < 0xDC00, i + 1 < cut else {
                    flush(complex: complex, into: &output)
                    throw DecodeFailure(offset: 2 * i, kind: .unpairedSurrogate)
                }
                let low = unit(input, i + 1)
                guard (0xDC00..<0xE000).contains(low) else {
                    flush(complex: complex, into: &output)
                    throw DecodeFailure(offset: 2 * i, kind: .unpairedSurrogate)
                }
                scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                i += 1
            }
            if scalar >= 0x300 { complex = true }
            appendUTF8(scalar, to: &piece)
            i += 1
        }
        flush(complex: complex, into: &output)
        if final && input.count % 2 == 1 {
            throw DecodeFailure(offset: input.count - 1, kind: .oddLength)
        }
        return 2 * cut
    }

    private func flush(complex: Bool, into output: inout [UInt8]) {
        if complex {
            piece.withUnsafeBytes { UnicodeNormalization.appendNFC($0, to: &output) }
        } else {
            output.append(contentsOf: piece)
        }
    }
}
