/// How the survey's indices are computed: the survey-wide defaults of the `index` section.
///
/// SatisfactionIndex applies these rules and writes them next to every number it produces,
/// because the published SIPAS figures depend on choices that are not published.
public struct IndexRules: Sendable, Hashable {
    /// What a criterion's index is: share satisfied, mean value, or mean rescaled to 0–100.
    public var measure: IndexMeasure
    /// How a parent node combines its children, unless the node says otherwise.
    public var combine: CombineRule
    /// The interval method's name, e.g. `wilson`; SurveyStatistics maps it to a method.
    public var interval: String
    /// The confidence level, strictly between 0 and 1, e.g. 0.95.
    public var level: Double
    /// A group with fewer valid answers than this is flagged (default 30).
    public var minValidN: Int
    /// A group whose interval is wider than this (on the 0–1 share scale) is flagged;
    /// `nil` for no such rule.
    public var maxIntervalWidth: Double?
    /// Groups with fewer respondents than this are suppressed in reports (default 10).
    public var disclosureThreshold: Int

    /// The defaults: share, meanOfChildren, wilson, 0.95, minValidN 30, no width rule,
    /// disclosure threshold 10.
    public init(
        measure: IndexMeasure = .share, combine: CombineRule = .meanOfChildren,
        interval: String = "wilson", level: Double = 0.95, minValidN: Int = 30,
        maxIntervalWidth: Double? = nil, disclosureThreshold: Int = 10
    ) {
        self.measure = measure
        self.combine = combine
        self.interval = interval
        self.level = level
        self.minValidN = minValidN
        self.maxIntervalWidth = maxIntervalWidth
        self.disclosureThreshold = disclosureThreshold
    }
}

/// What a criterion's index measures.
public enum IndexMeasure: String, Sendable, Hashable, CaseIterable {
    /// The share of valid answers in the scale's `satisfied` band (the top-box share).
    case share
    /// The mean of the (keyed) values.
    case mean
    /// The mean of 100·(x − min)/(max − min): 100·(x − 1)/(k − 1) on a 1…k scale.
    case score100
}

/// How a parent node combines its children into its own index.
public enum CombineRule: String, Sendable, Hashable, CaseIterable {
    /// The unweighted mean of the children's indices (SIPAS aspects, SDG 16.6.2).
    case meanOfChildren
    /// One index over all valid answers to all criteria below the node, pooled.
    case pooled
    /// Each respondent's own index over the criteria below the node, then the mean over
    /// respondents (a respondent-level score).
    case meanOfRespondents
}
