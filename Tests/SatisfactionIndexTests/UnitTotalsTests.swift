import Foundation
import Testing
@testable import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics

/// The ranking bootstrap from per-unit totals (``UnitTotals``) against the reference path that
/// recomputes every statistic with a full pass over the replicate weights
/// (``EngineContext/rowReplicateValues(estimator:node:groups:)``, the code rankings used
/// before): both run here on the same data and seed, so the replicate values must agree to
/// rounding and the rank intervals exactly.
@Suite struct UnitTotalsTests {
    typealias Design = GroupedEstimatorTests.DesignCase

    /// Replicate values rounded to 10 significant digits before ranking. The two paths add in
    /// different orders (the columnar pass sums weights per answer code when there are no
    /// clusters, the totals per unit), so values that are equal in exact arithmetic — two
    /// groups tied in a replicate — can differ in the last bits and break the tie either way.
    /// The values themselves are compared to 1e-12 above.
    static func tenDigits(_ values: [[Double]]) -> [[Double]] {
        values.map { row in
            row.map { x in
                guard x.isFinite, x != 0 else { return x }
                let scale = Foundation.pow(10, 9 - Foundation.floor(Foundation.log10(Swift.abs(x))))
                return (x * scale).rounded() / scale
            }
        }
    }

    @Test(arguments: Design.allCases, [CombineRule.meanOfChildren, .pooled, .meanOfRespondents])
    func totalsGiveTheRowPassReplicates(_ kind: Design, _ combine: CombineRule) throws {
        let data = GroupedEstimatorTests.prepare(GroupedEstimatorTests.dataset(seed: 11), kind)
        for scheme in [Bootstrap.Scheme.clusters, .respondents] {
            let options = IndexOptions(bootstrap: BootstrapSettings(replicates: 40, seed: 5, scheme: scheme))
            let context = try EngineContext(survey: GroupedEstimatorTests.survey(combine), dataset: data, options: options)
            for by in [["g"], ["g", "h"]] {
                let estimator = try context.estimator(by)
                let groups = Array(0..<estimator.groups.count)
                let full = ColumnarPass(estimator: estimator).run().0
                for node in [Survey.rootID, "A", "c4", "q0"] {
                    let s = try #require(context.plan.statisticOfNode[node])
                    let slow = context.rowReplicateValues(estimator: estimator, node: s, groups: groups)
                    // Pairs where the design has clusters, rows otherwise; and rows forced.
                    let pairs = UnitTotals(estimator: estimator, node: s, scheme: scheme, byRows: false)
                    #expect(!pairs.byRows)
                    let rows = UnitTotals(estimator: estimator, node: s, scheme: scheme, byRows: true)
                    #expect(rows.byRows)
                    for totals in [pairs, rows] {
                        let fast = context.replicateValues(estimator: estimator, node: s, groups: groups, totals: totals)
                        #expect(fast.count == groups.count && slow.count == groups.count)
                        for (f, r) in zip(fast, slow) {
                            #expect(f.count == 40 && r.count == 40)
                            for (x, y) in zip(f, r) {
                                #expect(x.isNaN == y.isNaN)
                                if !x.isNaN { #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(kind) \(combine) \(scheme) \(by) \(node)") }
                            }
                        }
                        let estimates = groups.map { full.value($0, s, estimator.statisticCount) }
                        #expect(RankInterval.compute(estimates: estimates, replicates: Self.tenDigits(fast))
                                == RankInterval.compute(estimates: estimates, replicates: Self.tenDigits(slow)))
                    }
                }
            }
        }
    }

    @Test func theBundledFixtureRanksTheSameEitherWay() throws {
        // The R fixture with its multi-select options and the clustered design, ranked on
        // every node: whole rankings through the engine against the reference path.
        let fixture = try IndexFixture("clustered", weights: true, design: true)
        let context = try EngineContext(survey: FixtureSurvey.make(), dataset: fixture.dataset,
                                        options: IndexOptions(bootstrap: BootstrapSettings(replicates: 100, seed: 3)))
        let estimator = try context.estimator(["service"])
        let groups = Array(0..<estimator.groups.count)
        let full = ColumnarPass(estimator: estimator).run().0
        for (node, s) in context.plan.statisticOfNode.sorted(by: { $0.key < $1.key }) {
            let fast = context.replicateValues(estimator: estimator, node: s, groups: groups)
            let slow = context.rowReplicateValues(estimator: estimator, node: s, groups: groups)
            let estimates = groups.map { full.value($0, s, estimator.statisticCount) }
            #expect(RankInterval.compute(estimates: estimates, replicates: Self.tenDigits(fast))
                    == RankInterval.compute(estimates: estimates, replicates: Self.tenDigits(slow)), "\(node)")
        }
    }

    /// Bootstrap intervals of the indices (`--bootstrap N`): every node's interval in the
    /// engine's results is the percentile interval (R `quantile(type = 7)`, SurveyStatistics'
    /// `BootstrapDistribution`) of the replicates the reference path computes by a full pass over
    /// each replicate's weights, for every design, combine rule and group; the estimate and its
    /// linearization standard error are unchanged.
    @Test(arguments: Design.allCases, [CombineRule.meanOfChildren, .pooled, .meanOfRespondents])
    func bootstrapIntervalsArePercentilesOfTheRowPassReplicates(_ kind: Design, _ combine: CombineRule) throws {
        let data = GroupedEstimatorTests.prepare(GroupedEstimatorTests.dataset(seed: 11), kind)
        let survey = GroupedEstimatorTests.survey(combine)
        let settings = BootstrapSettings(replicates: 60, seed: 8)
        let closed = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["g"]])).run()
        let options = IndexOptions(groupings: [["g"]], bootstrap: settings, bootstrapIntervals: true)
        let results = try IndexEngine(survey: survey, dataset: data, options: options).run()
        #expect(closed.settings.treeIntervals == nil)
        #expect(results.settings.treeIntervals == "bootstrap-percentile, 60 replicates, seed 8, clusters")
        let context = try EngineContext(survey: survey, dataset: data, options: options)
        for by in [[String](), ["g"]] {
            let estimator = try context.estimator(by)
            let table = try #require(results.grouping(by)), reference = try #require(closed.grouping(by))
            for node in [Survey.rootID, "A", "c4"] {
                let s = try #require(context.plan.statisticOfNode[node])
                let slow = context.rowReplicateValues(estimator: estimator, node: s, groups: Array(0..<estimator.groups.count))
                for (g, group) in table.groups.enumerated() {
                    let entry = try #require(group.node(node)), before = try #require(reference.groups[g].node(node))
                    #expect(entry.estimate == before.estimate)
                    guard !entry.isSuppressed else { continue }
                    let expected = BootstrapDistribution(estimate: entry.estimate.value, replicates: slow[g]).percentileInterval()
                    #expect(entry.interval.method == "bootstrap-percentile")
                    #expect(entry.interval.note?.hasSuffix("60 replicates, seed 8, clusters") == true)
                    for (x, y) in [(entry.interval.lower, expected.lower), (entry.interval.upper, expected.upper)] {
                        #expect(x.isNaN == y.isNaN)
                        if !x.isNaN { #expect(abs(x - y) <= 1e-12, "\(kind) \(combine) \(by) \(node) \(g): \(x) vs \(y)") }
                    }
                }
            }
        }
        // A bootstrap ranking reuses the intervals' replicates: the same ranking as the one it
        // draws on its own when the intervals are closed-form.
        var ranked = options
        ranked.rankings = [RankingRequest(by: ["g"], node: Survey.rootID), RankingRequest(by: ["g"], node: "A")]
        ranked.rankIntervals = .bootstrap
        var own = ranked
        own.bootstrapIntervals = false
        let shared = try IndexEngine(survey: survey, dataset: data, options: ranked).run().rankings
        let separate = try IndexEngine(survey: survey, dataset: data, options: own).run().rankings
        #expect(shared.count == 2)
        #expect(shared == separate)
    }

    @Test func pairsGiveWayToRowsAboveTheMemoryLimit() throws {
        // Clustered: 15 PSUs (5 per stratum) × 4 groups = 60 pairs for 300 rows; the pooled
        // root has one leaf, so the pair totals take 2 × 60 doubles. Resampling respondents,
        // every row is a pair: 2 × 300 doubles.
        let data = GroupedEstimatorTests.prepare(GroupedEstimatorTests.dataset(seed: 11), .clustered)
        let context = try EngineContext(survey: GroupedEstimatorTests.survey(.pooled), dataset: data, options: IndexOptions())
        let estimator = try context.estimator(["g"])
        let s = try #require(context.plan.statisticOfNode[Survey.rootID])
        #expect(!UnitTotals(estimator: estimator, node: s, scheme: .clusters, limit: 120).byRows)
        #expect(UnitTotals(estimator: estimator, node: s, scheme: .clusters, limit: 119).byRows)
        #expect(!UnitTotals(estimator: estimator, node: s, scheme: .respondents, limit: 600).byRows)
        #expect(UnitTotals(estimator: estimator, node: s, scheme: .respondents, limit: 599).byRows)
    }
}

/// The bootstrap's row loop (``UnitTotals/addLanes(_:weights:codes:rows:items:stride:vector:)``)
/// in C with AVX2 against its Swift definition, bit for bit: random lanes (magnitudes from
/// 1e-6 to 1e6, so that rounding differs if the additions do), random answers including code
/// 0 and the scale's last, several rows into the same cell.
@Suite struct LaneKernelTests {
    @Test(.enabled(if: UnitTotals.avx2, "only the Swift loop runs on a CPU without AVX2"))
    func theVectorKernelAddsLikeTheSwiftLoop() throws {
        var rng = SeededGenerator(seed: 42)
        for (rows, items, stride) in [(1, 1, 1), (64, 49, 6), (37, 3, 12), (64, 1, 2)] {
            let cellCount = items * stride
            let start = (0..<cellCount).map { _ in SIMD8<Double>((0..<8).map { _ in rng.nextUniform() * 100 }) }
            let weights = (0..<rows).map { _ in
                SIMD8<Double>((0..<8).map { _ in Foundation.pow(10, rng.nextUniform() * 12 - 6) })
            }
            let codes = (0..<(rows * items)).map { _ in UInt8(rng.nextInt(below: stride)) }
            var results: [[SIMD8<Double>]] = []
            for vector in [false, true] {
                var cells = start
                cells.withUnsafeMutableBufferPointer { c in
                    weights.withUnsafeBufferPointer { w in
                        codes.withUnsafeBufferPointer { a in
                            UnitTotals.addLanes(c.baseAddress!, weights: w.baseAddress!, codes: a.baseAddress!,
                                                rows: rows, items: items, stride: stride, vector: vector)
                        }
                    }
                }
                results.append(cells)
            }
            let bits = results.map { $0.flatMap { cell in (0..<8).map { cell[$0].bitPattern } } }
            let differing = zip(bits[0], bits[1]).filter { $0 != $1 }.count
            #expect(differing == 0, "\(differing) of \(bits[0].count) sums differ: \(rows) rows, \(items) items, stride \(stride)")
            #expect(results[0] != start)
        }
    }
}
