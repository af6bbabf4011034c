import SurveyStatistics

/// Everything ``IndexEngine/run()`` computes for one survey and one dataset: indices per group
/// for every node of the indicator tree and every declared question, rankings, reliability and
/// priorities, with the methods and design that produced each number.
///
/// Plain values keyed by group: ``SurveyReport`` renders them, `compare` builds on them. Every
/// type is `Codable`; numbers that are undefined (no valid answers) are NaN, so an encoder must
/// be told how to write non-finite floats (`nonConformingFloatEncodingStrategy`).
public struct IndexResults: Sendable, Hashable, Codable {
    /// The survey's id and version.
    public var surveyID: String
    public var surveyVersion: String
    /// Rows of the dataset (respondents) that entered.
    public var rowCount: Int
    /// The survey-wide rules as applied, after the caller's overrides.
    public var settings: AppliedSettings
    /// The design every variance was computed under.
    public var design: DesignSummary
    /// One table per grouping asked for; the first is always the whole sample (`by == []`).
    public var groupings: [GroupingResults]
    /// Rankings of groups, one per ``IndexOptions/rankings`` request.
    public var rankings: [Ranking]
    /// Cronbach's alpha and item-rest correlations per aspect (whole sample).
    public var reliability: [AspectReliability]
    /// The weakest criteria and the importance–performance table (whole sample).
    public var priorities: Priorities?

    public init(
        surveyID: String, surveyVersion: String, rowCount: Int, settings: AppliedSettings,
        design: DesignSummary, groupings: [GroupingResults], rankings: [Ranking] = [],
        reliability: [AspectReliability] = [], priorities: Priorities? = nil
    ) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.rowCount = rowCount
        self.settings = settings
        self.design = design
        self.groupings = groupings
        self.rankings = rankings
        self.reliability = reliability
        self.priorities = priorities
    }

    /// The results of the grouping `by` (`[]` for the whole sample), if it was asked for.
    public func grouping(_ by: [String]) -> GroupingResults? { groupings.first { $0.by == by } }

    /// The whole-sample results.
    public var wholeSample: GroupResult? { grouping([])?.groups.first }
}

/// The rules as the engine applied them: the survey's `index` section with the caller's
/// overrides (level, interval method), so that outputs can state them.
public struct AppliedSettings: Sendable, Hashable, Codable {
    /// What a criterion's index is: `share`, `mean` or `score100`.
    public var measure: Measure
    /// The survey-wide combination rule for parents (a node may declare its own).
    public var combine: Combination
    /// The interval method for single shares (criteria, questions), e.g. `wilson`.
    public var shareInterval: String
    /// The interval for parents measured as shares: always `logit` on the linearized SE.
    public var aggregateShareInterval: String
    /// The interval for means and 0–100 scores: `t` on the linearized SE.
    public var meanInterval: String
    /// The confidence level, e.g. 0.95.
    public var level: Double
    /// Estimates with fewer valid answers (respondents, for parents) are suppressed.
    public var minValidN: Int
    /// Intervals wider than this on the 0–1 scale are flagged; `nil` for no rule.
    public var maxIntervalWidth: Double?
    /// Groups with fewer respondents than this are suppressed.
    public var disclosureThreshold: Int
    /// With `IndexOptions.bootstrapIntervals`, how the indicator tree's intervals were made
    /// instead (e.g. `bootstrap-percentile, 1000 replicates, seed 7, clusters`); `nil` when the
    /// methods above apply to the tree.
    public var treeIntervals: String? = nil
    /// The bootstrap behind ``treeIntervals`` (replicates as run, at least 2), for outputs that
    /// say it in words; `nil` when ``treeIntervals`` is.
    public var treeBootstrap: BootstrapSettings? = nil

    public init(
        measure: Measure, combine: Combination, shareInterval: String, aggregateShareInterval: String,
        meanInterval: String, level: Double, minValidN: Int, maxIntervalWidth: Double?, disclosureThreshold: Int
    ) {
        self.measure = measure
        self.combine = combine
        self.shareInterval = shareInterval
        self.aggregateShareInterval = aggregateShareInterval
        self.meanInterval = meanInterval
        self.level = level
        self.minValidN = minValidN
        self.maxIntervalWidth = maxIntervalWidth
        self.disclosureThreshold = disclosureThreshold
    }
}

/// The sampling design as the variance engine used it, named for outputs.
public struct DesignSummary: Sendable, Hashable, Codable {
    /// The weight column, if any.
    public var weights: String?
    /// The strata column, if any.
    public var strata: String?
    /// The cluster (PSU) column, if any.
    public var clusters: String?
    /// The finite-population-correction column, if any.
    public var fpc: String?
    /// The lonely-PSU policy (R `survey.lonely.psu`).
    public var lonelyUnitPolicy: LonelyUnitPolicy
    /// Counts in the full design.
    public var strataCount: Int
    public var psuCount: Int
    /// How variances were computed: Taylor linearization, with-replacement (ultimate cluster)
    /// estimator of R `svyrecvar`; groups are domains of the full design.
    public var variance: String
    /// The equivalent R design, e.g. `svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE)`.
    public var rDesign: String

    /// Whether weights or any design column are present (then weighted N, effective n and the
    /// design effect are reported).
    public var isComplex: Bool { weights != nil || strata != nil || clusters != nil || fpc != nil }

    public init(
        weights: String?, strata: String?, clusters: String?, fpc: String?, lonelyUnitPolicy: LonelyUnitPolicy,
        strataCount: Int, psuCount: Int, variance: String, rDesign: String
    ) {
        self.weights = weights
        self.strata = strata
        self.clusters = clusters
        self.fpc = fpc
        self.lonelyUnitPolicy = lonelyUnitPolicy
        self.strataCount = strataCount
        self.psuCount = psuCount
        self.variance = variance
        self.rDesign = rDesign
    }
}

/// The results of one grouping: one ``GroupResult`` per combination of values present in the
/// data, in the order of the columns' levels.
public struct GroupingResults: Sendable, Hashable, Codable {
    /// The grouping columns (group ids or extra column names); `[]` for the whole sample.
    public var by: [String]
    /// One entry per group present in the data.
    public var groups: [GroupResult]

    public init(by: [String], groups: [GroupResult]) {
        self.by = by
        self.groups = groups
    }

    /// The group whose values are `values` (one per column of ``by``).
    public func group(_ values: [String]) -> GroupResult? { groups.first { $0.key == values } }
}

/// One group (one service, one province × channel, or the whole sample): its size and an
/// ``IndexEntry`` for every node of the tree and every question.
public struct GroupResult: Sendable, Hashable, Codable {
    /// The group's value in each grouping column; `[]` for the whole sample.
    public var key: [String]
    /// Respondents (rows) in the group.
    public var respondents: Int
    /// Σ weights of the group's rows, when weighted.
    public var weightedRespondents: Double?
    /// Design degrees of freedom of the group: PSUs − strata among its rows (R `degf` of the
    /// subset design).
    public var degreesOfFreedom: Int
    /// The group has fewer respondents than the disclosure threshold: every entry is suppressed.
    public var belowDisclosureThreshold: Bool
    /// Disclosure control (issue 9): outputs must not print ``respondents``,
    /// ``weightedRespondents``, ``degreesOfFreedom`` or any entry's counts of this group. Set
    /// for a group below the disclosure threshold (other than the whole sample) and for the
    /// group hidden beside it by complementary suppression (``DisclosureControl``).
    public var countsWithheld: Bool = false
    /// Entries for the indicator tree in tree order: the root `overall` first, then depth
    /// first (parents before their children).
    public var nodes: [IndexEntry]
    /// Entries for the other questions in file order; a multi-select question has one entry
    /// per option.
    public var questions: [IndexEntry]

    public init(
        key: [String], respondents: Int, weightedRespondents: Double?, degreesOfFreedom: Int,
        belowDisclosureThreshold: Bool, nodes: [IndexEntry], questions: [IndexEntry]
    ) {
        self.key = key
        self.respondents = respondents
        self.weightedRespondents = weightedRespondents
        self.degreesOfFreedom = degreesOfFreedom
        self.belowDisclosureThreshold = belowDisclosureThreshold
        self.nodes = nodes
        self.questions = questions
    }

    /// The entry of the node with `id`.
    public func node(_ id: String) -> IndexEntry? { nodes.first { $0.id == id } }

    /// The entry of question `id` (and `option`, for a multi-select question).
    public func question(_ id: String, option: String? = nil) -> IndexEntry? {
        questions.first { $0.id == id && $0.option == option }
    }
}
