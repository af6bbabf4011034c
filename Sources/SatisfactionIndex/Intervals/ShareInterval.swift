import Foundation
import SurveyStatistics

/// Interval methods for a single share p̂ observed on a sample of size n, where n may be an
/// effective sample size (not an integer) under weights or a design.
///
/// With z = Φ⁻¹((1 + level)/2):
/// - `wilson`: (p̂ + z²/2n)/(1 + z²/n) ± z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²) (Wilson 1927);
///   R `prop.test(x, n, correct = FALSE)$conf.int`.
/// - `agresti-coull`: ñ = n + z², p̃ = (np̂ + z²/2)/ñ, p̃ ± z√(p̃(1 − p̃)/ñ) clipped to [0, 1]
///   (Agresti & Coull 1998).
/// - `wald`: p̂ ± z√(p̂(1 − p̂)/n) clipped to [0, 1].
/// - `logit`: expit(logit p̂ ± z/√(n p̂(1 − p̂))); at p̂ = 0 or 1 it is undefined and the Wilson
///   interval is given with a note.
///
/// Under weights or a design n is the effective sample size n* = p̂(1 − p̂)/V̂ with V̂ the
/// design-based variance (Korn & Graubard 1998, without their degrees-of-freedom factor); at
/// p̂ = 0 or 1, where V̂ = 0, Kish's (Σw)²/Σw² over the valid answers. The caller passes the n it
/// chose and names it in the method.
///
/// Edge cases: n = 0 or NaN p̂ gives NaN bounds with a note; p̂ = 0 gives lower bound 0 and
/// p̂ = 1 upper bound 1 exactly for Wilson (the note says so).
///
/// Reference: Wilson (1927), JASA 22; Agresti & Coull (1998), Am. Stat. 52; Newcombe (1998),
/// Stat. Med. 17; Korn & Graubard (1998), Survey Methodology 24(2).
public enum ShareInterval: String, Sendable, Hashable, CaseIterable, Codable {
    case wilson
    case agrestiCoull = "agresti-coull"
    case wald
    case logit

    /// The method called `name` in a survey file or on the command line.
    public init?(name: String) {
        switch name.lowercased() {
        case "wilson": self = .wilson
        case "agresti-coull", "agresticoull", "agresti_coull": self = .agrestiCoull
        case "wald": self = .wald
        case "logit": self = .logit
        default: return nil
        }
    }

    /// The interval for share `p` on sample size `n` at `level`.
    public func interval(p: Double, n: Double, level: Double) -> ConfidenceInterval {
        let z = Normal.standard.quantile(0.5 + level / 2)
        guard n > 0, !p.isNaN, !n.isNaN else {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: rawValue,
                                      note: "no valid answers: no interval")
        }
        switch self {
        case .wilson:
            return Self.wilson(p: p, n: n, z: z, level: level)
        case .wald:
            let half = z * (p * (1 - p) / n).squareRoot()
            return ConfidenceInterval(lower: max(0, p - half), upper: min(1, p + half), level: level, method: rawValue,
                                      note: p == 0 || p == 1 ? "share at \(p == 0 ? 0 : 1): zero-width Wald interval" : nil)
        case .agrestiCoull:
            let nt = n + z * z
            let pt = (p * n + z * z / 2) / nt
            let half = z * (pt * (1 - pt) / nt).squareRoot()
            return ConfidenceInterval(lower: max(0, pt - half), upper: min(1, pt + half), level: level, method: rawValue)
        case .logit:
            guard p > 0, p < 1 else {
                var w = Self.wilson(p: p, n: n, z: z, level: level)
                w.method = "logit"
                w.note = "logit undefined at a share of \(p == 0 ? 0 : 1): Wilson interval given"
                return w
            }
            let l = logitFunction(p)
            let half = z / (n * p * (1 - p)).squareRoot()
            return ConfidenceInterval(lower: expit(l - half), upper: expit(l + half), level: level, method: rawValue)
        }
    }

    static func wilson(p: Double, n: Double, z: Double, level: Double) -> ConfidenceInterval {
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        var lower = centre - half
        var upper = centre + half
        var note: String?
        if p == 0 { lower = 0; note = "share at 0: lower bound set to 0 exactly" }
        if p == 1 { upper = 1; note = "share at 1: upper bound set to 1 exactly" }
        return ConfidenceInterval(lower: max(0, lower), upper: min(1, upper), level: level, method: "wilson", note: note)
    }
}

/// The logit interval of a share estimated with a linearized standard error: the interval of
/// R `svyciprop(~y, design, method = "logit")` applied to any share-valued statistic,
///
///     expit( logit θ̂ ± q · SE / (θ̂(1 − θ̂)) ),   q = t_df((1 + level)/2) (normal without df).
///
/// Used for aggregates (aspects, parts, overall) measured as shares: it stays inside [0, 1]
/// where shares near 100% are the rule, and it uses the respondent- or cluster-level SE.
/// At θ̂ = 0 or 1 (SE 0) it is undefined: the caller's fallback is used, with a note.
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
