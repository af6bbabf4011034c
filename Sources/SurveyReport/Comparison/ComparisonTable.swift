import SatisfactionIndex
import SurveySchema

/// ``ComparisonResults`` as a terminal table: what `satkit compare` prints by default.
///
/// Per step: the whole sample for every compared node (tree indented), with the earlier and
/// later value, the change with its interval ("+2.6 pp (0.4–4.8)"), the adjusted p-value and
/// the verdict in words; then for the overall index and each aggregate, the groups with rank
/// moves and the press-style summary; then what was not compared and why. With three or more
/// waves, the whole-sample trends. Suppressed values print as "suppressed", never a number.
/// Lines fit `width` (default 100). Criteria by group are in the JSON and CSV outputs.
public struct ComparisonTable: Sendable {
    /// The comparison rendered.
    public let results: ComparisonResults
    /// The latest survey edition: labels of nodes, questions and groups.
    public let survey: Survey
    /// The language of labels and words (`vi` or `en`, default the survey's).
    public let language: String
    /// The deepest aggregate shown group by group (0 = the overall index only; `nil` = every
    /// aggregate). Every node by group is in the JSON and CSV outputs whatever this says.
    public let groupDepth: Int?
    let labels: AnalysisLabels
    let words: ComparisonWords
    let style: NumberStyle

    public init(results: ComparisonResults, survey: Survey, language: String? = nil, groupDepth: Int? = nil) {
        self.results = results
        self.groupDepth = groupDepth
        self.survey = survey
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
        self.words = ComparisonWords(language: labels.language)
        self.style = NumberStyle.forLanguage(labels.language)
    }

    /// Within which p-values were adjusted, in the table's language.
    var familySentence: String {
        let vietnamese = language == "vi"
        if results.by.isEmpty {
            return vietnamese ? "chỉ có toàn bộ mẫu nên không hiệu chỉnh" : "only the whole sample, so nothing is adjusted"
        }
        guard vietnamese else { return results.family }
        return "hiệu chỉnh trong từng chỉ số, giữa các nhóm theo \(results.by.joined(separator: " × ")); "
            + "toàn bộ mẫu không hiệu chỉnh"
    }

    /// The independence assumption, in the table's language.
    var independenceSentence: String {
        guard language == "vi" else { return results.independence }
        return "các đợt được coi là mẫu độc lập (tệp khảo sát không khai báo mẫu lặp); "
            + "phương sai của thay đổi = var₁ + var₂"
    }

    /// The whole text, ending in a line break.
    public func render(width: Int = 100) -> String {
        var out: [String] = []
        let adjustment = MultiplicityAdjustmentName(raw: results.adjustment.rawValue).text(language)
        out += TerminalText.wrap("\(words.title): \(labels.label(ofID: Survey.rootID)) · "
                                 + results.waves.map(\.label).joined(separator: " → "), width: width)
        out += TerminalText.wrap("\(style.percent(results.level, digits: 0)) · " + words.adjustedPNote(adjustment)
                                 + "; " + familySentence + " · " + independenceSentence, width: width)
        for step in results.steps {
            out.append("")
            out.append("\(step.from) → \(step.to)")
            out += nodeTable(step, width: width)
            if !results.by.isEmpty {
                for node in step.nodes where node.role == .overall || node.role == .aggregate {
                    if let limit = groupDepth, (labels.node(node.id)?.depth ?? 0) > limit { continue }
                    out.append("")
                    out += groupTable(node, step: step, width: width)
                }
            }
            let skipped = step.matches.filter { $0.status != .compared || $0.reason != nil }
            if !skipped.isEmpty {
                out.append("")
                out.append(words.notCompared + " / notes:")
                for m in skipped {
                    let what = "\(labels.label(ofID: m.id)) [\(m.id)\(m.previousID.map { $0 != m.id ? " ← \($0)" : "" } ?? "")]: "
                        + words.status(m.status) + (m.reason.map { " — \($0)" } ?? "")
                    out += TerminalText.wrap("  " + what, width: width)
                }
            }
        }
        if !results.trends.isEmpty {
            out.append("")
            out.append("\(words.trend) (\(results.waves.map(\.label).joined(separator: ", ")))")
            out += trendTable(width: width)
        }
        return out.joined(separator: "\n") + "\n"
    }

    func value(_ v: WaveValue?, measure: Measure) -> String {
        guard let v else { return NumberStyle.missing }
        return v.isSuppressed ? words.suppressed : style.value(v.estimate.value, measure: measure)
    }

    func change(_ g: GroupChange, measure: Measure) -> String {
        guard let c = g.change else { return g.status == .suppressed ? words.suppressed : NumberStyle.missing }
        // The unit (pp or points) is in the column header.
        return withInterval(c.difference, c.interval.lower, c.interval.upper, measure: measure)
    }

    /// A difference and its interval, "+2.6 (0.4–4.8)": points for shares, the measure's own
    /// units otherwise, without the unit.
    func withInterval(_ value: Double, _ lower: Double, _ upper: Double, measure: Measure) -> String {
        let factor = shares(measure) ? 100.0 : 1.0, digits = NumberStyle.digits(for: measure)
        return style.decimal(value * factor, digits: digits, signed: true) + " ("
            + style.range(lower * factor, upper * factor, digits: digits) + ")"
    }

    func shares(_ measure: Measure?) -> Bool { measure.map { $0 == .share || $0 == .choice } ?? true }

    func p(_ x: Double?) -> String {
        guard let x, x.isFinite else { return NumberStyle.missing }
        return x < 0.001 ? "<" + style.decimal(0.001, digits: 3) : style.decimal(x, digits: 3)
    }

    func nodeTable(_ step: ComparisonStep, width: Int) -> [String] {
        let table = TextTable(columns: [
            .init(header: words.index, wraps: true), .init(header: step.from, alignment: .right),
            .init(header: step.to, alignment: .right), .init(header: words.change(shares: shares(step.nodes.first?.measure)), alignment: .right),
            .init(header: words.adjustedP, alignment: .right), .init(header: words.verdictHeader),
        ])
        let rows = step.nodes.compactMap { node -> TextTable.Row? in
            guard let g = node.national else { return nil }
            let depth = labels.node(node.id)?.depth ?? 0
            return TextTable.Row([labels.label(ofID: node.id), value(g.before, measure: node.measure), value(g.after, measure: node.measure),
                                  change(g, measure: node.measure), p(g.change?.adjustedPValue), words.verdict(g.verdict)],
                                 indent: 2 * depth)
        }
        return table.render(rows: rows, width: width)
    }

    func groupTable(_ node: NodeChange, step: ComparisonStep, width: Int) -> [String] {
        var out = TerminalText.wrap("\(labels.label(ofID: node.id)) · "
                                    + words.byGroup(results.by.map(labels.groupingName).joined(separator: " × ")), width: width)
        let ranked = node.groups.contains { $0.rankAfter != nil }
        var columns: [TextTable.Column] = [
            .init(header: "", wraps: true), .init(header: step.from, alignment: .right), .init(header: step.to, alignment: .right),
            .init(header: words.change(shares: shares(node.measure)), alignment: .right),
            .init(header: words.adjustedP, alignment: .right),
            .init(header: words.verdictHeader),
        ]
        if ranked { columns.append(.init(header: words.rank, alignment: .right)) }
        let rows = node.groups.dropFirst().map { g -> TextTable.Row in
            var cells = [labels.groupLabel(g.key, by: results.by, words: UIText.forLanguage(language)),
                         value(g.before, measure: node.measure), value(g.after, measure: node.measure),
                         change(g, measure: node.measure), p(g.change?.adjustedPValue), words.verdict(g.verdict)]
            if ranked {
                let move = g.rankMove.map { $0 > 0 ? "▲\($0)" : ($0 < 0 ? "▼\(-$0)" : "=") } ?? ""
                cells.append(g.rankAfter.map { "\($0.rank) \(move)" } ?? NumberStyle.missing)
            }
            return TextTable.Row(cells)
        }
        out += TextTable(columns: columns).render(rows: rows, width: width)
        if let s = node.summary {
            func list(_ values: [GroupValue]) -> String {
                values.map { "\(labels.groupLabel($0.key, by: results.by, words: UIText.forLanguage(language))) "
                    + style.value($0.value, measure: node.measure) }.joined(separator: ", ")
            }
            var lines: [String] = []
            if let g = node.national, let b = g.before, let a = g.after, !b.isSuppressed, !a.isSuppressed {
                let d = a.estimate.value - b.estimate.value
                let change = shares(node.measure)
                    ? style.percentagePoints(d)
                    : style.decimal(d, digits: NumberStyle.digits(for: node.measure), signed: true)
                lines.append(words.national(style.value(b.estimate.value, measure: node.measure),
                                            style.value(a.estimate.value, measure: node.measure), change))
            }
            if let low = s.minimum, let high = s.maximum { lines.append(words.range(list([low]), list([high]))) }
            lines.append("\(words.top): \(list(s.top)).")
            lines.append("\(words.bottom): \(list(s.bottom.reversed())).")
            lines.append(words.summary(improved: s.improved, declined: s.declined, unchanged: s.noSignificantChange,
                                       notTested: s.notTested, rose: s.rose, fell: s.fell))
            for line in lines { out += TerminalText.wrap(line, width: width) }
        }
        return out
    }

    func trendTable(width: Int) -> [String] {
        let table = TextTable(columns: [
            .init(header: words.index, wraps: true), .init(header: words.slope, alignment: .right),
            .init(header: "p", alignment: .right), .init(header: words.verdictHeader),
        ])
        let rows = results.trends.compactMap { node -> TextTable.Row? in
            guard let g = node.groups.first, let t = g.trend else { return nil }
            let measure = results.steps.last?.node(node.id)?.measure ?? .share
            // The slope with its interval (the z test's, before adjustment; the verdict reads the
            // adjusted p).
            let (lower, upper) = t.interval(level: results.level)
            let slope = shares(measure)
                ? style.percentagePoints(t.slope, lower: lower, upper: upper)
                : withInterval(t.slope, lower, upper, measure: measure)
            return TextTable.Row([labels.label(ofID: node.id), slope, p(g.adjustedPValue), words.verdict(g.verdict)],
                                 indent: 2 * (labels.node(node.id)?.depth ?? 0))
        }
        return table.render(rows: rows, width: width)
    }
}
