/// How to compute a confidence interval for a proportion: a policy passed as a value.
///
/// Two entry points: ``interval(successes:trials:level:)`` for a count x of n
/// (simple random sampling), and ``interval(for:level:)`` for a weighted or design-based
/// ``Estimate`` of a share. For an estimate, the binomial methods (Wald to logit) are applied
/// to the effective sample size n* = p̂(1 − p̂)/SE² with x* = p̂·n*, so that a design
/// effect widens them (Kish 1965; Dean & Pagano 2015); at p̂ = 0 or 1, where that ratio is
/// 0/0, n* is the estimate's `effectiveN`, or `n` when none is given. The two survey methods
/// use the estimate's standard error and degrees of freedom as R `survey::svyciprop` does.
///
/// | case | literature | R | Python |
/// | --- | --- | --- | --- |
/// | `wald` | Laplace; normal approximation | `binom::binom.confint(method = "asymptotic")` | `proportion_confint(method = "normal")` |
/// | `wilson` | Wilson (1927) score | `prop.test(x, n, correct = FALSE)` | `"wilson"` |
/// | `wilsonContinuityCorrected` | Newcombe (1998) method 4 | `prop.test(x, n, correct = TRUE)` | — |
/// | `agrestiCoull` | Agresti & Coull (1998) | `binom::binom.confint(method = "agresti-coull")` | `"agresti_coull"` |
/// | `clopperPearson` | Clopper & Pearson (1934) | `binom.test(x, n)$conf.int` | `"beta"` |
/// | `jeffreys` | Brown, Cai & DasGupta (2001) | `binom::binom.confint(method = "bayes", type = "central")` | `"jeffreys"` |
/// | `logit` | Wald on the log-odds scale | `binom::binom.confint(method = "logit")` | — |
/// | `kornGraubard` | Korn & Graubard (1998) | `svyciprop(method = "beta")` | — |
/// | `surveyLogit` | Lumley (2010) §2.4 | `svyciprop(method = "logit")` | — |
///
/// Every method returns a ``ConfidenceInterval`` inside [0, 1] (Wald and Agresti–Coull are
/// clipped, as statsmodels does, and the note says so) whose `note` states what was done at
/// p̂ = 0 or 1. No valid observations (n = 0) give NaN bounds and a note.
public enum ProportionIntervalMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// p̂ ± z·√(p̂(1 − p̂)/n). Degenerate ([0, 0] or [1, 1]) at p̂ = 0 or 1; poor near the
    /// edges and offered only for comparison.
    case wald = "wald"
    /// The Wilson (1927) score interval; satkit's default.
    case wilson = "wilson"
    /// Wilson's interval with a continuity correction (Newcombe 1998, method 4).
    case wilsonContinuityCorrected = "wilson-cc"
    /// Agresti & Coull (1998): the Wald interval around (x + z²/2)/(n + z²).
    case agrestiCoull = "agresti-coull"
    /// Clopper & Pearson (1934): the "exact" interval from beta quantiles.
    case clopperPearson = "clopper-pearson"
    /// The equal-tailed Jeffreys interval: Beta(x + ½, n − x + ½) quantiles.
    case jeffreys = "jeffreys"
    /// logit⁻¹(logit p̂ ± z/√(n p̂(1 − p̂))).
    case logit = "logit"
    /// Korn & Graubard (1998): Clopper–Pearson on the degrees-of-freedom-adjusted effective
    /// sample size; R `svyciprop(method = "beta")`.
    case kornGraubard = "korn-graubard"
    /// R `svyciprop(method = "logit")`: logit⁻¹(logit p̂ ± t_df · SE/(p̂(1 − p̂))).
    case surveyLogit = "survey-logit"

    /// The method satkit uses unless told otherwise: Wilson.
    public static let `default`: ProportionIntervalMethod = .wilson

    /// The interval for x successes out of n trials under simple random sampling.
    ///
    /// The survey methods treat the count as a simple random sample: Korn–Graubard is then
    /// Clopper–Pearson (n* = n, df ratio 1), and the survey logit uses SE = √(p̂(1 − p̂)/n)
    /// with df = n − 1 (normal when n = 1).
    ///
    /// - Parameters:
    ///   - successes: x, 0 ≤ x ≤ n.
    ///   - trials: n ≥ 0. n = 0 gives NaN bounds and a note.
    ///   - level: confidence level, e.g. 0.95.
    /// - Precondition: `0 < level < 1` and `0 ≤ successes ≤ trials`.
    public func interval(successes: Int, trials: Int, level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1, got \(level)")
        precondition(trials >= 0 && successes >= 0 && successes <= trials,
                     "need 0 ≤ successes ≤ trials, got \(successes) of \(trials)")
        if trials == 0 { return ProportionIntervalMethod.empty(self, level: level) }
        let n = Double(trials), x = Double(successes)
        let p = x / n
        switch self {
        case .kornGraubard:
            // Under simple random sampling n* = n and the df ratio is 1: Clopper–Pearson.
            var ci = Self.clopperPearson(x: x, n: n, level: level)
            ci.method = rawValue
            return ci
        case .surveyLogit:
            let se = (p * (1 - p) / n).squareRoot()
            let e = Estimate(value: p, standardError: se, degreesOfFreedom: trials > 1 ? n - 1 : nil, n: trials,
                             method: "proportion")
            return interval(for: e, level: level)
        default:
            return binomial(x: x, n: n, level: level)
        }
    }

    /// The interval for a share estimated with weights or under a design.
    ///
    /// Binomial methods use n* = p̂(1 − p̂)/SE² (or `effectiveN`, else `n`, at p̂ = 0 or 1 or
    /// when SE is 0) and x* = p̂·n*, with the normal quantile. `kornGraubard` and
    /// `surveyLogit` use the estimate's SE, its degrees of freedom (`nil` = normal) and
    /// `n` as R uses `nrow(design)`.
    ///
    /// Edge cases: `n = 0`, a NaN value or a value outside [0, 1] give NaN bounds and a note.
    /// - Precondition: `0 < level < 1`.
    public func interval(for estimate: Estimate, level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1, got \(level)")
        let p = estimate.value
        if estimate.n == 0 || p.isNaN || p < 0 || p > 1 {
            return ProportionIntervalMethod.empty(self, level: level)
        }
        switch self {
        case .kornGraubard:
            return ProportionIntervalMethod.kornGraubard(estimate, level: level)
        case .surveyLogit:
            return ProportionIntervalMethod.surveyLogit(estimate, level: level)
        default:
            let nStar = ProportionIntervalMethod.effectiveSampleSize(estimate)
            if nStar.isNaN || nStar <= 0 { return ProportionIntervalMethod.empty(self, level: level) }
            return binomial(x: p * nStar, n: nStar, level: level)
        }
    }

    /// The interval for a share p̂ on a given effective sample size n* (e.g. Kish's
    /// (Σw)²/Σw²), x* = p̂·n*. Only the binomial methods apply; the survey methods, which
    /// need a standard error, treat the input as a simple random sample of size n*.
    ///
    /// - Precondition: `0 < level < 1`, `0 ≤ proportion ≤ 1`.
    public func interval(proportion: Double, effectiveSampleSize: Double, level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1, got \(level)")
        if !(effectiveSampleSize > 0) || proportion.isNaN { return ProportionIntervalMethod.empty(self, level: level) }
        precondition(proportion >= 0 && proportion <= 1, "a proportion lies in [0, 1], got \(proportion)")
        switch self {
        case .kornGraubard, .surveyLogit:
            let se = (proportion * (1 - proportion) / effectiveSampleSize).squareRoot()
            let n = Int(effectiveSampleSize.rounded(.up))
            let e = Estimate(value: proportion, standardError: se, degreesOfFreedom: effectiveSampleSize - 1,
                             n: n, effectiveN: effectiveSampleSize, method: "proportion")
            return interval(for: e, level: level)
        default:
            return binomial(x: proportion * effectiveSampleSize, n: effectiveSampleSize, level: level)
        }
    }

    /// x successes (possibly fractional) of n > 0 trials, binomial methods only.
    func binomial(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        switch self {
        case .wald: return Self.wald(x: x, n: n, level: level)
        case .wilson: return Self.wilson(x: x, n: n, level: level)
        case .wilsonContinuityCorrected: return Self.wilsonContinuityCorrected(x: x, n: n, level: level)
        case .agrestiCoull: return Self.agrestiCoull(x: x, n: n, level: level)
        case .clopperPearson: return Self.clopperPearson(x: x, n: n, level: level)
        case .jeffreys: return Self.jeffreys(x: x, n: n, level: level)
        case .logit: return Self.logit(x: x, n: n, level: level)
        case .kornGraubard, .surveyLogit:
            preconditionFailure("survey methods are not binomial")
        }
    }

    /// n* = p̂(1 − p̂)/SE², or the estimate's `effectiveN` (else `n`) where that is 0/0.
    static func effectiveSampleSize(_ e: Estimate) -> Double {
        let p = e.value
        let v = e.standardError * e.standardError
        if p > 0 && p < 1 && v > 0 && v.isFinite {
            return p * (1 - p) / v
        }
        return e.effectiveN ?? Double(e.n)
    }

    /// The interval for no observations.
    static func empty(_ method: ProportionIntervalMethod, level: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: method.rawValue,
                           note: "no valid observations: no interval")
    }

    /// z = Φ⁻¹(1 − α/2) for α = 1 − level.
    static func z(_ level: Double) -> Double {
        Normal.standard.upperQuantile((1 - level) / 2)
    }

    /// The note for an interval clipped to [0, 1].
    static let clippedNote = "bounds clipped to [0, 1]"
}

extension ProportionIntervalMethod {
    /// logit(p) = log(p/(1 − p)).
    @inline(__always) static func logOdds(_ p: Double) -> Double {
        ElementaryFunctions.log(p / (1 - p))
    }

    /// logit⁻¹(u) = 1/(1 + e^(−u)), computed so that neither tail loses digits.
    @inline(__always) static func inverseLogOdds(_ u: Double) -> Double {
        u >= 0 ? 1 / (1 + ElementaryFunctions.exp(-u)) : ElementaryFunctions.exp(u) / (1 + ElementaryFunctions.exp(u))
    }
}

extension Estimate {
    /// A confidence interval for this estimate read as a share in [0, 1], by `method`
    /// (default Wilson on the effective sample size): see
    /// ``ProportionIntervalMethod/interval(for:level:)``.
    ///
    /// - Precondition: `0 < level < 1`.
    public func proportionInterval(level: Double = 0.95,
                                   method: ProportionIntervalMethod = .default) -> ConfidenceInterval {
        method.interval(for: self, level: level)
    }
}
