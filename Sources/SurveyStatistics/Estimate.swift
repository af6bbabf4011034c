/// One estimate with its precision: the result type every estimator returns.
///
/// An estimate carries its point value, its standard error, the degrees of freedom its
/// interval uses (`nil` means the normal distribution), the valid sample size and, where
/// weights or a design are present, the weighted total, the effective sample size and the
/// design effect. `interval(level:)` gives the symmetric normal or Student t interval
///
///     value ± q · standardError,   q = Φ⁻¹((1 + level)/2)  or  t⁻¹_df((1 + level)/2).
///
/// Proportions have better intervals than this one near 0 and 1: see
/// ``ProportionIntervalMethod`` and ``Estimate/proportionInterval(level:method:)``.
///
/// Edge cases: an estimate from no observations has `n = 0` and a NaN value and standard
/// error, and its interval is NaN with a note. A standard error of 0 gives the degenerate
/// interval `[value, value]`, said in the note. Degrees of freedom ≤ 0 (a design with as
/// many strata as clusters) give a NaN interval with a note, as R `survey` gives `NaN`.
///
/// Reference: Lumley, T. (2010). *Complex Surveys: A Guide to Analysis Using R*. Wiley, ch. 2.
public struct Estimate: Sendable, Hashable, Codable {
    /// The point estimate (a mean, a share in [0, 1], a total, a difference...).
    public var value: Double
    /// The estimated standard error of `value`; NaN when it cannot be estimated.
    public var standardError: Double
    /// Degrees of freedom for t-based intervals and tests; `nil` means use the normal
    /// distribution. Under a design R `survey` uses clusters − strata (`degf`).
    public var degreesOfFreedom: Double?
    /// Number of valid observations that entered the estimate (after exclusions).
    public var n: Int
    /// Sum of the weights of those observations; `nil` when unweighted.
    public var weightedN: Double?
    /// Effective sample size: Kish's (Σw)²/Σw², or n / deff, or p(1−p)/var for a share;
    /// `nil` when not computed. Equal to `n` under simple random sampling.
    public var effectiveN: Double?
    /// Design effect: design variance over the variance under simple random sampling of the
    /// same size (Kish 1965); `nil` when not computed.
    public var designEffect: Double?
    /// Name of the estimator that produced the value, e.g. `"mean"`, `"proportion"`,
    /// `"difference (welch)"`. Written next to every reported number.
    public var method: String

    /// Creates an estimate. Only `value`, `standardError` and `n` are required.
    ///
    /// - Parameters:
    ///   - value: the point estimate.
    ///   - standardError: its standard error (≥ 0, or NaN when unknown).
    ///   - degreesOfFreedom: t degrees of freedom, `nil` for the normal distribution.
    ///   - n: valid observations.
    ///   - weightedN: Σw, when weighted.
    ///   - effectiveN: effective sample size, when known.
    ///   - designEffect: design effect, when known.
    ///   - method: the estimator's name.
    public init(
        value: Double,
        standardError: Double,
        degreesOfFreedom: Double? = nil,
        n: Int,
        weightedN: Double? = nil,
        effectiveN: Double? = nil,
        designEffect: Double? = nil,
        method: String = "estimate"
    ) {
        self.value = value
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.n = n
        self.weightedN = weightedN
        self.effectiveN = effectiveN
        self.designEffect = designEffect
        self.method = method
    }

    /// The sampling variance, `standardError²`.
    public var variance: Double { standardError * standardError }

    /// The relative standard error (coefficient of variation) `standardError / |value|`;
    /// infinite when the value is 0 and the standard error is not.
    public var relativeStandardError: Double { standardError / abs(value) }

    /// The two-sided quantile used by ``interval(level:)``: `Φ⁻¹((1 + level)/2)` when
    /// `degreesOfFreedom` is `nil` or infinite, else `t⁻¹_df((1 + level)/2)`.
    /// NaN when the degrees of freedom are ≤ 0 or NaN.
    ///
    /// - Precondition: `0 < level < 1`.
    public func criticalValue(level: Double) -> Double {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1, got \(level)")
        let p = 0.5 + level / 2
        guard let df = degreesOfFreedom, df.isFinite else {
            return Normal.standard.quantile(p)
        }
        guard df > 0 else { return .nan }
        return StudentT(degreesOfFreedom: df).quantile(p)
    }

    /// The symmetric confidence interval `value ± q · standardError`, with `q` the normal
    /// quantile, or the Student t quantile when `degreesOfFreedom` is set (the interval of
    /// R's `confint(svymean(...), df = degf(design))`).
    ///
    /// Edge cases: `n = 0` or a NaN value or standard error → NaN bounds and a note;
    /// `standardError = 0` → `[value, value]` and a note; df ≤ 0 → NaN bounds and a note.
    /// The interval is not clipped; for shares use ``proportionInterval(level:method:)``.
    ///
    /// - Parameter level: confidence level, e.g. 0.95.
    /// - Precondition: `0 < level < 1`.
    /// - Reference: Student (1908); Lumley (2010) §2.3.
    public func interval(level: Double = 0.95) -> ConfidenceInterval {
        let name = degreesOfFreedom.map { $0.isFinite ? "t" : "normal" } ?? "normal"
        let q = criticalValue(level: level)
        if n == 0 || value.isNaN || standardError.isNaN {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: name,
                                      note: "no estimate: no valid observations or undefined standard error")
        }
        if q.isNaN {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: name,
                                      note: "degrees of freedom \(degreesOfFreedom ?? .nan) ≤ 0: no interval")
        }
        if standardError == 0 {
            return ConfidenceInterval(lower: value, upper: value, level: level, method: name,
                                      note: "standard error is 0: degenerate interval")
        }
        let half = q * standardError
        return ConfidenceInterval(lower: value - half, upper: value + half, level: level, method: name)
    }
}

/// A confidence interval with the method that made it and what was done at the edges.
///
/// `lower ≤ upper` whenever both are numbers. NaN bounds mean no interval could be given
/// (no observations, df ≤ 0); `note` then says why. For proportions the note also records
/// what a method did at p = 0 or p = 1 (e.g. "x = 0: lower bound set to 0 exactly").
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Confidence level in (0, 1), e.g. 0.95.
    public var level: Double
    /// Stable name of the interval method, e.g. `"wilson"`, `"clopper-pearson"`, `"t"`.
    public var method: String
    /// What was done at a boundary or a degenerate case; `nil` when nothing special.
    public var note: String?

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double, method: String, note: String? = nil) {
        self.lower = lower
        self.upper = upper
        self.level = level
        self.method = method
        self.note = note
    }

    /// `upper − lower`.
    public var width: Double { upper - lower }

    /// Whether `lower ≤ x ≤ upper`.
    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}
