import Testing
@testable import SurveyStatistics

/// Two independent estimates or proportions against statsmodels and SciPy
/// (Tests/Fixtures/reference/comparison, made by make.py there).
@Suite("Comparisons against statsmodels and SciPy")
struct ComparisonOracleTests {
    struct Newcombe: Decodable { let x1, n1, x2, n2: Int; let level, lower, upper: Double }
    struct Score: Decodable {
        let x1, n1, x2, n2: Int
        let nullDifference: Double
        let correction: Bool
        let alternative: String
        let statistic, pValue: Double
    }
    struct Summary: Decodable {
        let mean, se: Double
        let df, n: Int
        var estimate: Estimate {
            Estimate(value: mean, standardError: se, degreesOfFreedom: Double(df), n: n, method: "mean")
        }
    }
    struct Difference: Decodable {
        let first, second: Summary
        let level, statistic, pValue, lower, upper: Double
        let df: Double?
    }
    struct Fixture: Decodable {
        let newcombe: [Newcombe]
        let score: [Score]
        let welch: [Difference]
        let z: [Difference]
    }

    static let fixture: Fixture? = try? loadReference(Fixture.self, "comparison/expected.json")

    /// statsmodels confint_proportions_2indep(method = "newcomb"); relative 1e-9.
    @Test func newcombe() throws {
        let cases = try #require(Self.fixture).newcombe
        #expect(cases.count >= 20)
        for c in cases {
            let ci = ProportionDifference.newcombeInterval(successes1: c.x1, trials1: c.n1, successes2: c.x2,
                                                           trials2: c.n2, level: c.level)
            #expect(agrees(ci.lower, c.lower, rel: 1e-9), "\(c): \(ci.lower)")
            #expect(agrees(ci.upper, c.upper, rel: 1e-9), "\(c): \(ci.upper)")
        }
    }

    /// statsmodels test_proportions_2indep(method = "score", compare = "diff"); relative
    /// 1e-9 on the statistic and the p-value.
    @Test func scoreTest() throws {
        let cases = try #require(Self.fixture).score
        #expect(cases.count >= 100)
        for c in cases {
            let t = ProportionDifference.scoreTest(successes1: c.x1, trials1: c.n1, successes2: c.x2, trials2: c.n2,
                                                   nullDifference: c.nullDifference, correction: c.correction,
                                                   alternative: Alternative(rawValue: c.alternative)!)
            #expect(agrees(t.statistic, c.statistic, rel: 1e-9), "\(c): \(t.statistic)")
            #expect(agrees(t.pValue, c.pValue, rel: 1e-9), "\(c): \(t.pValue)")
        }
    }

    /// scipy.stats.ttest_ind(equal_var = False): statistic, df, p-value, interval; 1e-9.
    @Test func welch() throws {
        let cases = try #require(Self.fixture).welch
        #expect(cases.count == 6)
        for c in cases {
            let r = DifferenceComparison(c.first.estimate, c.second.estimate, method: .welch, level: c.level)
            #expect(agrees(r.test.statistic, c.statistic, rel: 1e-9))
            #expect(agrees(r.test.degreesOfFreedom ?? .nan, c.df ?? .nan, rel: 1e-9))
            #expect(agrees(r.test.pValue, c.pValue, rel: 1e-9))
            #expect(agrees(r.interval.lower, c.lower, rel: 1e-9))
            #expect(agrees(r.interval.upper, c.upper, rel: 1e-9))
            #expect(r.interval.method == "welch" && r.test.method == "welch")
        }
    }

    /// z on two estimates without df, against SciPy's normal; 1e-9.
    @Test func zTest() throws {
        let cases = try #require(Self.fixture).z
        for c in cases {
            var a = c.first.estimate, b = c.second.estimate
            a.degreesOfFreedom = nil
            b.degreesOfFreedom = nil
            let r = DifferenceComparison(a, b, method: .z, level: c.level)
            #expect(r.test.degreesOfFreedom == nil)
            #expect(agrees(r.test.statistic, c.statistic, rel: 1e-12))
            #expect(agrees(r.test.pValue, c.pValue, rel: 1e-9))
            #expect(agrees(r.interval.lower, c.lower, rel: 1e-12))
            #expect(agrees(r.interval.upper, c.upper, rel: 1e-12))
        }
    }
}
