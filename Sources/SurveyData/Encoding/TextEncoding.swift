/// The text encodings a CSV file can arrive in.
///
/// Chosen by the byte-order mark when the file has one (the mark wins over an explicit
/// choice, because it is unambiguous), otherwise by the caller (`--encoding`), otherwise UTF-8.
/// Everything that is not UTF-8 is transcoded to UTF-8 (and normalised to NFC) as it streams in,
/// so the CSV parser only ever sees UTF-8 bytes.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one).
    case utf8 = "utf-8"
    /// UTF-16 little-endian (Excel's "Unicode text" on Windows, with the mark `FF FE`).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian (mark `FE FF`).
    case utf16BigEndian = "utf-16be"
    /// Windows-1258, the Vietnamese Windows code page (Excel's plain "CSV" on Vietnamese
    /// Windows). Its tone marks are combining characters; the text is normalised to NFC.
    case windows1258 = "windows-1258"

    /// The name as `--encoding` takes it: `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`.
    public var description: String { rawValue }

    /// Reads an encoding name as a user types it: `utf-8`, `utf8`, `UTF-16LE`, `cp1258`,
    /// `windows-1258`... Case, `-` and `_` do not matter.
    /// - Throws: ``CSVError/unknownEncoding(_:)``.
    public init(parsing name: String) throws(CSVError) {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": self = .utf8
        case "utf16le", "unicode": self = .utf16LittleEndian
        case "utf16be": self = .utf16BigEndian
        case "windows1258", "cp1258", "win1258": self = .windows1258
        default: throw .unknownEncoding(name)
        }
    }

    /// The encoding announced by a byte-order mark at the start of `prefix`, and the mark's length.
    /// `nil` when `prefix` starts with no mark.
    public static func byteOrderMark(at prefix: UnsafeRawBufferPointer) -> (encoding: TextEncoding, length: Int)? {
        if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { return (.utf8, 3) }
        if prefix.count >= 2, prefix[0] == 0xFF, prefix[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if prefix.count >= 2, prefix[0] == 0xFE, prefix[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }
}
