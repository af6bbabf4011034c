import Testing
@testable import SurveyStatistics

/// Korn–Graubard, survey logit and the t interval against R survey's `svyciprop`
/// (Tests/Fixtures/reference/intervals/svyciprop, made by make.R there). The share, its
/// standard error, `degf` and `nrow` that R reports are fed in; the intervals must agree.
@Suite("Survey proportion intervals against R svyciprop")
struct SurveyProportionIntervalOracleTests {
    struct Case: Decodable {
        let design: String
        let variable: String
        let level: Double
        let proportion: Double
        let standardError: Double
        let degf: Double
        let nrow: Int
        let logit: [Double]
        let logitTightIRLS: [Double]
        let beta: [Double]
        let mean: [Double]

        var estimate: Estimate {
            Estimate(value: proportion, standardError: standardError, degreesOfFreedom: degf, n: nrow, method: "mean")
        }
        var label: String { "\(design)/\(variable) at \(level)" }
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = (try? loadReference(Fixture.self, "intervals/svyciprop/expected.json").cases) ?? []

    @Test("fixture covers clustered, weighted, SRS and domain designs")
    func coverage() {
        #expect(Set(Self.cases.map(\.design)) == ["clustered", "weighted", "srs", "domain_north"])
    }

    /// svyciprop(method = "beta") is Korn–Graubard. Relative tolerance 1e-9.
    @Test("Korn–Graubard = svyciprop(method = \"beta\")")
    func kornGraubard() {
        for c in Self.cases {
            let ci = c.estimate.proportionInterval(level: c.level, method: .kornGraubard)
            #expect(agrees(ci.lower, c.beta[0], rel: 1e-9), "\(c.label): \(ci.lower) vs \(c.beta[0])")
            #expect(agrees(ci.upper, c.beta[1], rel: 1e-9), "\(c.label): \(ci.upper) vs \(c.beta[1])")
        }
    }

    /// svyciprop(method = "logit") fits svyglm by IRLS with glm's default tolerance 1e-8, so
    /// its bounds carry the iteration's error — up to 2e-9 relative here, for the small
    /// shares (`complaint`, p̂ ≈ 0.1), where IRLS stops one step early. So: 1e-8 against the
    /// default call, and 1e-12 against the same fit with the tolerance tightened to 1e-15.
    @Test("survey logit = svyciprop(method = \"logit\")")
    func surveyLogit() {
        for c in Self.cases {
            let ci = c.estimate.proportionInterval(level: c.level, method: .surveyLogit)
            #expect(agrees(ci.lower, c.logit[0], rel: 1e-8), "\(c.label): \(ci.lower) vs \(c.logit[0])")
            #expect(agrees(ci.upper, c.logit[1], rel: 1e-8), "\(c.label): \(ci.upper) vs \(c.logit[1])")
            #expect(agrees(ci.lower, c.logitTightIRLS[0], rel: 1e-12), "\(c.label): \(ci.lower) vs \(c.logitTightIRLS[0])")
            #expect(agrees(ci.upper, c.logitTightIRLS[1], rel: 1e-12), "\(c.label): \(ci.upper) vs \(c.logitTightIRLS[1])")
        }
    }

    /// svyciprop(method = "mean") is confint(svymean, df = degf): Estimate.interval(level:).
    @Test("t interval = svyciprop(method = \"mean\")")
    func tInterval() {
        for c in Self.cases {
            let ci = c.estimate.interval(level: c.level)
            #expect(ci.method == "t")
            #expect(agrees(ci.lower, c.mean[0], rel: 1e-12), "\(c.label): \(ci.lower) vs \(c.mean[0])")
            #expect(agrees(ci.upper, c.mean[1], rel: 1e-12), "\(c.label): \(ci.upper) vs \(c.mean[1])")
        }
    }
}
