/// How to read a CSV file. The defaults suit every export satkit knows.
public struct CSVReadOptions: Sendable, Equatable {
    /// The field delimiter, or `nil` to detect it from the header line (comma, semicolon or tab).
    public var delimiter: CSVDelimiter?
    /// The encoding when the file has no byte-order mark, or `nil` for UTF-8.
    /// A byte-order mark always wins.
    public var encoding: TextEncoding?
    /// Bytes read from the file at a time (at least 16).
    public var chunkSize: Int
    /// The longest field accepted, in bytes as stored in the file (quotes included).
    public var maxFieldBytes: Int
    /// The longest record accepted, in bytes. Memory holds about one chunk plus one such record.
    public var maxRecordBytes: Int

    /// Options with the defaults: delimiter detected, UTF-8 unless a mark says otherwise,
    /// 1 MiB chunks, fields up to 16 MiB, records up to 64 MiB.
    public init(delimiter: CSVDelimiter? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20,
                maxFieldBytes: Int = 16 << 20, maxRecordBytes: Int = 64 << 20) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.chunkSize = chunkSize
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
    }
}

/// What a pass over a file found, for the import report.
public struct CSVReadSummary: Sendable, Equatable {
    /// Records handed to the callback (the header included).
    public var records: Int
    /// Empty lines skipped.
    public var blankLines: Int
    /// Physical lines in the file (a last line without a line end counts).
    public var lines: Int
    /// Bytes read from the file, byte-order mark included.
    public var bytesRead: Int
    /// The delimiter used (detected or given).
    public var delimiter: CSVDelimiter
    /// The encoding used.
    public var encoding: TextEncoding
    /// Whether the file started with a byte-order mark.
    public var hadByteOrderMark: Bool
}

/// Reads a CSV file once, from start to end, handing each record to a callback as byte spans.
///
/// ```swift
/// let reader = try CSVReader(path: "data.csv")
/// let summary = try reader.forEachRecord { record in
///     if record.index == 0 { header = record.strings; return }
///     let cell = record[7]               // UnsafeRawBufferPointer, valid in this closure
///     ...
/// }
/// ```
///
/// The file is read in chunks (``CSVReadOptions/chunkSize``); memory holds one chunk plus the
/// record that crosses its end, never the file. See `docs/csv.md` for what is accepted.
public struct CSVReader: ~Copyable {
    /// The name used in messages (the path as the user gave it).
    public let name: String
    /// How the file is read.
    public let options: CSVReadOptions
    private let source: ByteSource

    /// Opens the file at `path`. `name` (default: `path`) is what messages call the file.
    /// - Throws: ``CSVError/cannotRead(file:reason:)``.
    public init(path: String, name: String? = nil, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        self.name = name ?? path
        self.options = options
        source = try ByteSource(path: path, name: self.name)
    }

    /// Reads from an open file descriptor (a pipe or standard input too), which the caller closes.
    public init(fileDescriptor: Int32, name: String, options: CSVReadOptions = CSVReadOptions()) {
        self.name = name
        self.options = options
        source = ByteSource(fileDescriptor: fileDescriptor, name: name)
    }

    /// Reads bytes held in memory.
    public init(bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions()) {
        self.name = name
        self.options = options
        source = ByteSource(bytes: bytes, name: name)
    }

    /// Reads every record in file order and calls `body` with each; blank lines are skipped and
    /// counted. Stops at the first error `body` throws, and rethrows it.
    /// - Throws: ``CSVError`` for bytes the encoding cannot decode and for fields or records past
    ///   the limits; an unterminated quote is not thrown but reported on the record.
    public consuming func forEachRecord(_ body: (CSVRecord) throws -> Void) throws -> CSVReadSummary {
        let (input, delimiter) = try open()
        let parser = CSVRecordParser(delimiter: delimiter.byte)
        var tally = Tally()
        while true {
            let batch = CSVRecordBatch(
                base: input.buffer, start: tally.start, limit: input.ready, end: input.ready, atEOF: input.atEOF,
                firstLine: tally.line, firstIndex: tally.records, parser: parser, fileName: name, options: options)
            try batch.forEachRecord(body)
            tally.add(batch)
            if batch.reachedEnd { return tally.summary(input, delimiter) }
            try tally.refill(input, chunkSize: options.chunkSize)
        }
    }

    /// Opens the input, settles its encoding and its delimiter.
    /// - Parameter defersUTF8Check: leave the UTF-8 check to the batches (see ``DecodedStream``).
    func open(defersUTF8Check: Bool = false) throws -> (DecodedStream, CSVDelimiter) {
        let input = DecodedStream(source: source, chunkSize: options.chunkSize)
        input.defersUTF8Check = defersUTF8Check
        try input.start(declared: options.encoding)
        if let delimiter = options.delimiter { return (input, delimiter) }
        while true {
            let text = UnsafeRawBufferPointer(start: input.buffer, count: input.ready)
            if let delimiter = CSVDelimiter.detect(in: text, complete: input.atEOF) { return (input, delimiter) }
            if text.count > options.maxRecordBytes {
                throw CSVError.recordTooLarge(file: name, line: 1, limit: options.maxRecordBytes)
            }
            try input.refill(keepingFrom: 0, line: 1, minimumNewBytes: max(options.chunkSize, text.count))
        }
    }

    /// Every record as NFC strings, with its line and problem: for small files, tests and tools.
    public consuming func readAll() throws -> (records: [[String]], summary: CSVReadSummary) {
        var records: [[String]] = []
        let summary = try forEachRecord { records.append($0.strings) }
        return (records, summary)
    }
}

/// Where reading stands between batches, and what it has counted.
struct Tally {
    var start = 0
    var line = 1
    var records = 0
    var blankLines = 0

    mutating func add(_ batch: CSVRecordBatch) {
        records += batch.recordCount
        blankLines += batch.blankLines
        start = batch.stop
        line = batch.lineAtStop
    }

    /// Keeps the partial record at `start` and reads more behind it (at least as much again, so
    /// that a long record is re-parsed a bounded number of times).
    mutating func refill(_ input: DecodedStream, chunkSize: Int) throws {
        try input.refill(keepingFrom: start, line: line, minimumNewBytes: max(chunkSize, input.ready - start))
        start = 0
    }

    func summary(_ input: DecodedStream, _ delimiter: CSVDelimiter) -> CSVReadSummary {
        let endsWithLineEnd = input.lastByte == 0x0A || input.lastByte == 0x0D
        return CSVReadSummary(
            records: records, blankLines: blankLines,
            lines: input.decodedBytes == 0 ? 0 : (endsWithLineEnd ? line - 1 : line),
            bytesRead: input.bytesRead, delimiter: delimiter, encoding: input.encoding,
            hadByteOrderMark: input.hadByteOrderMark)
    }
}
