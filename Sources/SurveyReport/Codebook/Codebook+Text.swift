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
            + "\(aggregates.count) \(words.aggregates))")
        for (depth, node) in walkTree() {
            let indent = String(repeating: "  ", count: depth + 1)
            switch node {
            case .aggregate(let aggregate):
                let rule = aggregate.combine.map { "  [\(words.combine($0.rawValue))]" } ?? ""
                wrapped("\(aggregate.id)  \(text(aggregate.label))\(rule)", indent, indent + "    ")
            case .criterion(let criterion):
                var tags = [criterion.scale]
                if criterion.reverse { tags.append(words.reverseKeyed) }
                wrapped("\(criterion.column)  \(text(criterion.label))  [\(tags.joined(separator: ", "))]",
                    indent, indent + "    ")
            }
        }

        if !survey.questions.isEmpty {
            out.append("")
            out.append(words.otherQuestions)
            for question in survey.questions {
                var tags = [words.questionKind(question.kind.rawValue)]
                if let scale = question.scale { tags.append(scale) }
                let column = question.column ?? "—"
                wrapped("\(column)  \(text(question.label))  [\(tags.joined(separator: ", "))]", "  ", "      ")
                for option in question.options {
                    let where_ = option.column ?? option.code
                    wrapped("\(where_)  \(text(option.label))", "      ", "        ")
                }
                for value in question.values ?? [] {
                    wrapped("\(value.code)  \(text(value.label))", "      ", "        ")
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
            let line = TextWrapping.pad(requirement.name, nameWidth)
                + "\(roleDescription(requirement.role)) (\(status))"
            wrapped(line, "  ", "  " + String(repeating: " ", count: nameWidth))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
