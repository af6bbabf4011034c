import Testing
import SatisfactionIndex
import SurveyStatistics

/// Oracle tests of ``WaveComparison``: unweighted shares against statsmodels 0.15.0
/// (`Tests/Fixtures/compare/unweighted/make.py`), aggregates, clustered differences and the
/// trend against R survey 4.1.1 and `lm` (`make.R`). Relative tolerance 1e-9.
@Suite struct ComparisonOracleTests {
    static let unweightedLabels = ["2022", "2023", "2024"]

    func expectClose(_ a: Double, _ b: Double, _ what: String, tolerance: Double = 1e-9) {
        #expect(close(a, b, tolerance), "\(what): ours \(a), reference \(b)")
    }

    @Test(arguments: [MultiplicityAdjustment.holm, .benjaminiHochberg])
    func unweightedSharesMatchStatsmodels(_ adjustment: MultiplicityAdjustment) throws {
        let waves = try ComparisonFixture.waves("unweighted", Self.unweightedLabels, complex: false)
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"], adjustment: adjustment)).run()
        let expected = try ComparisonFixture.json("unweighted", "expected-py.json")
        #expect(results.steps.count == 2)
        var checked = 0
        for (step, reference) in zip(results.steps, expected["steps"].array) {
            #expect(step.from == reference["from"].string && step.to == reference["to"].string)
            for g in reference["groups"].array {
                for item in ["a1", "a2", "a3", "b1", "b2", "q0", "s1"] {
                    let r = g["items"][item]
                    let node = try #require(step.node(item), "\(item) compared")
                    let ours = try #require(node.group(g["key"].strings))
                    let change = try #require(ours.change, "\(item) \(ours.key) tested")
                    let what = "\(step.from)→\(step.to) \(ours.key) \(item)"
                    #expect(change.method.hasPrefix("newcombe"), "\(what) method \(change.method)")
                    expectClose(change.difference, r["change"].double, "\(what) change")
                    expectClose(change.interval.lower, r["lower"].double, "\(what) lower")
                    expectClose(change.interval.upper, r["upper"].double, "\(what) upper")
                    expectClose(change.test.statistic, r["z"].double, "\(what) z")
                    expectClose(change.pValue, r["p"].double, "\(what) p")
                    if ours.key.isEmpty {
                        #expect(change.adjustedPValue == change.pValue, "the whole sample is a family of one")
                    } else {
                        let reference = r[adjustment == .holm ? "holm" : "bh"].double
                        expectClose(change.adjustedPValue, reference, "\(what) \(adjustment)")
                        let verdict: Verdict = reference >= 0.05 ? .noSignificantChange : (r["change"].double > 0 ? .improved : .declined)
                        #expect(ours.verdict == verdict, "\(what) verdict")
                    }
                    #expect(ours.before?.validN == r["n0"].int && ours.after?.validN == r["n1"].int, "\(what) n")
                    checked += 1
                }
            }
        }
        #expect(checked == 2 * 4 * 7)
    }

    @Test func unweightedAggregatesMatchRSurvey() throws {
        let waves = try ComparisonFixture.waves("unweighted", Self.unweightedLabels, complex: false)
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"])).run()
        try expectDesignDifferences(results, try ComparisonFixture.json("unweighted", "expected-R.json")["steps"], kind: nil)
    }

    @Test(arguments: [MultiplicityAdjustment.holm, .benjaminiHochberg])
    func clusteredDifferencesMatchRSurvey(_ adjustment: MultiplicityAdjustment) throws {
        let waves = try ComparisonFixture.waves("clustered", ["2023", "2024"], complex: true)
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"], adjustment: adjustment)).run()
        let steps = try ComparisonFixture.json("clustered", "expected.json")["steps"]
        try expectDesignDifferences(results, steps, kind: "criteria", adjustment: adjustment)
        try expectDesignDifferences(results, steps, kind: "aggregates", adjustment: adjustment)
        // The change the generator put in: s1's a1 up (R: p ≈ 1e-4, Holm ≈ 2e-4).
        #expect(results.steps[0].node("a1")?.group(["s1"])?.verdict == .improved)
    }

    func expectDesignDifferences(_ results: ComparisonResults, _ steps: JSON, kind: String?,
                                 adjustment: MultiplicityAdjustment = .holm) throws {
        var checked = 0
        for (i, reference) in steps.array.enumerated() {
            let step = results.steps[i]
            for g in (kind.map { reference[$0] } ?? reference["groups"]).array {
                for (id, r) in g["nodes"].dictionary {
                    let ours = try #require(step.node(id)?.group(g["key"].strings), "\(id) \(g["key"].strings)")
                    let change = try #require(ours.change)
                    let what = "\(step.from)→\(step.to) \(ours.key) \(id)"
                    #expect(change.method.hasPrefix("difference of"), "\(what) method \(change.method)")
                    expectClose(try #require(ours.before).estimate.value, r["before"].double, "\(what) before")
                    expectClose(try #require(ours.after).estimate.standardError, r["seAfter"].double, "\(what) SE after")
                    expectClose(change.difference, r["change"].double, "\(what) change")
                    expectClose(change.standardError, r["se"].double, "\(what) SE")
                    expectClose(change.interval.lower, r["lower"].double, "\(what) lower")
                    expectClose(change.interval.upper, r["upper"].double, "\(what) upper")
                    expectClose(change.test.statistic, r["z"].double, "\(what) z")
                    expectClose(change.pValue, r["p"].double, "\(what) p")
                    if !ours.key.isEmpty {
                        expectClose(change.adjustedPValue, r[adjustment == .holm ? "holm" : "bh"].double, "\(what) adjusted")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// Means of single items (measure `mean`) in unweighted waves: R `svymean` per wave,
    /// combined SEs (`expected-means.json`).
    @Test func unweightedMeansMatchRSurvey() throws {
        let waves = try ComparisonFixture.waves("unweighted", ["2023", "2024"], complex: false, measure: .mean)
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"])).run()
        #expect(results.steps[0].node("a1")?.measure == .mean)
        try expectDesignDifferences(results, try ComparisonFixture.json("unweighted", "expected-means.json")["steps"], kind: nil)
    }

    @Test func trendMatchesLm() throws {
        let waves = try ComparisonFixture.waves("unweighted", Self.unweightedLabels, complex: false)
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"])).run()
        let expected = try ComparisonFixture.json("unweighted", "expected-R.json")["trend"]
        for id in ["overall", "A"] {
            let r = expected[id]
            let node = try #require(results.trends.first { $0.id == id })
            #expect(node.ids == [id, id, id])
            let whole = try #require(node.groups.first { $0.key.isEmpty })
            #expect(whole.series.map { $0?.estimate.value ?? .nan }.enumerated().allSatisfy { close($1, r["y"][$0].double) })
            let trend = try #require(whole.trend)
            expectClose(trend.slope, r["slope"].double, "\(id) slope")
            expectClose(trend.standardError, r["seKnown"].double, "\(id) SE (variances known)")
            // The interval with the variances known: R's slope ± qnorm(0.975) · SE.
            let (lower, upper) = trend.interval(level: 0.95)
            expectClose(lower, r["slope"].double - 1.959963984540054 * r["seKnown"].double, "\(id) lower")
            expectClose(upper, r["slope"].double + 1.959963984540054 * r["seKnown"].double, "\(id) upper")
            expectClose(trend.pValue, r["pKnown"].double, "\(id) p (variances known)")
            expectClose(trend.lmStandardError, r["seLm"].double, "\(id) lm SE")
            expectClose(trend.lmPValue, r["pLm"].double, "\(id) lm p")
            expectClose(trend.residualQ, r["residualQ"].double, "\(id) Q")
            #expect(trend.points == 3 && trend.residualDegreesOfFreedom == 1)
            #expect(whole.adjustedPValue == trend.pValue)
            #expect(node.groups.count == 4)
        }
    }
}

extension JSON {
    var string: String { (value as? String) ?? "" }
    var dictionary: [(String, JSON)] {
        ((value as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, JSON($0.value)) }
    }
}
