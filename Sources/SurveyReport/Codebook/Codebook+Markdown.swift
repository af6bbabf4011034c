import SurveySchema

extension Codebook {
    /// The codebook as Markdown: headings, the tree as a nested list, questions, scales and
    /// columns as tables. Every text from the survey file is escaped
    /// (``MarkupEscaping/markdown(_:)``).
    public func markdown() -> String {
        func md(_ text: String) -> String { MarkupEscaping.markdown(text) }
        func code(_ text: String) -> String {
            // A code span cannot hold a backtick safely; such identifiers are shown escaped.
            text.contains("`") || text.isEmpty ? md(text) : "`\(text)`"
        }
        var out: [String] = []
        out.append("# \(md(text(survey.title)))")
        out.append("")
        out.append("\(code(survey.id)) \(md(survey.version)) · \(words.languages): "
            + survey.languages.map(md).joined(separator: ", ")
            + " (\(words.defaultLanguage): \(md(survey.defaultLanguage)))")
        if let description = survey.description {
            out.append("")
            out.append(md(text(description)))
        }
        out.append("")
        out.append("## \(words.indexRules)")
        out.append("")
        out.append(md(rulesSummary()))
        out.append("")
        out.append("## \(words.indicatorTree)")
        out.append("")
        for (depth, node) in walkTree() {
            let indent = String(repeating: "  ", count: depth)
            switch node {
            case .aggregate(let aggregate):
                let rule = aggregate.combine.map { " — \(md(words.combine($0.rawValue)))" } ?? ""
                out.append("\(indent)- **\(md(text(aggregate.label)))** (\(code(aggregate.id)))\(rule)")
            case .criterion(let criterion):
                var tags = [code(criterion.scale)]
                if criterion.reverse { tags.append(md(words.reverseKeyed)) }
                out.append("\(indent)- \(code(criterion.column)): \(md(text(criterion.label))) "
                    + "(\(tags.joined(separator: ", ")))")
            }
        }
        if !survey.questions.isEmpty {
            out.append("")
            out.append("## \(words.otherQuestions)")
            out.append("")
            out.append("| \(words.column) | \(words.label) | \(words.kind) | \(words.scale) |")
            out.append("| --- | --- | --- | --- |")
            for question in survey.questions {
                var label = md(text(question.label))
                let choices = question.options.map { "\(code($0.column ?? $0.code)) \(md(text($0.label)))" }
                    + (question.values ?? []).map { "\(code($0.code)) \(md(text($0.label)))" }
                if !choices.isEmpty { label += "<br>" + choices.joined(separator: "<br>") }
                out.append("| \(question.column.map(code) ?? "—") | \(label) | "
                    + "\(md(words.questionKind(question.kind.rawValue))) | \(question.scale.map(code) ?? "—") |")
            }
        }
        out.append("")
        out.append("## \(words.scales)")
        out.append("")
        out.append("| \(words.scale) | \(words.values) | \(words.satisfiedBand) | \(words.noAnswer) |")
        out.append("| --- | --- | --- | --- |")
        for scale in survey.scales {
            out.append("| \(code(scale.id)) | \(md(pointsSummary(scale))) | \(md(bandsSummary(scale))) | "
                + "\(md(missingSummary(scale))) |")
        }
        out.append("")
        out.append("## \(words.columns)")
        out.append("")
        out.append("| \(words.column) | \(words.label) | |")
        out.append("| --- | --- | --- |")
        for requirement in survey.columnRequirements {
            out.append("| \(code(requirement.name)) | \(md(roleDescription(requirement.role))) | "
                + "\(requirement.isRequired ? words.required : words.optional) |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
