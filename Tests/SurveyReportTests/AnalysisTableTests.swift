import Foundation
import Testing
import SatisfactionIndex
import SurveySchema
@testable import SurveyReport

@Suite struct AnalysisTableTests {
    func widest(_ text: String) -> Int { text.split(separator: "\n").map { TerminalText.width(String($0)) }.max() ?? 0 }

    /// Our formatting, pinned: c1 is 40 of 48 satisfied (83.3%), c2 22 of 46 (47.8%; 2 excluded),
    /// the aspect and overall their mean (65.6%); Wilson intervals. The `tiny` service has 8
    /// respondents, below the disclosure threshold of 10; `land`, the only other service, is
    /// hidden beside it (whole − land would give tiny away: complementary suppression, issue 9).
    @Test func aTwoCriterionSurveyReadsExactlyLikeThis() throws {
        let results = try AnalysisFixtures.tinyResults()
        let text = AnalysisTable(results: results, survey: AnalysisFixtures.tinySurvey()).render(width: 100)
        let head = text.components(separatedBy: "\n\nReliability")[0]
        #expect(head == """
            Tiny survey · tiny 1
            share satisfied (share of answers in the satisfied band); aggregates: mean of its parts; interval
            95%: wilson (criteria), logit (aggregates), t (mean score)
            Design: simple random sample

            Whole sample · 48 respondents
                                           index (CI 95%)     n  excluded
            ─────────────────────────────────────────────────────────────
            Overall index               65.6% (55.9–74.1)    48         2
              1 Service                 65.6% (55.9–74.1)    48         2
                Staff were polite       83.3% (70.4–91.3)    48         0
                Waiting time was short  47.8% (34.1–61.9)    46         2
            n: valid answers (criteria, questions) or respondents with at least one valid answer (aggregates);
            excluded: answers left out of the denominator (no answer, don't know, not applicable, invalid).

            By Service · 2 groups · index (%), CI 95% overall

            group   n overall  1
            ─────────────────────
            Land    —       —c —c
            Tiny  <10       —# —#
            Columns: 1 Service
            n: respondents. Criteria and other questions per group: see --format json or csv.
              # group of fewer than 10 respondents: not shown, to protect respondents
              c hidden so that another hidden number cannot be worked out by subtraction
            """)
    }

    /// The shares shown, read back as numbers, are the results' shares rounded to 0.1 points.
    @Test func theNumbersShownAreTheResults() throws {
        let results = try AnalysisFixtures.tinyResults()
        let survey = AnalysisFixtures.tinySurvey()
        let text = AnalysisTable(results: results, survey: survey).render(width: 100)
        let whole = try #require(results.wholeSample)
        for (label, id) in [("Staff were polite", "c1"), ("Waiting time was short", "c2"), ("1 Service", "A")] {
            let line = try #require(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(label) })
            let numbers = line.dropFirst(label.count).split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
            let entry = try #require(whole.node(id))
            // value, lower, upper, n, excluded
            #expect(abs(numbers[0] - 100 * entry.estimate.value) <= 0.05)
            #expect(abs(numbers[1] - 100 * entry.interval.lower) <= 0.05)
            #expect(abs(numbers[2] - 100 * entry.interval.upper) <= 0.05)
            #expect(Int(numbers[3]) == entry.estimate.n && Int(numbers[4]) == entry.counts.excluded)
        }
    }

    @Test func aSuppressedGroupShowsNoNumber() throws {
        let results = try AnalysisFixtures.tinyResults()
        for layout in AnalysisTable.GroupLayout.allCases {
            let text = AnalysisTable(results: results, survey: AnalysisFixtures.tinySurvey(), groupLayout: layout).render()
            let lines = text.split(separator: "\n").map(String.init)
            switch layout {
            case .matrix:
                let row = try #require(lines.first { $0.hasPrefix("Tiny ") && $0.contains("—") })
                // No number but the threshold: its size shows as `<10` (issue 9).
                #expect(row.filter(\.isNumber) == "10" && row.contains("<10"))
            case .blocks:
                let start = try #require(lines.firstIndex { $0.hasPrefix("Tiny · <10") })
                // Its heading, the column header and the rule, then the four rows of the tree.
                let block = lines[(start + 3)..<(start + 7)]
                for line in block {
                    #expect(line.contains("—") && line.contains("#"))
                    // No number, and no mark that gives the number away (Staff were polite is
                    // 8 of 8 satisfied there: the 100% mark must not appear).
                    #expect(!line.contains("%") && !line.contains("^"))
                }
            }
        }
    }

    @Test(arguments: ["vi", "en"])
    func sixtyProvincesFitIn100Columns(language: String) throws {
        let (survey, results) = try AnalysisFixtures.sipasResults()
        let text = AnalysisTable(results: results, survey: survey, language: language).render(width: 100)
        #expect(widest(text) <= 100)
        // Every province has a row in the matrix, the suppressed one without a number.
        let lines = text.split(separator: "\n").map(String.init)
        for p in 1...60 { #expect(lines.contains { $0.hasPrefix(String(format: "P%02d ", p)) }) }
        let p60 = lines.filter { $0.hasPrefix("P60 ") }
        #expect(!p60.isEmpty)
        // Its size shows only as `<10` (issue 9).
        for row in p60 { #expect(row.dropFirst(3).filter(\.isNumber) == "10") }
        // Effective n and deff are shown under the design.
        #expect(text.contains(language == "vi" ? "n hiệu dụng" : "n eff") && text.contains("deff"))
    }

    @Test(arguments: [80, 100, 140])
    func everyWidthIsRespected(width: Int) throws {
        let (survey, results) = try AnalysisFixtures.sipasResults(provinces: 12)
        #expect(widest(AnalysisTable(results: results, survey: survey).render(width: width)) <= width)
        #expect(widest(AnalysisTable(results: results, survey: survey, groupLayout: .blocks).render(width: width)) <= width)
    }

    @Test func hostileLabelsDoNotBreakTheTable() throws {
        let survey = AnalysisFixtures.tinySurvey(
            c1Label: "=HYPERLINK(\"http://evil.example\",\"click\") | col | \u{1B}[2J",
            c2Label: "<script>alert(1)</script>\nsecond line\r\u{202E}reversed",
            serviceLabels: ["|a|b|\tc", String(repeating: "满意度", count: 20)])
        let results = try AnalysisFixtures.tinyResults(survey: survey)
        let text = AnalysisTable(results: results, survey: survey).render(width: 100)
        #expect(widest(text) <= 100)
        #expect(!text.contains("\u{1B}") && !text.contains("\r") && !text.contains("\u{202E}") && !text.contains("\t"))
        #expect(text.contains("=HYPERLINK(\"http://evil.example\",\"click\") | col | [2J"))
        #expect(text.contains("<script>alert(1)</script> second line reversed"))
        // Each criterion is still one row with its numbers on it.
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("=HYPERLINK") && $0.contains("83.3% (70.4–91.3)") })
        #expect(lines.contains { $0.contains("<script>") && $0.contains("47.8% (34.1–61.9)") })
    }

    @Test func aCrossedGroupingNamesBothValues() throws {
        let (survey, results) = try AnalysisFixtures.sipasResults(provinces: 12, by: [["province", "channel"]])
        let text = AnalysisTable(results: results, survey: survey, language: "en").render(width: 100)
        #expect(widest(text) <= 100)
        let count = try #require(results.grouping(["province", "channel"])).groups.count
        #expect(count > 33 && text.contains("By Province × Channel · \(count) groups"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("P01 · One-stop desk ") })
    }

    @Test func blocksShowTheTreeOncePerGroup() throws {
        let results = try AnalysisFixtures.tinyResults()
        let text = AnalysisTable(results: results, survey: AnalysisFixtures.tinySurvey(), groupLayout: .blocks).render()
        // Tiny is below the threshold; Land, the only other group, is hidden beside it, or the
        // whole sample minus Land would give Tiny away (complementary suppression, issue 9).
        #expect(text.contains("Land · — respondents") && text.contains("Tiny · <10 respondents"))
        // Land would show c1 as 40 of 40 (100.0%) and c2 as 18 of 38 (47.4%): neither appears.
        #expect(!text.contains("100.0% (91.2–100.0)") && !text.contains("47.4%"))
        #expect(text.components(separatedBy: "n: valid answers").count == 2)
    }

    @Test func vietnameseUsesTheDecimalComma() throws {
        let results = try AnalysisFixtures.tinyResults()
        let text = AnalysisTable(results: results, survey: AnalysisFixtures.tinySurvey(), language: "vi").render()
        #expect(text.contains("Công chức lịch sự") && text.contains("83,3% (70,4–91,3)"))
        #expect(text.contains("Toàn bộ mẫu · 48 người trả lời"))
    }

    @Test func writeSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["SATKIT_SAMPLES"] else { return }
        let (survey, results) = try AnalysisFixtures.sipasResults()
        for language in ["vi", "en"] {
            let text = AnalysisTable(results: results, survey: survey, language: language).render(width: 100)
            try text.write(toFile: "\(dir)/sipas-\(language).txt", atomically: true, encoding: .utf8)
        }
        // Real province names (long ones) for reading the two-panel matrix.
        var named = survey
        let names = ["Thành phố Hồ Chí Minh", "Hà Nội", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế", "Đà Nẵng", "Cần Thơ",
                     "Quảng Ninh", "Lào Cai", "Kiên Giang", "Bắc Ninh", "Nghệ An", "Điện Biên"]
        if let p = named.columns.groups.firstIndex(where: { $0.id == "province" }) {
            named.columns.groups[p].values = names.enumerated().map {
                CodeLabel(code: String(format: "P%02d", $0.offset + 1), label: LocalizedText(["vi": $0.element, "en": $0.element]))
            }
        }
        let (_, twelve) = try AnalysisFixtures.sipasResults(provinces: 12, by: [["province"]])
        try AnalysisTable(results: twelve, survey: named, language: "vi").render(width: 100)
            .write(toFile: "\(dir)/sipas-named-vi.txt", atomically: true, encoding: .utf8)
        let tiny = try AnalysisFixtures.tinyResults()
        try AnalysisJSON(results: tiny, survey: AnalysisFixtures.tinySurvey(), provenance: AnalysisFixtures.provenance).text()
            .write(toFile: "\(dir)/tiny.json", atomically: true, encoding: .utf8)
        try AnalysisCSV(results: tiny, survey: AnalysisFixtures.tinySurvey()).render()
            .write(toFile: "\(dir)/tiny.csv", atomically: true, encoding: .utf8)
    }
}
