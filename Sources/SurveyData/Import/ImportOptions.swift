/// How ``SurveyImporter`` reads a file. The defaults suit every export satkit knows.
public struct ImportOptions {
    /// The encoding when the file has no byte-order mark; `nil` detects (a mark, else UTF-8).
    public var encoding: TextEncoding?
    /// The field delimiter; `nil` detects it from the header line.
    public var delimiter: CSVDelimiter?
    /// What an invalid cell does to its row.
    public var invalidCells: InvalidCellPolicy
    /// Whether free-text answers are kept in ``SurveyDataset/texts`` (off by default: they
    /// are personal data and the indices do not need them).
    public var keepTexts: Bool
    /// Whether columns the survey does not declare are kept as categorical columns.
    public var keepExtraColumns: Bool
    /// An extra column with more distinct values than this is not kept (it is not a
    /// grouping column: a timestamp, a comment, an id).
    public var extraColumnLevelLimit: Int
    /// Whether the accepted rows are kept as a ``SurveyDataset``. `false` (what `satkit check`
    /// uses) reads, codes, checks and reports every row exactly as `true` does, but keeps no
    /// column: the result's dataset is empty (``SurveyDataset/rowCount`` 0) and memory holds
    /// little more than the respondent ids. The report is the same either way.
    public var keepsRows = true
    /// When set, the dataset keeps only what the index engine reads to group by these columns
    /// (grouping ids the survey declares, or header names of extra columns): the answers,
    /// choices, weights and design columns, these grouping columns, and the wave (which names
    /// a report's wave); not the line numbers, demographics or other grouping columns (free
    /// text follows ``keepTexts``). Every column is still read, coded and
    /// checked: the report and the quarantine are the same. When one of the names is no column
    /// of the file, everything is kept (so that the engine's error lists the groupings there are).
    /// `nil` (the default) keeps everything.
    public var onlyGroupings: Set<String>?
    /// Where quarantined rows go; `nil` drops them (they are still counted in the report).
    public var quarantine: (any QuarantineSink)?
    /// Called every ``progressInterval`` rows and once at the end.
    public var progress: ((ImportProgress) -> Void)?
    /// Rows between two progress calls.
    public var progressInterval: Int
    /// Bytes read from the file at a time.
    public var chunkSize: Int
    /// Workers coding rows at once (1 or 2): each chunk of the file is cut in two at a line
    /// end and both halves are parsed and coded at the same time.
    public var parallelism: Int
    /// The least text a worker is given (tests set it small to cut small files).
    var minimumBatch = 1 << 16

    /// Options; every argument has the default an analyst would choose.
    public init(
        encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
        invalidCells: InvalidCellPolicy = .quarantineRow, keepTexts: Bool = false,
        keepExtraColumns: Bool = true, extraColumnLevelLimit: Int = 1000,
        quarantine: (any QuarantineSink)? = nil, progress: ((ImportProgress) -> Void)? = nil,
        progressInterval: Int = 100_000, chunkSize: Int = 1 << 20, parallelism: Int = 2
    ) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.invalidCells = invalidCells
        self.keepTexts = keepTexts
        self.keepExtraColumns = keepExtraColumns
        self.extraColumnLevelLimit = extraColumnLevelLimit
        self.quarantine = quarantine
        self.progress = progress
        self.progressInterval = progressInterval
        self.chunkSize = chunkSize
        self.parallelism = parallelism
    }
}

/// What an invalid cell (a label no scale knows, a group value outside its dictionary, an
/// option that does not exist) does to its row. Bad weights, empty design ids, duplicate
/// respondents and broken rows are quarantined under either policy.
public enum InvalidCellPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Quarantine the whole row (the default).
    case quarantineRow = "quarantine-row"
    /// Keep the row; the cell becomes ``AnswerCode/invalid`` (a kind of missing, counted
    /// apart from no-answer) or, in a group column, the level `""`.
    case asMissing = "as-missing"
}

/// How far an import has gone.
public struct ImportProgress: Sendable, Hashable {
    /// Data rows read so far (the header not counted).
    public var rows: Int
    /// Bytes of text read so far, approximately (field bytes plus one per delimiter and line end).
    public var bytes: Int
    /// Whether this is the last call.
    public var finished: Bool
}
