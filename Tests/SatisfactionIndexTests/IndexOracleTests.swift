import Foundation
import Testing
import SatisfactionIndex
import SurveySchema
import SurveyStatistics
import TestSupport

/// Oracle tests: the engine against R `survey` 4.1.1 on the same rows
/// (`Tests/Fixtures/index/<case>/make.R`, sourcing `../common.R`). Relative tolerance 1e-9,
/// except where a comment says why.
@Suite struct IndexOracleTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let weights: Bool
        let design: Bool
        var complex: Bool { weights || design }
        var description: String { name }
        var designColumns: DesignColumns {
            DesignColumns(weight: weights ? "weight" : nil, strata: design ? "province" : nil, cluster: design ? "village" : nil)
        }
    }

    static let cases = [
        Case(name: "unweighted", weights: false, design: false),
        Case(name: "weighted", weights: true, design: false),
        Case(name: "clustered", weights: true, design: true),
    ]

    func run(_ c: Case, combine: CombineRule = .meanOfChildren) throws -> (IndexResults, JSON) {
        let fixture = try IndexFixture(c.name, weights: c.weights, design: c.design)
        let survey = FixtureSurvey.make(combine: combine, design: c.designColumns)
        let results = try IndexEngine(survey: survey, dataset: fixture.dataset,
                                      options: IndexOptions(groupings: [["service"]])).run()
        return (results, fixture.expected)
    }

    /// Our group for R's group entry.
    func group(_ results: IndexResults, _ g: JSON) -> GroupResult? {
        results.grouping(g["by"].strings)?.group(g["key"].strings)
    }

    func expectNumbers(_ e: IndexEntry, _ r: JSON, interval: Bool = true, _ what: String) {
        #expect(close(e.estimate.value, r["value"].double), "\(what) value \(e.estimate.value) vs R \(r["value"].double)")
        #expect(close(e.estimate.standardError, r["se"].double), "\(what) SE \(e.estimate.standardError) vs R \(r["se"].double)")
        #expect(e.estimate.n == r["n"].int, "\(what) n \(e.estimate.n) vs \(r["n"].int)")
        if interval {
            #expect(close(e.interval.lower, r["lower"].double), "\(what) lower \(e.interval.lower) vs R \(r["lower"].double)")
            #expect(close(e.interval.upper, r["upper"].double), "\(what) upper \(e.interval.upper) vs R \(r["upper"].double)")
        }
    }

    @Test(arguments: cases)
    func criteriaMatchR(_ c: Case) throws {
        let (results, expected) = try run(c)
        #expect(expected["groups"].array.count == (results.grouping(["service"])?.groups.count ?? 0) + 1)
        for g in expected["groups"].array {
            let ours = try #require(group(results, g), "group \(g["key"].strings)")
            let r = g["numbers"]
            #expect(ours.respondents == r["respondents"].int)
            #expect(ours.degreesOfFreedom == r["df"].int)
            for id in ["a1", "a2", "a3", "b1", "b2"] {
                let e = try #require(ours.node(id))
                let x = r["criteria"][id]
                expectNumbers(e, x, "\(c) \(ours.key) \(id)")
                #expect(e.counts.valid == x["counts"]["valid"].int)
                #expect(e.counts.noAnswer == x["counts"]["noAnswer"].int)
                #expect(e.counts.dontKnow == x["counts"]["dontKnow"].int)
                #expect(e.counts.notApplicable == x["counts"]["notApplicable"].int)
                let mean = try #require(e.meanScore)
                #expect(close(mean.estimate.value, x["mean"]["value"].double))
                #expect(close(mean.estimate.standardError, x["mean"]["se"].double))
                #expect(close(mean.interval.lower, x["mean"]["lower"].double))
                #expect(close(mean.interval.upper, x["mean"]["upper"].double))
                if c.complex {
                    #expect(close(e.estimate.designEffect ?? .nan, x["deff"].double), "\(c) \(ours.key) \(id) deff")
                    #expect(close(e.estimate.effectiveN ?? .nan, x["neff"].double), "\(c) \(ours.key) \(id) neff")
                    #expect(e.interval.method == "wilson (n = effective n p(1-p)/V)")
                } else {
                    #expect(e.estimate.designEffect == nil && e.estimate.effectiveN == nil && e.estimate.weightedN == nil)
                    #expect(e.interval.method == "wilson")
                }
            }
            // The overall item is scored like a criterion.
            let q0 = try #require(ours.question("q0"))
            expectNumbers(q0, r["criteria"]["q0"], "\(c) \(ours.key) q0")
            expectNumbers(try #require(ours.question("s1")), r["screener"], "\(c) \(ours.key) s1")
            expectNumbers(try #require(ours.question("opts", option: "x")), r["optionX"], "\(c) \(ours.key) option x")
        }
    }

    @Test(arguments: cases)
    func groupsAreTheDomainsOfSvyby(_ c: Case) throws {
        let (results, expected) = try run(c)
        let by = expected["svyby"]
        let services = by["service"].strings
        #expect(services.count == results.grouping(["service"])?.groups.count)
        for (j, service) in services.enumerated() {
            let e = try #require(results.grouping(["service"])?.group([service])?.node("a1"))
            #expect(close(e.estimate.value, by["value"][j].double))
            #expect(close(e.estimate.standardError, by["se"][j].double))
        }
    }

    @Test(arguments: cases)
    func meanOfChildrenIsTheLinearizedContrast(_ c: Case) throws {
        let (results, expected) = try run(c)
        for g in expected["groups"].array {
            let ours = try #require(group(results, g))
            for id in ["A", "B", "overall"] {
                let e = try #require(ours.node(id))
                expectNumbers(e, g["numbers"]["meanOfChildren"][id], "\(c) \(ours.key) \(id)")
                #expect(e.combine == .meanOfChildren)
                #expect(e.interval.method == "logit (t)")
            }
        }
    }

    @Test(arguments: cases)
    func pooledIsTheRatioEstimator(_ c: Case) throws {
        let (results, expected) = try run(c, combine: .pooled)
        for g in expected["groups"].array {
            let ours = try #require(group(results, g))
            for id in ["A", "overall"] {
                let e = try #require(ours.node(id))
                expectNumbers(e, g["numbers"]["pooled"][id], "\(c) \(ours.key) pooled \(id)")
                #expect(e.combine == .pooled)
            }
        }
    }

    @Test(arguments: cases)
    func meanOfRespondentsIsTheMeanOfOwnScores(_ c: Case) throws {
        let (results, expected) = try run(c, combine: .meanOfRespondents)
        for g in expected["groups"].array {
            let ours = try #require(group(results, g))
            for id in ["A", "overall"] {
                expectNumbers(try #require(ours.node(id)), g["numbers"]["meanOfRespondents"][id], "\(c) \(ours.key) respondents \(id)")
            }
        }
    }

    /// The aspect's interval treats the respondent (the village, when clustered) as the unit:
    /// it equals R's linearized SE and is wider than the binomial SE of all answers pooled as
    /// if independent, √(P(1 − P)/Σ answers), which R's script computes beside it.
    @Test(arguments: cases)
    func aspectIsWiderThanAnswersPooledAsIndependent(_ c: Case) throws {
        let (results, expected) = try run(c, combine: .pooled)
        let r = expected["groups"][0]["numbers"]
        let e = try #require(results.wholeSample?.node("A"))
        #expect(close(e.estimate.standardError, r["pooled"]["A"]["se"].double))
        let naive = r["pooledIndependentSE_A"].double
        #expect(e.estimate.standardError > 1.2 * naive, "linearized \(e.estimate.standardError) vs pooled-independent \(naive)")
    }

    @Test func smallGroupIsSuppressedButComputed() throws {
        let (results, expected) = try run(Self.cases[0])
        let small = try #require(results.grouping(["service"])?.group(["s4"]))
        let r = try #require(expected["groups"].array.first { $0["key"].strings == ["s4"] })["numbers"]
        #expect(small.respondents == 12)
        #expect(!small.belowDisclosureThreshold)  // 12 ≥ 10
        for id in ["overall", "A", "a1"] {
            let e = try #require(small.node(id))
            #expect(e.isSuppressed && e.flags.contains(.belowMinimumN), "\(id) \(e.flags)")
        }
        // Still computed, and equal to R.
        expectNumbers(try #require(small.node("a1")), r["criteria"]["a1"], "s4 a1")
        expectNumbers(try #require(small.node("overall")), r["meanOfChildren"]["overall"], "s4 overall")
        // The large groups are not suppressed.
        #expect(results.grouping(["service"])?.group(["s1"])?.node("overall")?.isSuppressed == false)
    }

    @Test(arguments: cases)
    func reliabilityMatchesPsych(_ c: Case) throws {
        let (results, expected) = try run(c)
        let alpha = try #require(results.reliability.first { $0.aspect == "A" })
        let r = expected["alphaA"]
        #expect(alpha.n == r["n"].int)
        #expect(close(alpha.alpha, r["alpha"].double))
        // Feldt's interval: psych's alpha.ci.
        #expect(close(alpha.interval.lower, r["feldtLower"].double), "\(alpha.interval.lower) vs \(r["feldtLower"].double)")
        #expect(close(alpha.interval.upper, r["feldtUpper"].double), "\(alpha.interval.upper) vs \(r["feldtUpper"].double)")
        for k in 0..<3 {
            #expect(close(alpha.itemRestCorrelations[k], r["rDrop"][k].double))
            #expect(close(alpha.alphaIfDeleted[k], r["alphaDrop"][k].double))
        }
        // B has two criteria, so it is there too; the root is not (its children are aspects).
        #expect(results.reliability.map(\.aspect) == ["A", "B"])
    }

    @Test(arguments: cases)
    func importanceIsTheCorrelationWithTheOverallItem(_ c: Case) throws {
        let (results, expected) = try run(c)
        let priorities = try #require(results.priorities)
        #expect(priorities.importanceTarget == "overall item q0")
        for row in priorities.table {
            #expect(close(row.importance, expected["importance"][row.criterion].double), "\(row.criterion)")
            #expect(close(row.performance, results.wholeSample!.node(row.criterion)!.estimate.value))
        }
    }

    /// Without an overall item, importance is the correlation with the rest of the aspect
    /// (`Tests/Fixtures/index/importance-rest.R`: R `cov.wt(..., cor = TRUE)`).
    @Test(arguments: cases)
    func importanceWithoutOverallItemIsTheRestCorrelation(_ c: Case) throws {
        let fixture = try IndexFixture(c.name, weights: c.weights, design: c.design)
        var survey = FixtureSurvey.make(design: c.designColumns)
        survey.questions.removeAll { $0.kind == .overall }
        let results = try IndexEngine(survey: survey, dataset: fixture.dataset).run()
        let priorities = try #require(results.priorities)
        #expect(priorities.importanceTarget == "aspect rest score")
        let folder = TestPaths.fixture("index/\(c.name)")
        let expected = JSON(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("importance-rest.json"))))
        #expect(priorities.table.count == 5)
        for row in priorities.table {
            #expect(close(row.importance, expected[row.criterion]["importance"].double), "\(c) \(row.criterion)")
            #expect(row.n == expected[row.criterion]["n"].int, "\(c) \(row.criterion) n")
        }
    }

    /// The parents' logit interval is R's `svyciprop(method = "logit")` as SurveyStatistics
    /// implements it, computed once per group's t quantile here.
    @Test(arguments: cases)
    func aggregateLogitIsSurveyLogit(_ c: Case) throws {
        let (results, _) = try run(c)
        for group in results.grouping(["service"])!.groups + [results.wholeSample!] {
            for id in ["A", "B", "overall"] {
                let e = try #require(group.node(id))
                let reference = ProportionIntervalMethod.surveyLogit.interval(for: e.estimate, level: 0.95)
                #expect(close(e.interval.lower, reference.lower, 1e-12) && close(e.interval.upper, reference.upper, 1e-12))
            }
        }
    }

    /// Any method of SurveyStatistics can be declared; Korn–Graubard (R `svyciprop(method =
    /// "beta")`) uses the estimate's SE and degrees of freedom.
    @Test func declaredMethodIsUsedForCriteria() throws {
        let fixture = try IndexFixture("clustered", weights: true, design: true)
        let survey = FixtureSurvey.make(design: Self.cases[2].designColumns)
        let results = try IndexEngine(survey: survey, dataset: fixture.dataset,
                                      options: IndexOptions(shareInterval: "korn-graubard")).run()
        let e = try #require(results.wholeSample?.node("a1"))
        #expect(results.settings.shareInterval == "korn-graubard")
        #expect(e.interval == ProportionIntervalMethod.kornGraubard.interval(for: e.estimate, level: 0.95))
    }
}
