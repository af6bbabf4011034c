import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
@testable import SurveyReport

@Suite struct AnalysisCSVTests {
    /// The file read back with satkit's own CSV reader: header and records as strings.
    func read(_ data: Data) throws -> (header: [String], rows: [[String: String]]) {
        var records: [[String]] = []
        _ = try CSVReader(bytes: Array(data), name: "analysis.csv").forEachRecord { records.append($0.strings) }
        let header = try #require(records.first)
        for record in records { #expect(record.count == header.count, "ragged row \(record)") }
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (header, rows)
    }

    func lookUp(_ results: IndexResults, _ row: [String: String]) -> IndexEntry? {
        let by = row["grouping"]!.isEmpty ? [] : row["grouping"]!.split(separator: ",").map(String.init)
        let key = row["group"]!.isEmpty ? [] : row["group"]!.split(separator: ",").map(String.init)
        let group = results.grouping(by)?.group(key)
        let option = row["option"]!.isEmpty ? nil : row["option"]
        return group?.nodes.first { $0.id == row["id"] && option == nil } ?? group?.question(row["id"]!, option: option)
    }

    @Test(arguments: [false, true])
    func numbersReadBackEqualTheResults(complex: Bool) throws {
        let (survey, results) = complex
            ? try AnalysisFixtures.sipasResults(provinces: 12, by: [["province"], ["service"]])
            : (AnalysisFixtures.tinySurvey(), try AnalysisFixtures.tinyResults())
        let (header, rows) = try read(AnalysisCSV(results: results, survey: survey).data())
        #expect(header == AnalysisCSV.columns)
        let expectedRows = results.groupings.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.nodes.count + $1.questions.count } }
        #expect(rows.count == expectedRows)
        var suppressed = 0
        var ranked = 0
        for row in rows {
            let entry = try #require(lookUp(results, row), "no entry for \(row)")
            if entry.countsWithheld {
                // Disclosure control (issue 9): a withheld group's counts are empty cells.
                for column in ["respondents", "n", "n_valid", "n_no_answer", "n_dont_know", "n_not_applicable", "n_invalid", "n_excluded"] {
                    #expect(row[column] == "", "\(column) shown for a withheld group")
                }
            } else {
                #expect(row["n_valid"].flatMap { Int($0) } == entry.counts.valid)
                #expect(row["n_excluded"].flatMap { Int($0) } == entry.counts.excluded)
                #expect(row["n"].flatMap { Int($0) } == entry.estimate.n)
            }
            #expect(row["flags"] == entry.publishedFlags.map(\.rawValue).joined(separator: ";"))
            if entry.isSuppressed {
                suppressed += 1
                #expect(row["suppressed"] == "true")
                for column in ["value", "standard_error", "lower", "upper", "mean_score", "mean_lower", "mean_upper",
                               "weighted_n", "effective_n", "design_effect", "rank"] {
                    #expect(row[column] == "", "\(column) shown for a suppressed entry")
                }
                continue
            }
            // Shortest round-trip text: `Double(String)` gives back the very same double.
            #expect(row["value"].flatMap { Double($0) } == entry.estimate.value)
            #expect(row["standard_error"].flatMap { Double($0) } == entry.estimate.standardError)
            #expect(row["lower"].flatMap { Double($0) } == entry.interval.lower)
            #expect(row["upper"].flatMap { Double($0) } == entry.interval.upper)
            #expect(row["interval_method"] == entry.interval.method)
            #expect(row["estimator"] == entry.estimate.method)
            if let mean = entry.meanScore { #expect(row["mean_score"].flatMap { Double($0) } == mean.estimate.value) }
            if complex {
                #expect(row["weighted_n"].flatMap { Double($0) } == entry.estimate.weightedN)
                if let deff = entry.estimate.designEffect { #expect(row["design_effect"].flatMap { Double($0) } == deff) }
            }
            if !(row["rank"] ?? "").isEmpty {
                ranked += 1
                let ranking = try #require(results.rankings.first { $0.node == row["id"] })
                let rank = try #require(ranking.entries.first { $0.key == [row["group"]!] })
                #expect(Int(row["rank"]!) == rank.rank && Int(row["rank_lower"]!) == rank.rankLower)
            }
        }
        #expect(suppressed > 0)
        // 12 provinces: P12 below the threshold, and the smallest other one hidden beside it
        // by complementary suppression (issue 9).
        if complex { #expect(ranked == 10) }
    }

    @Test func formulasAreNeutralisedAndNumbersStayNumbers() throws {
        let survey = AnalysisFixtures.tinySurvey(
            c1Label: "=HYPERLINK(\"http://evil.example\",\"click\")", c2Label: "-2+3 <script>alert(1)</script> | x",
            serviceLabels: ["@SUM(A1:A9)", "+tiny"])
        let results = try AnalysisFixtures.tinyResults(survey: survey)
        let data = AnalysisCSV(results: results, survey: survey).data()
        let (_, rows) = try read(data)
        let labels = Set(rows.map { $0["label"]! })
        #expect(labels.contains("'=HYPERLINK(\"http://evil.example\",\"click\")"))
        #expect(labels.contains("'-2+3 <script>alert(1)</script> | x"))
        #expect(Set(rows.map { $0["group_label"]! }) == ["Whole sample", "'@SUM(A1:A9)", "'+tiny"])
        // No cell of a numeric column is ever prefixed: every non-empty one parses as a number.
        let numeric = ["respondents", "depth", "value", "standard_error", "lower", "upper", "level", "mean_score",
                       "mean_lower", "mean_upper", "n", "n_valid", "n_no_answer", "n_dont_know", "n_not_applicable",
                       "n_invalid", "n_excluded", "weighted_n", "effective_n", "design_effect"]
        for row in rows {
            for column in numeric where !(row[column] ?? "").isEmpty {
                #expect(Double(row[column]!) != nil, "\(column) = \(row[column]!)")
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(",=") && !text.contains(",\"="))
    }

    @Test func aCrossedGroupingJoinsCodesAndLabels() throws {
        let (survey, results) = try AnalysisFixtures.sipasResults(provinces: 12, by: [["province", "channel"]])
        let (_, rows) = try read(AnalysisCSV(results: results, survey: survey, language: "vi").data())
        let row = try #require(rows.first { $0["grouping"] == "province,channel" && $0["id"] == "overall" })
        #expect(row["group"] == "P01,desk" && row["group_label"] == "P01 · Bộ phận một cửa")
    }

    @Test func labelsInTheLanguageAskedForAndAByteOrderMarkOnRequest() throws {
        let results = try AnalysisFixtures.tinyResults()
        let csv = AnalysisCSV(results: results, survey: AnalysisFixtures.tinySurvey(), language: "vi")
        let (_, rows) = try read(csv.data())
        #expect(rows.contains { $0["label"] == "Công chức lịch sự" })
        #expect(rows.contains { $0["group_label"] == "Toàn bộ mẫu" })
        #expect(Array(csv.data(byteOrderMark: true).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.data() == csv.data())
    }
}
