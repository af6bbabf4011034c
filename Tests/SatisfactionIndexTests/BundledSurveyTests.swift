import Foundation
import Testing
import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics
import TestSupport

/// The engine on the bundled SIPAS survey (parts → aspects → criteria, and every kind of
/// question) with a seeded synthetic dataset: invariants that hold for any data.
@Suite struct BundledSurveyTests {
    static func dataset(for survey: Survey, rows n: Int, seed: UInt64) -> SurveyDataset {
        var rng = SeededGenerator(seed: seed)
        var answers: [String: [AnswerCode]] = [:]
        let scored = survey.criteria.map { ($0.id, survey.scale(of: $0)!) }
            + survey.questions.filter(\.kind.isScored).map { ($0.id, survey.scale(of: $0)!) }
        for (id, scale) in scored {
            answers[id] = (0..<n).map { _ in
                let u = rng.nextInt(below: 100)
                if u < 3 { return .noAnswer }
                if u < 5 { return .dontKnow }
                return .point(1 + rng.nextInt(below: scale.k))
            }
        }
        var selections: [String: [UInt64]] = [:]
        for q in survey.questions(of: .multiSelect) {
            selections[q.id] = (0..<n).map { _ in UInt64(rng.nextInt(below: 1 << q.options.count)) }
        }
        var groups: [String: CategoryColumn] = [:]
        for g in survey.columns.groups {
            let levels = g.values?.map(\.code) ?? ["a", "b", "c"]
            groups[g.id] = CategoryColumn(id: g.id, levels: levels, codes: (0..<n).map { _ in UInt32(rng.nextInt(below: levels.count)) })
        }
        let villages = 24
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers, selections: selections,
            groups: groups, weights: (0..<n).map { _ in 0.5 + Double(rng.nextInt(below: 100)) / 50 },
            strata: CategoryColumn(id: "province", levels: ["P1", "P2", "P3"], codes: (0..<n).map { UInt32($0 % villages % 3) }),
            clusters: CategoryColumn(id: "village", levels: (0..<villages).map { "v\($0)" }, codes: (0..<n).map { UInt32($0 % villages) }))
    }

    @Test func sipasRunsByServiceWithConsistentNumbers() throws {
        let survey = try Survey.load(from: TestPaths.file("surveys/sipas.json5"))
        let data = Self.dataset(for: survey, rows: 1500, seed: 9)
        let results = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let whole = try #require(results.wholeSample)
        // Every node of the tree, root first; every scored question; one entry per option.
        func ids(_ node: Indicator) -> [String] { [node.id] + node.children.flatMap(ids) }
        #expect(whole.nodes.map(\.id) == ids(.aggregate(survey.root)))
        let optionCount = survey.questions(of: .multiSelect).map(\.options.count).reduce(0, +)
        #expect(whole.questions.count == survey.questions.filter(\.kind.isScored).count + optionCount)
        // meanOfChildren: each parent is the mean of its children's values.
        func check(_ node: Indicator, in group: GroupResult) {
            guard case .aggregate(let aggregate) = node else { return }
            let children = aggregate.children.map { group.node($0.id)!.estimate.value }
            let mean = children.reduce(0, +) / Double(children.count)
            #expect(close(group.node(aggregate.id)!.estimate.value, mean, 1e-12), "\(aggregate.id)")
            for child in aggregate.children { check(child, in: group) }
        }
        check(.aggregate(survey.root), in: whole)
        // Counts reconcile: each criterion's cells add up to the rows; the root's to rows × criteria.
        for criterion in survey.criteria { #expect(whole.node(criterion.id)!.counts.total == 1500) }
        #expect(whole.node("overall")!.counts.total == 1500 * survey.criteria.count)
        // Groups partition the rows; every interval holds its estimate; design quantities present.
        let services = try #require(results.grouping(["service"]))
        #expect(services.groups.map(\.respondents).reduce(0, +) == 1500)
        for group in services.groups + [whole] {
            for entry in group.nodes + group.questions where entry.estimate.n > 0 {
                #expect(entry.interval.lower <= entry.estimate.value && entry.estimate.value <= entry.interval.upper,
                        "\(group.key) \(entry.id) \(entry.option ?? "")")
                #expect(entry.estimate.designEffect != nil && entry.estimate.weightedN != nil)
            }
        }
        #expect(results.design.rDesign == "svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = d)")
        #expect(results.settings.maxIntervalWidth == 0.2)
        #expect(!results.reliability.isEmpty)
        #expect(results.priorities?.importanceTarget == "overall item overall_satisfaction")
    }
}
