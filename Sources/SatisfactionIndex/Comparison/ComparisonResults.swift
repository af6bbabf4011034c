import SurveyStatistics

/// Everything ``WaveComparison/run()`` computes: for each pair of consecutive waves the
/// matching of nodes and questions, the change per node and group with its test and verdict,
/// rank moves and the press-style summary; with three or more waves, the linear trends.
///
/// Values are on each measure's own scale, as in ``IndexEntry``: a share in [0, 1] (a change
/// of 0.026 is printed "+2.6 pp"), a mean on the scale's values, a 0–100 score.
public struct ComparisonResults: Sendable, Hashable, Codable {
    /// The waves, oldest first.
    public var waves: [WaveSummary]
    /// The grouping compared besides the whole sample.
    public var by: [String]
    /// Confidence level of every interval; verdicts test at 1 − level.
    public var level: Double
    /// The multiplicity adjustment and the family it is applied within.
    public var adjustment: MultiplicityAdjustment
    /// The family within which p-values are adjusted, in words.
    public var family: String
    /// What the comparison assumes about the waves' samples.
    public var independence: String
    /// One step per pair of consecutive waves.
    public var steps: [ComparisonStep]
    /// Linear trends per node and group (three or more waves; empty otherwise).
    public var trends: [NodeTrend]

    public init(waves: [WaveSummary], by: [String], level: Double, adjustment: MultiplicityAdjustment, family: String,
                independence: String, steps: [ComparisonStep], trends: [NodeTrend]) {
        self.waves = waves
        self.by = by
        self.level = level
        self.adjustment = adjustment
        self.family = family
        self.independence = independence
        self.steps = steps
        self.trends = trends
    }
}

/// One wave as the comparison used it.
public struct WaveSummary: Sendable, Hashable, Codable {
    /// The wave's label, e.g. `"2024"`.
    public var label: String
    /// The survey id the wave was collected under.
    public var surveyID: String
    /// The survey edition (version).
    public var surveyVersion: String
    /// Respondents (rows) in the wave.
    public var rowCount: Int
    /// The time value of the trend test.
    public var time: Double
    /// The wave's design, as the index engine used it.
    public var design: DesignSummary
    /// The wave's applied index rules (measure, combination, interval, level).
    public var settings: AppliedSettings

    public init(label: String, surveyID: String, surveyVersion: String, rowCount: Int, time: Double,
                design: DesignSummary, settings: AppliedSettings) {
        self.label = label
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.rowCount = rowCount
        self.time = time
        self.design = design
        self.settings = settings
    }
}

/// The comparison of one wave (`from`) with the next (`to`).
public struct ComparisonStep: Sendable, Hashable, Codable {
    /// The earlier and the later wave's labels.
    public var from: String
    /// The later wave's label.
    public var to: String
    /// How every node and scored question of either wave was matched, in the later wave's
    /// order, dropped ones last.
    public var matches: [NodeMatch]
    /// The changes of every compared node and question, in the same order.
    public var nodes: [NodeChange]

    public init(from: String, to: String, matches: [NodeMatch], nodes: [NodeChange]) {
        self.from = from
        self.to = to
        self.matches = matches
        self.nodes = nodes
    }

    /// The change of node or question `id` (the later wave's id).
    public func node(_ id: String) -> NodeChange? { nodes.first { $0.id == id } }
    /// The match of `id` (the later wave's id, or the earlier's for a dropped one).
    public func match(_ id: String) -> NodeMatch? { matches.first { $0.id == id } }
}

/// How one node or question of either wave is matched across a step.
public struct NodeMatch: Sendable, Hashable, Codable {
    /// The id in the later wave (in the earlier wave for a dropped one).
    public var id: String
    /// The id in the earlier wave, when matched (differs from `id` for a renamed node).
    public var previousID: String?
    /// Whether a node of the tree (criterion, aspect, part, overall) or a question.
    public var kind: Kind
    /// Compared, added, dropped, or not comparable.
    public var status: MatchStatus
    /// Why it is not compared, in a sentence; for an aggregate compared although its children
    /// changed, what changed and who declared it comparable; `nil` otherwise.
    public var reason: String?

    /// A criterion or aggregate of the tree, or a scored question.
    public enum Kind: String, Sendable, Hashable, Codable { case criterion, aggregate, question }

    public init(id: String, previousID: String?, kind: Kind, status: MatchStatus, reason: String? = nil) {
        self.id = id
        self.previousID = previousID
        self.kind = kind
        self.status = status
        self.reason = reason
    }
}

/// The outcome of matching a node across two editions.
public enum MatchStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Same id, or the later edition `continues` it, and comparable: compared.
    case compared
    /// Only in the later wave.
    case added
    /// Only in the earlier wave.
    case dropped
    /// Present in both but not compared; ``NodeMatch/reason`` says why.
    case notComparable = "not-comparable"
}

/// One node or question compared: every group's change.
public struct NodeChange: Sendable, Hashable, Codable {
    /// The id in the later wave.
    public var id: String
    /// The id in the earlier wave (differs for a renamed node).
    public var previousID: String
    /// What the entry is (overall, aggregate, criterion, a question kind).
    public var role: EntryRole
    /// What the values measure (share, mean, score100).
    public var measure: Measure
    /// The whole sample first, then the groups of ``ComparisonResults/by`` (present in either wave).
    public var groups: [GroupChange]
    /// The press-style summary of the groups (nil when there is no grouping).
    public var summary: PressSummary?

    public init(id: String, previousID: String, role: EntryRole, measure: Measure, groups: [GroupChange], summary: PressSummary?) {
        self.id = id
        self.previousID = previousID
        self.role = role
        self.measure = measure
        self.groups = groups
        self.summary = summary
    }

    /// The whole-sample change.
    public var national: GroupChange? { groups.first { $0.key.isEmpty } }
    /// The change of the group `key`.
    public func group(_ key: [String]) -> GroupChange? { groups.first { $0.key == key } }
}

/// One group's values in two waves and the change between them.
public struct GroupChange: Sendable, Hashable, Codable {
    /// The group's values; `[]` for the whole sample.
    public var key: [String]
    /// The entries in each wave; `nil` when the group is absent from that wave.
    public var before: WaveValue?
    /// The later wave's entry.
    public var after: WaveValue?
    /// The change after − before; `nil` unless ``status`` is `tested`.
    public var change: Change?
    /// Whether the change was tested, and why not.
    public var status: ChangeStatus
    /// The reading at the chosen level on the adjusted p-value.
    public var verdict: Verdict
    /// Rank in each wave's ranking on this node, when both waves ranked it.
    public var rankBefore: RankEntry?
    /// The later wave's rank.
    public var rankAfter: RankEntry?

    public init(key: [String], before: WaveValue?, after: WaveValue?, change: Change?, status: ChangeStatus,
                verdict: Verdict, rankBefore: RankEntry? = nil, rankAfter: RankEntry? = nil) {
        self.key = key
        self.before = before
        self.after = after
        self.change = change
        self.status = status
        self.verdict = verdict
        self.rankBefore = rankBefore
        self.rankAfter = rankAfter
    }

    /// Places gained (positive: moved up the table): rank before − rank after.
    public var rankMove: Int? {
        guard let b = rankBefore?.rank, let a = rankAfter?.rank else { return nil }
        return b - a
    }
}

/// An entry's value in one wave.
public struct WaveValue: Sendable, Hashable, Codable {
    /// The estimate with its SE, n, weighted N, effective n and design effect.
    public var estimate: Estimate
    /// The estimate's interval at the wave's level.
    public var interval: ConfidenceInterval
    /// Valid answers (respondents, for a parent).
    public var validN: Int
    /// Shown without a number (too few answers, the group below the disclosure threshold, or
    /// hidden by complementary suppression).
    public var isSuppressed: Bool
    /// Outputs must not print ``validN``: the group's counts are withheld by disclosure control
    /// (``GroupResult/countsWithheld``, issue 9).
    public var countsWithheld: Bool = false

    public init(estimate: Estimate, interval: ConfidenceInterval, validN: Int, isSuppressed: Bool) {
        self.estimate = estimate
        self.interval = interval
        self.validN = validN
        self.isSuppressed = isSuppressed
    }
}

/// The change after − before with its interval and test.
public struct Change: Sendable, Hashable, Codable {
    /// after − before, on the measure's scale.
    public var difference: Double
    /// √(SE₁² + SE₂²); for the unweighted share method, the unpooled binomial SE (for reading
    /// only: the interval and the test do not use it).
    public var standardError: Double
    /// The interval of the change (Newcombe, or d ± z·SE), with its method and level.
    public var interval: ConfidenceInterval
    /// The test of "no change": statistic, df, raw p-value, method.
    public var test: HypothesisTest
    /// The raw p-value (``test``'s).
    public var pValue: Double
    /// The p-value adjusted within the family (equal to ``pValue`` for the whole sample).
    public var adjustedPValue: Double
    /// The method, e.g. `"newcombe hybrid score interval; score test (statsmodels test_proportions_2indep)"`.
    public var method: String

    public init(difference: Double, standardError: Double, interval: ConfidenceInterval, test: HypothesisTest,
                pValue: Double, adjustedPValue: Double, method: String) {
        self.difference = difference
        self.standardError = standardError
        self.interval = interval
        self.test = test
        self.pValue = pValue
        self.adjustedPValue = adjustedPValue
        self.method = method
    }
}

/// Whether a group's change could be tested.
public enum ChangeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case tested
    /// Suppressed in at least one wave: no number is shown, no test is made.
    case suppressed
    /// The group is in only one wave.
    case groupMissing = "group-missing"
    /// No valid answers, or no standard error, in a wave.
    case noEstimate = "no-estimate"
}

/// The reading of a change at the chosen level, on the adjusted p-value.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case improved
    case declined
    /// Adjusted p ≥ 1 − level.
    case noSignificantChange = "no-significant-change"
    /// Not tested (see ``ChangeStatus``).
    case notTested = "not-tested"
}

/// The press-style reading of one node across the groups: the national value and its change,
/// the range across groups, the top and bottom groups, and how many rose or fell.
public struct PressSummary: Sendable, Hashable, Codable {
    /// Lowest and highest group in the later wave (suppressed groups left out).
    public var minimum: GroupValue?
    /// The highest group in the later wave.
    public var maximum: GroupValue?
    /// The top and bottom groups of the later wave, best first / worst last.
    public var top: [GroupValue]
    /// The lowest groups of the later wave, best first (the worst is last).
    public var bottom: [GroupValue]
    /// Verdict counts over the groups tested.
    public var improved: Int
    /// Groups whose verdict is `declined`.
    public var declined: Int
    /// Groups whose verdict is `no-significant-change`.
    public var noSignificantChange: Int
    /// Groups not tested (suppressed, missing in a wave, no estimate).
    public var notTested: Int
    /// Groups whose point estimate went up / down, whatever the verdict (the press count).
    public var rose: Int
    /// Groups whose point estimate went down.
    public var fell: Int

    public init(minimum: GroupValue?, maximum: GroupValue?, top: [GroupValue], bottom: [GroupValue], improved: Int,
                declined: Int, noSignificantChange: Int, notTested: Int, rose: Int, fell: Int) {
        self.minimum = minimum
        self.maximum = maximum
        self.top = top
        self.bottom = bottom
        self.improved = improved
        self.declined = declined
        self.noSignificantChange = noSignificantChange
        self.notTested = notTested
        self.rose = rose
        self.fell = fell
    }
}

/// A group and its value in the later wave (with its change, when tested).
public struct GroupValue: Sendable, Hashable, Codable {
    /// The group's values; `[]` for the whole sample.
    public var key: [String]
    /// The later wave's value.
    public var value: Double
    /// The change after − before, when tested.
    public var difference: Double?

    public init(key: [String], value: Double, difference: Double?) {
        self.key = key
        self.value = value
        self.difference = difference
    }
}

/// One node's series and trend for every group (three or more waves).
public struct NodeTrend: Sendable, Hashable, Codable {
    /// The latest wave's id.
    public var id: String
    /// The id in each wave, oldest first.
    public var ids: [String]
    /// The whole sample first, then the groups of the latest wave.
    public var groups: [GroupTrend]

    public init(id: String, ids: [String], groups: [GroupTrend]) {
        self.id = id
        self.ids = ids
        self.groups = groups
    }
}

/// One group's series and the fitted linear trend.
public struct GroupTrend: Sendable, Hashable, Codable {
    public var key: [String]
    /// One value per wave, oldest first; `nil` where the group is absent or suppressed.
    public var series: [WaveValue?]
    /// The trend on the usable points; `nil` with fewer than three.
    public var trend: LinearTrend?
    /// The trend's p-value adjusted within the family (this node, all groups).
    public var adjustedPValue: Double?
    /// `improved` / `declined` on the trend's adjusted p-value and the slope's sign.
    public var verdict: Verdict

    public init(key: [String], series: [WaveValue?], trend: LinearTrend?, adjustedPValue: Double?, verdict: Verdict) {
        self.key = key
        self.series = series
        self.trend = trend
        self.adjustedPValue = adjustedPValue
        self.verdict = verdict
    }
}
