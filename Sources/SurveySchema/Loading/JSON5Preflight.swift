/// A linear pass over a survey file's bytes before any parser sees them. It refuses, with
/// the line and column, what Foundation's `JSONDecoder` either reports without a place or
/// does not survive:
///
/// - bytes that are not UTF-8 (Foundation's JSON5 reader traps on some of them in a key);
/// - a NUL character (Foundation refuses it, without a place);
/// - a byte-order mark (U+FEFF) anywhere but at the very start;
/// - lists and objects nested deeper than ``maxDepth`` (Foundation stops at 512 levels
///   without a place; ``JSON5Scanner`` recurses once per level).
///
/// It knows just enough JSON5 to count brackets: strings (with escapes) and comments are
/// skipped. It does not judge the syntax; ``JSON5Scanner`` and `JSONDecoder` do that, and
/// neither runs on a file this pass refuses. Time and memory are linear in the file's
/// size; nothing here recurses.
enum JSON5Preflight {
    /// The deepest nesting of lists and objects accepted. The format needs 7 levels outside
    /// the indicator tree (`columns.groups[0].values[0].label`) and 2 per level of the tree,
    /// so 64 leaves room for ``SurveyFormat/maxTreeDepth`` levels of indicators.
    static let maxDepth = 64

    /// The first problem found, or `nil` when the bytes may be handed to the parsers.
    static func check(_ bytes: [UInt8]) -> SurveyProblem? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        enum Mode { case code, string(UInt8), lineComment, blockComment }
        var mode = Mode.code
        var depth = 0
        var offset = start
        func place(_ offset: Int) -> (line: Int, column: Int) {
            TextPosition.of(offset, in: bytes, from: start)
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= 0x80 {
                guard let (scalar, length) = decodeScalar(bytes, at: offset) else {
                    let (line, column) = place(offset)
                    return .notUTF8(line: line, column: column, byte: byte)
                }
                if scalar == 0xFEFF {
                    let (line, column) = place(offset)
                    return .misplacedByteOrderMark(line: line, column: column)
                }
                offset += length
                continue
            }
            if byte == 0 {
                let (line, column) = place(offset)
                return .nulCharacter(line: line, column: column)
            }
            let next = offset + 1 < bytes.count ? bytes[offset + 1] : nil
            switch mode {
            case .code:
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    if depth > maxDepth {
                        let (line, column) = place(offset)
                        return .nestedTooDeep(line: line, column: column, limit: maxDepth)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    mode = .string(byte)
                case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                    mode = .lineComment
                    offset += 1
                case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                    mode = .blockComment
                    offset += 1
                default:
                    break
                }
            case .string(let quote):
                // Most of a big file is string content: skip plain ASCII in one tight loop.
                if let skipped = skipPlain(bytes, from: offset, quote: quote), skipped > offset {
                    offset = skipped
                    continue
                }
                if byte == UInt8(ascii: "\\"), let next, next < 0x80, next != 0 {
                    offset += 1  // the escaped character (a multi-byte one is checked as usual)
                    if next == UInt8(ascii: "\r"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\n") {
                        offset += 1  // a line continuation across CRLF
                    }
                } else if byte == quote || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    mode = .code  // closed, or not closed on its line (the scanner reports that)
                }
            case .lineComment:
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { mode = .code }
            case .blockComment:
                if byte == UInt8(ascii: "*"), next == UInt8(ascii: "/") {
                    mode = .code
                    offset += 1
                }
            }
            offset += 1
        }
        return nil
    }

    /// The offset of the first byte from `offset` on that ends or escapes a string quoted
    /// with `quote`, or needs a closer look (a line end, a control or non-ASCII byte).
    private static func skipPlain(_ bytes: [UInt8], from offset: Int, quote: UInt8) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = offset
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x20 || byte >= 0x80 || byte == quote || byte == UInt8(ascii: "\\") { break }
                index += 1
            }
            return index
        }
    }

    /// The scalar starting at `offset` (a byte of 0x80 or more) and its length in bytes, or
    /// `nil` when the bytes there are not well-formed UTF-8 (Unicode 15, table 3-7: no
    /// overlong forms, no surrogates, nothing past U+10FFFF, no cut sequence).
    static func decodeScalar(_ bytes: [UInt8], at offset: Int) -> (UInt32, Int)? {
        let lead = bytes[offset]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF  // the range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length {
            let byte = bytes[offset + index]
            let (low, high) = index == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low, byte <= high else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (scalar, length)
    }
}

/// Lines and columns as messages give them.
enum TextPosition {
    /// The 1-based line and column of the byte at `offset`, counting from `start` (after a
    /// byte-order mark). A line ends at LF, CRLF or a lone CR (JSON5's line terminators, as
    /// editors on Windows, Unix and old Macs write them); columns count Unicode scalars.
    static func of(_ offset: Int, in bytes: [UInt8], from start: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = start
        let end = max(start, min(offset, bytes.count))
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n"), index + 1 < end {
                    index += 1  // CRLF is one line end
                }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
