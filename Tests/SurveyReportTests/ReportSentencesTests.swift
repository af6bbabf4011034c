import Foundation
import SatisfactionIndex
@testable import SurveyReport
import SurveyStatistics
import Testing

/// The sentence rules of `docs/report.md`, pinned word for word in both languages: a change is
/// called an improvement or a decline only with that verdict; otherwise it is "within the
/// margin of error"; a suppressed wave gives no number.
@Suite struct ReportSentencesTests {
    static func sentences(_ language: String) throws -> ReportSentences {
        let run = try ReportTests.run.get()
        let content = ReportContent(survey: run.survey, results: run.results, comparison: run.comparison,
                                    options: LeadershipReport.Options(), language: language)
        return ReportSentences(content: content)
    }

    /// A tested change from `before` to `after` (shares) with `verdict`.
    static func change(_ before: Double, _ after: Double, _ verdict: Verdict, suppressed: Bool = false) -> GroupChange {
        func value(_ x: Double) -> WaveValue {
            WaveValue(estimate: Estimate(value: x, standardError: 0.01, n: 500),
                      interval: ConfidenceInterval(lower: x - 0.02, upper: x + 0.02, level: 0.95, method: "logit"),
                      validN: 500, isSuppressed: suppressed)
        }
        let d = after - before
        let test = HypothesisTest(statistic: 2, pValue: 0.01, nullValue: 0, alternative: .twoSided, method: "z")
        return GroupChange(
            key: [], before: value(before), after: value(after),
            change: suppressed ? nil : Change(difference: d, standardError: 0.01,
                                              interval: ConfidenceInterval(lower: d - 0.02, upper: d + 0.02, level: 0.95, method: "z"),
                                              test: test, pValue: 0.01, adjustedPValue: 0.01, method: "z"),
            status: suppressed ? .suppressed : .tested, verdict: suppressed ? .notTested : verdict)
    }

    // 0.833 − 0.802 = 0.031: 3.1 points; 0.825 → 0.833: +0.8 points; 0.850 → 0.830: 2.0 points down.
    @Test func english() throws {
        let s = try Self.sentences("en")
        #expect(s.change(Self.change(0.802, 0.833, .improved), measure: .share, subject: "the overall index")
            == "Compared with 2023, the overall index rose 3.1 percentage points (from 80.2% to 83.3%), a significant improvement.")
        #expect(s.change(Self.change(0.825, 0.833, .noSignificantChange), measure: .share, subject: "the overall index")
            == "Compared with 2023, the overall index changed by +0.8 percentage points (from 82.5% to 83.3%), which is within the margin of error.")
        #expect(s.change(Self.change(0.850, 0.830, .declined), measure: .share, subject: "the overall index")
            == "Compared with 2023, the overall index fell 2.0 percentage points (from 85.0% to 83.0%), a significant decline.")
        let hidden = try #require(s.change(Self.change(0.850, 0.830, .declined, suppressed: true), measure: .share, subject: "the overall index"))
        #expect(hidden == "The overall index cannot be compared with 2023: too few answers in one of the two surveys.")
        #expect(!hidden.contains("%") && !hidden.contains("85") && !hidden.contains("83"))
    }

    @Test func vietnamese() throws {
        let s = try Self.sentences("vi")
        #expect(s.change(Self.change(0.802, 0.833, .improved), measure: .share, subject: "chỉ số hài lòng chung")
            == "So với đợt 2023, chỉ số hài lòng chung tăng 3,1 điểm phần trăm (từ 80,2% lên 83,3%), mức tăng có ý nghĩa thống kê.")
        #expect(s.change(Self.change(0.825, 0.833, .noSignificantChange), measure: .share, subject: "chỉ số hài lòng chung")
            == "So với đợt 2023, chỉ số hài lòng chung thay đổi +0,8 điểm phần trăm (từ 82,5% lên 83,3%), nằm trong biên sai số.")
        #expect(s.change(Self.change(0.850, 0.830, .declined), measure: .share, subject: "chỉ số hài lòng chung")
            == "So với đợt 2023, chỉ số hài lòng chung giảm 2,0 điểm phần trăm (từ 85,0% xuống 83,0%), mức giảm có ý nghĩa thống kê.")
        #expect(s.change(Self.change(0.850, 0.830, .declined, suppressed: true), measure: .share, subject: "chỉ số hài lòng chung")
            == "Không so sánh được chỉ số hài lòng chung với đợt 2023: một trong hai đợt có quá ít câu trả lời.")
    }

    /// A rise that is not significant is never called an improvement, in either language.
    @Test(arguments: ["en", "vi"])
    func noImprovementWithoutTheVerdict(language: String) throws {
        let s = try Self.sentences(language)
        for verdict in [Verdict.noSignificantChange, .notTested] {
            let text = s.change(Self.change(0.70, 0.80, verdict), measure: .share, subject: "x") ?? ""
            for claim in ["improvement", "rose", "mức tăng", "tăng 10"] { #expect(!text.contains(claim), "\(verdict) \(claim)") }
        }
    }

    /// With no comparison there is no change sentence at all.
    @Test func noBaselineNoSentence() throws {
        let run = try ReportTests.run.get()
        let content = ReportContent(survey: run.survey, results: run.results, comparison: nil, options: LeadershipReport.Options(), language: "en")
        #expect(ReportSentences(content: content).change(Self.change(0.70, 0.80, .improved), measure: .share, subject: "x") == nil)
    }

    @Test func verdictCountsLeaveOutZeros() throws {
        let s = try Self.sentences("en")
        let all = PressSummary(minimum: nil, maximum: nil, top: [], bottom: [], improved: 6, declined: 0,
                               noSignificantChange: 0, notTested: 1, rose: 6, fell: 0)
        #expect(s.verdictCounts(all) == "All 6 groups compared improved significantly; 1 could not be compared.")
        let mixed = PressSummary(minimum: nil, maximum: nil, top: [], bottom: [], improved: 2, declined: 0,
                                 noSignificantChange: 5, notTested: 0, rose: 4, fell: 3)
        #expect(s.verdictCounts(mixed) == "Of the 7 groups compared, 2 improved significantly and 5 changed within the margin of error.")
    }

    /// A suppressed aspect in the whole sample: the chart row has its words and no bar, number
    /// or alt text number; the aspect's table row neither.
    @Test(arguments: ["en", "vi"])
    func suppressedAspectInTheChart(language: String) throws {
        let run = try ReportTests.run.get()
        var results = run.results
        let g = try #require(results.groupings.firstIndex { $0.by.isEmpty })
        let n = try #require(results.groupings[g].groups[0].nodes.firstIndex { $0.id == "access" })
        results.groupings[g].groups[0].nodes[n].isSuppressed = true
        let html = LeadershipReport(survey: run.survey, results: results, comparison: run.comparison, language: language).html()
        let bar = try #require(html.range(of: "<g class=\"bar suppressed\" data-entry=\"access\" data-suppressed=\"true\">"))
        let element = html[bar.upperBound...]
        let end = try #require(element.range(of: "</g>"))
        let inside = String(element[..<end.lowerBound]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(!inside.contains { $0.isNumber }, "\(inside)")
        #expect(!element[..<end.lowerBound].contains("<rect"))
        let label = language == "vi" ? "Tiếp cận dịch vụ" : "Access to the service"
        let desc = try #require(html.range(of: "<desc id=\"bars-desc\">"))
        let descText = html[desc.upperBound...].prefix { $0 != "<" }
        let part = try #require(descText.components(separatedBy: "; ").first { $0.hasPrefix(label) })
        #expect(!part.contains { $0.isNumber }, "\(part)")
        let markdown = LeadershipReport(survey: run.survey, results: results, comparison: run.comparison, language: language).markdown()
        for line in markdown.split(separator: "\n") where line.hasPrefix("| \(label) |") || line.hasPrefix("|   \(label)") {
            #expect(!line.contains { $0.isNumber }, "\(line)")
        }
    }
}
