import Testing
@testable import SurveyStatistics

/// What each method does at p = 0, p = 1 and n = 0, with numbers from closed forms.
@Suite("Proportion intervals at the edges")
struct ProportionIntervalBoundaryTests {
    @Test("n = 0 gives NaN bounds and a note", arguments: ProportionIntervalMethod.allCases)
    func empty(method: ProportionIntervalMethod) {
        let ci = method.interval(successes: 0, trials: 0)
        #expect(ci.lower.isNaN && ci.upper.isNaN)
        #expect(ci.note == "no valid observations: no interval")
        let e = Estimate(value: .nan, standardError: .nan, n: 0)
        #expect(method.interval(for: e).lower.isNaN)
    }

    @Test("every method states what it did at x = 0 and x = n", arguments: ProportionIntervalMethod.allCases)
    func notes(method: ProportionIntervalMethod) {
        for x in [0, 12] {
            let ci = method.interval(successes: x, trials: 12)
            #expect(ci.note != nil, "\(method) at x = \(x)")
            #expect(x == 0 ? ci.lower == 0 : ci.upper == 1, "\(method) at x = \(x): [\(ci.lower), \(ci.upper)]")
        }
    }

    @Test("Clopper–Pearson at x = 0: upper = 1 − (α/2)^(1/n)")
    func clopperPearsonZero() {
        let ci = ProportionIntervalMethod.clopperPearson.interval(successes: 0, trials: 10, level: 0.95)
        #expect(ci.lower == 0)
        #expect(abs(ci.upper - (1 - ElementaryFunctions.pow(0.025, 0.1))) < 1e-15)
        #expect(ci.note == "x = 0: lower bound 0 exactly")
    }

    @Test("Wald is degenerate at p = 0 and says so")
    func waldZero() {
        let ci = ProportionIntervalMethod.wald.interval(successes: 0, trials: 40)
        #expect(ci.lower == 0 && ci.upper == 0)
        #expect(ci.note == "p = 0: Wald interval degenerate (standard error 0)")
    }

    @Test("Wilson at x = n: upper bound 1 exactly, lower = n/(n + z²)")
    func wilsonAll() {
        let z = 1.959963984540054  // SciPy norm.isf(0.025)
        let ci = ProportionIntervalMethod.wilson.interval(successes: 30, trials: 30)
        #expect(ci.upper == 1)
        #expect(abs(ci.lower - 30 / (30 + z * z)) < 1e-15)
    }

    @Test("logit and survey logit fall back to an exact interval at the edges")
    func logitFallback() {
        let ci = ProportionIntervalMethod.logit.interval(successes: 0, trials: 10)
        let cp = ProportionIntervalMethod.clopperPearson.interval(successes: 0, trials: 10)
        #expect(ci.lower == cp.lower && ci.upper == cp.upper)
        #expect(ci.note == "p = 0: log-odds infinite, Clopper–Pearson interval given instead")
        let e = Estimate(value: 1, standardError: 0, degreesOfFreedom: 17, n: 580, effectiveN: 232)
        let s = ProportionIntervalMethod.surveyLogit.interval(for: e)
        #expect(s.upper == 1 && s.lower < 1 && s.lower > 0.9)
        #expect(s.note?.hasPrefix("p = 1: log-odds infinite, Korn–Graubard interval given instead") == true)
    }

    @Test("Korn–Graubard at p = 1 uses the given effective n, df-adjusted")
    func kornGraubardAll() {
        // n* = 232 · (t₅₇₉(0.025)/t₁₇(0.025))²; lower = Beta(n*, 1) quantile 0.025 = 0.025^(1/n*).
        let e = Estimate(value: 1, standardError: 0, degreesOfFreedom: 17, n: 580, effectiveN: 232)
        let ci = ProportionIntervalMethod.kornGraubard.interval(for: e)
        let ratio = StudentT(degreesOfFreedom: 579).quantile(0.025) / StudentT(degreesOfFreedom: 17).quantile(0.025)
        let nStar = 232 * ratio * ratio
        #expect(ci.upper == 1)
        #expect(abs(Beta(alpha: nStar, beta: 1).cdf(ci.lower) - 0.025) < 1e-14)
        #expect(ci.note == "x = n: upper bound 1 exactly; variance 0: effective sample size taken from the given effective n")
    }

    @Test("df ≤ 0 gives NaN for the survey methods")
    func noDegreesOfFreedom() {
        let e = Estimate(value: 0.8, standardError: 0.05, degreesOfFreedom: 0, n: 12)
        #expect(ProportionIntervalMethod.kornGraubard.interval(for: e).lower.isNaN)
        #expect(ProportionIntervalMethod.surveyLogit.interval(for: e).upper.isNaN)
    }

    @Test("the score test with no variation gives p = 1 and says so")
    func scoreNoVariation() {
        let t = ProportionDifference.scoreTest(successes1: 30, trials1: 30, successes2: 40, trials2: 40)
        #expect(t.pValue == 1 && t.statistic == 0 && t.note != nil)
    }
}
