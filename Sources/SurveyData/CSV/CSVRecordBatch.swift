/// A run of consecutive records of one file, parsed by one worker.
///
/// ``CSVReader/forEachBatch(parallelism:header:process:consume:)`` cuts each chunk of the file
/// into batches that are parsed at the same time; the serial ``CSVReader/forEachRecord(_:)``
/// reads each chunk as one batch. Call ``forEachRecord(_:)`` once to see the records.
public final class CSVRecordBatch {
    /// The physical line the batch starts on (1-based).
    public let firstLine: Int
    /// The name of the file, for messages.
    public let fileName: String
    /// Which worker of ``CSVReader/forEachBatch(parallelism:header:process:consume:)`` parses
    /// the batch (0 or 1): a worker's batches are processed one after another, in file order.
    let worker: Int
    /// The round of `forEachBatch` the batch belongs to (counting from 1; the batches of a round
    /// are parsed at the same time, and the rounds one after another).
    let round: Int

    private let base: UnsafePointer<UInt8>
    private let start: Int
    /// Records that start at or after `limit` (when it is below `end`) belong to the next batch.
    private let limit: Int
    private let end: Int
    private let atEOF: Bool
    private let parser: CSVRecordParser
    private let firstIndex: Int
    private let maxFieldBytes: Int
    private let maxRecordBytes: Int
    private let maxRecords: Int
    /// When set, the batch checks its bytes as UTF-8 (the file offset of `base[0]`).
    private let utf8CheckOffset: Int?
    /// Bytes before this position are known to be valid UTF-8 already (checked by the batch
    /// before, which ended inside a record that this batch parses again).
    private let checkedBefore: Int
    /// Bytes before this position are valid UTF-8 (a character cut short by the end of the
    /// buffer is left out).
    private(set) var validBefore: Int

    /// Where parsing stopped, and the line there.
    private(set) var stop: Int
    private(set) var lineAtStop: Int
    /// Records seen by ``forEachRecord(_:)``.
    public private(set) var recordCount = 0
    /// Blank lines skipped by ``forEachRecord(_:)``.
    public private(set) var blankLines = 0
    /// The buffer ended inside a record: more bytes are needed from `stop` on.
    private(set) var needsMore = false
    /// The input ended.
    private(set) var reachedEnd = false
    private(set) var parsed = false

    init(base: UnsafePointer<UInt8>, start: Int, limit: Int, end: Int, atEOF: Bool, firstLine: Int, firstIndex: Int,
         parser: CSVRecordParser, fileName: String, options: CSVReadOptions, maxRecords: Int = .max,
         utf8CheckOffset: Int? = nil, checkedBefore: Int = 0, worker: Int = 0, round: Int = 0) {
        self.worker = worker
        self.round = round
        self.utf8CheckOffset = utf8CheckOffset
        self.checkedBefore = max(start, checkedBefore)
        validBefore = self.checkedBefore
        self.base = base
        self.start = start
        self.limit = limit
        self.end = end
        self.atEOF = atEOF
        self.firstLine = firstLine
        self.firstIndex = firstIndex
        self.parser = parser
        self.fileName = fileName
        maxFieldBytes = options.maxFieldBytes
        maxRecordBytes = options.maxRecordBytes
        self.maxRecords = maxRecords
        stop = start
        lineAtStop = firstLine
    }

    /// Calls `body` with each record of the batch, in file order. In a batch of
    /// `forEachBatch`, a record's ``CSVRecord/index`` counts from 0 at the batch's first record.
    /// - Throws: ``CSVError/fieldTooLarge(file:line:limit:)`` and
    ///   ``CSVError/recordTooLarge(file:line:limit:)``, and whatever `body` throws.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        precondition(!parsed, "a batch is read once")
        parsed = true
        var p = start
        var line = firstLine
        defer {
            stop = p
            lineAtStop = line
        }
        // The bytes up to the limit are checked before any record is handed over; those of a
        // record that runs past the limit, after it is parsed (only when a cut was wrong).
        let checkedEnd = limit < end ? limit : end
        try checkUTF8(checkedBefore, checkedEnd)
        while !(p >= limit && p < end) && recordCount < maxRecords {
            switch parser.parse(base, from: p, end: end, atEOF: atEOF, line: line) {
            case let .record(next, nextLine):
                if next > checkedEnd { try checkUTF8(max(p, checkedEnd), next) }
                if next - p > maxRecordBytes {
                    throw CSVError.recordTooLarge(file: fileName, line: line, limit: maxRecordBytes)
                }
                if next - p > maxFieldBytes {
                    for i in 0..<parser.count where parser.fields[i].count > maxFieldBytes {
                        throw CSVError.fieldTooLarge(file: fileName, line: line, limit: maxFieldBytes)
                    }
                }
                try body(parser.record(index: firstIndex + recordCount, line: line))
                recordCount += 1
                p = next
                line = nextLine
            case let .blank(next, nextLine):
                blankLines += 1
                p = next
                line = nextLine
            case let .needMore(fieldStart, fieldLine):
                if end - fieldStart > maxFieldBytes {
                    throw CSVError.fieldTooLarge(file: fileName, line: fieldLine, limit: maxFieldBytes)
                }
                if end - p > maxRecordBytes {
                    throw CSVError.recordTooLarge(file: fileName, line: line, limit: maxRecordBytes)
                }
                needsMore = true
                return
            case .end:
                reachedEnd = true
                return
            }
        }
    }

    private func checkUTF8(_ from: Int, _ to: Int) throws(CSVError) {
        guard let fileOffset = utf8CheckOffset, from < to else { return }
        let at: Int
        switch UTF8Validation.validate(UnsafeRawBufferPointer(start: base + from, count: to - from)) {
        case .valid:
            validBefore = max(validBefore, to)
            return
        case let .truncated(offset):
            // A character cut short is only an error at the end of the input.
            if !(atEOF && to == end) {
                validBefore = max(validBefore, from + offset)
                return
            }
            at = from + offset
        case let .invalid(offset):
            at = from + offset
        }
        throw CSVError.invalidUTF8(file: fileName, line: firstLine + countLineEnds(base, from: start, to: at),
                                   byteOffset: fileOffset + at)
    }
}
