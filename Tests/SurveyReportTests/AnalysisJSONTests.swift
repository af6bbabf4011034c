import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
@testable import SurveyReport

@Suite struct AnalysisJSONTests {
    func parse(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Foundation's JSON parser is not always correctly rounded (it can miss by one unit in the
    /// last place), so numbers read back are compared with a relative tolerance of 1e-12.
    func same(_ a: Any?, _ b: Double, _ comment: Comment? = nil) {
        guard let a = (a as? NSNumber)?.doubleValue else {
            Issue.record("not a number: \(String(describing: a)) for \(b) \(comment?.description ?? "")")
            return
        }
        #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), comment)
    }

    @Test func versionedWithProvenanceSettingsAndDesign() throws {
        let results = try AnalysisFixtures.tinyResults()
        let json = try parse(AnalysisJSON.encode(results: results, survey: AnalysisFixtures.tinySurvey(),
                                                 provenance: AnalysisFixtures.provenance))
        #expect(json["schemaVersion"] as? Int == 1)
        let provenance = try #require(json["provenance"] as? [String: Any])
        #expect(provenance["tool"] as? String == "satkit")
        #expect(provenance["toolVersion"] as? String == "0.0.0-test")
        let survey = try #require(provenance["survey"] as? [String: Any])
        #expect(survey["sha256"] as? String == Provenance.sha256(of: Array("survey".utf8)))
        #expect(survey["id"] as? String == "tiny" && survey["version"] as? String == "1")
        let data = try #require(provenance["data"] as? [String: Any])
        #expect(data["fileName"] as? String == "tiny.csv")
        #expect(data["rowsRead"] as? Int == 50 && data["rowsAccepted"] as? Int == 48 && data["rowsQuarantined"] as? Int == 2)
        let settings = try #require(json["settings"] as? [String: Any])
        #expect(settings["shareInterval"] as? String == "wilson")
        same(settings["level"], 0.95)
        #expect(settings["minValidN"] as? Int == 30)
        let design = try #require(json["design"] as? [String: Any])
        #expect(design["rDesign"] as? String == results.design.rDesign)
        #expect(design["isComplex"] as? Bool == false)
    }

    /// Every number in the file equals the engine's, entry by entry; suppressed entries carry
    /// no estimate at all.
    @Test(arguments: [false, true])
    func numbersEqualTheResults(complex: Bool) throws {
        let (survey, results) = complex
            ? try AnalysisFixtures.sipasResults(provinces: 12, by: [["province"]])
            : (AnalysisFixtures.tinySurvey(), try AnalysisFixtures.tinyResults())
        let json = try parse(AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance))
        let groupings = try #require(json["groupings"] as? [[String: Any]])
        #expect(groupings.count == results.groupings.count)
        var suppressedSeen = 0
        for (grouping, table) in zip(results.groupings, groupings) {
            #expect(table["by"] as? [String] == grouping.by)
            let groups = try #require(table["groups"] as? [[String: Any]])
            for (group, object) in zip(grouping.groups, groups) {
                #expect(object["key"] as? [String] == group.key)
                // Disclosure control (issue 9): a withheld group's size is null.
                #expect(object["respondents"] as? Int == (group.countsWithheld ? nil : group.respondents))
                #expect(object["countsWithheld"] as? Bool == group.countsWithheld)
                let entries = try #require(object["nodes"] as? [[String: Any]]) + (object["questions"] as? [[String: Any]] ?? [])
                #expect(entries.count == group.nodes.count + group.questions.count)
                for (entry, e) in zip(group.nodes + group.questions, entries) {
                    #expect(e["id"] as? String == entry.id)
                    if entry.countsWithheld {
                        #expect(e["counts"] is NSNull && e["n"] is NSNull)
                        #expect(e["suppressed"] as? Bool == true && e["estimate"] == nil)
                        suppressedSeen += 1
                        continue
                    }
                    let counts = try #require(e["counts"] as? [String: Any])
                    #expect(counts["valid"] as? Int == entry.counts.valid)
                    #expect(counts["dontKnow"] as? Int == entry.counts.dontKnow)
                    #expect(counts["notApplicable"] as? Int == entry.counts.notApplicable)
                    #expect(counts["excluded"] as? Int == entry.counts.excluded)
                    #expect(e["flags"] as? [String] == entry.publishedFlags.map(\.rawValue))
                    #expect(e["suppressed"] as? Bool == entry.isSuppressed)
                    if entry.isSuppressed {
                        suppressedSeen += 1
                        #expect(e["estimate"] == nil && e["interval"] == nil && e["meanScore"] == nil)
                        continue
                    }
                    let estimate = try #require(e["estimate"] as? [String: Any])
                    same(estimate["value"], entry.estimate.value, "\(entry.id)")
                    same(estimate["standardError"], entry.estimate.standardError)
                    #expect(estimate["estimator"] as? String == entry.estimate.method)
                    #expect(estimate["n"] as? Int == entry.estimate.n)
                    let interval = try #require(e["interval"] as? [String: Any])
                    same(interval["lower"], entry.interval.lower)
                    same(interval["upper"], entry.interval.upper)
                    same(interval["level"], entry.interval.level)
                    #expect(interval["method"] as? String == entry.interval.method)
                    if complex {
                        same(estimate["weightedN"], try #require(entry.estimate.weightedN))
                        if let effective = entry.estimate.effectiveN { same(estimate["effectiveN"], effective) }
                        if let deff = entry.estimate.designEffect { same(estimate["designEffect"], deff) }
                    } else {
                        #expect(estimate["weightedN"] is NSNull && estimate["designEffect"] is NSNull)
                    }
                }
            }
        }
        #expect(suppressedSeen > 0)
    }

    /// The group below the disclosure threshold: no number derived from its answers anywhere
    /// in its part of the file (only counts).
    @Test func aSuppressedGroupHasNoEstimateFields() throws {
        let results = try AnalysisFixtures.tinyResults()
        let json = try parse(AnalysisJSON.encode(results: results, survey: AnalysisFixtures.tinySurvey(),
                                                 provenance: AnalysisFixtures.provenance))
        let groupings = try #require(json["groupings"] as? [[String: Any]])
        let tiny = try #require((groupings[1]["groups"] as? [[String: Any]])?.first { ($0["key"] as? [String]) == ["tiny"] })
        #expect(tiny["belowDisclosureThreshold"] as? Bool == true)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: tiny, options: [.sortedKeys]), as: UTF8.self)
        for key in ["\"value\"", "\"standardError\"", "\"lower\"", "\"upper\"", "\"effectiveN\"", "\"designEffect\""] {
            #expect(!text.contains(key), "\(key) in a suppressed group")
        }
    }

    @Test func nonFiniteNumbersAreNullAndOutputIsStable() throws {
        // c2 never answered validly: no estimate (suppressed), and alpha is undefined (NaN).
        var data = AnalysisFixtures.tinyDataset()
        data.answers["c2"] = Array(repeating: .dontKnow, count: data.rowCount)
        let survey = AnalysisFixtures.tinySurvey()
        let results = try IndexEngine(survey: survey, dataset: data).run()
        let first = AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance)
        let second = AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance)
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        // No bare NaN or infinity token (notes in strings may say "nan").
        for token in [": nan", ": -nan", ": inf", ": -inf", "[nan", " nan,", " inf,"] { #expect(!text.contains(token)) }
        let json = try parse(first)
        let reliability = try #require((json["reliability"] as? [[String: Any]])?.first)
        #expect(reliability["alpha"] is NSNull)
    }

    @Test func hostileLabelsStayText() throws {
        let survey = AnalysisFixtures.tinySurvey(
            c1Label: "=HYPERLINK(\"http://evil.example\",\"click\")", c2Label: "<script>alert(1)</script> | a\nb",
            serviceLabels: ["\"}], \"x\": [{", "@SUM(A1)"])
        let results = try AnalysisFixtures.tinyResults(survey: survey)
        let json = try parse(AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance))
        let groups = try #require((json["groupings"] as? [[String: Any]])?[1]["groups"] as? [[String: Any]])
        #expect(groups.first?["label"] as? String == "\"}], \"x\": [{")
        let nodes = try #require(groups.first?["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["label"] as? String } == [
            "Tiny survey", "Service", "=HYPERLINK(\"http://evil.example\",\"click\")", "<script>alert(1)</script> | a b",
        ])
    }

    @Test func rankingsLeaveOutSuppressedGroupsAndDesignIsNamed() throws {
        let (survey, results) = try AnalysisFixtures.sipasResults(provinces: 12, by: [["province"]])
        let json = try parse(AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance))
        let ranking = try #require((json["rankings"] as? [[String: Any]])?.first)
        let keys = try #require(ranking["entries"] as? [[String: Any]]).compactMap { $0["key"] as? [String] }
        // P12 is below the threshold; the smallest other province is hidden beside it
        // (complementary suppression, issue 9).
        #expect(keys.count == 10 && !keys.contains(["P12"]))
        let design = try #require(json["design"] as? [String: Any])
        #expect(design["clusters"] as? String == "village" && design["isComplex"] as? Bool == true)
        #expect((design["rDesign"] as? String)?.hasPrefix("svydesign(ids = ~village, strata = ~province") == true)
    }
}
