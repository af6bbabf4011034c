extension Survey {
    /// Every criterion of the tree, depth first in file order.
    public var criteria: [Criterion] { indicators.flatMap(\.criteria) }

    /// The scale with `id`, or `nil` when the survey declares none.
    public func scale(id: String) -> Scale? { scales.first { $0.id == id } }

    /// The scale a criterion is answered on. Never `nil` for a loaded survey.
    public func scale(of criterion: Criterion) -> Scale? { scale(id: criterion.scale) }

    /// The scale a scored question is answered on; `nil` for multiSelect, text and demographic.
    public func scale(of question: Question) -> Scale? { question.scale.flatMap { scale(id: $0) } }

    /// The node with `id`; `overall` is the root.
    public func node(id: String) -> Indicator? {
        if id == Self.rootID { return .aggregate(root) }
        func search(_ nodes: [Indicator]) -> Indicator? {
            for node in nodes {
                if node.id == id { return node }
                if let found = search(node.children) { return found }
            }
            return nil
        }
        return search(indicators)
    }

    /// The question with `id`.
    public func question(id: String) -> Question? { questions.first { $0.id == id } }

    /// The questions of one kind, in file order.
    public func questions(of kind: QuestionKind) -> [Question] { questions.filter { $0.kind == kind } }

    /// The aggregates above the node with `id`, nearest first, ending with the root
    /// (`overall`). Empty for the root itself and for an id that is not in the tree.
    public func parentChain(of id: String) -> [Aggregate] {
        func search(_ node: Aggregate) -> [Aggregate]? {
            for child in node.children {
                if child.id == id { return [node] }
                if case .aggregate(let aggregate) = child, let chain = search(aggregate) {
                    return chain + [node]
                }
            }
            return nil
        }
        return search(root) ?? []
    }

    /// `text` in `language`, falling back to the survey's default language.
    /// Pass `nil` for the default language.
    public func text(_ text: LocalizedText, in language: String? = nil) -> String {
        text.text(in: language ?? defaultLanguage, fallback: defaultLanguage)
    }

    /// The label of the node or question with `id` in `language` (default-language
    /// fallback), or `nil` when there is no such node or question.
    public func label(of id: String, in language: String? = nil) -> String? {
        guard let label = node(id: id)?.label ?? question(id: id)?.label else { return nil }
        return text(label, in: language)
    }
}
