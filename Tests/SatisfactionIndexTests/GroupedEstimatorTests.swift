import Testing
@testable import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics

/// The engine's per-group sums against the general variance engine of SurveyStatistics:
/// for every group and statistic, the variance from ``VarianceLayout`` (per-group sums, no
/// per-row storage) equals ``DesignVariance`` applied to the stored per-row influence values,
/// and the point values and SEs equal those of the general estimators (`WeightedProportion`,
/// `MeanOfShares`, `PooledProportion`) on the same domain. Both are computed here, so the
/// expected numbers come from code we did not write in this module.
@Suite struct GroupedEstimatorTests {
    /// A random dataset: 300 rows (or `rows`), 4 criteria (A = c1, c2; B = c3, c4), missing
    /// answers, two grouping columns, weights, 3 strata × 5 clusters.
    static func dataset(seed: UInt64, rows n: Int = 300) -> SurveyDataset {
        var rng = SeededGenerator(seed: seed)
        var answers: [String: [AnswerCode]] = [:]
        for id in ["c1", "c2", "c3", "c4", "q0"] {
            answers[id] = (0..<n).map { _ in
                let u = rng.nextInt(below: 100)
                if u < 4 { return .noAnswer }
                if u < 7 { return .dontKnow }
                if u < 9 { return .notApplicable }
                return .point(1 + rng.nextInt(below: 5))
            }
        }
        func column(_ id: String, _ levels: [String]) -> CategoryColumn {
            CategoryColumn(id: id, levels: levels, codes: (0..<n).map { _ in UInt32(rng.nextInt(below: levels.count)) })
        }
        let strataCodes = (0..<n).map { UInt32($0 % 3) }
        return SurveyDataset(
            rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers,
            groups: ["g": column("g", ["x", "y", "z", "w"]), "h": column("h", ["p", "q"])],
            weights: (0..<n).map { _ in 0.5 + Double(rng.nextInt(below: 1000)) / 400 },
            strata: CategoryColumn(id: "s", levels: ["S1", "S2", "S3"], codes: strataCodes),
            clusters: CategoryColumn(id: "k", levels: ["1", "2", "3", "4", "5"], codes: (0..<n).map { UInt32(($0 / 3) % 5) }),
            fpc: strataCodes.map { [40.0, 25.0, 60.0][Int($0)] })
    }

    static func survey(_ combine: CombineRule) -> Survey {
        let l = LocalizedText(["en": "x"])
        let scale = Scale(id: "s5", points: (1...5).map { ScalePoint(value: $0, label: l) }, satisfied: [4, 5])
        func c(_ id: String) -> Indicator { .criterion(Criterion(id: id, label: l, column: id, scale: "s5", reverse: id == "c4")) }
        return Survey(
            id: "t", version: "1", title: l, languages: ["en"], defaultLanguage: "en", scales: [scale],
            index: IndexRules(combine: combine),
            indicators: [.aggregate(Aggregate(id: "A", label: l, children: [c("c1"), c("c2")])),
                         .aggregate(Aggregate(id: "B", label: l, children: [c("c3"), c("c4")]))],
            questions: [Question(id: "q0", kind: .overall, label: l, column: "q0", scale: "s5")])
    }

    enum DesignCase: String, CaseIterable, Sendable { case unweighted, weighted, stratified, clustered, clusteredWithFPC }

    static func prepare(_ d: SurveyDataset, _ kind: DesignCase) -> SurveyDataset {
        var d = d
        switch kind {
        case .unweighted: d.weights = nil; d.strata = nil; d.clusters = nil; d.fpc = nil
        case .weighted: d.strata = nil; d.clusters = nil; d.fpc = nil
        case .stratified: d.clusters = nil; d.fpc = nil
        case .clustered: d.fpc = nil
        case .clusteredWithFPC: break
        }
        return d
    }

    @Test(arguments: DesignCase.allCases, [CombineRule.meanOfChildren, .pooled, .meanOfRespondents])
    func slotSumsEqualTheGeneralEngine(_ kind: DesignCase, _ combine: CombineRule) throws {
        let data = Self.prepare(Self.dataset(seed: 7), kind)
        let context = try EngineContext(survey: Self.survey(combine), dataset: data, options: IndexOptions())
        for by in [[], ["g"], ["g", "h"]] {
            let estimator = try context.estimator(by)
            let w = context.design.weights
            let sums = estimator.sums(weights: w)
            let influence = estimator.influenceSums(sums: sums, weights: w)
            let S = estimator.statisticCount
            let variances = estimator.layout.variances(
                s1: influence.s1, s2: influence.s2, statistics: S, groups: estimator.groups.count, design: context.design)
            for g in 0..<estimator.groups.count {
                for s in 0..<S {
                    let z = estimator.influence(group: g, statistic: s, sums: sums, weights: w)
                    let general = DesignVariance.variance(influence: z, design: context.design)
                    #expect(close(variances[g * S + s], general, 1e-12) || abs(variances[g * S + s] - general) < 1e-15,
                            "\(kind) \(by) group \(g) statistic \(s): \(variances[g * S + s]) vs \(general)")
                }
            }
        }
    }

    /// Indicator of "satisfied" (keyed 4 or 5) per row, NaN when missing.
    static func indicator(_ codes: [AnswerCode], reverse: Bool) -> [Double] {
        codes.map { code in
            guard let p = code.position else { return .nan }
            let keyed = reverse ? 6 - p : p
            return keyed >= 4 ? 1 : 0
        }
    }

    @Test(arguments: DesignCase.allCases)
    func entriesEqualTheGeneralEstimators(_ kind: DesignCase) throws {
        let data = Self.prepare(Self.dataset(seed: 11), kind)
        let items = ["c1", "c2", "c3", "c4"].map { Self.indicator(data.answers[$0]!, reverse: $0 == "c4") }
        for combine in [CombineRule.meanOfChildren, .pooled] {
            let context = try EngineContext(survey: Self.survey(combine), dataset: data, options: IndexOptions())
            let results = try IndexEngine(survey: Self.survey(combine), dataset: data,
                                          options: IndexOptions(groupings: [["g"]])).run()
            let column = data.groups["g"]!
            for group in results.grouping(["g"])!.groups {
                let level = UInt32(column.levels.firstIndex(of: group.key[0])!)
                let domain = column.codes.map { $0 == level }
                let pairs: [(String, LinearizedStatistic)] = [
                    ("c1", WeightedProportion.linearize(items[0], design: context.design, domain: domain)),
                    ("c4", WeightedProportion.linearize(items[3], design: context.design, domain: domain)),
                    ("A", combine == .pooled
                        ? PooledProportion.linearize(indicators: Array(items[0..<2]), design: context.design, domain: domain)
                        : MeanOfShares.linearize(indicators: Array(items[0..<2]), design: context.design, domain: domain)),
                ]
                for (id, statistic) in pairs {
                    let general = statistic.estimate(design: context.design, method: "general")
                    let ours = try #require(group.node(id)).estimate
                    #expect(close(ours.value, general.value, 1e-12), "\(kind) \(combine) \(group.key) \(id) value")
                    #expect(close(ours.standardError, general.standardError, 1e-10), "\(kind) \(combine) \(group.key) \(id) SE")
                    #expect(ours.n == general.n)
                    if kind != .unweighted {
                        #expect(close(ours.designEffect ?? .nan, general.designEffect ?? .nan, 1e-10), "\(kind) \(id) deff")
                    }
                }
            }
        }
    }

    /// The column-by-column fast path gives the row-by-row sums, for every design and rule,
    /// including multi-select options.
    @Test(arguments: DesignCase.allCases, [CombineRule.meanOfChildren, .pooled, .meanOfRespondents])
    func columnarPassEqualsRowByRow(_ kind: DesignCase, _ combine: CombineRule) throws {
        try checkColumnarPass(kind, combine, rows: 300)
    }

    /// From 65,536 rows the mean-of-children pass sums two halves of the rows side by side.
    @Test(arguments: DesignCase.allCases)
    func columnarPassEqualsRowByRowOnManyRows(_ kind: DesignCase) throws {
        // The row-by-row sums of 70,000 terms carry rounding errors of about 1e-14 (sums of
        // influence values that are 0 in exact arithmetic come out as 4e-14): the tolerance is
        // that, not 1e-14; a lost or doubled half of the rows would be off by far more.
        try checkColumnarPass(kind, .meanOfChildren, rows: 70_001, relative: 1e-10, absolute: 1e-12)
    }

    func checkColumnarPass(_ kind: DesignCase, _ combine: CombineRule, rows: Int,
                           relative: Double = 1e-12, absolute: Double = 1e-14) throws {
        var data = Self.prepare(Self.dataset(seed: 5, rows: rows), kind)
        data.selections["ch"] = (0..<data.rowCount).map { UInt64($0 % 4) }
        var survey = Self.survey(combine)
        let l = LocalizedText(["en": "x"])
        survey.questions.append(Question(id: "ch", kind: .multiSelect, label: l, column: "ch",
                                         options: [Option(code: "a", label: l), Option(code: "b", label: l)], separator: ";"))
        let context = try EngineContext(survey: survey, dataset: data, options: IndexOptions())
        for by in [[], ["g", "h"]] {
            let estimator = try context.estimator(by)
            let rowSums = estimator.sums(weights: context.design.weights)
            let all = Set(0..<estimator.statisticCount)
            let rowInfluence = estimator.influenceSums(sums: rowSums, weights: context.design.weights, keep: all)
            let (sums, influence) = ColumnarPass(estimator: estimator).run(keep: all)
            #expect(sums.answerCounts == rowSums.answerCounts)
            #expect(sums.enteringN == rowSums.enteringN)
            #expect(sums.groupRows == rowSums.groupRows)
            func same(_ a: [Double], _ b: [Double], _ what: String) {
                #expect(a.count == b.count, "\(what) count")
                for k in a.indices where !(close(a[k], b[k], relative) || abs(a[k] - b[k]) < absolute) {
                    Issue.record("\(kind) \(combine) \(by) \(what)[\(k)]: \(a[k]) vs \(b[k])")
                    return
                }
            }
            same(estimator.values(sums), estimator.values(rowSums), "values")
            same(sums.enteringW, rowSums.enteringW, "enteringW")
            same(sums.enteringW2, rowSums.enteringW2, "enteringW2")
            same(influence.s1, rowInfluence.s1, "s1")
            same(influence.s2, rowInfluence.s2, "s2")
            for s in all {
                same(influence.slotT[s] ?? [], rowInfluence.slotT[s] ?? [], "slot t of \(s)")
                same(influence.slotT2[s] ?? [], rowInfluence.slotT2[s] ?? [], "slot t2 of \(s)")
            }
            same(influence.z, rowInfluence.z, "z")
            same(influence.zzOverW, rowInfluence.zzOverW, "zzOverW")
            // Replicate weights (as the ranking bootstrap passes them), some of them zero.
            let replicate = context.design.weights.indices.map { Double($0 % 3) * context.design.weights[$0] }
            same(estimator.values(ColumnarPass(estimator: estimator).run(weights: replicate).0),
                 estimator.values(estimator.sums(weights: replicate)), "replicate values")
        }
    }
}
