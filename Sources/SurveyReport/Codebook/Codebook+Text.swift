import SurveySchema

extension Codebook {
    /// The codebook for a terminal, lines at most `width` characters (default 100) except
    /// where a single word is longer.
    public func text(width: Int = 100) -> String {
        var out: [String] = []
        func wrapped(_ text: String, _ first: String, _ rest: String) {
            out += TextWrapping.wrap(text, width: width, firstIndent: first, indent: rest)
        }
        wrapped("\(text(survey.title)) (\(survey.id) \(survey.version))", "", "  ")
        if let description = survey.description { wrapped(text(description), "", "") }
        out.append("\(words.languages): \(survey.languages.joined(separator: ", ")) "
            + "(\(words.defaultLanguage): \(survey.defaultLanguage))")
        out.append("")
        out.append(words.indexRules)
        wrapped(rulesSummary(), "  ", "  ")

        out.append("")
        let criteria = survey.criteria
        let aggregates = walkTree().filter { if case .aggregate = $0.node { true } else { false } }
        out.append("\(words.indicatorTree) (\(criteria.count) \(words.criteria), "
            + "\(aggregates.count) \(aggregates.count == 1 ? words.aggregate : words.aggregates))")
        func entry(_ indent: String, _ key: String, _ keyWidth: Int, _ description: String) {
            out += TextWrapping.entry(indent: indent, key: key, keyWidth: keyWidth, text: description, width: width)
        }
        let tree = walkTree()
        // Labels start in one column at every depth: keys are padded to reach it.
        let labelColumn = min(32, tree.map { depth, node -> Int in
            let key = if case .criterion(let criterion) = node { criterion.column } else { node.id }
            return 2 * (depth + 1) + key.count + 2
        }.max() ?? 0)
        for (depth, node) in tree {
            let indent = String(repeating: "  ", count: depth + 1)
            let keyWidth = labelColumn - indent.count
            switch node {
            case .aggregate(let aggregate):
                let rule = aggregate.combine.map { " [\(words.combine($0.rawValue))]" } ?? ""
                entry(indent, aggregate.id, keyWidth, text(aggregate.label) + rule)
            case .criterion(let criterion):
                var tags = [criterion.scale]
                if criterion.reverse { tags.append(words.reverseKeyed) }
                entry(indent, criterion.column, keyWidth, "\(text(criterion.label)) [\(tags.joined(separator: ", "))]")
            }
        }

        if !survey.questions.isEmpty {
            out.append("")
            out.append(words.otherQuestions)
            let questionKeyWidth = min(18, (survey.questions.map { ($0.column ?? $0.id).count }.max() ?? 0) + 2)
            for question in survey.questions {
                var tags = [words.questionKind(question.kind.rawValue)]
                if let scale = question.scale { tags.append(scale) }
                entry("  ", question.column ?? question.id, questionKeyWidth,
                      "\(text(question.label)) [\(tags.joined(separator: ", "))]")
                let choices = question.options.map { ($0.column ?? $0.code, $0.label) }
                    + (question.values ?? []).map { ($0.code, $0.label) }
                let choiceWidth = (choices.map(\.0.count).max() ?? 0) + 2
                for (code, label) in choices {
                    entry("  " + String(repeating: " ", count: questionKeyWidth), code, choiceWidth, text(label))
                }
            }
        }

        out.append("")
        out.append(words.scales)
        for scale in survey.scales {
            out.append("  \(scale.id) (k = \(scale.k))")
            wrapped(pointsSummary(scale), "    ", "    ")
            wrapped(bandsSummary(scale), "    ", "    ")
            let missing = missingSummary(scale)
            if !missing.isEmpty { wrapped(missing, "    ", "    ") }
        }

        out.append("")
        out.append(words.columns)
        let requirements = survey.columnRequirements
        let nameWidth = min(24, (requirements.map(\.name.count).max() ?? 0) + 2)
        for requirement in requirements {
            let status = requirement.isRequired ? words.required : words.optional
            entry("  ", requirement.name, nameWidth, "\(roleDescription(requirement.role)) (\(status))")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
