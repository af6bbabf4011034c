import Testing
@testable import SurveyStatistics

@Suite struct RankIntervalTests {
    @Test func ranksDescendingWithMinTies() {
        // R: rank(-c(0.8, 0.9, 0.8, 0.7), ties.method = "min") = 2 1 2 4.
        #expect(RankInterval.ranks([0.8, 0.9, 0.8, 0.7]) == [2, 1, 2, 4])
        #expect(RankInterval.ranks([1, .nan, 2]) == [2, 3, 1])
    }

    @Test func inverseECDFIsRType1() {
        // R: quantile(1:10, c(0.025, 0.5, 0.975), type = 1) = 1 5 10.
        let x = Array(1...10)
        #expect(RankInterval.inverseECDF(x, 0.025) == 1)
        #expect(RankInterval.inverseECDF(x, 0.5) == 5)
        #expect(RankInterval.inverseECDF(x, 0.975) == 10)
    }

    @Test func separatedGroupsHaveExactRanksCloseGroupsOverlap() {
        // Groups 0 and 1 swap order in 30 of 100 replicates; group 2 is always last.
        var a = [Double](), b = [Double](), c = [Double]()
        for r in 0..<100 {
            a.append(r < 30 ? 0.80 : 0.90)
            b.append(0.85)
            c.append(0.50)
        }
        let result = RankInterval.compute(estimates: [0.9, 0.85, 0.5], replicates: [a, b, c], level: 0.9)
        #expect(result[0] == RankInterval(group: 0, rank: 1, lower: 1, upper: 2, overlapsNeighbours: true))
        #expect(result[1] == RankInterval(group: 1, rank: 2, lower: 1, upper: 2, overlapsNeighbours: true))
        #expect(result[2] == RankInterval(group: 2, rank: 3, lower: 3, upper: 3, overlapsNeighbours: false))
    }

    @Test func wellSeparatedBootstrapGroupsDoNotOverlap() throws {
        // Three domains of the fixture shifted far apart: their ranks are certain.
        let f = try ReferenceFixture("design/stratified-clustered")
        let d = try DesignOracleTests().design(f)
        let y = f.numbers("y"), groups = f.strings("grp")
        let shift: [String: Double] = ["g1": 0, "g2": 100, "g3": 200]
        let boot = Bootstrap.run(design: d, replicates: 200, seed: 3) { w in
            ["g1", "g2", "g3"].map { g in
                var t = 0.0, s = 0.0
                for i in w.indices where groups[i] == g {
                    t += w[i] * (y[i] + shift[g]!)
                    s += w[i]
                }
                return t / s
            }
        }
        let result = RankInterval.compute(estimates: boot.map(\.estimate), replicates: boot.map(\.replicates))
        #expect(result.map(\.rank) == [3, 2, 1])
        #expect(result.allSatisfy { $0.lower == $0.rank && $0.upper == $0.rank && !$0.overlapsNeighbours })
    }

    @Test func oneGroup() {
        let r = RankInterval.compute(estimates: [0.7], replicates: [[0.6, 0.8]])
        #expect(r == [RankInterval(group: 0, rank: 1, lower: 1, upper: 1, overlapsNeighbours: false)])
    }

    /// The rank counting of `compute` (keys, chunks side by side, counts per rank) against the
    /// sort-based computation it replaced, written out here: ranks of each replicate by
    /// `ranks`, each group's ranks sorted, `inverseECDF` on them. Values with ties, −0 and +0,
    /// NaN and infinities, at two levels.
    @Test(arguments: [0.95, 0.5])
    func countedRanksEqualSortedRanks(_ level: Double) {
        var rng = SeededGenerator(seed: 11)
        let groups = 37, r = 503
        let pool: [Double] = [0.5, -0.0, 0.0, .nan, .infinity, -.infinity, 0.25, 0.5, 1]
        let replicates = (0..<groups).map { _ in
            (0..<r).map { _ in rng.nextInt(below: 4) == 0 ? pool[rng.nextInt(below: pool.count)] : Double(rng.nextInt(below: 20)) / 8 }
        }
        let estimates = (0..<groups).map { Double($0 % 7) }
        let got = RankInterval.compute(estimates: estimates, replicates: replicates, level: level)
        let alpha = 1 - level
        var replicateRanks = [[Int]](repeating: [], count: groups)
        for j in 0..<r {
            let rk = RankInterval.ranks((0..<groups).map { replicates[$0][j] })
            for g in 0..<groups { replicateRanks[g].append(rk[g]) }
        }
        for g in 0..<groups {
            let sorted = replicateRanks[g].sorted()
            #expect(got[g].lower == RankInterval.inverseECDF(sorted, alpha / 2), "group \(g)")
            #expect(got[g].upper == RankInterval.inverseECDF(sorted, 1 - alpha / 2), "group \(g)")
        }
        // The keyed ranker itself, draw by draw.
        var ranker = Ranker(count: groups)
        for j in 0..<r {
            let column = (0..<groups).map { replicates[$0][j] }
            ranker.rank(column)
            #expect(ranker.result == RankInterval.ranks(column))
        }
    }
}
