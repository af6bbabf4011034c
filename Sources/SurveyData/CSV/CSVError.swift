/// Why a CSV file could not be read. Each case says where (file, line, byte) and its
/// ``description`` is one sentence that says what to do next.
///
/// Lines are 1-based physical lines, as a text editor numbers them (a line end inside a quoted
/// field starts a new line). Byte offsets count from 0 at the first byte of the file, byte-order
/// mark included, as a hex editor shows them.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read; `reason` is the system's message.
    case cannotRead(file: String, reason: String)
    /// Bytes that are not UTF-8 in a file read as UTF-8 (no mark and no `--encoding`).
    case invalidUTF8(file: String, line: Int, byteOffset: Int)
    /// A byte that the declared code page leaves undefined.
    case undefinedByte(file: String, line: Int, byteOffset: Int, byte: UInt8, encoding: TextEncoding)
    /// Broken UTF-16: a surrogate without its partner, or an odd number of bytes.
    case invalidUTF16(file: String, line: Int, byteOffset: Int)
    /// A field longer than the limit; `line` is where the field starts.
    case fieldTooLarge(file: String, line: Int, limit: Int)
    /// A record longer than the limit; `line` is where the record starts.
    case recordTooLarge(file: String, line: Int, limit: Int)
    /// An `--encoding` value that names no supported encoding.
    case unknownEncoding(String)
    /// A `--delimiter` value that cannot be a delimiter.
    case invalidDelimiter(String)

    /// One sentence: where, what is wrong, and what to do next.
    public var description: String {
        switch self {
        case let .cannotRead(file, reason):
            return "\(file): cannot read the file (\(reason)); check the path and its permissions"
        case let .invalidUTF8(file, line, offset):
            return "\(file): line \(line), byte \(offset): the file is not valid UTF-8; "
                + "if it was saved by Excel as \"CSV\" on Vietnamese Windows, run again with --encoding windows-1258"
        case let .undefinedByte(file, line, offset, byte, encoding):
            return "\(file): line \(line), byte \(offset): byte \(hex(byte)) has no character in \(encoding); "
                + "check that the file was saved in \(encoding), or run again with the right --encoding"
        case let .invalidUTF16(file, line, offset):
            return "\(file): line \(line), byte \(offset): the file is not valid UTF-16; "
                + "save it again from the spreadsheet as \"CSV UTF-8\""
        case let .fieldTooLarge(file, line, limit):
            return "\(file): line \(line): a field starting here is longer than \(size(limit)), the limit; "
                + "if a quote opened here is never closed, close it, otherwise raise the field limit"
        case let .recordTooLarge(file, line, limit):
            return "\(file): line \(line): a record starting here is longer than \(size(limit)), the limit; "
                + "check the line ends and quotes there, otherwise raise the record limit"
        case let .unknownEncoding(name):
            return "unknown encoding `\(name)`; use one of utf-8, utf-16le, utf-16be, windows-1258"
        case let .invalidDelimiter(value):
            return "`\(value)` cannot be a delimiter; use `,`, `;`, `tab` or another single ASCII symbol "
                + "that is not a quote, a letter, a digit or a line end"
        }
    }
}

/// Why a record read from a CSV file may not be what its writer meant. The reader still hands
/// the record over; the caller decides (the importer quarantines it).
public enum CSVRecordProblem: Equatable, Sendable {
    /// A quote opened on `line` is never closed: the record runs to the end of the file.
    case unterminatedQuote(line: Int)

    /// One sentence for the user, naming `file`.
    public func message(file: String) -> String {
        switch self {
        case let .unterminatedQuote(line):
            return "\(file): line \(line): a quoted field opens here and is never closed, "
                + "so the rest of the file was read into it; add the closing quote"
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}

/// `16 MiB`, `1 KiB`, or `100 bytes`.
func size(_ bytes: Int) -> String {
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return bytes == 1 ? "1 byte" : "\(bytes) bytes"
}
