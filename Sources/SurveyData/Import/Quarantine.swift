import Foundation

/// One row the importer did not accept: where it was, why, and its fields exactly as read.
public struct QuarantinedRow: Sendable, Hashable {
    /// The 1-based line the row starts on.
    public var line: Int
    /// Every problem found, the first being the one the report counts the row under.
    public var reasons: [QuarantineReason]
    /// The fields as read (quotes removed, text decoded to UTF-8, nothing else changed);
    /// as many as the row had, which for a ragged row is not the header's count.
    public var fields: [String]

    public init(line: Int, reasons: [QuarantineReason], fields: [String]) {
        self.line = line
        self.reasons = reasons
        self.fields = fields
    }

    /// The reasons as one sentence, as the quarantine file's `reason` column holds them.
    public var reason: String { reasons.map(\.message).joined(separator: "; ") }
}

/// Where quarantined rows go while a file is read.
public protocol QuarantineSink: AnyObject {
    /// Called once, before any row, with the file's header fields as read.
    func begin(header: [String]) throws
    /// Called for each quarantined row in file order.
    func write(_ row: QuarantinedRow) throws
    /// Called once after the last row (also when no row was quarantined).
    func finish() throws
}

/// Keeps quarantined rows in memory: for tests and for library users who show them.
public final class QuarantineMemory: QuarantineSink {
    public private(set) var header: [String] = []
    public private(set) var rows: [QuarantinedRow] = []
    public private(set) var finished = false

    public init() {}
    public func begin(header: [String]) { self.header = header }
    public func write(_ row: QuarantinedRow) { rows.append(row) }
    public func finish() { finished = true }

    /// The quarantine file these rows make (``QuarantineCSV``).
    public var csvText: String { QuarantineCSV.text(header: header, rows: rows) }
}

/// Writes the quarantine CSV file: to `path + ".partial"` while reading, renamed to `path`
/// when the import finishes, so a failed run never leaves half a quarantine.
public final class QuarantineFile: QuarantineSink {
    public let path: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

    public init(path: String) { self.path = path }

    private var partialPath: String { path + ".partial" }

    public func begin(header: [String]) throws {
        guard FileManager.default.createFile(atPath: partialPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: partialPath) else {
            throw ImportError.quarantineFailed(reason: "cannot create \(partialPath)")
        }
        self.handle = handle
        buffer.append(contentsOf: QuarantineCSV.headerLine(header).utf8)
    }

    public func write(_ row: QuarantinedRow) throws {
        buffer.append(contentsOf: QuarantineCSV.line(row).utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle?.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func finish() throws {
        try flush()
        try handle?.close()
        handle = nil
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partialPath, toPath: path)
    }
}

/// The quarantine file's format: `line`, `reason`, then the row's fields as read, under the
/// source header. `line` and `reason` come first so that a ragged row (more or fewer fields
/// than the header) still lines up. Fields are quoted when they hold a comma, a quote or a
/// line end, and neutralised against formula injection (OWASP): a field starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless it is a number.
/// Lines end with CRLF (RFC 4180).
public enum QuarantineCSV {
    /// The whole file for `header` and `rows`.
    public static func text(header: [String], rows: [QuarantinedRow]) -> String {
        headerLine(header) + rows.map(line).joined()
    }

    static func headerLine(_ header: [String]) -> String {
        record(["line", "reason"] + header)
    }

    static func line(_ row: QuarantinedRow) -> String {
        record([String(row.line), row.reason] + row.fields)
    }

    static func record(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    static func escape(_ field: String) -> String {
        var text = field
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           NumberParsing.double(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

extension NumberParsing {
    static func double(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { double(UnsafeRawBufferPointer($0)) }
    }
}
