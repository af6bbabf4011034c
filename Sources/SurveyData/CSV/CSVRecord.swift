/// One record of a CSV file, as the reader hands it to its callback.
///
/// Each field is a span of UTF-8 bytes (quotes removed, doubled quotes undone) that is valid
/// only while the callback runs: copy what you keep. A record is not `Sendable` and must not
/// escape the callback.
///
/// Records are not checked against each other: a record may have more or fewer fields than the
/// header (the caller decides what a ragged row means), and a record whose quote never closes
/// carries ``problem``.
public struct CSVRecord: RandomAccessCollection {
    /// Position of the record in the file, counting from 0 (the header, if the file has one);
    /// in a batch of ``CSVReader/forEachBatch(parallelism:header:process:consume:)``, position
    /// in the batch. Blank lines are not records.
    public let index: Int
    /// The physical line the record starts on, 1-based, as a text editor numbers lines.
    public let line: Int
    /// Something the reader noticed that makes the record doubtful, or `nil`.
    public let problem: CSVRecordProblem?
    @usableFromInline let fields: UnsafePointer<UnsafeRawBufferPointer>
    @usableFromInline let fieldCount: Int
    /// The fields' bytes added up (kept by the parser, for progress).
    let fieldBytes: Int

    @usableFromInline
    init(index: Int, line: Int, problem: CSVRecordProblem?, fields: UnsafePointer<UnsafeRawBufferPointer>, count: Int,
         fieldBytes: Int = 0) {
        self.index = index
        self.line = line
        self.problem = problem
        self.fields = fields
        self.fieldCount = count
        self.fieldBytes = fieldBytes
    }

    /// 0: fields are numbered from 0, as columns of the header.
    public var startIndex: Int { 0 }
    /// The number of fields.
    public var endIndex: Int { fieldCount }

    /// The bytes of field `position` (0-based column), valid during the callback only.
    @inlinable
    public subscript(position: Int) -> UnsafeRawBufferPointer {
        precondition(position >= 0 && position < fieldCount, "field index out of range")
        return fields[position]
    }

    /// The bytes of field `position`, or `nil` when the record is shorter than that.
    @inlinable
    public func field(_ position: Int) -> UnsafeRawBufferPointer? {
        position >= 0 && position < fieldCount ? fields[position] : nil
    }

    /// Field `position` as a `String` in NFC (for headers, labels and messages; not for the hot path).
    public func string(at position: Int) -> String {
        UnicodeNormalization.nfcString(self[position])
    }

    /// Every field as an NFC `String`.
    public var strings: [String] { (0..<fieldCount).map { string(at: $0) } }

    /// The number of fields once trailing empty fields are dropped (a row written with a
    /// trailing delimiter, `a,b,`, has 3 fields and a trimmed count of 2).
    public var countIgnoringTrailingEmptyFields: Int {
        var n = fieldCount
        while n > 0 && fields[n - 1].isEmpty { n -= 1 }
        return n
    }
}
