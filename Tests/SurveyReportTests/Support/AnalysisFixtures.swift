import Foundation
import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics
import TestSupport
@testable import SurveyReport

/// Results built through the index engine from small datasets, for the output tests.
enum AnalysisFixtures {
    // MARK: A two-criterion survey whose numbers follow from counting

    static func text(_ en: String, _ vi: String? = nil) -> LocalizedText {
        LocalizedText(["en": en, "vi": vi ?? en])
    }

    static let s5 = Scale(
        id: "s5", points: (1...5).map { ScalePoint(value: $0, label: text("p\($0)")) }, satisfied: [4, 5])

    /// One aspect `A` with criteria `c1` and `c2`; labels may be hostile.
    static func tinySurvey(c1Label: String = "Staff were polite", c2Label: String = "Waiting time was short",
                           aspectLabel: String = "Service", serviceLabels: [String] = ["Land", "Tiny"],
                           minValidN: Int = 30, disclosure: Int = 10) -> Survey {
        Survey(
            id: "tiny", version: "1", title: text("Tiny survey", "Khảo sát nhỏ"), languages: ["en", "vi"],
            defaultLanguage: "en", scales: [s5],
            index: IndexRules(measure: .share, interval: "wilson", minValidN: minValidN, disclosureThreshold: disclosure),
            indicators: [.aggregate(Aggregate(id: "A", label: text(aspectLabel, "Dịch vụ"), children: [
                .criterion(Criterion(id: "c1", label: text(c1Label, "Công chức lịch sự"), column: "c1", scale: "s5")),
                .criterion(Criterion(id: "c2", label: text(c2Label, "Thời gian chờ ngắn"), column: "c2", scale: "s5")),
            ]))],
            columns: Columns(groups: [GroupColumn(
                id: "service", column: "service", label: text("Service", "Dịch vụ"),
                values: [CodeLabel(code: "land", label: text(serviceLabels[0], "Đất đai")),
                         CodeLabel(code: "tiny", label: text(serviceLabels[1], "Nhỏ"))])]))
    }

    /// 48 rows. c1: rows 0..<40 answer 5, rows 40..<48 answer 2 → 40/48 satisfied.
    /// c2: answers cycle 5, 4, 3, 2 (24 of 48 satisfied), except that rows 0 and 1 are "don't
    /// know" and "not applicable" → 22 satisfied of 46 valid.
    /// Service: rows 0..<40 `land`, rows 40..<48 `tiny` (8 respondents, below the threshold 10).
    static func tinyDataset() -> SurveyDataset {
        let n = 48
        var c2: [AnswerCode] = (0..<n).map { .point(5 - $0 % 4) }
        c2[0] = .dontKnow
        c2[1] = .notApplicable
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) },
            answers: ["c1": (0..<n).map { $0 < 40 ? .point(5) : .point(2) }, "c2": c2],
            groups: ["service": CategoryColumn(id: "service", levels: ["land", "tiny"], codes: (0..<n).map { $0 < 40 ? 0 : 1 })])
    }

    static func tinyResults(survey: Survey = tinySurvey(), by: [[String]] = [["service"]]) throws -> IndexResults {
        try IndexEngine(survey: survey, dataset: tinyDataset(), options: IndexOptions(groupings: by)).run()
    }

    static let provenance = Provenance(
        toolVersion: "0.0.0-test",
        survey: .init(id: "tiny", version: "1", fileName: "tiny.json5", sha256: Provenance.sha256(of: Array("survey".utf8))),
        data: .init(fileName: "tiny.csv", sha256: Provenance.sha256(of: Array("data".utf8)), rowsRead: 50,
                    rowsAccepted: 48, rowsQuarantined: 2))

    // MARK: SIPAS with many provinces, weights, strata and clusters

    static func sipas() throws -> Survey { try Survey.load(from: TestPaths.file("surveys/sipas.json5")) }

    /// A synthetic SIPAS export: `provinces` provinces (strata) of `villages` villages
    /// (clusters) of `perVillage` respondents; the last province has 8 respondents only (below
    /// the disclosure threshold). Province, village and aspect effects; 3% don't know, 2% not
    /// applicable, 2% no answer; weights 0.5–2. Seeded: the same arguments give the same data.
    static func sipasDataset(survey: Survey, provinces: Int = 60, villages: Int = 4, perVillage: Int = 12,
                             seed: UInt64 = 2024) -> SurveyDataset {
        var rng = SeededGenerator(seed: seed)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        var provinceCodes: [UInt32] = [], villageCodes: [UInt32] = [], serviceCodes: [UInt32] = []
        var channelCodes: [UInt32] = []
        var villageLevels: [String] = []
        var provinceEffect: [Double] = [], villageEffect: [Double] = []
        for p in 0..<provinces {
            let count = p == provinces - 1 ? 1 : villages
            for v in 0..<count {
                villageLevels.append(String(format: "P%02d-V%d", p + 1, v + 1))
                villageEffect.append((uniform() - 0.5) * 0.15)
                let size = p == provinces - 1 ? 8 : perVillage
                for _ in 0..<size {
                    provinceCodes.append(UInt32(p))
                    villageCodes.append(UInt32(villageLevels.count - 1))
                    serviceCodes.append(UInt32(rng.next() % 7))
                    channelCodes.append(UInt32(rng.next() % 3))
                }
            }
            provinceEffect.append((uniform() - 0.5) * 0.2)
        }
        let n = provinceCodes.count
        var answers: [String: [AnswerCode]] = [:]
        let aspects = AnalysisLabels(survey: survey).nodes.filter(\.isAspect).map(\.id)
        // Each respondent's own leaning: criteria of one person are alike (alpha well above 0).
        let personEffect = (0..<n).map { _ in (uniform() - 0.5) * 0.6 }
        for criterion in survey.criteria {
            let aspect = survey.parentChain(of: criterion.id).first?.id ?? ""
            let base = 0.62 + 0.04 * Double(aspects.firstIndex(of: aspect) ?? 0) / 2
            answers[criterion.id] = (0..<n).map { i in
                let u = uniform()
                if u < 0.03 { return .dontKnow }
                if u < 0.05 { return .notApplicable }
                if u < 0.07 { return .noAnswer }
                let p = min(0.98, base + provinceEffect[Int(provinceCodes[i])] + villageEffect[Int(villageCodes[i])] + personEffect[i])
                return uniform() < p ? .point(uniform() < 0.4 ? 5 : 4) : .point(1 + Int(rng.next() % 3))
            }
        }
        for question in survey.questions where question.kind.isScored {
            let k = survey.scale(of: question)?.points.count ?? 2
            answers[question.id] = (0..<n).map { i in
                if uniform() < 0.03 { return .dontKnow }
                if question.kind == .overall { return .point(uniform() < 0.6 + personEffect[i] ? 4 + Int(rng.next() % 2) : 1 + Int(rng.next() % 3)) }
                return .point(1 + Int(rng.next() % UInt64(k)))
            }
        }
        var selections: [String: [UInt64]] = [:]
        for question in survey.questions(of: .multiSelect) {
            selections[question.id] = (0..<n).map { _ in rng.next() % (1 << UInt64(question.options.count)) }
        }
        let provinceLevels = (1...provinces).map { String(format: "P%02d", $0) }
        let province = CategoryColumn(id: "province", levels: provinceLevels, codes: provinceCodes)
        let serviceLevels = survey.columns.groups.first { $0.id == "service" }?.values?.map(\.code) ?? []
        let channelLevels = survey.columns.groups.first { $0.id == "channel" }?.values?.map(\.code) ?? []
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers, selections: selections,
            groups: ["province": province,
                     "service": CategoryColumn(id: "service", levels: serviceLevels, codes: serviceCodes),
                     "channel": CategoryColumn(id: "channel", levels: channelLevels, codes: channelCodes)],
            weights: (0..<n).map { _ in 0.5 + 1.5 * uniform() },
            strata: province,
            clusters: CategoryColumn(id: "village", levels: villageLevels, codes: villageCodes))
    }

    /// SIPAS results by province (and service), ranked by province on the overall index.
    static func sipasResults(provinces: Int = 60, by: [[String]] = [["province"], ["service"]]) throws -> (Survey, IndexResults) {
        let survey = try sipas()
        let data = sipasDataset(survey: survey, provinces: provinces)
        let options = IndexOptions(
            groupings: by, lonelyUnitPolicy: .adjust,
            rankings: [RankingRequest(by: ["province"], node: "overall")],
            bootstrap: BootstrapSettings(replicates: 50, seed: 7))
        return (survey, try IndexEngine(survey: survey, dataset: data, options: options).run())
    }
}
