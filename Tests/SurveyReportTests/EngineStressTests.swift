import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveyReport
import SurveySchema
import SurveyStatistics

/// Random small surveys and datasets through the whole engine: trees of every combine rule
/// and measure, scales of 2 to 11 points, reverse keying, answers that are mostly missing or
/// all alike, tiny groups, zero and extreme weights, strata with one PSU under every rule,
/// the bootstrap. The engine may refuse a design (a thrown `IndexError`), never crash; and
/// what it returns must hold together: shares in [0, 1], every finite interval around its
/// estimate, a share's interval inside [0, 1], every criterion's answers counted once. Every
/// output is then rendered from the results (table, JSON, CSV, the report in both languages),
/// and the case is compared with a second wave drawn from the next seed (table, JSON, CSV,
/// report with a baseline): none of it may crash.
///
/// A failure prints its case number; `Self.run(case:)` rebuilds that case alone.
@Suite struct EngineStressTests {
    static let l = LocalizedText(["en": "x"])

    struct Case {
        var survey: Survey
        var dataset: SurveyDataset
        var options: IndexOptions
    }

    static func make(case number: UInt64) -> Case {
        var rng = SeededGenerator(seed: 0x5eed_0000 + number)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }

        // Scales: 2, 4, 5 and 11 points, the satisfied band at the top.
        let sizes = [2, 4, 5, 11]
        let scales = sizes.map { k in
            Scale(id: "s\(k)", points: (1...k).map { ScalePoint(value: $0, label: l) },
                  satisfied: k == 2 ? [2] : Array((k - (k > 5 ? 2 : 1))...k))
        }
        // One to three aggregates of 1 to 11 criteria, maybe nested one level deeper.
        var columns: [(id: String, points: Int, reverse: Bool)] = []
        func criterion() -> Indicator {
            let k = sizes[below(sizes.count)]
            let id = "c\(columns.count)"
            let reverse = chance(0.2)
            columns.append((id, k, reverse))
            return .criterion(Criterion(id: id, label: l, column: id, scale: "s\(k)", reverse: reverse))
        }
        let combines: [CombineRule?] = [nil, .meanOfChildren, .pooled, .meanOfRespondents]
        func aggregate(_ id: String, depth: Int) -> Indicator {
            // Sizes where 1/k summed k times is not 1 in floating point (9, 11) among them.
            let count = depth == 0 ? [1, 2, 3, 5, 7, 9, 10, 11][below(8)] : 1 + below(4)
            var children: [Indicator] = (0..<count).map { _ in criterion() }
            if depth == 0 && chance(0.3) { children.append(aggregate(id + "x", depth: 1)) }
            return .aggregate(Aggregate(id: id, label: l, combine: combines[below(combines.count)], children: children))
        }
        let indicators = (0..<(1 + below(3))).map { aggregate("a\($0)", depth: 0) }
        let measure = [IndexMeasure.share, .share, .mean, .score100][below(4)]
        let interval = ["wilson", "clopper-pearson", "logit", "korn-graubard", "survey-logit", "jeffreys"][below(6)]
        let survey = Survey(
            id: "stress", version: "1", title: l, languages: ["en"], defaultLanguage: "en", scales: scales,
            index: IndexRules(measure: measure, combine: [.meanOfChildren, .pooled][below(2)], interval: interval,
                              minValidN: [1, 5, 30][below(3)], maxIntervalWidth: chance(0.3) ? 0.2 : nil,
                              disclosureThreshold: [1, 3, 10][below(3)]),
            indicators: indicators)

        // Rows: 1 to 80; answers drawn per criterion from one of a few shapes.
        let n = [1, 2, 3, 7, 20, 80][below(6)]
        var answers: [String: [AnswerCode]] = [:]
        // Often one shape for every criterion (everyone satisfied with everything), else one each.
        let common: Int? = chance(0.3) ? below(6) : nil
        for (id, k, reverse) in columns {
            let shape = common ?? below(6)
            answers[id] = (0..<n).map { _ in
                switch shape {
                case 0: return .notApplicable                       // nobody could answer
                case 1: return .point(reverse ? 1 : k)              // everyone satisfied
                case 2: return .point(reverse ? k : 1)              // everyone dissatisfied
                case 3: return chance(0.8) ? [.noAnswer, .dontKnow, .invalid][below(3)] : .point(1 + below(k))
                default: return .point(1 + below(k))
                }
            }
        }
        let groupCount = 1 + below(5)
        let service = CategoryColumn(id: "service", levels: (0..<groupCount).map { "g\($0)" },
                                     codes: (0..<n).map { _ in UInt32(chance(0.6) ? 0 : below(groupCount)) })
        var dataset = SurveyDataset(rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers,
                                    groups: ["service": service])
        var options = IndexOptions(groupings: [["service"]], rankings: [RankingRequest(by: ["service"])])
        switch below(4) {
        case 0:
            break
        case 1:
            // Weights, some zero, some far apart.
            dataset.weights = (0..<n).map { _ in [0, 1, 2.5, 1e-6, 1e6, 37][below(6)] }
        default:
            // Strata and clusters, often with a stratum of one PSU.
            let strata = 1 + below(3)
            let stratum = (0..<n).map { _ in below(strata) }
            dataset.strata = CategoryColumn(id: "st", levels: (0..<strata).map { "s\($0)" }, codes: stratum.map(UInt32.init))
            let clusters = (0..<n).map { stratum[$0] * 10 + below(1 + below(4)) }
            let levels = Array(Set(clusters)).sorted()
            dataset.clusters = CategoryColumn(id: "v", levels: levels.map { "v\($0)" },
                                              codes: clusters.map { UInt32(levels.firstIndex(of: $0)!) })
            if chance(0.5) { dataset.weights = (0..<n).map { _ in [1, 2, 3.5][below(3)] } }
            options.lonelyUnitPolicy = [LonelyUnitPolicy.fail, .remove, .adjust, .certainty][below(4)]
        }
        if chance(0.3) {
            options.bootstrap = BootstrapSettings(replicates: 20, seed: number, scheme: chance(0.5) ? .clusters : .respondents)
            options.bootstrapIntervals = true
            options.rankIntervals = .bootstrap
        }
        return Case(survey: survey, dataset: dataset, options: options)
    }

    /// Runs one case; returns the problems found (empty when the results hold together) or
    /// nil when the engine refused the input with an error.
    static func run(case number: UInt64) -> [String]? {
        let c = make(case: number)
        let results: IndexResults
        do {
            results = try IndexEngine(survey: c.survey, dataset: c.dataset, options: c.options).run()
        } catch {
            return nil
        }
        var problems: [String] = []
        for grouping in results.groupings {
            for group in grouping.groups {
                for entry in group.nodes + group.questions {
                    let e = entry.estimate, ci = entry.interval
                    let at = "case \(number) \(group.key) \(entry.id)"
                    let isShare = entry.measure == .share || entry.measure == .choice
                    if isShare && e.value.isFinite && !(0...1).contains(e.value) {
                        problems.append("\(at): share \(e.value) outside [0, 1]")
                    }
                    guard e.value.isFinite, ci.lower.isFinite, ci.upper.isFinite else { continue }
                    let slack = 1e-9 * max(1, abs(e.value))
                    if !c.options.bootstrapIntervals && (ci.lower > e.value + slack || ci.upper < e.value - slack) {
                        problems.append("\(at): \(e.value) outside its interval \(ci.lower)...\(ci.upper) (\(ci.method), n \(e.n), n* \(e.effectiveN ?? -1), se \(e.standardError))")
                    }
                    if isShare && (ci.lower < -1e-12 || ci.upper > 1 + 1e-12) {
                        problems.append("\(at): share interval \(ci.lower)...\(ci.upper) outside [0, 1]")
                    }
                }
                for node in group.nodes where node.role == .criterion {
                    if node.counts.valid + node.counts.excluded != group.respondents {
                        problems.append("case \(number) \(group.key) \(node.id): \(node.counts.valid) valid + "
                                        + "\(node.counts.excluded) excluded ≠ \(group.respondents) respondents")
                    }
                }
            }
        }
        problems += render(c, results, number: number)
        return problems
    }

    /// Every output of the results, and of their comparison with the next case's data as an
    /// earlier wave of the same survey; the problems found in what was written.
    static func render(_ c: Case, _ results: IndexResults, number: UInt64) -> [String] {
        var problems: [String] = []
        let provenance = Provenance(
            toolVersion: "0.0.0-test",
            survey: .init(id: c.survey.id, version: "1", fileName: "stress.json5", sha256: Provenance.sha256(of: [1])),
            data: .init(fileName: "stress.csv", sha256: Provenance.sha256(of: [2]), rowsRead: c.dataset.rowCount,
                        rowsAccepted: c.dataset.rowCount, rowsQuarantined: 0))
        var comparison: ComparisonResults?
        var earlier = make(case: number)
        earlier.dataset = make(case: number + 1_000_000).dataset
        if earlier.dataset.rowCount > 0, let before = try? IndexEngine(
            survey: c.survey, dataset: sameShape(earlier.dataset, as: c.dataset), options: c.options).run() {
            comparison = try? WaveComparison(
                waves: [Wave(label: "2023", survey: c.survey, results: before), Wave(label: "2024", survey: c.survey, results: results)],
                options: ComparisonOptions(by: ["service"])).run()
        }
        for language in ["vi", "en"] {
            let table = AnalysisTable(results: results, survey: c.survey, language: language).render(width: 100)
            if table.contains("nan") || table.contains("inf") { problems.append("case \(number): the table prints nan or inf") }
            let json = AnalysisJSON.encode(results: results, survey: c.survey, provenance: provenance, language: language)
            if (try? JSONSerialization.jsonObject(with: json)) == nil { problems.append("case \(number): the JSON does not parse") }
            _ = AnalysisCSV(results: results, survey: c.survey, language: language).render()
            let report = LeadershipReport(survey: c.survey, results: results, comparison: comparison,
                                          provenance: provenance, language: language)
            for text in [report.html(), report.markdown()] where text.contains("NaN") || text.contains("nan%") {
                problems.append("case \(number): the report prints NaN")
            }
            if let comparison {
                _ = ComparisonTable(results: comparison, survey: c.survey, language: language).render(width: 100)
                if (try? JSONSerialization.jsonObject(
                    with: ComparisonJSON(results: comparison, survey: c.survey, language: language).data())) == nil {
                    problems.append("case \(number): the comparison JSON does not parse")
                }
                _ = ComparisonCSV(results: comparison, survey: c.survey, language: language).render()
            }
        }
        return problems
    }

    /// `data` with the answer columns of `shape`'s survey (criteria it lacks all missing), so
    /// that an earlier wave drawn from another seed fits the same survey.
    static func sameShape(_ data: SurveyDataset, as shape: SurveyDataset) -> SurveyDataset {
        var out = data
        out.answers = [:]
        for id in shape.answers.keys {
            out.answers[id] = data.answers[id].map { column in column.map { $0.isValid ? AnswerCode.point(1 + Int($0.rawValue - 1) % 2) : $0 } }
                ?? [AnswerCode](repeating: .noAnswer, count: data.rowCount)
        }
        return out
    }

    /// 400 cases (about 10 s in a debug build); `SATKIT_STRESS_CASES=N` runs N, for a longer hunt.
    static let caseCount = UInt64(ProcessInfo.processInfo.environment["SATKIT_STRESS_CASES"] ?? "") ?? 400

    @Test func randomSurveysHoldTogether() {
        var refused = 0
        var problems: [String] = []
        for number in 0..<Self.caseCount {
            guard let found = Self.run(case: number) else { refused += 1; continue }
            problems += found
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
        // Most cases must run: a generator that only made refused designs would test nothing.
        #expect(refused * 4 < Self.caseCount, "\(refused) of \(Self.caseCount) cases refused")
    }
}
