/// The direction of the alternative hypothesis for a test of θ = θ₀.
public enum Alternative: String, Sendable, Hashable, Codable, CaseIterable {
    /// H₁: θ ≠ θ₀; p = 2·P(|T| ≥ |t|).
    case twoSided = "two-sided"
    /// H₁: θ > θ₀; p = P(T ≥ t).
    case greater = "greater"
    /// H₁: θ < θ₀; p = P(T ≤ t).
    case less = "less"

    /// The p-value of statistic `t` under `reference` (normal or Student t).
    func pValue<D: ContinuousDistribution>(_ t: Double, _ reference: D) -> Double {
        switch self {
        case .twoSided: return min(1, 2 * reference.survival(abs(t)))
        case .greater: return reference.survival(t)
        case .less: return reference.cdf(t)
        }
    }
}

/// The result of a test: statistic, p-value, and what was tested.
///
/// `degreesOfFreedom` is `nil` when the statistic is referred to the standard normal.
/// A NaN statistic means the test could not be computed; `note` then says why.
public struct HypothesisTest: Sendable, Hashable, Codable {
    /// The test statistic (z or t).
    public var statistic: Double
    /// The p-value for `alternative`.
    public var pValue: Double
    /// Degrees of freedom of the t reference; `nil` for the normal.
    public var degreesOfFreedom: Double?
    /// The value of the parameter under the null hypothesis (e.g. a difference of 0).
    public var nullValue: Double
    /// The alternative hypothesis.
    public var alternative: Alternative
    /// Stable name of the test, e.g. `"z"`, `"welch"`, `"score (miettinen-nurminen)"`.
    public var method: String
    /// What was done in a degenerate case; `nil` otherwise.
    public var note: String?

    /// Creates a test result.
    public init(statistic: Double, pValue: Double, degreesOfFreedom: Double? = nil, nullValue: Double = 0,
                alternative: Alternative = .twoSided, method: String, note: String? = nil) {
        self.statistic = statistic
        self.pValue = pValue
        self.degreesOfFreedom = degreesOfFreedom
        self.nullValue = nullValue
        self.alternative = alternative
        self.method = method
        self.note = note
    }
}
