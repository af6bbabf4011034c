import Foundation
import SatisfactionIndex
@testable import SurveyReport
import SurveySchema
import SurveyData
import SurveyStatistics
import TestSupport
import Testing

/// The leadership report on a realistic SIPAS dataset, in both languages: the numbers shown are
/// the results' numbers (read back from the `data-*` attributes, compared as numbers),
/// suppressed groups show no number anywhere, labels are escaped, nothing is fetched or run.
@Suite struct ReportTests {
    static let run = Result { try ReportFixture.run() }
    static let hostile = Result { try ReportFixture.run(hostile: true, baseline: false) }

    /// Every element carrying `data-entry`: its attributes.
    static func marked(_ html: String) -> [[String: String]] {
        let tag = try! NSRegularExpression(pattern: "<[a-z]+\\s([^>]*data-entry=\"[^\"]*\"[^>]*)>")
        let attr = try! NSRegularExpression(pattern: "([a-z-]+)=\"([^\"]*)\"")
        let ns = html as NSString
        return tag.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { m in
            let inner = ns.substring(with: m.range(at: 1)) as NSString
            var out: [String: String] = [:]
            for a in attr.matches(in: inner as String, range: NSRange(location: 0, length: inner.length)) {
                out[inner.substring(with: a.range(at: 1))] = inner.substring(with: a.range(at: 2))
            }
            return out
        }
    }

    @Test(arguments: ["en", "vi"])
    func numbersShownAreTheResults(language: String) throws {
        let run = try Self.run.get()
        let html = LeadershipReport(survey: run.survey, results: run.results, comparison: run.comparison,
                                    provenance: run.provenance, language: language).html()
        let whole = try #require(run.results.wholeSample)
        let byService = try #require(run.results.grouping(["service"]))
        let marks = Self.marked(html).filter { $0["data-value"] != nil && $0["data-importance"] == nil }
        var checked: Set<String> = []
        for m in marks {
            let id = try #require(m["data-entry"])
            let entry: IndexEntry
            if let group = m["data-group"] {
                entry = try #require(byService.group(group.components(separatedBy: "|"))?.node(id), "group \(group)")
            } else {
                entry = try #require(whole.node(id) ?? whole.question(id), "entry \(id)")
            }
            #expect(!entry.isSuppressed, "\(id) is suppressed but shows a number")
            #expect(Double(m["data-value"]!) == entry.estimate.value, "\(id) \(m["data-group"] ?? "")")
            #expect(Double(m["data-lower"]!) == entry.interval.lower)
            #expect(Double(m["data-upper"]!) == entry.interval.upper)
            checked.insert(id + "@" + (m["data-group"] ?? ""))
        }
        // The first screen: the overall index, the five service aspects, the three weakest criteria.
        #expect(checked.contains("overall@"))
        for aspect in ["access", "procedures", "civil_servants", "results", "feedback"] { #expect(checked.contains(aspect + "@")) }
        for id in try #require(run.results.priorities?.weakest) { #expect(checked.contains(id + "@")) }
        // The league table: every service shown with a number is the results' number.
        let shownServices = byService.groups.filter { !($0.node("overall")?.isSuppressed ?? true) }
        // Seven services: the tiny one is suppressed, and the next smallest beside it
        // (complementary suppression, issue 9).
        #expect(shownServices.count == 5)
        #expect(byService.groups.filter { $0.node("overall")?.flags.contains(.complementarySuppression) ?? false }.count == 1)
        for g in shownServices { #expect(checked.contains("overall@" + g.key.joined(separator: "|"))) }

        // The importance–performance points are the priorities table.
        let table = try #require(run.results.priorities?.table)
        let points = Self.marked(html).filter { $0["data-importance"] != nil }
        #expect(!points.isEmpty)
        for p in points {
            let row = try #require(table.first { $0.criterion == p["data-entry"] })
            #expect(Double(p["data-value"]!) == row.performance)
            #expect(Double(p["data-importance"]!) == row.importance)
        }

        // The overall change is the comparison's.
        let change = try #require(run.comparison?.steps.last?.node("overall")?.national?.change)
        let changeMark = try #require(html.range(of: "data-change=\"")).upperBound
        let shown = html[changeMark...].prefix { $0 != "\"" }
        #expect(Double(shown) == change.difference)
    }

    @Test(arguments: ["en", "vi"])
    func suppressedGroupShowsNoNumber(language: String) throws {
        let run = try Self.run.get()
        let report = LeadershipReport(survey: run.survey, results: run.results, comparison: run.comparison,
                                      provenance: run.provenance, language: language)
        let group = try #require(run.results.grouping(["service"])?.group(["social_insurance"]))
        #expect(group.belowDisclosureThreshold)
        let label = language == "vi" ? "Bảo hiểm xã hội" : "Social insurance"
        let html = report.html()
        #expect(html.contains("data-group=\"social_insurance\" data-suppressed=\"true\""))
        // Wherever the label appears, its row, item or sentence holds no digit.
        var rest = html[...]
        var seen = 0
        while let r = rest.range(of: label) {
            let tail = rest[r.upperBound...]
            let end = ["</tr>", "</li>", "</p>", "</desc>", "</title>"].compactMap { tail.range(of: $0)?.lowerBound }.min() ?? tail.endIndex
            let text = String(tail[..<end]).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            #expect(!text.contains { $0.isNumber }, "number near \(label): \(text.prefix(200))")
            rest = tail
            seen += 1
        }
        #expect(seen >= 1)
        let markdown = report.markdown()
        let lines = markdown.split(separator: "\n").filter { $0.contains(label) }
        #expect(!lines.isEmpty)
        for line in lines { #expect(!line.contains { $0.isNumber }, "\(line)") }
        #expect(markdown.contains(ReportWords(language: language).tooFewAnswers))
    }

    @Test(arguments: ["en", "vi"])
    func labelsAreEscapedAndNothingIsFetched(language: String) throws {
        let run = try Self.hostile.get()
        let report = LeadershipReport(survey: run.survey, results: run.results, provenance: run.provenance, language: language)
        let html = report.html()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Access"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; Land"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        for external in ["<link", "<iframe", "<object", "<embed", "url(", "@import", " src=\"", " href=\""] {
            #expect(!html.lowercased().contains(external), "\(external)")
        }
        let markdown = report.markdown()
        #expect(!markdown.contains("<script") && !markdown.contains("<img"))
        #expect(markdown.contains("&lt;script&gt;"))
    }

    @Test func commentsOnlyWhenAskedAndMasked() throws {
        let run = try Self.run.get()
        let comment = "Cán bộ nhiệt tình, gọi 0912 345 678 nếu cần"
        let plain = LeadershipReport(survey: run.survey, results: run.results, language: "vi",
                                     options: LeadershipReport.Options(comments: [comment]))
        #expect(!plain.html().contains("nhiệt tình"))
        #expect(!plain.markdown().contains("nhiệt tình"))
        let asked = LeadershipReport(survey: run.survey, results: run.results, language: "vi",
                                     options: LeadershipReport.Options(includeComments: true, comments: [comment, "<b>x</b>"]))
        let html = asked.html()
        #expect(html.contains("Cán bộ nhiệt tình"))
        #expect(!html.contains("0912") && !html.contains("345 678"))
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(!asked.markdown().contains("0912"))
    }

    @Test func rankClaimOnlyWhenTheRankIntervalAllows() throws {
        let run = try Self.run.get()
        let ranking = try #require(run.results.rankings.first)
        let top = try #require(ranking.entries.min { $0.rank < $1.rank })
        let clear = top.rankLower == 1 && top.rankUpper == 1 && !top.indistinguishableFromNeighbours
        let en = LeadershipReport(survey: run.survey, results: run.results, language: "en").html()
        let vi = LeadershipReport(survey: run.survey, results: run.results, language: "vi").html()
        #expect(en.contains("ranks first") == clear)
        #expect(en.contains("so the data cannot say it is first") == !clear)
        #expect(vi.contains("chưa thể khẳng định nhóm này đứng đầu") == !clear)
    }

    @Test func withoutBaselineNoChangeIsClaimed() throws {
        let run = try Self.run.get()
        for language in ["en", "vi"] {
            let report = LeadershipReport(survey: run.survey, results: run.results, language: language)
            let text = report.html() + report.markdown()
            for word in ["data-change", "improvement", "significant decline", "within the margin of error", "nằm trong biên sai số", "mức tăng", "mức giảm", "Compared with", "So với đợt"] {
                #expect(!text.contains(word), "\(language): \(word)")
            }
        }
    }
}

/// A flat survey (SDG 16.6.2: five criteria right under the root, no aspects): the chart shows
/// the five attributes, the numbers are the results'.
@Suite struct ReportFlatSurveyTests {
    @Test func sdgAttributesAreTheBars() throws {
        let survey = try Survey.load(from: TestPaths.file("surveys/sdg-16-6-2.json5"))
        var rng = SeededGenerator(seed: 16)
        let n = 400
        var answers: [String: [AnswerCode]] = [:]
        for criterion in survey.criteria {
            let k = survey.scale(of: criterion)?.points.count ?? 4
            answers[criterion.id] = (0..<n).map { _ in rng.next() % 20 == 0 ? .dontKnow : .point(1 + Int(rng.next() % UInt64(k))) }
        }
        for q in survey.questions where q.kind.isScored {
            let k = survey.scale(of: q)?.points.count ?? 2
            answers[q.id] = (0..<n).map { _ in .point(1 + Int(rng.next() % UInt64(k))) }
        }
        var groups: [String: CategoryColumn] = [:]
        for g in survey.columns.groups {
            let levels = g.values?.map(\.code) ?? ["a", "b", "c"]
            groups[g.id] = CategoryColumn(id: g.id, levels: levels, codes: (0..<n).map { UInt32($0 % levels.count) })
        }
        let d = survey.columns.design
        let dataset = SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers, groups: groups,
            weights: d.weight == nil ? nil : (0..<n).map { _ in 1 + Double(rng.next() % 10) / 10 },
            strata: d.strata == nil ? nil : CategoryColumn(id: "s", levels: ["s1", "s2"], codes: (0..<n).map { UInt32($0 % 2) }),
            clusters: d.cluster == nil ? nil : CategoryColumn(id: "c", levels: (0..<20).map { "c\($0)" }, codes: (0..<n).map { UInt32($0 % 20) }))
        let results = try IndexEngine(survey: survey, dataset: dataset, options: IndexOptions(lonelyUnitPolicy: .adjust)).run()
        let whole = try #require(results.wholeSample)
        for language in ["en", "vi"] {
            let html = LeadershipReport(survey: survey, results: results, language: language).html()
            let bars = ReportTests.marked(html).filter { $0["class"]?.hasPrefix("bar") ?? false }
            #expect(bars.map { $0["data-entry"] ?? "" } == survey.criteria.map(\.id))
            for bar in bars {
                let entry = try #require(whole.node(bar["data-entry"] ?? ""))
                #expect(Double(bar["data-value"] ?? "") == entry.estimate.value)
            }
        }
    }
}

/// A criterion nobody could answer ("not applicable" for every respondent): the criterion has
/// no valid answers, its aspect and the overall index (means of their parts) have no value.
/// The outputs say which is which instead of "not published, too few answers", which would be
/// wrong with 1,800 respondents.
@Suite struct ReportPartWithoutAnswersTests {
    static func results() throws -> (Survey, IndexResults) {
        let survey = try ReportFixture.survey()
        var dataset = ReportFixture.dataset(survey, seed: 2024, shift: 0.04)
        dataset.answers["acc_information"] = [AnswerCode](repeating: .notApplicable, count: dataset.rowCount)
        let results = try IndexEngine(survey: survey, dataset: dataset, options: ReportFixture.options).run()
        return (survey, results)
    }

    @Test func theEngineFlagsTheParents() throws {
        let (_, results) = try Self.results()
        let whole = try #require(results.wholeSample)
        let criterion = try #require(whole.node("acc_information"))
        #expect(criterion.estimate.n == 0 && criterion.flags.contains(.noValidAnswers))
        for id in ["accountability", "policy", "overall"] {
            let entry = try #require(whole.node(id))
            #expect(entry.estimate.n > 0 && entry.estimate.value.isNaN)
            #expect(entry.flags.contains(.partWithoutAnswers) && !entry.isSuppressed)
        }
        // The sibling criterion and the other part keep their numbers.
        #expect(whole.node("acc_explanation")?.isSuppressed == false)
        #expect(whole.node("services")?.estimate.value.isFinite == true)
    }

    @Test func theReportAndTheTableSayWhy() throws {
        let (survey, results) = try Self.results()
        let markdown = LeadershipReport(survey: survey, results: results, language: "en").markdown()
        #expect(markdown.contains("**Overall satisfaction index:** —, cannot be computed"))
        #expect(markdown.contains("The overall satisfaction index cannot be computed: a part of it has no valid answers"))
        #expect(!markdown.contains("The overall satisfaction index is not shown: too few answers."))
        #expect(markdown.contains("| —, no valid answers |  |  |  | ∅ |"))
        #expect(markdown.contains("(∅) a part has no valid answers, so the mean of the parts has no value"))
        let html = LeadershipReport(survey: survey, results: results, language: "vi").html()
        #expect(html.contains("—, không tính được"))
        #expect(html.contains("—, không có câu trả lời hợp lệ"))
        let table = AnalysisTable(results: results, survey: survey, language: "en").render(width: 100)
        #expect(table.contains("  p a part has no valid answers, so the mean of the parts has no value"))
    }
}
