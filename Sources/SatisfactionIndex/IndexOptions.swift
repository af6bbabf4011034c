import SurveyStatistics

/// What the caller asks of ``IndexEngine`` beyond the survey file's rules.
///
/// Policies are values (STYLE.md): nothing here is global state.
public struct IndexOptions: Sendable, Hashable {
    /// Groupings to compute besides the whole sample, e.g. `[["service"], ["province", "channel"]]`.
    /// Each name is a grouping id of the survey or the header of an extra column of the data.
    public var groupings: [[String]]
    /// Overrides the survey's confidence level.
    public var level: Double?
    /// Overrides the survey's interval method for single shares: any
    /// `ProportionIntervalMethod` name (`wilson`, `wilson-cc`, `agresti-coull`,
    /// `clopper-pearson`, `jeffreys`, `logit`, `wald`, `korn-graubard`, `survey-logit`).
    public var shareInterval: String?
    /// What the variance engine does with a stratum holding one PSU. Nil: the survey file's
    /// `design.lonelyUnits`, else `fail` (R's default).
    public var lonelyUnitPolicy: LonelyUnitPolicy?
    /// Rankings of groups to compute, with rank intervals.
    public var rankings: [RankingRequest]
    /// Where the rank intervals come from (default ``RankIntervalMethod/normal``).
    public var rankIntervals: RankIntervalMethod
    /// Replicates, seed and scheme of the bootstrap; the seed also drives the normal
    /// method's rank draws.
    public var bootstrap: BootstrapSettings
    /// Whether the intervals of the indicator tree's nodes (criteria, aspects, parts, overall)
    /// are bootstrap percentile intervals (``bootstrap``) instead of the closed-form ones.
    /// Scored and other questions keep their closed-form intervals.
    public var bootstrapIntervals: Bool
    /// Whether to compute Cronbach's alpha per aspect.
    public var reliability: Bool
    /// Whether to compute the weakest criteria and the importance–performance table.
    public var priorities: Bool
    /// How many weakest criteria to list.
    public var weakestCount: Int

    public init(
        groupings: [[String]] = [], level: Double? = nil, shareInterval: String? = nil,
        lonelyUnitPolicy: LonelyUnitPolicy? = nil, rankings: [RankingRequest] = [],
        rankIntervals: RankIntervalMethod = .normal,
        bootstrap: BootstrapSettings = BootstrapSettings(), bootstrapIntervals: Bool = false, reliability: Bool = true,
        priorities: Bool = true, weakestCount: Int = 3
    ) {
        self.groupings = groupings
        self.level = level
        self.shareInterval = shareInterval
        self.lonelyUnitPolicy = lonelyUnitPolicy
        self.rankings = rankings
        self.rankIntervals = rankIntervals
        self.bootstrap = bootstrap
        self.bootstrapIntervals = bootstrapIntervals
        self.reliability = reliability
        self.priorities = priorities
        self.weakestCount = weakestCount
    }
}

/// Where rank intervals come from. Both rank the groups again in each of many draws of their
/// estimates and take each group's quantiles of its ranks (SurveyStatistics `RankInterval`).
public enum RankIntervalMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Draws from the normal approximation to the groups' joint distribution: their estimates
    /// and their design covariance matrix (linearization, as R `svyby(..., covmat = TRUE)`);
    /// ``normalDraws`` draws. One pass over the data, whatever its size.
    case normal
    /// Rao–Wu bootstrap replicates of the whole design (``BootstrapSettings``): no normal
    /// approximation, at the price of recomputing the ranked node per replicate.
    case bootstrap

    /// Draws of the normal method.
    public static let normalDraws = 2000
}

/// A ranking of the groups of one grouping on one node or question.
public struct RankingRequest: Sendable, Hashable, Codable {
    /// The grouping, e.g. `["province"]`.
    public var by: [String]
    /// The node id (`overall`, an aspect, a criterion) or a scored question id.
    public var node: String

    public init(by: [String], node: String = "overall") {
        self.by = by
        self.node = node
    }
}

/// How the ranking bootstrap resamples.
public struct BootstrapSettings: Sendable, Hashable, Codable {
    /// Number of replicates (at least 2).
    public var replicates: Int
    /// Seed of the generator: same seed, same rank intervals.
    public var seed: UInt64
    /// Clusters (PSUs within strata; rows when there are no clusters) or respondents.
    public var scheme: Bootstrap.Scheme

    public init(replicates: Int = 500, seed: UInt64 = 20_240_101, scheme: Bootstrap.Scheme = .clusters) {
        self.replicates = replicates
        self.seed = seed
        self.scheme = scheme
    }
}
