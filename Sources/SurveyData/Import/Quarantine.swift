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

    /// A quarantined row; `reasons` must not be empty.
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
    /// The source file's header fields as read.
    public private(set) var header: [String] = []
    /// The quarantined rows, in line order.
    public private(set) var rows: [QuarantinedRow] = []
    /// Whether the import finished (``finish()`` was called).
    public private(set) var finished = false

    /// An empty sink.
    public init() {}
    /// Keeps the header.
    public func begin(header: [String]) { self.header = header }
    /// Keeps the row.
    public func write(_ row: QuarantinedRow) { rows.append(row) }
    /// Marks the import finished.
    public func finish() { finished = true }

    /// The quarantine file these rows make (``QuarantineCSV``).
    public var csvText: String { QuarantineCSV.text(header: header, rows: rows) }
}

/// Writes the quarantine CSV file: to `path + ".partial"` while reading, renamed to `path`
/// when the import finishes, so a failed run never leaves half a quarantine.
public final class QuarantineFile: QuarantineSink {
    /// Where the file ends up.
    public let path: String
    private var handle: FileHandle?
    private var writer = CSVWriter()

    /// A sink writing to `path` (replaced when the import finishes).
    public init(path: String) { self.path = path }

    private var partialPath: String { path + ".partial" }

    /// Creates `path.partial` and writes the header line.
    public func begin(header: [String]) throws {
        guard FileManager.default.createFile(atPath: partialPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: partialPath) else {
            throw ImportError.quarantineFailed(reason: "cannot create \(partialPath)")
        }
        self.handle = handle
        QuarantineCSV.writeHeader(header, to: &writer)
    }

    /// Appends one row (buffered, flushed every 64 KiB).
    public func write(_ row: QuarantinedRow) throws {
        QuarantineCSV.write(row, to: &writer)
        if writer.bytes.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try handle?.write(contentsOf: writer.takeBytes())
    }

    /// Flushes, closes, and renames `path.partial` to `path`.
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
/// than the header) still lines up. Written with ``CSVWriter``'s defaults: comma, CRLF, RFC 4180
/// quoting, and formula injection neutralised (a field starting with `=`, `+`, `-`, `@`, tab
/// or CR that is not a number gets a leading `'`), the one change made to a field as read.
public enum QuarantineCSV {
    /// The whole file for `header` and `rows`.
    public static func text(header: [String], rows: [QuarantinedRow]) -> String {
        var writer = CSVWriter()
        writeHeader(header, to: &writer)
        for row in rows { write(row, to: &writer) }
        return String(decoding: writer.takeBytes(), as: UTF8.self)
    }

    static func writeHeader(_ header: [String], to writer: inout CSVWriter) {
        writer.writeRecord(["line", "reason"] + header)
    }

    static func write(_ row: QuarantinedRow, to writer: inout CSVWriter) {
        writer.writeRecord([String(row.line), row.reason] + row.fields)
    }
}
