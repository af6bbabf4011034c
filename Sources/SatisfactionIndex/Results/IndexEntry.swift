import SurveySchema
import SurveyStatistics

/// One index for one group: a node of the indicator tree or a question (a multi-select
/// option), with its estimate, interval, answer counts and flags.
///
/// `estimate.value` is on the measure's own scale: a share in [0, 1] (reports print it as a
/// percentage), a mean on the scale's values, or a 0–100 score. `estimate.method` names the
/// estimator, `interval.method` the interval method, and ``IndexResults/design`` the design.
public struct IndexEntry: Sendable, Hashable, Codable {
    /// The node's or question's id.
    public var id: String
    /// The option's code, for a multi-select question; `nil` otherwise.
    public var option: String?
    /// What the entry is.
    public var role: EntryRole
    /// What the estimate measures.
    public var measure: Measure
    /// How a parent combined its children; `nil` for criteria and questions.
    public var combine: Combination?
    /// The index with its standard error, n, weighted N, effective n and design effect.
    public var estimate: Estimate
    /// Its interval at ``AppliedSettings/level``.
    public var interval: ConfidenceInterval
    /// For criteria and scored questions: the mean of the keyed answers with its t interval
    /// (R `svymean`), reported beside the share. `nil` for parents and multi-select options.
    public var meanScore: ScoredEstimate?
    /// Answers counted by kind: for a criterion or question its own answers; for a parent the
    /// answers to every criterion below it. Missing kinds are left out of every denominator.
    public var counts: AnswerCounts
    /// Why the number needs care; see ``IndexFlag``.
    public var flags: [IndexFlag]
    /// Whether reports must show this entry without a number (too few valid answers or
    /// respondents, or hidden by complementary suppression). The estimate is kept so that
    /// counts still reconcile.
    public var isSuppressed: Bool
    /// Disclosure control (issue 9): outputs must not print `estimate.n` or ``counts`` of
    /// this entry, because its group's size is withheld (``GroupResult/countsWithheld``).
    /// The counts are kept in memory so that totals reconcile.
    public var countsWithheld: Bool = false

    public init(
        id: String, option: String? = nil, role: EntryRole, measure: Measure, combine: Combination? = nil,
        estimate: Estimate, interval: ConfidenceInterval, meanScore: ScoredEstimate? = nil,
        counts: AnswerCounts, flags: [IndexFlag], isSuppressed: Bool
    ) {
        self.id = id
        self.option = option
        self.role = role
        self.measure = measure
        self.combine = combine
        self.estimate = estimate
        self.interval = interval
        self.meanScore = meanScore
        self.counts = counts
        self.flags = flags
        self.isSuppressed = isSuppressed
    }
}

extension IndexEntry {
    /// Nobody in the group gave a valid answer, and the group's counts are published: the n of
    /// 0 is printed beside the entry, so hiding it protects nothing (disclosure control does
    /// not count it as a hidden cell; reports say "no valid answers" instead of "not published").
    public var isUnansweredInPublishedGroup: Bool { estimate.n == 0 && !countsWithheld }
}

/// An estimate with its interval.
public struct ScoredEstimate: Sendable, Hashable, Codable {
    public var estimate: Estimate
    public var interval: ConfidenceInterval

    public init(estimate: Estimate, interval: ConfidenceInterval) {
        self.estimate = estimate
        self.interval = interval
    }
}

/// What an ``IndexEntry`` describes.
public enum EntryRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The root of the indicator tree (`overall`).
    case overall
    /// A part or an aspect: a node with children.
    case aggregate
    /// A criterion: one scored question of the tree.
    case criterion
    /// The overall-satisfaction question (outside the tree).
    case overallQuestion
    /// An evaluation item: share giving the favourable answer.
    case evaluation
    /// An expectation item: share in the top levels.
    case expectation
    /// A screener: share answering yes (the scale's `satisfied` band).
    case screener
    /// One option of a multi-select question: share of respondents choosing it.
    case option
}

/// What an estimate measures. Mirrors `SurveySchema.IndexMeasure`, plus `choice` for a
/// multi-select option.
public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    /// The share of valid answers in the scale's `satisfied` band, after reverse keying.
    case share
    /// The mean of the keyed values.
    case mean
    /// The mean of 100·(x − min)/(max − min).
    case score100
    /// The share of respondents who chose an option of a multi-select question.
    case choice

    init(_ measure: IndexMeasure) {
        switch measure {
        case .share: self = .share
        case .mean: self = .mean
        case .score100: self = .score100
        }
    }
}

/// How a parent combined its children. Mirrors `SurveySchema.CombineRule`.
public enum Combination: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unweighted mean of the children's indices; influence values are the mean of the
    /// children's (R `svycontrast`).
    case meanOfChildren
    /// All valid answers below the node pooled as one ratio estimator, the respondent as the
    /// unit (R `svyratio`).
    case pooled
    /// Each respondent's own mean over the criteria below, then the design mean (R `svymean`).
    case meanOfRespondents

    init(_ rule: CombineRule) {
        switch rule {
        case .meanOfChildren: self = .meanOfChildren
        case .pooled: self = .pooled
        case .meanOfRespondents: self = .meanOfRespondents
        }
    }
}

/// Answers counted by kind. `valid + noAnswer + dontKnow + notApplicable + invalid` is the
/// number of cells read (rows × criteria, for a parent).
public struct AnswerCounts: Sendable, Hashable, Codable {
    /// Answers on the scale (they enter the denominator).
    public var valid: Int
    /// Empty cells and the scale's no-answer codes.
    public var noAnswer: Int
    /// "Don't know".
    public var dontKnow: Int
    /// Not applicable.
    public var notApplicable: Int
    /// Cells that could not be coded, kept as missing.
    public var invalid: Int

    public init(valid: Int = 0, noAnswer: Int = 0, dontKnow: Int = 0, notApplicable: Int = 0, invalid: Int = 0) {
        self.valid = valid
        self.noAnswer = noAnswer
        self.dontKnow = dontKnow
        self.notApplicable = notApplicable
        self.invalid = invalid
    }

    /// All answers left out of the denominator.
    public var excluded: Int { noAnswer + dontKnow + notApplicable + invalid }
    /// All cells.
    public var total: Int { valid + excluded }

    static func + (a: AnswerCounts, b: AnswerCounts) -> AnswerCounts {
        AnswerCounts(
            valid: a.valid + b.valid, noAnswer: a.noAnswer + b.noAnswer, dontKnow: a.dontKnow + b.dontKnow,
            notApplicable: a.notApplicable + b.notApplicable, invalid: a.invalid + b.invalid)
    }
}

/// Why a number needs care. Reports explain each under their tables.
public enum IndexFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fewer valid answers (respondents, for a parent) than ``AppliedSettings/minValidN``:
    /// suppressed in outputs, still counted.
    case belowMinimumN
    /// The group has fewer respondents than the disclosure threshold: suppressed.
    case belowDisclosureThreshold
    /// The effective sample size is below ``AppliedSettings/minValidN`` although n is not.
    case lowEffectiveN
    /// The interval is wider than ``AppliedSettings/maxIntervalWidth`` (on the 0–1 scale;
    /// means and scores are divided by their range first).
    case wideInterval
    /// The share is exactly 0: every valid answer was outside the band.
    case shareAtZero
    /// The share is exactly 1: every valid answer was in the band.
    case shareAtOne
    /// No valid answer: there is no estimate.
    case noValidAnswers
    /// A parent with answers whose combination has no value, because a part of it has no valid
    /// answers (a mean of children where one child was not answered by anyone in the group).
    case partWithoutAnswers
    /// Disclosure control (issue 9): shown numbers would let another suppressed number be
    /// worked out by subtraction, so this one is hidden too (secondary suppression; see
    /// ``DisclosureControl``).
    case complementarySuppression
}
