/// The survey file format in one place: its version and the keys each kind of object
/// accepts. The loader reads its key sets from here, and a test checks them against
/// `docs/survey.schema.json`, so the two cannot drift apart.
public enum SurveyFormat {
    /// The format version this satkit reads and writes (the file's `format` key).
    public static let version = 1

    /// The deepest indicator tree accepted: a top-level node is at level 1. SIPAS needs 3
    /// (parts, aspects, criteria); 20 leaves room and keeps the file within the 64 levels of
    /// nesting the loader reads (a node at level d is nested 2d + 1 deep, its label 2d + 2).
    public static let maxTreeDepth = 20

    /// The keys one kind of object accepts. `name` is the object's name in
    /// `docs/survey.schema.json` (`survey` is the root; every other name is under `$defs`).
    public struct KeySet: Sendable, Hashable {
        /// The object's name in the JSON Schema.
        public let name: String
        /// The accepted keys, in the order the documentation lists them.
        public let keys: [String]
    }

    /// The top level of a survey file.
    public static let survey = KeySet(name: "survey", keys: [
        "format", "id", "version", "languages", "defaultLanguage", "title", "description",
        "scales", "index", "indicators", "questions", "columns",
    ])
    /// One scale under `scales`.
    public static let scale = KeySet(name: "scale", keys: [
        "points", "satisfied", "neutral", "dissatisfied", "missing",
    ])
    /// One point of a scale.
    public static let point = KeySet(name: "point", keys: ["value", "label"])
    /// A scale's `missing` codes.
    public static let missing = KeySet(name: "missing", keys: MissingKind.allCases.map(\.rawValue))
    /// The `index` rules.
    public static let index = KeySet(name: "index", keys: [
        "measure", "combine", "interval", "level", "minValidN", "maxIntervalWidth",
        "disclosureThreshold",
    ])
    /// A node of the indicator tree (aggregate or criterion).
    public static let indicator = KeySet(name: "indicator", keys: [
        "id", "label", "children", "combine", "column", "scale", "reverse", "continues",
        "comparable",
    ])
    /// Keys only an aggregate (a node with `children`) may have.
    static let aggregateOnly: Set<String> = ["children", "combine"]
    /// Keys only a criterion (a node with `column`) may have.
    static let criterionOnly: Set<String> = ["column", "scale", "reverse"]
    /// One entry of `questions`.
    public static let question = KeySet(name: "question", keys: [
        "id", "kind", "label", "column", "scale", "options", "separator", "values",
        "continues", "comparable",
    ])
    /// One option of a multiSelect question.
    public static let option = KeySet(name: "option", keys: ["code", "label", "column"])
    /// One code of a dictionary (`values` of a demographic question or a group).
    public static let codeLabel = KeySet(name: "codeLabel", keys: ["code", "label"])
    /// The `columns` section.
    public static let columns = KeySet(name: "columns", keys: ["respondent", "wave", "groups", "design"])
    /// One grouping column.
    public static let group = KeySet(name: "group", keys: ["id", "column", "label", "values"])
    /// The sampling-design columns.
    public static let design = KeySet(name: "design", keys: ["weight", "strata", "cluster", "fpc", "lonelyUnits"])

    /// Every key set, for tests and tooling.
    public static let allKeySets: [KeySet] = [
        survey, scale, point, missing, index, indicator, question, option, codeLabel,
        columns, group, design,
    ]

    /// Which keys a question of each kind may have besides the common ones.
    static func keys(for kind: QuestionKind) -> Set<String> {
        let common: Set<String> = ["id", "kind", "label", "continues", "comparable"]
        switch kind {
        case .overall, .evaluation, .expectation, .screener: return common.union(["column", "scale"])
        case .multiSelect: return common.union(["column", "options", "separator"])
        case .text: return common.union(["column"])
        case .demographic: return common.union(["column", "values"])
        }
    }

    /// The separator a one-cell multiSelect question uses when it declares none.
    public static let defaultSeparator = ";"
}
