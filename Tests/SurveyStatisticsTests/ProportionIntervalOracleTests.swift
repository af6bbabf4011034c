import Testing
@testable import SurveyStatistics

/// Binomial proportion intervals against statsmodels and R
/// (Tests/Fixtures/reference/intervals/proportion_confint, made by make.py there).
@Suite("Proportion intervals against statsmodels and R")
struct ProportionIntervalOracleTests {
    struct Case: Decodable {
        let method: String
        let x: Int
        let n: Int
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
        let cases = Self.cases.filter { $0.method == method.rawValue }
        #expect(cases.count >= 30, "fixture has \(cases.count) cases for \(method)")
        for c in cases {
            let ci = method.interval(successes: c.x, trials: c.n, level: c.level)
            #expect(ci.method == method.rawValue)
            // statsmodels' Jeffreys keeps the plain quantile where satkit sets 0 or 1.
            let checkLower = !(method == .jeffreys && c.x == 0)
            let checkUpper = !(method == .jeffreys && c.x == c.n)
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
}
