import Foundation

/// One survey, as declared in a `surveys/NAME.json5` file: identity, languages, scales,
/// index rules, the indicator tree, the other questions and the non-answer columns.
///
/// Load one with ``load(from:)`` or ``init(json5:fileName:)``; both validate the whole file
/// and throw a ``SurveyLoadError`` listing every problem. The format is described in
/// `docs/survey-format.md`.
public struct Survey: Sendable, Hashable, Identifiable {
    /// The satkit survey-format version of the file (currently 1).
    public var format: Int
    /// The survey's id, e.g. `sipas`.
    public var id: String
    /// The period or edition, e.g. `2022`.
    public var version: String
    /// The survey's title in each language.
    public var title: LocalizedText
    /// A longer description, if given.
    public var description: LocalizedText?
    /// The languages every label is written in, e.g. `["vi", "en"]`.
    public var languages: [String]
    /// The language used when a text is asked for in a language it lacks.
    public var defaultLanguage: String
    /// The scales, in id order.
    public var scales: [Scale]
    /// The survey-wide index rules.
    public var index: IndexRules
    /// The top level of the indicator tree, in file order (the root's children).
    public var indicators: [Indicator]
    /// The questions that are not criteria, in file order.
    public var questions: [Question]
    /// The non-answer columns.
    public var columns: Columns

    /// A survey built in code. It is not validated; write it with ``canonicalJSON()`` and
    /// load that to validate it.
    public init(
        format: Int = SurveyFormat.version, id: String, version: String, title: LocalizedText,
        description: LocalizedText? = nil, languages: [String], defaultLanguage: String,
        scales: [Scale], index: IndexRules = IndexRules(), indicators: [Indicator],
        questions: [Question] = [], columns: Columns = Columns()
    ) {
        self.format = format
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.scales = scales.sorted { $0.id < $1.id }
        self.index = index
        self.indicators = indicators
        self.questions = questions
        self.columns = columns
    }

    /// The id of the tree's root, reserved: no node or question may use it.
    public static let rootID = "overall"

    /// The root of the indicator tree: id `overall`, labelled with the survey's title,
    /// combining the top-level nodes by the survey's ``IndexRules/combine``.
    public var root: Aggregate {
        Aggregate(id: Self.rootID, label: title, combine: index.combine, children: indicators)
    }
}
