import SurveySchema
import SurveyStatistics

/// One wave of a survey: its label (e.g. `"2023"`), the survey file it was collected under,
/// and the results ``IndexEngine`` computed on its data.
///
/// The comparison engine is pure: it takes results, never files. Each wave may use its own
/// edition of the survey; criteria are matched through the later wave's `continues` and
/// `comparable` declarations (docs/methods-compare.md, "Matching").
public struct Wave: Sendable, Hashable {
    /// The wave's name in outputs, e.g. `"2023"`.
    public var label: String
    /// The survey edition the wave was collected under.
    public var survey: Survey
    /// The wave's indices (every grouping the comparison asks for must be in it).
    public var results: IndexResults
    /// The wave's position on the time axis of the trend test; `nil` means the label read as a
    /// number when it is one (`"2023"` → 2023), else the wave's position (0, 1, 2, …).
    public var time: Double?

    public init(label: String, survey: Survey, results: IndexResults, time: Double? = nil) {
        self.label = label
        self.survey = survey
        self.results = results
        self.time = time
    }
}

/// What the caller asks of ``WaveComparison``. Policies are values (STYLE.md).
public struct ComparisonOptions: Sendable, Hashable {
    /// The grouping compared besides the whole sample, e.g. `["province"]`; `[]` for the whole
    /// sample only. Every wave's results must hold it.
    public var by: [String]
    /// The confidence level of intervals and verdicts; `nil` means the latest wave's level.
    public var level: Double?
    /// The multiplicity adjustment across the groups of one node (the family): Holm by default.
    public var adjustment: MultiplicityAdjustment
    /// How a difference of two design-based (or aggregate) estimates is referred: normal (`z`,
    /// default) or Welch's t with the waves' design degrees of freedom.
    public var designDifference: DifferenceMethod
    /// Aggregates the caller declares comparable even when their children changed (the survey
    /// file's way to say so is `continues` on the aggregate; this is the library's).
    public var declaredComparable: Set<String>
    /// How many groups the press-style summary lists at the top and at the bottom.
    public var topCount: Int

    public init(
        by: [String] = [], level: Double? = nil, adjustment: MultiplicityAdjustment = .holm,
        designDifference: DifferenceMethod = .z, declaredComparable: Set<String> = [], topCount: Int = 5
    ) {
        self.by = by
        self.level = level
        self.adjustment = adjustment
        self.designDifference = designDifference
        self.declaredComparable = declaredComparable
        self.topCount = topCount
    }
}

/// Why a comparison cannot be made at all.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two waves.
    case tooFewWaves(count: Int)
    /// Two waves share a label.
    case duplicateWaveLabel(String)
    /// A wave's results lack the grouping asked for.
    case groupingMissing(wave: String, by: [String])
    /// The confidence level is not strictly between 0 and 1.
    case invalidLevel(Double)

    public var description: String {
        switch self {
        case .tooFewWaves(let count):
            "a comparison needs at least two waves, got \(count); give each wave as --wave LABEL=FILE.csv"
        case .duplicateWaveLabel(let label):
            "two waves are labelled \"\(label)\"; give each wave its own label"
        case .groupingMissing(let wave, let by):
            "wave \"\(wave)\" has no results by \(by.joined(separator: ",")); compute its indices with that grouping first"
        case .invalidLevel(let level):
            "confidence level \(level) is not between 0 and 1; use e.g. 0.95"
        }
    }
}
