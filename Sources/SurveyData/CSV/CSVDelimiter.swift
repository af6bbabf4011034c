/// The byte that separates fields: comma, semicolon (Excel in locales with a decimal comma,
/// Vietnamese among them), tab (Excel's "Unicode text"), or another ASCII symbol.
public struct CSVDelimiter: Hashable, Sendable, CustomStringConvertible {
    /// The delimiter byte.
    public let byte: UInt8

    /// `,`, the RFC 4180 delimiter.
    public static let comma = CSVDelimiter(unchecked: 0x2C)
    /// `;`, Excel's choice where the decimal separator is a comma (Vietnamese Windows among them).
    public static let semicolon = CSVDelimiter(unchecked: 0x3B)
    /// Tab, as in Excel's "Unicode text".
    public static let tab = CSVDelimiter(unchecked: 0x09)

    private init(unchecked byte: UInt8) { self.byte = byte }

    /// Reads a delimiter as a user gives it: `,`, `;`, `|`, `tab`, `\t`, `comma`, `semicolon`.
    /// - Throws: ``CSVError/invalidDelimiter(_:)`` for anything that is not one ASCII symbol other
    ///   than a quote, a letter, a digit or a line end.
    public init(parsing text: String) throws(CSVError) {
        switch text.lowercased() {
        case "tab", "\\t", "\t": self = .tab; return
        case "comma": self = .comma; return
        case "semicolon": self = .semicolon; return
        default: break
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, let byte = bytes.first, CSVDelimiter.isAllowed(byte) else {
            throw .invalidDelimiter(text)
        }
        self.byte = byte
    }

    /// An ASCII byte that is not a quote, a line end, a letter or a digit.
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x0A, 0x0D, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
        case 0x09, 0x20...0x7E: return true
        default: return false
        }
    }

    /// `comma`, `semicolon`, `tab`, or the symbol in backticks, for messages.
    public var description: String {
        switch byte {
        case 0x09: return "tab"
        case 0x2C: return "comma"
        case 0x3B: return "semicolon"
        default: return "`" + String(UnicodeScalar(byte)) + "`"
        }
    }

    /// The delimiter of a file, judged from its first line: whichever of comma, semicolon and
    /// tab occurs most often outside quotes (ties go to comma, then semicolon); comma when none
    /// occurs. `nil` when `text` ends before the first line does and more text may follow
    /// (`complete` is false).
    static func detect(in text: UnsafeRawBufferPointer, complete: Bool) -> CSVDelimiter? {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        var sawLineEnd = false, started = false
        for byte in text {
            if !started, byte == 0x0A || byte == 0x0D { continue }  // blank lines before the header
            started = true
            if byte == 0x22 { inQuotes.toggle(); continue }
            if inQuotes { continue }
            switch byte {
            case 0x2C: commas += 1
            case 0x3B: semicolons += 1
            case 0x09: tabs += 1
            case 0x0A, 0x0D: sawLineEnd = true
            default: break
            }
            if sawLineEnd { break }
        }
        if !sawLineEnd && !complete { return nil }
        if commas >= semicolons && commas >= tabs && commas > 0 { return .comma }
        if semicolons >= tabs && semicolons > 0 { return .semicolon }
        if tabs > 0 { return .tab }
        return .comma
    }
}
