/// A question that is not a criterion of the indicator tree: the overall-satisfaction item,
/// evaluation and expectation items, screeners, multi-select questions, free text and
/// demographics.
///
/// Which fields are set depends on ``kind``; the loader enforces it:
///
/// | kind | column | scale | options | separator | values |
/// | --- | --- | --- | --- | --- | --- |
/// | overall, evaluation, expectation, screener | required | required | – | – | – |
/// | multiSelect | one cell, or one per option | – | required | with `column` | – |
/// | text | required | – | – | – | – |
/// | demographic | required | – | – | – | optional |
public struct Question: Sendable, Hashable, Identifiable {
    /// The question's id, unique among all nodes and questions.
    public var id: String
    /// What kind of question it is.
    public var kind: QuestionKind
    /// The question's wording in each language.
    public var label: LocalizedText
    /// The CSV column; `nil` only for a multiSelect with one column per option.
    public var column: String?
    /// The scale id for overall, evaluation, expectation and screener questions.
    public var scale: String?
    /// The options of a multiSelect question.
    public var options: [Option]
    /// The separator between codes in a multiSelect cell (default `;`); `nil` when each
    /// option has its own column.
    public var separator: String?
    /// The code dictionary of a demographic question, if given.
    public var values: [CodeLabel]?
    /// The question's id in the previous edition, when it changed.
    public var continues: String?
    /// Whether the question may be compared with the previous edition.
    public var comparable: Bool

    /// A question. The loader checks which fields the kind needs; this initialiser does not.
    public init(
        id: String, kind: QuestionKind, label: LocalizedText, column: String? = nil,
        scale: String? = nil, options: [Option] = [], separator: String? = nil,
        values: [CodeLabel]? = nil, continues: String? = nil, comparable: Bool = true
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.column = column
        self.scale = scale
        self.options = options
        self.separator = separator
        self.values = values
        self.continues = continues
        self.comparable = comparable
    }

    /// Whether each option of this multiSelect question has its own 0/1 column.
    public var hasOptionColumns: Bool { kind == .multiSelect && column == nil }
}

/// The kinds of ``Question``.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    /// The overall-satisfaction item (scored on a scale like a criterion, outside the tree).
    case overall
    /// An evaluation item (e.g. harassment); its scale's `satisfied` band is the favourable answer.
    case evaluation
    /// An expectation or interest item; its scale's `satisfied` band is the top levels.
    case expectation
    /// A yes/no screener ("did you use a public hospital?").
    case screener
    /// Several options may be chosen: one cell with a separator, or one 0/1 column per option.
    case multiSelect
    /// Free text. Reports never print it unless asked to, and then masked.
    case text
    /// A demographic (sex, age band, …), with an optional code dictionary.
    case demographic

    /// Whether questions of this kind are answered on a scale.
    public var isScored: Bool {
        switch self {
        case .overall, .evaluation, .expectation, .screener: true
        case .multiSelect, .text, .demographic: false
        }
    }
}

/// One option of a multiSelect question.
public struct Option: Sendable, Hashable {
    /// The code written in the cell (one-cell form), e.g. `tv`.
    public var code: String
    /// The option's wording in each language.
    public var label: LocalizedText
    /// The option's own 0/1 column (one-column-per-option form), else `nil`.
    public var column: String?

    /// An option.
    public init(code: String, label: LocalizedText, column: String? = nil) {
        self.code = code
        self.label = label
        self.column = column
    }
}

/// A code and its label: a demographic answer or a grouping value, e.g. `1` → "Nam / Male".
public struct CodeLabel: Sendable, Hashable {
    /// The code written in the data.
    public var code: String
    /// What the code means, in each language.
    public var label: LocalizedText

    /// A code with its label.
    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}
