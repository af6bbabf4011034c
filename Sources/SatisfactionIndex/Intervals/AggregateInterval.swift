import Foundation
import SurveyStatistics

/// The logit interval of a share estimated with a linearized standard error: the interval of
/// R `svyciprop(~y, design, method = "logit")` applied to any share-valued statistic,
///
///     expit( logit θ̂ ± q · SE / (θ̂(1 − θ̂)) ),   q = t_df((1 + level)/2) (normal without df).
///
/// Used for aggregates (aspects, parts, overall) measured as shares: it stays inside [0, 1]
/// where shares near 100% are the rule, and it uses the respondent- or cluster-level SE.
/// At θ̂ = 0 or 1 (SE 0) it is undefined: the caller's fallback is used, with a note.
/// Equal to `ProportionIntervalMethod.surveyLogit.interval(for:)` (tested); kept here so that
/// the t quantile is computed once per group rather than once per estimate.
///
/// Reference: Lumley (2010), §2.3.1; Korn & Graubard (1998).
enum LogitInterval {
    /// `q` is `estimate.criticalValue(level:)`, passed in so that a group's many estimates
    /// (which share their degrees of freedom) compute the t quantile once.
    static func interval(estimate: Estimate, level: Double, q: Double) -> ConfidenceInterval? {
        let p = estimate.value
        guard p > 0, p < 1, estimate.standardError > 0, estimate.n > 0 else { return nil }
        guard !q.isNaN else { return nil }
        let half = q * estimate.standardError / (p * (1 - p))
        let l = logitFunction(p)
        return ConfidenceInterval(
            lower: expit(l - half), upper: expit(l + half), level: level,
            method: estimate.degreesOfFreedom == nil ? "logit (normal)" : "logit (t)")
    }
}

/// `Estimate.interval(level:)` with its critical value `q` computed once per group: the same
/// bounds, method names and notes.
enum SymmetricInterval {
    static func interval(_ e: Estimate, level: Double, q: Double) -> ConfidenceInterval {
        guard e.n > 0, !e.value.isNaN, !e.standardError.isNaN, !q.isNaN, e.standardError > 0 else {
            return e.interval(level: level)
        }
        let name = e.degreesOfFreedom.map { $0.isFinite ? "t" : "normal" } ?? "normal"
        return ConfidenceInterval(lower: e.value - q * e.standardError, upper: e.value + q * e.standardError,
                                  level: level, method: name)
    }
}

@inline(__always) func logitFunction(_ p: Double) -> Double { log(p / (1 - p)) }
@inline(__always) func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
