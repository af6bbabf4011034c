import SurveySchema

extension Codebook {
    /// One screen about a survey file that loaded without problems: what `satkit survey
    /// check` prints. Counts of criteria, aggregates, questions by kind, scales and columns,
    /// the index rules, and the design the columns declare.
    public func summary(fileName: String) -> String {
        let english = words.language != "vi"
        let tree = walkTree()
        let aggregates = tree.filter { if case .aggregate = $0.node { true } else { false } }.count
        let depth = (tree.map(\.depth).max() ?? 0) + 1
        let requirements = survey.columnRequirements
        var lines: [String] = []
        lines.append(english ? "\(fileName): valid survey file" : "\(fileName): tệp khảo sát hợp lệ")
        lines.append("  \(text(survey.title)) (\(survey.id) \(survey.version))")
        lines.append("  \(words.languages): \(survey.languages.joined(separator: ", ")) "
            + "(\(words.defaultLanguage): \(survey.defaultLanguage))")
        lines.append(english
            ? "  \(words.indicatorTree): \(survey.criteria.count) criteria in \(aggregates) \(aggregates == 1 ? words.aggregate : words.aggregates), \(depth) levels"
            : "  \(words.indicatorTree): \(survey.criteria.count) tiêu chí trong \(aggregates) nhóm chỉ số, \(depth) cấp")
        if !survey.questions.isEmpty {
            let kinds = QuestionKind.allCases.compactMap { kind -> String? in
                let count = survey.questions(of: kind).count
                return count == 0 ? nil : "\(count) \(words.questionKind(kind.rawValue))"
            }
            lines += TextWrapping.wrap(kinds.joined(separator: ", "), width: 100,
                                       firstIndent: "  \(words.otherQuestions): ", indent: "    ")
        }
        lines.append("  \(words.scales): " + survey.scales.map { "\($0.id) (k = \($0.k))" }.joined(separator: ", "))
        let required = requirements.filter(\.isRequired).count
        lines.append(english
            ? "  \(words.columns): \(requirements.count) (\(required) required)"
            : "  \(words.columns): \(requirements.count) (\(required) bắt buộc)")
        let design = survey.columns.design
        var designParts: [String] = []
        if let weight = design.weight { designParts.append("\(words.weight) (\(weight))") }
        if let strata = design.strata { designParts.append("\(words.strata) (\(strata))") }
        if let cluster = design.cluster { designParts.append("\(words.cluster) (\(cluster))") }
        if let fpc = design.fpc { designParts.append("\(words.fpc) (\(fpc))") }
        let designName = english ? "Design" : "Thiết kế mẫu"
        let none = english ? "simple random sample (no design columns)" : "mẫu ngẫu nhiên đơn giản (không khai báo cột thiết kế)"
        lines.append("  \(designName): " + (designParts.isEmpty ? none : designParts.joined(separator: ", ")))
        lines += TextWrapping.wrap(rulesSummary(), width: 100, firstIndent: "  \(words.indexRules): ", indent: "    ")
        return lines.joined(separator: "\n") + "\n"
    }
}
