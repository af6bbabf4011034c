/// One statistic the engine estimates for every group, as a ratio of weighted totals or a
/// linear combination of earlier statistics. Its influence value for row i is
///
///     ratio:   θ = Σ w a_i / Σ w b_i,   z_i = w_i (a_i − θ b_i) / Σ w b_i
///     linear:  θ = Σ c_j θ_j,           z_i = Σ c_j z_ij
///
/// with a_i, b_i per kind:
/// - item k:              a = v_k y_k,                b = v_k           (v valid, y the variable)
/// - pooled over K:       a = Σ_k v_k y_k,            b = Σ_k v_k
/// - respondent mean:     a = Σ_k v_k y_k / Σ_k v_k,  b = 1 if Σ_k v_k > 0 else 0
/// - multi-select option: a = chose the option,       b = chose any option
///
/// A row "enters" a ratio statistic when b_i > 0, a linear one when it enters any part.
enum StatisticKind {
    case item(column: Int, variable: Variable)
    case pooled(columns: [Int], variable: Variable)
    case respondentMean(columns: [Int], variable: Variable)
    case option(selection: Int, bit: Int)
    case linear(parts: [Int], coefficients: [Double])
}

struct StatisticPlan {
    var kind: StatisticKind
    /// The value is a share in [0, 1].
    var isShare: Bool
    /// A single share (one item or option): its interval is the share method on n or n*.
    var isSingleShare: Bool
    /// Width of the value's scale, for the wide-interval flag.
    var range: Double
    /// The estimator's name, written next to the number.
    var method: String
}
