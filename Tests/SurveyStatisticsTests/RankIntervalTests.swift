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
}
