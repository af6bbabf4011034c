/// Intervals and tests for the difference p₁ − p₂ of two independent proportions.
///
/// Reference: Newcombe, R. G. (1998). Interval estimation for the difference between
/// independent proportions: comparison of eleven methods. *Statistics in Medicine* 17,
/// 873–890. Miettinen, O. & Nurminen, M. (1985). Comparative analysis of two rates.
/// *Statistics in Medicine* 4, 213–226.
public enum ProportionDifference {
    /// Newcombe's hybrid score interval (1998, method 10) for p₁ − p₂ from the Wilson
    /// intervals [l₁, u₁] and [l₂, u₂] of each sample:
    ///
    ///     d = p̂₁ − p̂₂,
    ///     L = d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²),   U = d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²).
    ///
    /// Stays inside [−1, 1] and behaves at p̂ = 0 or 1 (the Wilson bounds are exact there).
    /// Edge cases: n₁ = 0 or n₂ = 0 gives NaN bounds and a note.
    /// Python: `confint_proportions_2indep(x1, n1, x2, n2, method = "newcomb")`;
    /// R: `PropCIs::diffscoreci` is a different (Miettinen–Nurminen) interval.
    ///
    /// - Precondition: `0 < level < 1`, 0 ≤ xᵢ ≤ nᵢ.
    public static func newcombeInterval(successes1: Int, trials1: Int, successes2: Int, trials2: Int,
                                        level: Double = 0.95) -> ConfidenceInterval {
        let a = ProportionIntervalMethod.wilson.interval(successes: successes1, trials: trials1, level: level)
        let b = ProportionIntervalMethod.wilson.interval(successes: successes2, trials: trials2, level: level)
        if trials1 == 0 || trials2 == 0 {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "newcombe",
                                      note: "a sample with no valid observations: no interval")
        }
        return combine(Double(successes1) / Double(trials1), a, Double(successes2) / Double(trials2), b, level: level)
    }

    /// Newcombe's interval for two independent weighted or design-based shares, from the
    /// Wilson intervals on each one's effective sample size n* = p̂(1 − p̂)/SE²
    /// (see ``ProportionIntervalMethod/interval(for:level:)``).
    ///
    /// Edge cases: an estimate with n = 0 or a NaN value gives NaN bounds and a note.
    public static func newcombeInterval(_ first: Estimate, _ second: Estimate, level: Double = 0.95) -> ConfidenceInterval {
        let a = ProportionIntervalMethod.wilson.interval(for: first, level: level)
        let b = ProportionIntervalMethod.wilson.interval(for: second, level: level)
        if a.lower.isNaN || b.lower.isNaN {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "newcombe",
                                      note: "a sample with no valid observations: no interval")
        }
        return combine(first.value, a, second.value, b, level: level)
    }

    private static func combine(_ p1: Double, _ a: ConfidenceInterval, _ p2: Double, _ b: ConfidenceInterval,
                                level: Double) -> ConfidenceInterval {
        let d = p1 - p2
        let below = ((p1 - a.lower) * (p1 - a.lower) + (b.upper - p2) * (b.upper - p2)).squareRoot()
        let above = ((a.upper - p1) * (a.upper - p1) + (p2 - b.lower) * (p2 - b.lower)).squareRoot()
        return ConfidenceInterval(lower: d - below, upper: d + above, level: level, method: "newcombe")
    }

    /// The score test of p₁ − p₂ = δ₀ for two independent binomial samples (Miettinen &
    /// Nurminen 1985), as statsmodels `test_proportions_2indep(method = "score",
    /// compare = "diff")` computes it:
    ///
    ///     z = (p̂₁ − p̂₂ − δ₀) / √( [p̃₁(1 − p̃₁)/n₁ + p̃₂(1 − p̃₂)/n₂] · c ),
    ///
    /// where (p̃₁, p̃₂) is the maximum-likelihood estimate under p₁ − p₂ = δ₀ (the pooled
    /// share (x₁ + x₂)/(n₁ + n₂) when δ₀ = 0; the closed-form cubic root of Farrington &
    /// Manning 1990 otherwise) and c = N/(N − 1), N = n₁ + n₂, when `correction` is true
    /// (statsmodels' default), else 1. With δ₀ = 0 and no correction this is the classical
    /// pooled two-proportion z test, the square root of `prop.test(correct = FALSE)`'s χ².
    ///
    /// Edge cases: both samples all 0 or all 1 with δ₀ = 0 (no variation) give statistic 0
    /// and p = 1 with a note (statsmodels returns NaN). n₁ = 0 or n₂ = 0 gives NaN and a note.
    ///
    /// - Precondition: 0 ≤ xᵢ ≤ nᵢ, −1 < δ₀ < 1.
    public static func scoreTest(successes1: Int, trials1: Int, successes2: Int, trials2: Int,
                                 nullDifference: Double = 0, correction: Bool = true,
                                 alternative: Alternative = .twoSided) -> HypothesisTest {
        precondition(successes1 >= 0 && successes1 <= trials1 && successes2 >= 0 && successes2 <= trials2,
                     "need 0 ≤ x ≤ n in both samples")
        let name = "score (miettinen-nurminen)"
        if trials1 == 0 || trials2 == 0 {
            return HypothesisTest(statistic: .nan, pValue: .nan, nullValue: nullDifference, alternative: alternative,
                                  method: name, note: "a sample with no valid observations: no test")
        }
        let n1 = Double(trials1), n0 = Double(trials2)
        let x1 = Double(successes1), x0 = Double(successes2)
        let p1 = x1 / n1, p0 = x0 / n0
        let nobs = n1 + n0, count = x1 + x0
        let diff = nullDifference
        var prop1 = count / nobs, prop0 = count / nobs
        if diff != 0 {
            let tmp3 = nobs
            let tmp2 = (n1 + 2 * n0) * diff - nobs - count
            let tmp1 = (x0 * diff - nobs - 2 * x0) * diff + count
            let tmp0 = x0 * diff * (1 - diff)
            let u = tmp2 / (3 * tmp3)
            let q = u * u * u - tmp1 * tmp2 / (6 * tmp3 * tmp3) + tmp0 / (2 * tmp3)
            let pp = (q < 0 ? -1.0 : (q > 0 ? 1.0 : 0.0)) * (u * u - tmp1 / (3 * tmp3)).squareRoot()
            let a = (Double.pi + ElementaryFunctions.acos(q / (pp * pp * pp))) / 3
            prop0 = 2 * pp * ElementaryFunctions.cos(a) - u
            prop1 = prop0 + diff
        }
        var variance = prop1 * (1 - prop1) / n1 + prop0 * (1 - prop0) / n0
        if correction { variance *= nobs / (nobs - 1) }
        let numerator = p1 - p0 - diff
        if variance == 0 && numerator == 0 {
            return HypothesisTest(statistic: 0, pValue: 1, nullValue: diff, alternative: alternative, method: name,
                                  note: "no variation (both samples all 0 or all 1): statistic 0, p-value 1")
        }
        let z = numerator / variance.squareRoot()
        return HypothesisTest(statistic: z, pValue: alternative.pValue(z, Normal.standard), nullValue: diff,
                              alternative: alternative, method: name)
    }
}
