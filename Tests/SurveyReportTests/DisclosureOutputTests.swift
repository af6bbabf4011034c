import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
@testable import SurveyReport

/// Complementary suppression in every output (issue 9): with exactly one group below the
/// disclosure threshold, neither it nor the group hidden beside it can be read or worked out
/// from the table, the JSON or the CSV.
@Suite struct DisclosureOutputTests {
    /// Services big (40 rows), mid (20), tiny (8, below the threshold 10). c1 satisfied: big
    /// 40/40, mid 15/20, tiny 0/8 → whole 55/68. c2: everyone answers 4 (satisfied).
    static func survey() -> Survey {
        let t = AnalysisFixtures.text
        return Survey(
            id: "three", version: "1", title: t("Three services", nil), languages: ["en", "vi"], defaultLanguage: "en",
            scales: [AnalysisFixtures.s5],
            index: IndexRules(measure: .share, interval: "wilson", minValidN: 5, disclosureThreshold: 10),
            indicators: [.aggregate(Aggregate(id: "A", label: t("Service", nil), children: [
                .criterion(Criterion(id: "c1", label: t("Staff were polite", nil), column: "c1", scale: "s5")),
                .criterion(Criterion(id: "c2", label: t("Waiting time was short", nil), column: "c2", scale: "s5")),
            ]))],
            columns: Columns(groups: [GroupColumn(
                id: "service", column: "service", label: t("Service", nil),
                values: [CodeLabel(code: "big", label: t("Big", nil)), CodeLabel(code: "mid", label: t("Mid", nil)),
                         CodeLabel(code: "tiny", label: t("Tiny", nil))])]))
    }

    /// With `weighted`, every row weighs 1.5 (shares unchanged; weighted sizes appear).
    static func results(weighted: Bool = false) throws -> IndexResults {
        let n = 68
        var data = SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) },
            answers: ["c1": (0..<n).map { $0 < 55 ? .point(5) : .point(2) },
                      "c2": [AnswerCode](repeating: .point(4), count: n)],
            groups: ["service": CategoryColumn(id: "service", levels: ["big", "mid", "tiny"],
                                               codes: (0..<n).map { $0 < 40 ? 0 : $0 < 60 ? 1 : 2 })])
        if weighted { data.weights = [Double](repeating: 1.5, count: n) }
        return try IndexEngine(survey: survey(), dataset: data, options: IndexOptions(groupings: [["service"]])).run()
    }

    /// What case 1 of the issue does with published numbers: whole minus every shown group.
    /// Returns (satisfied, valid) of whatever is left.
    static func leftOver(whole: (value: Double, n: Int), shown: [(value: Double, n: Int)]) -> (Double, Int) {
        let x = whole.value * Double(whole.n) - shown.reduce(0) { $0 + $1.value * Double($1.n) }
        return (x, whole.n - shown.reduce(0) { $0 + $1.n })
    }

    @Test(arguments: [false, true])
    func theHiddenGroupCannotBeRecoveredFromAnyOutput(weighted: Bool) throws {
        let results = try Self.results(weighted: weighted)
        let survey = Self.survey()
        // In memory the estimates stay: tiny's c1 is 0/8, mid's 15/20.
        let services = try #require(results.grouping(["service"]))
        #expect(services.group(["tiny"])?.node("c1")?.estimate.value == 0)
        #expect(services.group(["mid"])?.node("c1")?.estimate.value == 0.75)

        // JSON
        let json = try #require(JSONSerialization.jsonObject(
            with: AnalysisJSON.encode(results: results, survey: survey, provenance: AnalysisFixtures.provenance)) as? [String: Any])
        let groupings = try #require(json["groupings"] as? [[String: Any]])
        var shownC1: [String: (value: Double, n: Int)] = [:]
        for grouping in groupings {
            for group in try #require(grouping["groups"] as? [[String: Any]]) {
                let key = (group["key"] as? [String])?.joined() ?? "?"
                let hidden = key == "tiny" || key == "mid"
                #expect((group["countsWithheld"] as? Bool) == hidden)
                if hidden {
                    #expect(group["respondents"] is NSNull && group["weightedRespondents"] is NSNull)
                    #expect(group["degreesOfFreedom"] is NSNull)
                } else if weighted {
                    // 1.5 per row: whole 102, big 60.
                    #expect(group["weightedRespondents"] as? Double == (key == "big" ? 60 : 102))
                }
                for entry in try #require(group["nodes"] as? [[String: Any]]) {
                    #expect((entry["suppressed"] as? Bool) == hidden)
                    if hidden {
                        #expect(entry["estimate"] == nil && entry["interval"] == nil && entry["meanScore"] == nil)
                        #expect(entry["n"] is NSNull && entry["counts"] is NSNull)
                        let flags = entry["flags"] as? [String] ?? []
                        #expect(flags.contains(key == "tiny" ? "belowDisclosureThreshold" : "complementarySuppression"))
                        #expect(!flags.contains("shareAtOne") && !flags.contains("shareAtZero"))
                    } else if entry["id"] as? String == "c1" {
                        let estimate = try #require(entry["estimate"] as? [String: Any])
                        shownC1[key] = (try #require(estimate["value"] as? Double), try #require(entry["n"] as? Int))
                    }
                }
            }
        }
        // Only the whole sample and big publish c1; what is left over is tiny and mid together.
        #expect(Set(shownC1.keys) == ["", "big"])
        let fromJSON = Self.leftOver(whole: try #require(shownC1[""]), shown: [try #require(shownC1["big"])])
        #expect(abs(fromJSON.0 - 15) < 1e-9 && fromJSON.1 == 28)

        // CSV
        var records: [[String]] = []
        let csv = AnalysisCSV(results: results, survey: survey).data()
        _ = try CSVReader(bytes: Array(csv), name: "analysis.csv").forEachRecord { records.append($0.strings) }
        let header = try #require(records.first)
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        var csvC1: [String: (value: Double, n: Int)] = [:]
        for row in rows {
            let group = row["group"] ?? "?"
            if group == "tiny" || group == "mid" {
                for column in ["respondents", "value", "standard_error", "lower", "upper", "mean_score", "mean_lower",
                               "mean_upper", "n", "n_valid", "n_no_answer", "n_dont_know", "n_not_applicable",
                               "n_invalid", "n_excluded", "weighted_n", "effective_n", "design_effect", "rank"] {
                    #expect(row[column] == "", "\(group) \(row["id"] ?? "") shows \(column)")
                }
                #expect(row["suppressed"] == "true")
            } else if row["id"] == "c1" {
                csvC1[group] = (try #require(row["value"].flatMap { Double($0) }), try #require(row["n"].flatMap { Int($0) }))
            }
        }
        #expect(Set(csvC1.keys) == ["", "big"])
        let fromCSV = Self.leftOver(whole: try #require(csvC1[""]), shown: [try #require(csvC1["big"])])
        #expect(abs(fromCSV.0 - 15) < 1e-9 && fromCSV.1 == 28)
        // Respondents: 68 − 40 = 28, tiny and mid together.
        let sizes = Dictionary(rows.map { ($0["group"] ?? "?", $0["respondents"] ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(sizes[""] == "68" && sizes["big"] == "40" && sizes["mid"] == "" && sizes["tiny"] == "")

        // Table, both layouts: mid shows no digit at all, tiny only the threshold (`<10`).
        for layout in AnalysisTable.GroupLayout.allCases {
            let text = AnalysisTable(results: results, survey: survey, groupLayout: layout).render(width: 100)
            let lines = text.split(separator: "\n").map(String.init)
            switch layout {
            case .matrix:
                let mid = try #require(lines.first { $0.hasPrefix("Mid ") })
                #expect(mid.filter(\.isNumber).isEmpty && mid.contains("c"))
                let tiny = try #require(lines.first { $0.hasPrefix("Tiny ") })
                #expect(tiny.filter(\.isNumber) == "10" && tiny.contains("<10"))
            case .blocks:
                for (name, mark) in [("Mid · —", "c"), ("Tiny · <10", "#")] {
                    let start = try #require(lines.firstIndex { $0.hasPrefix(name) })
                    // Heading, column header, rule, then overall, A, c1, c2.
                    for line in lines[(start + 3)..<(start + 7)] {
                        #expect(line.contains("—") && line.contains(mark))
                        let afterLabel = line.drop { !"—".contains($0) }
                        #expect(afterLabel.filter(\.isNumber).isEmpty, "a number in \(line)")
                    }
                }
            }
            #expect(text.contains("hidden so that another hidden number cannot be worked out by subtraction"))
        }
    }
}
