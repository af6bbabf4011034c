/// The accepted rows of one survey export, coded column by column: what the importer
/// produces and what the index engine reads.
///
/// Answers are one byte each (``AnswerCode``), so memory grows with the number of answers,
/// not with the size of the CSV file. Every array indexed by row has ``rowCount`` elements.
/// Rows appear in file order; ``lineNumbers`` traces each back to the line it started on.
public struct SurveyDataset: Sendable {
    /// The number of accepted rows.
    public var rowCount: Int
    /// The 1-based physical line on which each accepted row started in the source file; empty
    /// when the import kept only what the engine reads (``ImportOptions/onlyGroupings``).
    public var lineNumbers: [UInt32]
    /// Coded answers to criteria and to single-answer questions, keyed by the node's or
    /// question's id in the survey file.
    public var answers: [String: [AnswerCode]]
    /// Multi-select questions: per row, bit `i` set when option `i` (in the question's
    /// option order) was chosen; keyed by question id. At most 64 options.
    public var selections: [String: [UInt64]]
    /// Grouping columns declared by the survey (service, province, channel, …), keyed by
    /// grouping id.
    public var groups: [String: CategoryColumn]
    /// Demographic questions (sex, age band, …), keyed by question id: the dictionary's codes
    /// as levels when the question declares `values`, else the values seen. An empty cell is
    /// the level `""`.
    public var demographics: [String: CategoryColumn]
    /// The wave (year or period) of each row, when the survey declares a wave column.
    public var wave: CategoryColumn?
    /// Columns in the file that the survey does not declare, kept as categorical columns
    /// so that they can still be used for grouping; keyed by header name.
    public var extraColumns: [String: CategoryColumn]
    /// Sampling weights (positive, finite), when the survey declares a weight column.
    public var weights: [Double]?
    /// Stratum of each row, when declared.
    public var strata: CategoryColumn?
    /// Primary sampling unit (cluster) of each row, when declared.
    public var clusters: CategoryColumn?
    /// Finite-population correction per row (population size or sampling fraction of the
    /// row's stratum), when declared.
    public var fpc: [Double]?
    /// Free-text answers keyed by question id; only kept when the caller asks for them.
    public var texts: [String: [String]]

    /// An empty dataset; the importer fills it.
    public init(
        rowCount: Int = 0, lineNumbers: [UInt32] = [], answers: [String: [AnswerCode]] = [:],
        selections: [String: [UInt64]] = [:], groups: [String: CategoryColumn] = [:],
        demographics: [String: CategoryColumn] = [:], wave: CategoryColumn? = nil,
        extraColumns: [String: CategoryColumn] = [:], weights: [Double]? = nil,
        strata: CategoryColumn? = nil, clusters: CategoryColumn? = nil, fpc: [Double]? = nil,
        texts: [String: [String]] = [:]
    ) {
        self.rowCount = rowCount
        self.lineNumbers = lineNumbers
        self.answers = answers
        self.selections = selections
        self.groups = groups
        self.demographics = demographics
        self.wave = wave
        self.extraColumns = extraColumns
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.fpc = fpc
        self.texts = texts
    }
}
