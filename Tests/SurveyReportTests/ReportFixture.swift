import Foundation
import SatisfactionIndex
import SurveyData
import SurveyReport
import SurveySchema
import SurveyStatistics
import TestSupport

/// A realistic SIPAS-shaped dataset for the report tests: the bundled `surveys/sipas.json5`,
/// answers drawn with a seeded generator for seven services (one of them with only 8
/// respondents, under the disclosure threshold of 10), 24 provinces of 3 villages each, and a
/// baseline wave in which the services score lower.
///
/// The numbers the tests compare come from `IndexEngine` and `WaveComparison` on this data;
/// the tests check that the report shows those numbers, not what the numbers are.
enum ReportFixture {
    static let hostileAspect = "<script>alert(1)</script> Access"
    static let hostileService = "\"><img src=x onerror=alert(1)> Land"

    /// The bundled survey; with `hostile`, the `access` aspect and the `land` service carry
    /// markup in both languages.
    static func survey(hostile: Bool = false) throws -> Survey {
        var text = try String(contentsOf: TestPaths.file("surveys/sipas.json5"), encoding: .utf8)
        if hostile {
            func json(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            text = text.replacingOccurrences(
                of: "label: { vi: \"Tiếp cận dịch vụ\", en: \"Access to the service\" }",
                with: "label: { vi: \(json(hostileAspect)), en: \(json(hostileAspect)) }")
            text = text.replacingOccurrences(
                of: "label: { vi: \"Đất đai\", en: \"Land\" }",
                with: "label: { vi: \(json(hostileService)), en: \(json(hostileService)) }")
        }
        return try Survey(json5: Data(text.utf8), fileName: "sipas.json5")
    }

    static let services = ["civil_status", "residence", "land", "construction", "business", "certification", "social_insurance"]

    /// One wave of answers. `shift` moves every service's satisfaction (the baseline is lower).
    static func dataset(_ survey: Survey, seed: UInt64, shift: Double) -> SurveyDataset {
        var rng = SeededGenerator(seed: seed)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        // Respondents per service; social_insurance is tiny and must be suppressed.
        let sizes = [420, 380, 300, 260, 240, 200, 8]
        let serviceEffect = [0.06, 0.04, -0.08, -0.05, 0.02, 0.05, 0.0]
        var rows: [(service: Int, province: Int, village: Int, latent: Double)] = []
        for (s, size) in sizes.enumerated() {
            for i in 0..<size {
                let province = (i * 7 + s) % 24
                rows.append((s, province, province * 3 + i % 3, serviceEffect[s] + shift + (uniform() - 0.5) * 0.3))
            }
        }
        var answers: [String: [AnswerCode]] = [:]
        for (k, criterion) in survey.criteria.enumerated() {
            // Criteria differ: some are clearly weaker (fees, feedback), some stronger.
            let base = 0.80 - Double(k % 7) * 0.025 - (criterion.id.hasPrefix("fb_") ? 0.08 : 0)
            answers[criterion.id] = rows.map { row in
                let u = uniform()
                if u < 0.03 { return .noAnswer }
                if u < 0.05 { return .dontKnow }
                let p = min(0.98, max(0.05, base + row.latent))
                let v = uniform()
                if v < p { return .point(v < p * 0.35 ? 5 : 4) }
                return .point(v < p + (1 - p) * 0.5 ? 3 : (v < p + (1 - p) * 0.8 ? 2 : 1))
            }
        }
        for question in survey.questions {
            guard let scale = survey.scale(of: question), question.kind != .multiSelect, question.kind != .text,
                  question.kind != .demographic else { continue }
            let points = scale.points.count
            let lean = question.kind == .expectation ? Double(question.id.count % 4) * 0.08 : 0
            // The overall item follows the respondent's latent satisfaction (so that criteria
            // correlate with it); the others lean by question.
            let overall = question.kind == .overall
            answers[question.id] = rows.map { row in
                if uniform() < 0.02 { return .noAnswer }
                let u = overall ? min(0.999, max(0, 0.55 + row.latent * 2.5 + (uniform() - 0.5) * 0.5))
                    : min(0.999, max(0, uniform() - row.latent * 0.8 - lean))
                return .point(1 + min(points - 1, Int(u * Double(points))))
            }
        }
        func category(_ id: String, _ levels: [String], _ codes: [Int]) -> CategoryColumn {
            CategoryColumn(id: id, levels: levels, codes: codes.map(UInt32.init))
        }
        let provinces = (0..<24).map { "P\($0 + 1)" }
        let villages = (0..<72).map { "V\($0 + 1)" }
        let province = category("province", provinces, rows.map(\.province))
        let village = category("village", villages, rows.map(\.village))
        return SurveyDataset(
            rowCount: rows.count, lineNumbers: (0..<rows.count).map { UInt32($0 + 2) }, answers: answers,
            groups: ["service": category("service", services, rows.map(\.service)), "province": province, "village": village],
            weights: rows.map { _ in 0.8 + 0.4 * uniform() }, strata: province, clusters: village)
    }

    static let options = IndexOptions(
        groupings: [["service"]], lonelyUnitPolicy: .adjust, rankings: [RankingRequest(by: ["service"])],
        bootstrap: BootstrapSettings(replicates: 100, seed: 7))

    struct Run {
        let survey: Survey
        let results: IndexResults
        let comparison: ComparisonResults?
        let provenance: Provenance
    }

    /// Results for the current wave, and with `baseline` the comparison with a lower wave.
    static func run(hostile: Bool = false, baseline: Bool = true) throws -> Run {
        let survey = try survey(hostile: hostile)
        let current = try IndexEngine(survey: survey, dataset: dataset(survey, seed: 2024, shift: 0.04), options: options).run()
        var comparison: ComparisonResults?
        if baseline {
            let before = try IndexEngine(survey: survey, dataset: dataset(survey, seed: 2023, shift: -0.02), options: options).run()
            comparison = try WaveComparison(
                waves: [Wave(label: "2023", survey: survey, results: before), Wave(label: "2024", survey: survey, results: current)],
                options: ComparisonOptions(by: ["service"])).run()
        }
        let provenance = Provenance(
            toolVersion: "0.0.0-test",
            survey: .init(id: survey.id, version: survey.version, fileName: "sipas.json5",
                          sha256: Provenance.sha256(of: Array("survey".utf8))),
            data: .init(fileName: "sipas-2024.csv", sha256: Provenance.sha256(of: Array("data".utf8)),
                        rowsRead: current.rowCount + 3, rowsAccepted: current.rowCount, rowsQuarantined: 3))
        return Run(survey: survey, results: current, comparison: comparison, provenance: provenance)
    }
}
