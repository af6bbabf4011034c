import Foundation
import Testing
@testable import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics
import TestSupport

/// The normal-approximation rank intervals: the groups' design covariance against R, and the
/// draws' ranks against probabilities worked out by hand.
@Suite struct GroupCovarianceTests {
    /// `Tests/Fixtures/index/<case>/covariance.json`, written by `Tests/Fixtures/index/covariance.R`
    /// (R survey 4.1.1: covariance of the domain totals by `svyby(svytotal, covmat = TRUE)`,
    /// then the delta method for the ratios).
    @Test(arguments: IndexOracleTests.cases)
    func covarianceMatchesR(_ c: IndexOracleTests.Case) throws {
        let fixture = try IndexFixture(c.name, weights: c.weights, design: c.design)
        let folder = TestPaths.fixture("index/\(c.name)")
        let expected = JSON(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("covariance.json"))))
        let survey = FixtureSurvey.make(design: c.designColumns)
        let context = try EngineContext(survey: survey, dataset: fixture.dataset, options: IndexOptions())
        let ids = ["a1", Survey.rootID]
        let statistics = try ids.map { try #require(context.plan.statisticOfNode[$0]) }
        let (table, covariances) = try context.grouping(["service"], covarianceOf: statistics)
        let services = expected["services"].strings
        // Our group index of each of R's services.
        let index = try services.map { s in try #require(table.groups.firstIndex { $0.key == [s] }) }
        for (id, s) in zip(ids, statistics) {
            let reference = expected[id == Survey.rootID ? "overall" : id]
            let ours = try #require(covariances[s])
            var largest = 0.0
            for a in services.indices { largest = max(largest, reference["covariance"][a][a].double) }
            for (a, ga) in index.enumerated() {
                let value = try #require(table.groups[ga].node(id)).estimate
                #expect(close(value.value, reference["value"][a].double), "\(c) \(id) \(services[a]) value")
                // The diagonal is the group's variance.
                #expect(close(ours.matrix[ga * ours.groups + ga], value.standardError * value.standardError, 1e-12))
                for (b, gb) in index.enumerated() {
                    let r = reference["covariance"][a][b].double
                    let mine = ours.matrix[ga * ours.groups + gb]
                    let agrees = Swift.abs(mine - r) <= 1e-9 * largest
                    #expect(agrees, "\(c) \(id) C[\(services[a]), \(services[b])] \(mine) vs R \(r)")
                }
            }
        }
    }

    /// Two groups, estimates 0.60 and 0.50. Group 1 drops to rank 2 in a draw when the drawn
    /// difference D = X1 − X2 is negative, P = Φ(−0.10 / sd(D)); its 95% rank interval is
    /// [1, 1] when that probability is below 2.5% and [1, 2] above.
    /// - independent, variances 0.05² each: sd(D) = 0.0707, P = Φ(−1.41) = 7.9% → [1, 2];
    /// - the same variances with correlation 0.95: sd(D) = 0.05 √(2 · 0.05) = 0.0158,
    ///   P = Φ(−6.3) ≈ 1e-10 → [1, 1]: the covariance is what tells the groups apart;
    /// - independent, variances 0.025² each: sd(D) = 0.0354, P = Φ(−2.83) = 0.23% → [1, 1].
    @Test func drawsUseTheCovariance() {
        func intervals(variance v: Double, correlation rho: Double) -> [RankInterval] {
            let covariance = [v, rho * v, rho * v, v]
            let draws = NormalRankDraws.draws(values: [0.6, 0.5], covariance: covariance, variances: [v, v],
                                              count: 2000, seed: 7)
            return RankInterval.compute(estimates: [0.6, 0.5], replicates: draws, level: 0.95)
        }
        let independent = intervals(variance: 0.05 * 0.05, correlation: 0)
        #expect(independent.map(\.lower) == [1, 1] && independent.map(\.upper) == [2, 2])
        let correlated = intervals(variance: 0.05 * 0.05, correlation: 0.95)
        #expect(correlated.map(\.lower) == [1, 2] && correlated.map(\.upper) == [1, 2])
        let precise = intervals(variance: 0.025 * 0.025, correlation: 0)
        #expect(precise.map(\.lower) == [1, 2] && precise.map(\.upper) == [1, 2])
    }

    /// The drawn covariance is the one given: with 2,000 draws the sample covariance of
    /// [[4, 3], [3, 9]] is within Monte Carlo error (sd of a sample variance σ²√(2/n): 0.13
    /// for 4, 0.28 for 9; of the covariance about 0.14), and a semi-definite matrix (the second
    /// group a copy of the first) gives identical draws instead of failing.
    @Test func drawsHaveTheGivenCovarianceAndSemidefiniteIsAllowed() {
        let draws = NormalRankDraws.draws(values: [1, 2], covariance: [4, 3, 3, 9], variances: [4, 9], count: 2000, seed: 3)
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func cov(_ x: [Double], _ y: [Double]) -> Double {
            let mx = mean(x), my = mean(y)
            return zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / Double(x.count - 1)
        }
        #expect(abs(mean(draws[0]) - 1) < 4 * 2 / sqrt(2000.0))
        #expect(abs(cov(draws[0], draws[0]) - 4) < 4 * 0.13)
        #expect(abs(cov(draws[1], draws[1]) - 9) < 4 * 0.28)
        #expect(abs(cov(draws[0], draws[1]) - 3) < 4 * 0.14)
        let copies = NormalRankDraws.draws(values: [0, 0], covariance: [1, 1, 1, 1], variances: [1, 1], count: 50, seed: 1)
        #expect(copies[0] == copies[1])
    }

    /// The default and the bootstrap agree on the bundled-style fixture where the data force
    /// the order, and the ranking says which method it used.
    @Test(arguments: RankIntervalMethod.allCases)
    func methodIsRecorded(_ method: RankIntervalMethod) throws {
        let fixture = try IndexFixture("clustered", weights: true, design: true)
        let survey = FixtureSurvey.make(design: IndexOracleTests.cases[2].designColumns)
        let results = try IndexEngine(survey: survey, dataset: fixture.dataset, options: IndexOptions(
            groupings: [["service"]], rankings: [RankingRequest(by: ["service"])], rankIntervals: method,
            bootstrap: BootstrapSettings(replicates: 300, seed: 9))).run()
        let ranking = try #require(results.rankings.first)
        #expect(ranking.method == method)
        #expect(ranking.replicates == (method == .normal ? RankIntervalMethod.normalDraws : 300))
        #expect(ranking.entries.map(\.rank) == Array(1...ranking.entries.count))
        for e in ranking.entries { #expect(e.rankLower <= e.rank && e.rank <= e.rankUpper) }
    }

    /// The draws (normals in bulk, four draws per vector, chunks side by side) are bit for bit
    /// θ + L z computed one draw at a time with `nextNormal()` and the four running sums,
    /// written out here; 11 draws of 7 groups take the vector and the one-draw paths.
    @Test func drawsEqualOneDrawAtATime() {
        let G = 7, count = 11
        var a = [Double](repeating: 0, count: G * G)
        for i in 0..<G {
            for j in 0..<G { a[i * G + j] = (i == j ? 2.0 : 0.3) / Double(1 + abs(i - j)) }
        }
        let values = (0..<G).map { 0.5 + Double($0) / 100 }
        let draws = NormalRankDraws.draws(values: values, covariance: a, variances: [], count: count, seed: 21)
        let L = NormalRankDraws.cholesky(a, G)
        var rng = SeededGenerator(seed: 21)
        for r in 0..<count {
            let z = (0..<G).map { _ in rng.nextNormal() }
            for g in 0..<G {
                var s = [0.0, 0.0, 0.0, 0.0]
                var k = 0
                while k + 3 <= g {
                    for lane in 0..<4 { s[lane] += L[g * G + k + lane] * z[k + lane] }
                    k += 4
                }
                while k <= g {
                    s[0] += L[g * G + k] * z[k]
                    k += 1
                }
                let expected = values[g] + ((s[0] + s[1]) + (s[2] + s[3]))
                #expect(draws[g][r].bitPattern == expected.bitPattern, "group \(g) draw \(r)")
            }
        }
        // Without a covariance matrix: θ_g + √v_g · z, draw by draw, group by group.
        let variances = [0.04, 0.09, 0.01]
        let alone = NormalRankDraws.draws(values: [0.1, 0.2, 0.3], covariance: nil, variances: variances, count: 9, seed: 4)
        var one = SeededGenerator(seed: 4)
        for r in 0..<9 {
            for g in 0..<3 {
                let expected = [0.1, 0.2, 0.3][g] + variances[g].squareRoot() * one.nextNormal()
                #expect(alone[g][r].bitPattern == expected.bitPattern, "alone: group \(g) draw \(r)")
            }
        }
    }
}
