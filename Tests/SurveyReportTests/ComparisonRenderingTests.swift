import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics
@testable import SurveyReport

/// The comparison renderers on the tiny survey (numbers that follow from counting) and on
/// synthetic SIPAS waves with 60 provinces (layout).
@Suite struct ComparisonRenderingTests {
    /// 2023: the tiny dataset (c1: 40 of 48 satisfied). 2024: rows 30..<40 answer c1 with 2
    /// instead (30 of 48: −10/48 = −20.8 pp; land 30/40 from 40/40).
    static func tinyComparison(c1Label: String = "Staff were polite", by: [String] = ["service"]) throws -> (Survey, ComparisonResults) {
        let survey = AnalysisFixtures.tinySurvey(c1Label: c1Label)
        var later = AnalysisFixtures.tinyDataset()
        for i in 30..<40 { later.answers["c1"]![i] = .point(2) }
        let options = IndexOptions(groupings: [["service"]])
        let waves = [
            Wave(label: "2023", survey: survey, results: try AnalysisFixtures.tinyResults(survey: survey)),
            Wave(label: "2024", survey: survey, results: try IndexEngine(survey: survey, dataset: later, options: options).run()),
        ]
        return (survey, try WaveComparison(waves: waves, options: ComparisonOptions(by: by)).run())
    }

    @Test func tableShowsChangeVerdictAndSuppression() throws {
        let (survey, results) = try Self.tinyComparison()
        let text = ComparisonTable(results: results, survey: survey, language: "en").render(width: 100)
        #expect(text.split(separator: "\n").allSatisfy { TerminalText.width(String($0)) <= 100 }, "\(text)")
        let c1 = try #require(text.split(separator: "\n").first { $0.contains("Staff were polite") })
        // 40/48 = 83.3%, 30/48 = 62.5%, change −20.8 pp: arithmetic on the counts.
        #expect(c1.contains("83.3%") && c1.contains("62.5%") && c1.contains("−20.8 (") && c1.contains("declined"), "\(c1)")
        // The press-style line under the aspect's group table: A = (c1 + c2)/2 with c2 = 22/46,
        // (40/48 + 22/46)/2 = 65.6% → (30/48 + 22/46)/2 = 55.2%, change −10/96 = −10.4 pp.
        #expect(text.contains("Whole sample: 65.6% → 55.2% (−10.4 pp)."), "\(text)")
        let tiny = text.split(separator: "\n").filter { $0.hasPrefix("Tiny  ") }
        #expect(!tiny.isEmpty && tiny.allSatisfy { $0.contains("suppressed") && !$0.contains("%") }, "\(tiny)")
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("waves are independent samples"))
        let vi = ComparisonTable(results: results, survey: survey, language: "vi").render(width: 100)
        #expect(vi.contains("giảm") && vi.contains("−20,8"), "\(vi)")
    }

    @Test func jsonKeepsBothPValuesAndHidesSuppressedNumbers() throws {
        let (survey, results) = try Self.tinyComparison()
        let data = ComparisonJSON(results: results, survey: survey, provenance: [AnalysisFixtures.provenance, AnalysisFixtures.provenance]).data()
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1 && root["kind"] as? String == "satkit.comparison")
        #expect((root["independence"] as? String)?.hasPrefix("waves are independent samples") == true)
        let step = try #require((root["steps"] as? [[String: Any]])?.first)
        let c1 = try #require((step["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "c1" })
        #expect(c1["unit"] as? String == "pp")
        let groups = try #require(c1["groups"] as? [[String: Any]])
        let whole = try #require(groups.first { ($0["key"] as? [String])?.isEmpty == true })
        let change = try #require(whole["change"] as? [String: Any])
        #expect(change["pValue"] is Double && change["adjustedPValue"] is Double)
        #expect((change["method"] as? String)?.hasPrefix("newcombe") == true)
        let difference: Double = change["difference"] as? Double ?? .nan
        let expected: Double = 30.0 / 48 - 40.0 / 48
        #expect(abs(difference - expected) < 1e-12)
        let tiny = try #require(groups.first { ($0["key"] as? [String]) == ["tiny"] })
        #expect(tiny["status"] as? String == "suppressed" && tiny["change"] == nil)
        let before = try #require(tiny["before"] as? [String: Any])
        #expect(before["value"] == nil && before["lower"] == nil && before["suppressed"] as? Bool == true)
        #expect(((root["waves"] as? [[String: Any]])?.first?["provenance"] as? [String: Any])?["toolVersion"] as? String == "0.0.0-test")
    }

    @Test func csvIsTidyAndNeutralisesFormulas() throws {
        let (survey, results) = try Self.tinyComparison(c1Label: "=HYPERLINK(\"x\")")
        let text = ComparisonCSV(results: results, survey: survey).render()
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == ComparisonCSV.columns.joined(separator: ","))
        let c1 = try #require(lines.first { $0.hasPrefix("change,2023,2024,,,") && $0.contains(",c1,c1,") })
        #expect(c1.contains("'=HYPERLINK"), "\(c1)")
        #expect(!lines.contains { $0.contains(",=HYPERLINK") })
        let tiny = try #require(lines.first { $0.contains(",tiny,") && $0.contains(",c1,c1,") })
        #expect(tiny.contains(",suppressed,") && tiny.contains(",not-tested,"))
        // The suppressed row's value, interval and change cells are empty, and so is n: the
        // group is below the threshold, so its counts are withheld (issue 9).
        #expect(tiny.contains(",suppressed,,,,,,,,,,,,,,,,,"), "\(tiny)")
        // The whole sample's change is 30/48 − 40/48.
        let fields = c1.split(separator: ",", omittingEmptySubsequences: false)
        let at = try #require(ComparisonCSV.columns.firstIndex(of: "change"))
        let value: Double = Double(fields[at]) ?? .nan
        let expected: Double = 30.0 / 48 - 40.0 / 48
        #expect(abs(value - expected) < 1e-12, "\(fields)")
    }

    /// Three waves of the tiny survey (c1 satisfied 40, 35, 30 of 48): trends in every output.
    @Test func threeWavesShowTrends() throws {
        let survey = AnalysisFixtures.tinySurvey()
        let waves = try [("2022", 0), ("2023", 5), ("2024", 10)].map { label, lowered in
            var data = AnalysisFixtures.tinyDataset()
            for i in (40 - lowered)..<40 { data.answers["c1"]![i] = .point(2) }
            return Wave(label: label, survey: survey, results: try IndexEngine(
                survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run())
        }
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"])).run()
        let c1 = try #require(results.trends.first { $0.id == "c1" }?.groups.first)
        // Equal steps of −5/48 a year; the slope is −5/48 whatever the weights (the points lie on a line).
        let slope = try #require(c1.trend?.slope)
        #expect(abs(slope - (-5.0 / 48)) < 1e-12)
        let text = ComparisonTable(results: results, survey: survey, language: "en").render(width: 100)
        #expect(text.contains("Linear trend (2022, 2023, 2024)"))
        let row = try #require(text.split(separator: "\n").last { $0.contains("Staff were polite") })
        #expect(row.contains("−10.4 pp") && row.contains("declined"), "\(row)")
        // The slope's 95% interval, slope ± 1.959964 · SE, in every output.
        let se = try #require(c1.trend?.standardError)
        let (lower, upper) = (slope - 1.959963984540054 * se, slope + 1.959963984540054 * se)
        #expect(row.contains("(\(String(format: "%.1f", lower * 100).replacingOccurrences(of: "-", with: "−")) to "
                             + "\(String(format: "%.1f", upper * 100).replacingOccurrences(of: "-", with: "−")))"), "\(row)")
        let csv = ComparisonCSV(results: results, survey: survey).render()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.contains { $0.hasPrefix("trend,2022,2024,,,") && $0.contains(",c1,c1,") })
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let trendRow = try #require(lines.first { $0.hasPrefix("trend,2022,2024,,,") && $0.contains(",c1,c1,") })
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let csvLower = try #require(header.firstIndex(of: "change_lower").flatMap { Double(trendRow[$0]) })
        let csvUpper = try #require(header.firstIndex(of: "change_upper").flatMap { Double(trendRow[$0]) })
        #expect(abs(csvLower - lower) < 1e-12 && abs(csvUpper - upper) < 1e-12)
        let json = try #require(try JSONSerialization.jsonObject(with: ComparisonJSON(results: results, survey: survey).data()) as? [String: Any])
        #expect((json["trends"] as? [Any])?.count == results.trends.count && results.trends.count == 4)
        let c1Trend = ((json["trends"] as? [[String: Any]])?.first { $0["id"] as? String == "c1" }?["groups"] as? [[String: Any]])?
            .first?["trend"] as? [String: Any]
        let jsonLower = try #require(c1Trend?["lower"] as? Double), jsonUpper = try #require(c1Trend?["upper"] as? Double)
        #expect(abs(jsonLower - lower) < 1e-12 && abs(jsonUpper - upper) < 1e-12)
        #expect((json["steps"] as? [Any])?.count == 2)
    }

    @Test func sipasTableFitsAndSummarises() throws {
        let survey = try AnalysisFixtures.sipas()
        let options = IndexOptions(groupings: [["province"]], lonelyUnitPolicy: .adjust,
                                   rankings: [RankingRequest(by: ["province"], node: "overall")],
                                   bootstrap: BootstrapSettings(replicates: 30, seed: 7), reliability: false, priorities: false)
        let waves = try [("2023", UInt64(2023)), ("2024", UInt64(2024))].map { label, seed in
            Wave(label: label, survey: survey, results: try IndexEngine(
                survey: survey, dataset: AnalysisFixtures.sipasDataset(survey: survey, provinces: 20, seed: seed), options: options).run())
        }
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["province"])).run()
        let overall = try #require(results.steps[0].node("overall"))
        let summary = try #require(overall.summary)
        #expect(summary.top.count == 5 && summary.bottom.count == 5)
        #expect(summary.improved + summary.declined + summary.noSignificantChange + summary.notTested == 20)
        #expect(overall.groups.dropFirst().contains { $0.rankMove != nil })
        for language in ["en", "vi"] {
            let text = ComparisonTable(results: results, survey: survey, language: language).render(width: 100)
            let wide = text.split(separator: "\n").filter { TerminalText.width(String($0)) > 100 }
            #expect(wide.isEmpty, "\(wide)")
        }
        if ProcessInfo.processInfo.environment["SATKIT_PRINT"] != nil {
            print(ComparisonTable(results: results, survey: survey, language: "en").render(width: 100))
        }
    }
}
