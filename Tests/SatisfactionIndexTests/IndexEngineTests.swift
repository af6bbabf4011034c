import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics

/// Unit tests of the engine on tiny datasets whose numbers follow from arithmetic shown here.
@Suite struct IndexEngineTests {
    static let l = LocalizedText(["en": "x"])
    static let s5 = Scale(id: "s5", points: (1...5).map { ScalePoint(value: $0, label: l) }, satisfied: [4, 5])

    static func survey(measure: IndexMeasure = .share, minValidN: Int = 30, maxWidth: Double? = nil,
                       disclosure: Int = 10, interval: String = "wilson") -> Survey {
        func c(_ id: String, reverse: Bool = false) -> Indicator {
            .criterion(Criterion(id: id, label: l, column: id, scale: "s5", reverse: reverse))
        }
        return Survey(
            id: "t", version: "1", title: l, languages: ["en"], defaultLanguage: "en", scales: [s5],
            index: IndexRules(measure: measure, interval: interval, minValidN: minValidN,
                              maxIntervalWidth: maxWidth, disclosureThreshold: disclosure),
            indicators: [.aggregate(Aggregate(id: "A", label: l, children: [c("c1"), c("c2", reverse: true)]))])
    }

    /// 40 rows: c1 is 5 for everyone; c2 (reverse-keyed) cycles raw 1, 2, 3, 4 → keyed 5, 4, 3, 2.
    /// Service: rows 0..<32 "big", rows 32..<40 "tiny" (8 respondents).
    static func dataset() -> SurveyDataset {
        let n = 40
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) },
            answers: ["c1": [AnswerCode](repeating: .point(5), count: n), "c2": (0..<n).map { .point(1 + $0 % 4) }],
            groups: ["service": CategoryColumn(id: "service", levels: ["big", "tiny"], codes: (0..<n).map { $0 < 32 ? 0 : 1 })])
    }

    @Test func reverseKeyingAndTheSatisfiedBand() throws {
        let r = try IndexEngine(survey: Self.survey(), dataset: Self.dataset()).run()
        let whole = try #require(r.wholeSample)
        // c2 keyed 5, 4, 3, 2: half satisfied.
        #expect(whole.node("c2")?.estimate.value == 0.5)
        // mean keyed value (5 + 4 + 3 + 2)/4 = 3.5
        #expect(whole.node("c2")?.meanScore?.estimate.value == 3.5)
        // A = mean of 1 and 0.5
        #expect(whole.node("A")?.estimate.value == 0.75)
        #expect(whole.node("overall")?.estimate.value == 0.75)
        #expect(whole.nodes.map(\.id) == ["overall", "A", "c1", "c2"])
    }

    @Test func shareAtOneIsFlaggedWithAnExactBound() throws {
        let r = try IndexEngine(survey: Self.survey(), dataset: Self.dataset()).run()
        let c1 = try #require(r.wholeSample?.node("c1"))
        #expect(c1.flags.contains(.shareAtOne))
        #expect(c1.interval.upper == 1)
        // prop.test(40, 40, correct = FALSE)$conf.int[1] = 0.91237604... ; Wilson lower = n/(n + z²)
        let z = 1.959963984540054
        #expect(close(c1.interval.lower, 40 / (40 + z * z)))
        #expect(c1.estimate.standardError == 0)
    }

    @Test func score100AndMeanMeasures() throws {
        let score = try IndexEngine(survey: Self.survey(measure: .score100), dataset: Self.dataset()).run()
        // c2 keyed 5, 4, 3, 2 → 100, 75, 50, 25: mean 62.5; c1 → 100; A = 81.25
        #expect(score.wholeSample?.node("c2")?.estimate.value == 62.5)
        #expect(score.wholeSample?.node("A")?.estimate.value == 81.25)
        #expect(score.wholeSample?.node("A")?.interval.method == "t")
        let mean = try IndexEngine(survey: Self.survey(measure: .mean), dataset: Self.dataset()).run()
        #expect(mean.wholeSample?.node("A")?.estimate.value == 4.25)
        #expect(mean.settings.measure == .mean)
    }

    @Test func smallGroupsAreSuppressedAndFlagged() throws {
        let r = try IndexEngine(survey: Self.survey(), dataset: Self.dataset(),
                                options: IndexOptions(groupings: [["service"]])).run()
        let services = try #require(r.grouping(["service"]))
        #expect(services.groups.map(\.key) == [["big"], ["tiny"]])
        let tiny = try #require(services.group(["tiny"]))
        #expect(tiny.respondents == 8 && tiny.belowDisclosureThreshold)
        let entry = try #require(tiny.node("c2"))
        #expect(entry.isSuppressed)
        #expect(entry.flags.contains(.belowMinimumN) && entry.flags.contains(.belowDisclosureThreshold))
        // Still counted: 8 valid answers, keyed 5, 4, 3, 2 twice → 0.5.
        #expect(entry.counts.valid == 8 && entry.estimate.value == 0.5)
        // The only other group is hidden beside it: otherwise whole − big = tiny (issue 9).
        let big = try #require(services.group(["big"])?.node("c2"))
        #expect(big.isSuppressed && big.flags == [.complementarySuppression])
    }

    @Test func wideIntervalsAreFlagged() throws {
        let r = try IndexEngine(survey: Self.survey(minValidN: 5, maxWidth: 0.2), dataset: Self.dataset()).run()
        // c2: p = 0.5 on 40 answers; Wilson width ≈ 2·1.96·√(0.25/40)/(1 + 1.96²/40) ≈ 0.29 > 0.2.
        let c2 = try #require(r.wholeSample?.node("c2"))
        #expect(c2.interval.width > 0.2)
        #expect(c2.flags == [.wideInterval])
    }

    @Test func missingKindsAreCountedApart() throws {
        var d = Self.dataset()
        d.answers["c2"]![0] = .noAnswer
        d.answers["c2"]![1] = .dontKnow
        d.answers["c2"]![2] = .notApplicable
        d.answers["c2"]![3] = .invalid
        let r = try IndexEngine(survey: Self.survey(), dataset: d).run()
        let c2 = try #require(r.wholeSample?.node("c2"))
        #expect(c2.counts == AnswerCounts(valid: 36, noAnswer: 1, dontKnow: 1, notApplicable: 1, invalid: 1))
        #expect(c2.estimate.n == 36)
        // A counts the answers to both criteria; its n is respondents with any valid answer.
        let a = try #require(r.wholeSample?.node("A"))
        #expect(a.counts.valid == 76 && a.counts.excluded == 4 && a.estimate.n == 40)
    }

    @Test func multiSelectSharesAmongRespondentsWhoChose() throws {
        var d = Self.dataset()
        // Rows 0..<10 chose nothing; rows 10..<40 chose option 0; rows 10..<25 also option 1.
        d.selections["ch"] = (0..<40).map { i in i < 10 ? 0 : (i < 25 ? 3 : 1) }
        var s = Self.survey()
        s.questions = [Question(id: "ch", kind: .multiSelect, label: Self.l, column: "ch",
                                options: [Option(code: "a", label: Self.l), Option(code: "b", label: Self.l)], separator: ";")]
        let r = try IndexEngine(survey: s, dataset: d).run()
        let a = try #require(r.wholeSample?.question("ch", option: "a"))
        let b = try #require(r.wholeSample?.question("ch", option: "b"))
        #expect(a.estimate.value == 1 && b.estimate.value == 0.5)  // 30/30 and 15/30
        #expect(b.counts == AnswerCounts(valid: 30, noAnswer: 10))
        #expect(b.role == .option && b.measure == .choice)
    }

    @Test func errorsSayWhatToDo() {
        #expect(throws: IndexError.unknownGrouping(name: "provice", available: ["service"])) {
            try IndexEngine(survey: Self.survey(), dataset: Self.dataset(), options: IndexOptions(groupings: [["provice"]])).run()
        }
        #expect(IndexError.unknownGrouping(name: "provice", available: ["province", "service"]).description
            == "cannot group by `provice`: it is neither a grouping of the survey nor a column of the data; available: `province`, `service`.")
        #expect(throws: IndexError.unknownIntervalMethod(name: "exact", known: ProportionIntervalMethod.allCases.map(\.rawValue))) {
            try IndexEngine(survey: Self.survey(interval: "exact"), dataset: Self.dataset()).run()
        }
        #expect(IndexError.unknownIntervalMethod(name: "exact", known: ["wilson", "wald"]).description
            == "unknown interval method `exact`; use one of wilson, wald.")
        var d = Self.dataset()
        d.answers["c2"] = nil
        #expect(throws: IndexError.missingCriterion(id: "c2")) { try IndexEngine(survey: Self.survey(), dataset: d).run() }
        #expect(IndexError.missingCriterion(id: "c2").description
            == "criterion `c2` has no answers in the data; import the file with the survey that declares it.")
        #expect(IndexError.invalidLevel(1.5).description == "confidence level 1.5 is not between 0 and 1; use e.g. 0.95.")
    }

    @Test func lonelyPSUIsRefusedByDefaultAndPolicyIsAValue() throws {
        var d = Self.dataset()
        d.strata = CategoryColumn(id: "st", levels: ["A", "B"], codes: (0..<40).map { $0 < 39 ? 0 : 1 })
        d.clusters = CategoryColumn(id: "v", levels: ["1", "2", "3"], codes: (0..<40).map { UInt32($0 < 39 ? $0 % 2 : 2) })
        #expect(throws: IndexError.design(.lonelyUnit(stratum: "B"))) { try IndexEngine(survey: Self.survey(), dataset: d).run() }
        let r = try IndexEngine(survey: Self.survey(), dataset: d, options: IndexOptions(lonelyUnitPolicy: .remove)).run()
        #expect(r.design.lonelyUnitPolicy == .remove)
        #expect(r.design.rDesign == "svydesign(ids = ~v, strata = ~st, nest = TRUE, data = d); options(survey.lonely.psu = \"remove\")")
        // The survey file's `design.lonelyUnits` applies when the options name none; the options win.
        var declared = Self.survey()
        declared.columns.design.lonelyUnits = .adjust
        #expect(try IndexEngine(survey: declared, dataset: d).run().design.lonelyUnitPolicy == .adjust)
        #expect(try IndexEngine(survey: declared, dataset: d, options: IndexOptions(lonelyUnitPolicy: .remove))
            .run().design.lonelyUnitPolicy == .remove)
    }
}

/// A group where everyone is satisfied with all nine criteria of an aspect: in floating point
/// 9 × (1/9 · 1) sums to 1.0000000000000002 (Python: `sum([1/9] * 9)`), which once reached a
/// precondition of the Wilson fallback and crashed `analyze` on small groups.
@Suite struct AllSatisfiedAspectTests {
    static let l = LocalizedText(["en": "x"])
    static let s5 = Scale(id: "s5", points: (1...5).map { ScalePoint(value: $0, label: l) }, satisfied: [4, 5])
    static let ids = (1...9).map { "c\($0)" }

    static func survey(design: Bool) -> Survey {
        Survey(
            id: "t", version: "1", title: l, languages: ["en"], defaultLanguage: "en", scales: [s5],
            index: IndexRules(measure: .share, interval: "wilson", minValidN: 1, disclosureThreshold: 1),
            indicators: [.aggregate(Aggregate(id: "A", label: l, children: ids.map {
                .criterion(Criterion(id: $0, label: l, column: $0, scale: "s5"))
            }))],
            columns: design ? Columns(design: DesignColumns(weight: "w")) : Columns())
    }

    static func dataset(design: Bool) -> SurveyDataset {
        let n = 12
        var answers: [String: [AnswerCode]] = [:]
        for id in ids { answers[id] = (0..<n).map { .point($0 % 2 == 0 ? 5 : 4) } }
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers,
            groups: ["service": CategoryColumn(id: "service", levels: ["all", "some"], codes: (0..<n).map { $0 < 6 ? 0 : 1 })],
            weights: design ? (0..<n).map { 1 + Double($0 % 3) } : nil)
    }

    /// With everyone satisfied the logit interval is undefined (SE 0), so the aspect gets the
    /// Wilson interval at p = 1, lower bound n/(n + z²), on n (no design) or Kish's n.
    @Test(arguments: [false, true])
    func theAspectIsExactlyOneAndHasAnInterval(design: Bool) throws {
        #expect((0..<9).reduce(0.0) { sum, _ in sum + 1.0 / 9 } > 1, "the rounding this test is about")
        let r = try IndexEngine(survey: Self.survey(design: design), dataset: Self.dataset(design: design),
                                options: IndexOptions(groupings: [["service"]])).run()
        let z = 1.959963984540054
        // Each group: 6 rows, weights 1, 2, 3, 1, 2, 3 → Kish n = 12²/28; the whole sample 24²/56.
        let groupN = design ? 144.0 / 28 : 6
        for group in try #require(r.grouping(["service"])).groups {
            let aspect = try #require(group.node("A"))
            #expect(aspect.estimate.value == 1)
            #expect(abs(aspect.interval.upper - 1) < 1e-12)
            #expect(abs(aspect.interval.lower - groupN / (groupN + z * z)) < 1e-12)
        }
        let whole = try #require(r.wholeSample?.node("A"))
        let wholeN = design ? 576.0 / 56 : 12
        #expect(whole.estimate.value == 1)
        #expect(abs(whole.interval.lower - wholeN / (wholeN + z * z)) < 1e-12)
    }
}
