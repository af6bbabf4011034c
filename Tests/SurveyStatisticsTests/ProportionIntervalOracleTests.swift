import Testing
@testable import SurveyStatistics

/// Binomial proportion intervals against statsmodels and R
/// (Tests/Fixtures/reference/intervals/proportion_confint, made by make.py there).
@Suite("Proportion intervals against statsmodels and R")
struct ProportionIntervalOracleTests {
    struct Case: Decodable {
        let method: String
        let x: Int?
        let n: Int?
        let proportion: Double?
        let effectiveN: Double?
        let level: Double
        let lower: Double
        let upper: Double
        let source: String
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = (try? loadReference(Fixture.self, "intervals/proportion_confint/expected.json").cases) ?? []

    /// Relative tolerance 1e-9 (absolute where the reference bound is 0).
    @Test("matches the reference to 1e-9", arguments: ProportionIntervalMethod.allCases.filter {
        ![.kornGraubard, .surveyLogit].contains($0)
    })
    func matches(method: ProportionIntervalMethod) throws {
        let cases = Self.cases.filter { $0.method == method.rawValue && $0.x != nil }
        #expect(cases.count >= 30, "fixture has \(cases.count) cases for \(method)")
        for c in cases {
            guard let x = c.x, let n = c.n else { continue }
            let ci = method.interval(successes: x, trials: n, level: c.level)
            #expect(ci.method == method.rawValue)
            // statsmodels' Jeffreys keeps the plain quantile where satkit sets 0 or 1.
            let checkLower = !(method == .jeffreys && x == 0)
            let checkUpper = !(method == .jeffreys && x == n)
            if checkLower {
                #expect(agrees(ci.lower, c.lower, rel: 1e-9), "\(c.source): lower \(ci.lower) vs \(c.lower)")
            } else {
                #expect(ci.lower == 0)
            }
            if checkUpper {
                #expect(agrees(ci.upper, c.upper, rel: 1e-9), "\(c.source): upper \(ci.upper) vs \(c.upper)")
            } else {
                #expect(ci.upper == 1)
            }
        }
    }

    /// Shares on a fractional effective sample size n* (weights or a design): statsmodels
    /// accepts fractional counts, so proportion_confint(p·n*, n*) is the reference; 1e-9.
    @Test("on an effective sample size matches statsmodels to 1e-9",
          arguments: [ProportionIntervalMethod.wald, .wilson, .agrestiCoull, .clopperPearson, .jeffreys])
    func effective(method: ProportionIntervalMethod) {
        let cases = Self.cases.filter { $0.method == method.rawValue && $0.effectiveN != nil }
        #expect(cases.count == 18)
        for c in cases {
            guard let p = c.proportion, let nStar = c.effectiveN else { continue }
            let ci = method.interval(proportion: p, effectiveSampleSize: nStar, level: c.level)
            #expect(agrees(ci.lower, c.lower, rel: 1e-9), "\(c.source): lower \(ci.lower)")
            #expect(agrees(ci.upper, c.upper, rel: 1e-9), "\(c.source): upper \(ci.upper)")
            // The same through an Estimate whose variance is p(1 − p)/n*.
            let e = Estimate(value: p, standardError: (p * (1 - p) / nStar).squareRoot(), n: Int(nStar.rounded(.up)))
            let viaEstimate = method.interval(for: e, level: c.level)
            #expect(agrees(viaEstimate.lower, c.lower, rel: 1e-9) && agrees(viaEstimate.upper, c.upper, rel: 1e-9),
                    "\(c.source) via Estimate: [\(viaEstimate.lower), \(viaEstimate.upper)]")
        }
    }
}

/// Jeffreys on a fractional count a hair from n or 0: the Beta quantile falls short of p̂, so
/// the bound is set to p̂ (as Brown, Cai & DasGupta set it to 1 or 0 at x = n or 0). The other
/// bound is SciPy 1.17.1's `beta.ppf(0.025, x + 0.5, n - x + 0.5)` (resp. `beta.isf`).
@Suite struct JeffreysNearTheBoundTests {
    @Test func theIntervalHoldsTheShare() {
        let high = ProportionIntervalMethod.jeffreys.interval(proportion: 1 - 1e-12, effectiveSampleSize: 2, level: 0.95)
        #expect(high.upper == 1 - 1e-12)
        #expect(abs(high.lower - 0.33317824559782294) < 1e-9)
        #expect(high.note?.contains("upper bound set to p̂") == true)
        let low = ProportionIntervalMethod.jeffreys.interval(proportion: 1e-12, effectiveSampleSize: 2, level: 0.95)
        #expect(low.lower == 1e-12)
        #expect(abs(low.upper - 0.6668217544021771) < 1e-9)
    }
}
