import SatisfactionIndex
import SurveySchema

extension AnalysisTable {
    /// Groups in rank order with their rank interval; `≈` where a group cannot be told apart
    /// from a neighbour. Suppressed groups are not ranked (the engine leaves them out, and a
    /// suppressed entry found here is skipped as well).
    func rankingTable(_ ranking: Ranking, width: Int) -> [String] {
        let grouping = results.grouping(ranking.by)
        let groupingName = ranking.by.map(labels.groupingName).joined(separator: " × ")
        let level = numbers.decimal(ranking.level * 100, digits: 0) + "%"
        let nodeLabel = ranking.node == Survey.rootID ? words.overallIndexTitle : labels.label(ofID: ranking.node)
        var out = TerminalText.wrap(
            "\(words.rankingTitle) · \(groupingName) · \(nodeLabel) "
                + "(\(words.rankInterval) \(level); \(numbers.count(ranking.replicates)) \(words.rankDraws(ranking.method)), "
                + "\(words.seed) \(ranking.seed))",
            width: width)
        var rows: [TextTable.Row] = []
        var anyIndistinguishable = false
        for e in ranking.entries {
            let entry = grouping?.group(e.key).flatMap { $0.node(ranking.node) ?? $0.question(ranking.node) }
            if entry?.isSuppressed ?? false { continue }
            let measure = entry?.measure ?? results.settings.measure
            let mark = e.indistinguishableFromNeighbours ? "≈" : ""
            if e.indistinguishableFromNeighbours { anyIndistinguishable = true }
            rows.append(.init([
                String(e.rank), e.rankLower == e.rankUpper ? String(e.rankLower) : "\(e.rankLower)–\(e.rankUpper)",
                labels.groupLabel(e.key, by: ranking.by, words: words), numbers.value(e.value, measure: measure), mark,
            ]))
        }
        let columns: [TextTable.Column] = [
            .init(header: words.rank, alignment: .right),
            .init(header: words.rankInterval, alignment: .right),
            .init(header: words.groupColumn, wraps: true, minWidth: 20),
            .init(header: words.indexColumn, alignment: .right),
            .init(header: "", alignment: .left),
        ]
        out += TextTable(columns: columns).render(rows: rows, width: width)
        if anyIndistinguishable { out += TerminalText.wrap("  ≈ \(words.indistinguishable)", width: width) }
        return out
    }

    /// Alpha with its interval per aspect, and each criterion's item-rest correlation.
    func reliabilityTable(width: Int) -> [String] {
        var out = [words.reliabilityTitle]
        var rows: [TextTable.Row] = []
        for r in results.reliability {
            let info = labels.node(r.aspect)
            var label = labels.label(ofID: r.aspect)
            if let outline = info?.outline, !outline.isEmpty { label = "\(outline) \(label)" }
            let alpha = r.alpha.isFinite
                ? numbers.withInterval(r.alpha, lower: r.interval.lower, upper: r.interval.upper, digits: 2)
                : NumberStyle.missing
            rows.append(.init([label, alpha, "", numbers.count(r.n)]))
            for (id, correlation) in zip(r.criteria, r.itemRestCorrelations) {
                rows.append(.init([labels.label(ofID: id), "", numbers.coefficient(correlation), ""], indent: 2))
            }
        }
        let columns: [TextTable.Column] = [
            .init(header: "", wraps: true, minWidth: 24),
            .init(header: "alpha (\(words.confidenceAbbreviation) \(levelPercent))", alignment: .right),
            .init(header: "item-rest r", alignment: .right),
            .init(header: words.validN, alignment: .right),
        ]
        out += TextTable(columns: columns).render(rows: rows, width: width)
        out += TerminalText.wrap(
            language == "vi"
                ? "alpha tính trên những người trả lời hợp lệ mọi tiêu chí của khía cạnh (n); khoảng tin cậy Duhachek; item-rest r: \(words.itemRest)."
                : "alpha on respondents with a valid answer to every criterion of the aspect (n); Duhachek interval; item-rest r: \(words.itemRest).",
            width: width)
        return out
    }

    /// The weakest criteria, then the importance–performance table. A criterion suppressed in
    /// the whole sample shows neither its performance nor its quadrant.
    func prioritiesTables(_ p: Priorities, width: Int) -> [String] {
        var out = [words.prioritiesTitle]
        let whole = results.wholeSample
        if !p.weakest.isEmpty {
            out.append(words.weakestCriteria)
            for (i, id) in p.weakest.enumerated() {
                let entry = whole?.node(id)
                let value = entry.map { $0.isSuppressed ? NumberStyle.missing : numbers.value($0.estimate.value, measure: $0.measure) } ?? ""
                let lines = TerminalText.wrap("\(labels.label(ofID: id)) (\(value))", width: width - 5)
                out += lines.enumerated().map { ($0.offset == 0 ? "  \(i + 1). " : "     ") + $0.element }
            }
        }
        guard !p.table.isEmpty else { return out }
        out.append("")
        let overallLabel = survey.questions(of: .overall).first.map { labels.text($0.label) }
        out += TerminalText.wrap(
            "\(words.importancePerformance) (\(words.importance): \(words.importanceTarget(p.importanceTarget, overallLabel: overallLabel)))",
            width: width)
        var rows: [TextTable.Row] = []
        for row in p.table {
            let entry = whole?.node(row.criterion)
            let hidden = entry?.isSuppressed ?? false
            let measure = entry?.measure ?? results.settings.measure
            rows.append(.init([
                labels.label(ofID: row.criterion),
                hidden ? NumberStyle.missing : numbers.value(row.performance, measure: measure),
                numbers.coefficient(row.importance),
                hidden ? "" : row.quadrant.map { words.quadrant($0.rawValue) } ?? "",
            ]))
        }
        let columns: [TextTable.Column] = [
            .init(header: words.criterionColumn, wraps: true, minWidth: 24),
            .init(header: words.performance, alignment: .right),
            .init(header: words.importance, alignment: .right),
            .init(header: words.quadrantColumn, alignment: .left),
        ]
        out += TextTable(columns: columns).render(rows: rows, width: width)
        return out
    }
}
