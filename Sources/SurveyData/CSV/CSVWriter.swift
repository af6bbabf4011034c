/// Writes CSV: RFC 4180 quoting, and optionally the OWASP defence against formula injection.
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF (quotes inside are
/// doubled). A record whose only field is empty is written `""`, so that it does not read back
/// as a blank line.
///
/// With ``Options/neutralizesFormulas`` (the default), a field that starts with `=`, `+`, `-`,
/// `@`, tab or CR gets a leading `'`, so that a spreadsheet shows it as text instead of running
/// it (OWASP, "CSV Injection"), unless the field is a number (`-3`, `+84`, `1.5e3`, `-0,5`),
/// which stays a number. Turn it off for files that are read back by programs, not people.
///
/// Bytes accumulate in ``bytes``; write them out and clear them with ``takeBytes()`` as often
/// as suits (e.g. every megabyte).
public struct CSVWriter: Sendable {
    /// How records are written.
    public struct Options: Sendable, Equatable {
        /// The field delimiter (comma by default).
        public var delimiter: CSVDelimiter
        /// `"\r\n"` (RFC 4180, the default) or `"\n"`.
        public var lineEnd: [UInt8]
        /// Prefix `'` to fields that a spreadsheet would run as a formula.
        public var neutralizesFormulas: Bool
        /// Start the output with a UTF-8 byte-order mark (Excel then reads it as UTF-8).
        public var byteOrderMark: Bool

        /// Comma, CRLF, formulas neutralised, no byte-order mark, unless said otherwise.
        public init(delimiter: CSVDelimiter = .comma, lineEnd: [UInt8] = [0x0D, 0x0A],
                    neutralizesFormulas: Bool = true, byteOrderMark: Bool = false) {
            self.delimiter = delimiter
            self.lineEnd = lineEnd
            self.neutralizesFormulas = neutralizesFormulas
            self.byteOrderMark = byteOrderMark
        }
    }

    /// How records are written.
    public let options: Options
    /// The output written so far (since the last ``takeBytes()``).
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRecord = 0
    private var lastFieldEmpty = false

    /// A writer with an empty output (or just the byte-order mark, if asked for).
    public init(options: Options = Options()) {
        self.options = options
        if options.byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    /// Returns the output written so far and starts an empty buffer.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Writes one record of strings.
    public mutating func writeRecord<S: Sequence>(_ fields: S) where S.Element: StringProtocol {
        for field in fields { writeField(field) }
        endRecord()
    }

    /// Writes one record of strings (the common case, without generic dispatch: `analyze`
    /// writes 460,000 fields for 200 services).
    public mutating func writeRecord(_ fields: [String]) {
        for field in fields { writeField(field) }
        endRecord()
    }

    /// Writes a record as the reader read it (the quarantine keeps fields exactly as read).
    public mutating func writeRecord(_ record: CSVRecord) {
        for field in record { writeField(field) }
        endRecord()
    }

    /// Adds one field to the current record.
    public mutating func writeField<S: StringProtocol>(_ field: S) {
        writeField(String(field))
    }

    /// Adds one field to the current record.
    public mutating func writeField(_ field: String) {
        var text = field
        text.withUTF8 { writeField(UnsafeRawBufferPointer($0)) }
    }

    /// Adds one field, given as UTF-8 bytes, to the current record.
    public mutating func writeField(_ field: UnsafeRawBufferPointer) {
        if fieldsInRecord > 0 { bytes.append(options.delimiter.byte) }
        fieldsInRecord += 1
        lastFieldEmpty = field.isEmpty
        let prefix = options.neutralizesFormulas && CSVWriter.looksLikeFormula(field)
        let delimiter = options.delimiter.byte
        var needsQuotes = false
        for byte in field where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if needsQuotes { bytes.append(0x22) }
        if prefix { bytes.append(0x27) }
        if needsQuotes {
            for byte in field {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: field)
        }
    }

    /// Ends the current record.
    public mutating func endRecord() {
        // One empty field (or none) would read back as a blank line: write it as `""`.
        if fieldsInRecord == 0 || (fieldsInRecord == 1 && lastFieldEmpty) {
            bytes.append(contentsOf: [0x22, 0x22])
        }
        bytes.append(contentsOf: options.lineEnd)
        fieldsInRecord = 0
    }

    /// Whether a spreadsheet would take `field` for a formula: it starts with `=`, `+`, `-`, `@`,
    /// tab or CR and is not a number.
    public static func looksLikeFormula(_ field: UnsafeRawBufferPointer) -> Bool {
        guard let first = field.first else { return false }
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true
        case 0x2B, 0x2D: return !isNumber(field)
        default: return false
        }
    }

    /// `[+-]? (digits ([.,] digits?)? | [.,] digits) ([eE] [+-]? digits)?`
    static func isNumber(_ field: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = field.count
        func digits() -> Int {
            let start = i
            while i < n, field[i] >= 0x30, field[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < n, field[i] == 0x2B || field[i] == 0x2D { i += 1 }
        var mantissa = digits()
        if i < n, field[i] == 0x2E || field[i] == 0x2C {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < n, field[i] == 0x65 || field[i] == 0x45 {
            i += 1
            if i < n, field[i] == 0x2B || field[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }
}
