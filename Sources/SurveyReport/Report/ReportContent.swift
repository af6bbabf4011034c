import SatisfactionIndex
import SurveySchema

/// What the leadership report shows, taken out of ``IndexResults`` (and a comparison) once,
/// in the report's language, so that the HTML and the Markdown renderers show the same things.
///
/// Nothing here computes a statistic: every number is an entry of the results. The only
/// arithmetic is presentation — sorting, and the medians where the importance–performance
/// chart draws its quadrant lines.
struct ReportContent: Sendable {
    /// One index with its label, ready to show (or to suppress).
    struct Item: Sendable {
        let id: String
        let label: String
        let entry: IndexEntry
        /// The change since the baseline, when a comparison was given and the node matched.
        let change: GroupChange?
        /// Depth for outline display: 0 for a top-level part or aspect, 1 below it.
        var depth: Int = 0
        var isPart: Bool = false
        var isSuppressed: Bool { entry.isSuppressed || !entry.estimate.value.isFinite }
    }

    /// One group of the league table.
    struct LeagueRow: Sendable {
        let key: [String]
        let label: String
        let entry: IndexEntry?
        let respondents: Int
        let rank: RankEntry?
        let change: GroupChange?
        var isSuppressed: Bool { entry.map { $0.isSuppressed || !$0.estimate.value.isFinite } ?? true }
    }

    /// One criterion of the importance–performance chart.
    struct PriorityPoint: Sendable {
        /// 1-based number printed beside the point and in the legend.
        let number: Int
        let id: String
        let label: String
        let aspect: String?
        let performance: Double
        let importance: Double
        let n: Int
        /// Quadrant at the medians drawn in the chart.
        let quadrant: Quadrant
    }

    /// An aspect (an aggregate whose children are criteria) with its criteria.
    struct AspectTable: Sendable {
        let aspect: Item
        let criteria: [Item]
    }

    let language: String
    let words: UIText
    let style: NumberStyle
    let labels: AnalysisLabels
    let settings: AppliedSettings
    let design: DesignSummary
    let title: String
    let respondents: Int
    let overall: Item?
    /// Labels of the baseline and current waves, when a comparison was given.
    let waves: (baseline: String, current: String)?
    /// The first-screen chart: top-level parts and their aspects (see ``chartRows(_:)``).
    let chart: [Item]
    let weakest: [Item]
    /// The grouping of the league table and its name; empty when the results have no grouping.
    let leagueBy: [String]
    let leagueName: String
    let league: [LeagueRow]
    let ranking: Ranking?
    let summary: PressSummary?
    let priorities: [PriorityPoint]
    let importanceTarget: String?
    let priorityMedians: (performance: Double, importance: Double)?
    let expectations: [Item]
    let evaluations: [Item]
    let aspects: [AspectTable]
    /// Flags that appear anywhere in the report, for the legend.
    let flagsShown: [IndexFlag]

    init(survey: Survey, results: IndexResults, comparison: ComparisonResults?, options: LeadershipReport.Options, language: String) {
        self.language = language
        words = UIText.forLanguage(language)
        style = NumberStyle.forLanguage(language)
        let labels = AnalysisLabels(survey: survey, language: language)
        self.labels = labels
        settings = results.settings
        design = results.design
        title = labels.text(survey.title)
        let whole = results.wholeSample
        respondents = whole?.respondents ?? results.rowCount
        let step = comparison?.steps.last
        waves = step.map { (TerminalText.clean($0.from), TerminalText.clean($0.to)) }

        func item(_ entry: IndexEntry, depth: Int = 0, isPart: Bool = false) -> Item {
            Item(id: entry.id, label: labels.label(of: entry), entry: entry,
                 change: entry.option == nil ? step?.node(entry.id)?.national : nil, depth: depth, isPart: isPart)
        }
        overall = whole?.node(Survey.rootID).map { item($0) }

        // The chart: the aspects below the focus node, each top-level part as a bold row.
        var chart: [Item] = []
        if let whole {
            let focus = options.focus.flatMap { id in labels.node(id) } ?? labels.node(Survey.rootID)
            for info in labels.nodes where info.parent == focus?.id && info.isAggregate {
                guard let entry = whole.node(info.id) else { continue }
                if info.isAspect {
                    chart.append(item(entry))
                } else {
                    chart.append(item(entry, isPart: true))
                    for child in labels.nodes where child.parent == info.id && child.isAggregate {
                        if let e = whole.node(child.id) { chart.append(item(e, depth: 1)) }
                    }
                }
            }
        }
        // A flat survey (criteria right under the focus node, as SDG 16.6.2's five attributes):
        // the criteria are the bars.
        if chart.isEmpty, let whole {
            let focus = options.focus.flatMap { id in labels.node(id) }?.id ?? Survey.rootID
            for info in labels.nodes where info.parent == focus && !info.isAggregate {
                if let entry = whole.node(info.id) { chart.append(item(entry)) }
            }
        }
        self.chart = chart

        let weakestIDs = results.priorities?.weakest ?? []
        weakest = weakestIDs.prefix(3).compactMap { id in whole?.node(id).map { item($0) } }

        // League table: the requested grouping, else the first grouping that is not the whole sample.
        let grouping = options.by.flatMap { results.grouping($0) } ?? results.groupings.first { !$0.by.isEmpty }
        let by = grouping?.by ?? []
        leagueBy = by
        leagueName = by.map { labels.groupingName($0) }.joined(separator: " × ")
        let ranking = results.rankings.first { $0.by == by && $0.node == Survey.rootID }
        self.ranking = ranking
        let overallChange = step?.node(Survey.rootID)
        summary = by == comparison?.by ? overallChange?.summary : nil
        var leagueRows: [LeagueRow] = (grouping?.groups ?? []).map { group in
            LeagueRow(
                key: group.key, label: labels.groupLabel(group.key, by: grouping?.by ?? [], words: UIText.forLanguage(language)),
                entry: group.node(Survey.rootID), respondents: group.respondents,
                rank: ranking?.entries.first { $0.key == group.key },
                change: by == comparison?.by ? overallChange?.group(group.key) : nil)
        }
        // Ranked groups by rank, then shown groups by value, suppressed groups last (by label).
        leagueRows.sort { a, b in
            if a.isSuppressed != b.isSuppressed { return !a.isSuppressed }
            if a.isSuppressed { return a.label < b.label }
            switch (a.rank, b.rank) {
            case let (x?, y?) where x.rank != y.rank: return x.rank < y.rank
            default: return (a.entry?.estimate.value ?? 0) > (b.entry?.estimate.value ?? 0)
            }
        }
        self.league = leagueRows

        // Importance–performance: criteria with both numbers, quadrant lines at the medians.
        let table = (results.priorities?.table ?? []).filter { row in
            row.performance.isFinite && row.importance.isFinite && !(whole?.node(row.criterion)?.isSuppressed ?? true)
        }
        importanceTarget = results.priorities?.importanceTarget
        if table.isEmpty {
            priorities = []
            priorityMedians = nil
        } else {
            let mp = Self.median(table.map(\.performance)), mi = Self.median(table.map(\.importance))
            priorityMedians = (mp, mi)
            priorities = table.enumerated().map { i, row in
                let high = row.importance >= mi, good = row.performance >= mp
                let quadrant: Quadrant = high ? (good ? .keepUpTheGoodWork : .concentrateHere) : (good ? .possibleOverkill : .lowPriority)
                return PriorityPoint(
                    number: i + 1, id: row.criterion, label: labels.label(ofID: row.criterion),
                    aspect: row.aspect.map { labels.label(ofID: $0) }, performance: row.performance,
                    importance: row.importance, n: row.n, quadrant: quadrant)
            }
        }

        func ranked(_ role: EntryRole) -> [Item] {
            let items = (whole?.questions ?? []).filter { $0.role == role }.map { item($0) }
            return items.filter { !$0.isSuppressed }.sorted { $0.entry.estimate.value > $1.entry.estimate.value }
                + items.filter(\.isSuppressed)
        }
        expectations = ranked(.expectation)
        evaluations = ranked(.evaluation)

        aspects = labels.nodes.filter(\.isAspect).compactMap { info in
            guard let whole, let entry = whole.node(info.id) else { return nil }
            let criteria = labels.nodes.filter { $0.parent == info.id }.compactMap { whole.node($0.id).map { item($0) } }
            return AspectTable(aspect: item(entry), criteria: criteria)
        }

        var flags = Set<IndexFlag>()
        for i in [overall].compactMap({ $0 }) + chart + expectations + evaluations + aspects.flatMap({ [$0.aspect] + $0.criteria }) {
            flags.formUnion(i.entry.flags)
        }
        for row in league { flags.formUnion(row.entry?.flags ?? []) }
        flagsShown = IndexFlag.allCases.filter { flags.contains($0) }
    }

    /// The middle value (the mean of the two middle values for an even count).
    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
