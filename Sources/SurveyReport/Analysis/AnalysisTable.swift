import SatisfactionIndex
import SurveySchema

/// ``IndexResults`` as text for a terminal: what `satkit analyze --format table` prints.
///
/// In order: the title and the rules applied (measure, combination, interval methods and
/// level, design); the whole sample as the indicator tree (overall, parts, aspects indented,
/// criteria), each row with the index and its interval, n, answers excluded and, under weights
/// or a design, effective n and design effect; the other questions (overall item,
/// evaluations, expectations, screeners, multi-select options); one block per grouping
/// (``GroupLayout``); rankings; reliability; priorities. Every table is followed by the
/// meaning of the marks it uses.
///
/// Suppressed entries show `—` and their mark, never a number. Labels are in the requested
/// language (the survey's default otherwise), cleaned of control characters. No line is
/// wider than the width asked for (except a table whose numbers alone are wider).
///
/// ```swift
/// print(AnalysisTable(results: results, survey: survey, language: "en").render(width: 100))
/// ```
public struct AnalysisTable: Sendable {
    /// How the results of a grouping (`--by`) are laid out.
    public enum GroupLayout: String, Sendable, Hashable, CaseIterable {
        /// One row per group: n, the overall index with its interval, and the value of every
        /// part and aspect (columns numbered as in the tree, with a key below). Reads well
        /// for 10–60 groups; columns that do not fit go into a second panel.
        case matrix
        /// The whole tree once per group, as for the whole sample. Long; for a few groups.
        case blocks
    }

    public let results: IndexResults
    public let survey: Survey
    /// The language of labels and words.
    public let language: String
    public let groupLayout: GroupLayout
    let labels: AnalysisLabels
    let words: UIText
    let numbers: NumberStyle

    /// The table of `results` of `survey`, in `language` (default: the survey's).
    public init(results: IndexResults, survey: Survey, language: String? = nil, groupLayout: GroupLayout = .matrix) {
        self.results = results
        self.survey = survey
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
        self.words = UIText.forLanguage(labels.language)
        self.numbers = NumberStyle.forLanguage(labels.language)
        self.groupLayout = groupLayout
    }

    /// The whole text, lines at most `width` columns (at least 60 is sensible), ending in a
    /// line break.
    public func render(width: Int = 100) -> String {
        var out: [String] = []
        out += heading(width: width)
        if let whole = results.wholeSample {
            out.append("")
            out.append("\(words.wholeSample) · \(numbers.count(whole.respondents)) \(words.respondents)")
            out += treeTable(whole, width: width)
            out += questionTables(whole, width: width)
        }
        for grouping in results.groupings where !grouping.by.isEmpty {
            out.append("")
            switch groupLayout {
            case .matrix: out += groupMatrix(grouping, width: width)
            case .blocks: out += groupBlocks(grouping, width: width)
            }
        }
        for ranking in results.rankings {
            out.append("")
            out += rankingTable(ranking, width: width)
        }
        if !results.reliability.isEmpty {
            out.append("")
            out += reliabilityTable(width: width)
        }
        if let priorities = results.priorities {
            out.append("")
            out += prioritiesTables(priorities, width: width)
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Heading

    func heading(width: Int) -> [String] {
        var out = TerminalText.wrap("\(labels.label(ofID: Survey.rootID)) · \(results.surveyID) \(results.surveyVersion)", width: width)
        let s = results.settings
        let level = numbers.decimal(s.level * 100, digits: s.level * 100 == (s.level * 100).rounded() ? 0 : 1) + "%"
        let intervals = s.treeIntervals.map { tree in
            let bootstrap = s.treeBootstrap.map { "\(words.bootstrapPercentile), \(words.bootstrapRun($0, count: numbers.count))" } ?? tree
            return "\(words.interval) \(level): \(bootstrap) (\(words.criteria), \(words.aggregates)), "
                + "\(s.meanInterval) (\(words.measure("mean")))"
        } ?? "\(words.interval) \(level): \(s.shareInterval) (\(words.criteria)), "
            + "\(s.aggregateShareInterval) (\(words.aggregates)), \(s.meanInterval) (\(words.measure("mean")))"
        let rules = "\(words.measure(s.measure.rawValue)); \(words.aggregates): \(words.combine(s.combine.rawValue)); \(intervals)"
        out += TerminalText.wrap(rules, width: width)
        let d = results.design
        let design = d.isComplex
            ? "\(words.design): \(d.rDesign) · \(numbers.count(d.psuCount)) PSU, \(numbers.count(d.strataCount)) \(words.strata)"
            : "\(words.design): \(words.simpleRandomSample)"
        out += TerminalText.wrap(design, width: width)
        return out
    }

    // MARK: Marks

    /// The mark a flag shows as in tables.
    static func mark(_ flag: IndexFlag) -> String {
        switch flag {
        case .noValidAnswers: "x"
        case .partWithoutAnswers: "p"
        case .belowDisclosureThreshold: "#"
        case .belowMinimumN: "*"
        case .lowEffectiveN: "~"
        case .wideInterval: "!"
        case .shareAtZero, .shareAtOne: "^"
        case .complementarySuppression: "c"
        }
    }

    /// Marks in a fixed order, without repeats.
    static func marks(_ flags: [IndexFlag]) -> String {
        var seen = Set<String>()
        return IndexFlag.allCases.filter(flags.contains).map(mark).filter { seen.insert($0).inserted }.joined()
    }

    /// The legend for the marks appearing in `used`, one line each.
    func legend(_ used: String, width: Int) -> [String] {
        guard !used.isEmpty else { return [] }
        let s = results.settings
        var out: [String] = []
        var seen = Set<String>()
        for flag in IndexFlag.allCases {
            let m = Self.mark(flag)
            guard used.contains(m), seen.insert(m).inserted else { continue }
            let text = words.flagExplanation(flag.rawValue, minValidN: s.minValidN,
                                             disclosureThreshold: s.disclosureThreshold, maxIntervalWidth: s.maxIntervalWidth)
            out += TerminalText.wrap(text, width: width - 4).enumerated().map { ($0.offset == 0 ? "  \(m) " : "    ") + $0.element }
        }
        return out
    }

    // MARK: The tree and the questions

    var isComplex: Bool { results.design.isComplex }

    var levelPercent: String {
        let l = results.settings.level * 100
        return numbers.decimal(l, digits: l == l.rounded() ? 0 : 1) + "%"
    }

    func entryColumns() -> [TextTable.Column] {
        var columns: [TextTable.Column] = [
            .init(header: "", wraps: true, minWidth: 24),
            .init(header: "\(words.indexColumn) (\(words.confidenceAbbreviation) \(levelPercent))", alignment: .right),
            .init(header: "", alignment: .left),
            .init(header: words.validN, alignment: .right),
            .init(header: words.excluded, alignment: .right),
        ]
        if isComplex {
            columns.append(.init(header: words.effectiveN, alignment: .right))
            columns.append(.init(header: words.designEffect, alignment: .right))
        }
        return columns
    }

    /// One row's cells after the label: index with interval (or `—`), marks, n, excluded, and
    /// effective n and deff under a design. A suppressed entry shows no number derived from
    /// its estimate.
    func entryCells(_ entry: IndexEntry) -> [String] {
        let e = entry.estimate
        let shown = !entry.isSuppressed && e.value.isFinite
        let value = shown
            ? numbers.value(e.value, lower: entry.interval.lower, upper: entry.interval.upper, measure: entry.measure)
            : NumberStyle.missing
        // Counts of a group withheld by disclosure control are not printed (issue 9).
        let n = entry.countsWithheld ? "" : numbers.count(e.n)
        let excluded = entry.countsWithheld ? "" : numbers.count(entry.counts.excluded)
        var cells = [value, Self.marks(entry.publishedFlags), n, excluded]
        if isComplex {
            cells.append(shown ? e.effectiveN.map { numbers.count($0) } ?? "" : "")
            cells.append(shown ? e.designEffect.map { numbers.coefficient($0) } ?? "" : "")
        }
        return cells
    }

    /// The tree of one group; `explain` adds the sentence saying what n and excluded count.
    func treeTable(_ group: GroupResult, width: Int, explain: Bool = true) -> [String] {
        var rows: [TextTable.Row] = []
        var used = ""
        for entry in group.nodes {
            let info = labels.node(entry.id)
            let depth = info?.depth ?? 0
            // The root's label is the survey's title, already printed above the table.
            var label = entry.id == Survey.rootID ? words.overallIndexTitle : labels.label(of: entry)
            if let outline = info?.outline, !outline.isEmpty { label = "\(outline) \(label)" }
            rows.append(.init([label] + entryCells(entry), indent: 2 * depth))
            used += Self.marks(entry.publishedFlags)
        }
        var out = TextTable(columns: entryColumns()).render(rows: rows, width: width)
        if explain { out += TerminalText.wrap(nExplanation, width: width) }
        out += legend(used, width: width)
        return out
    }

    var nExplanation: String {
        language == "vi"
            ? "n: số câu trả lời hợp lệ (tiêu chí, câu hỏi) hoặc số người có ít nhất một câu trả lời hợp lệ (nhóm chỉ số); loại trừ: câu trả lời không tính vào mẫu số (không trả lời, không biết, không áp dụng, không hợp lệ)."
            : "n: valid answers (criteria, questions) or respondents with at least one valid answer (aggregates); excluded: answers left out of the denominator (no answer, don't know, not applicable, invalid)."
    }

    func questionTables(_ group: GroupResult, width: Int) -> [String] {
        guard !group.questions.isEmpty else { return [] }
        var out: [String] = ["", words.otherQuestions]
        var rows: [TextTable.Row] = []
        var used = ""
        var lastSection = ""
        var lastQuestion = ""
        for entry in group.questions {
            let section = entry.role == .option ? "option" : (survey.question(id: entry.id)?.kind.rawValue ?? entry.role.rawValue)
            if section != lastSection {
                rows.append(.init([words.questionSection(section)]))
                lastSection = section
            }
            if entry.role == .option {
                if entry.id != lastQuestion {
                    rows.append(.init([labels.label(ofID: entry.id)], indent: 2))
                    lastQuestion = entry.id
                }
                rows.append(.init([labels.label(of: entry)] + entryCells(entry), indent: 4))
            } else {
                rows.append(.init([labels.label(of: entry)] + entryCells(entry), indent: 2))
            }
            used += Self.marks(entry.publishedFlags)
        }
        out += TextTable(columns: entryColumns()).render(rows: rows, width: width)
        out += legend(used, width: width)
        return out
    }

    /// A group's respondents as printed: `<10` for a group below the disclosure threshold,
    /// `—` for a group whose size is withheld by complementary suppression (issue 9).
    func respondentCount(_ group: GroupResult) -> String {
        guard group.countsWithheld else { return numbers.count(group.respondents) }
        return group.belowDisclosureThreshold ? "<" + numbers.count(results.settings.disclosureThreshold) : NumberStyle.missing
    }

    func groupBlocks(_ grouping: GroupingResults, width: Int) -> [String] {
        let name = grouping.by.map(labels.groupingName).joined(separator: " × ")
        var out = TerminalText.wrap("\(words.byGroup) \(name) (\(numbers.count(grouping.groups.count)) \(words.groupsWord))", width: width)
        for group in grouping.groups {
            out.append("")
            let label = labels.groupLabel(group.key, by: grouping.by, words: words)
            out += TerminalText.wrap("\(label) · \(respondentCount(group)) \(words.respondents)", width: width)
            out += treeTable(group, width: width, explain: false)
        }
        return out
    }
}
