import SatisfactionIndex
import SurveySchema

/// The survey's words for the things in ``IndexResults``, in one language: node and question
/// labels, the tree's shape (depth, parent, outline number), and group names.
///
/// Every label is cleaned of control and bidirectional characters (``TerminalText/clean(_:)``);
/// each output escapes it further for its own format.
struct AnalysisLabels: Sendable {
    let survey: Survey
    let language: String

    /// Where a node sits in the tree.
    struct NodeInfo: Sendable {
        let id: String
        let depth: Int
        let parent: String?
        /// `1`, `1.2`, `2.3.1` for nodes below the root; `""` for the root.
        let outline: String
        let isAggregate: Bool
        /// Aggregates whose children are all criteria (SIPAS aspects).
        let isAspect: Bool
    }

    /// Tree nodes in depth-first order, the root first.
    let nodes: [NodeInfo]
    private let nodeIndex: [String: Int]
    /// Cleaned labels, worked out once: outputs ask for them once per group and entry (12,000
    /// times for 200 services), and a lookup walks the tree and cleans the text each time.
    private let idLabels: [String: String]
    private let optionLabels: [String: [String: String]]
    private let valueLabels: [String: [String: String]]

    init(survey: Survey, language: String? = nil) {
        self.survey = survey
        self.language = language ?? survey.defaultLanguage
        var nodes: [NodeInfo] = []
        func visit(_ node: Indicator, depth: Int, parent: String?, outline: String) {
            let children = node.children
            let isAggregate = if case .aggregate = node { true } else { false }
            let isAspect = isAggregate && !children.isEmpty
                && children.allSatisfy { if case .criterion = $0 { true } else { false } }
            nodes.append(NodeInfo(id: node.id, depth: depth, parent: parent, outline: outline,
                                  isAggregate: isAggregate, isAspect: isAspect))
            var number = 0
            for child in children {
                var childOutline = ""
                if case .aggregate = child {
                    number += 1
                    childOutline = outline.isEmpty ? "\(number)" : "\(outline).\(number)"
                }
                visit(child, depth: depth + 1, parent: node.id, outline: childOutline)
            }
        }
        visit(.aggregate(survey.root), depth: 0, parent: nil, outline: "")
        self.nodes = nodes
        self.nodeIndex = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let language = self.language
        func clean(_ text: LocalizedText) -> String { TerminalText.clean(survey.text(text, in: language)) }
        var idLabels: [String: String] = [:]
        for id in nodes.map(\.id) + survey.questions.map(\.id) where id != Survey.rootID {
            idLabels[id] = survey.label(of: id, in: language).map(TerminalText.clean) ?? id
        }
        idLabels[Survey.rootID] = clean(survey.title)
        self.idLabels = idLabels
        var optionLabels: [String: [String: String]] = [:]
        for question in survey.questions where !question.options.isEmpty {
            optionLabels[question.id] = Dictionary(question.options.map { ($0.code, clean($0.label)) },
                                                   uniquingKeysWith: { first, _ in first })
        }
        self.optionLabels = optionLabels
        var valueLabels: [String: [String: String]] = [:]
        for column in survey.columns.groups {
            guard let values = column.values else { continue }
            valueLabels[column.id] = Dictionary(values.map { ($0.code, clean($0.label)) }, uniquingKeysWith: { first, _ in first })
        }
        self.valueLabels = valueLabels
    }

    func node(_ id: String) -> NodeInfo? { nodeIndex[id].map { nodes[$0] } }

    func text(_ localized: LocalizedText) -> String { TerminalText.clean(survey.text(localized, in: language)) }

    /// The label of a tree node or question; for a multi-select option, the option's label.
    func label(of entry: IndexEntry) -> String {
        if let option = entry.option, let found = optionLabels[entry.id]?[option] { return found }
        return label(ofID: entry.id)
    }

    /// The label of a node or question id; the id itself when the survey has none.
    func label(ofID id: String) -> String {
        if let known = idLabels[id] { return known }
        return survey.label(of: id, in: language).map(TerminalText.clean) ?? id
    }

    /// The grouping column's name (`Tỉnh, thành phố`), or the column id for a data column.
    func groupingName(_ id: String) -> String {
        survey.columns.groups.first { $0.id == id }.map { text($0.label) } ?? id
    }

    /// The group's value label (`Đất đai` for `land`), or the code when the grouping has no
    /// dictionary.
    func groupValue(_ code: String, of grouping: String) -> String {
        valueLabels[grouping]?[code] ?? TerminalText.clean(code)
    }

    /// A group's label: its values' labels joined by ` · `; the whole sample's name for `[]`.
    func groupLabel(_ key: [String], by: [String], words: UIText) -> String {
        guard !key.isEmpty else { return words.wholeSample }
        return zip(key, by).map { groupValue($0, of: $1) }.joined(separator: " · ")
    }
}

extension IndexEntry {
    /// The flags an output may show. A suppressed entry shows only why it is suppressed: a
    /// flag such as "share at 100%" or "wide interval" would give its number away.
    var publishedFlags: [IndexFlag] {
        guard isSuppressed else { return flags }
        return flags.filter {
            $0 == .noValidAnswers || $0 == .belowMinimumN || $0 == .belowDisclosureThreshold || $0 == .complementarySuppression
        }
    }
}
