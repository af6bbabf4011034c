import Foundation
import Testing
import TestSupport
@testable import SurveyStatistics

@Suite struct BootstrapTests {
    func fixture(_ name: String) throws -> (ReferenceFixture, SurveyDesign) {
        let f = try ReferenceFixture("design/\(name)")
        let d = try DesignOracleTests().design(f)
        return (f, d)
    }

    static func weightedTotal(_ y: [Double]) -> ([Double]) -> [Double] {
        { w in
            var t = 0.0
            for i in w.indices { t += w[i] * y[i] }
            return [t]
        }
    }

    static func weightedMean(_ y: [Double]) -> ([Double]) -> [Double] {
        { w in
            var t = 0.0, s = 0.0
            for i in w.indices {
                t += w[i] * y[i]
                s += w[i]
            }
            return [t / s]
        }
    }

    @Test func sameSeedSameReplicatesDifferentSeedDifferent() throws {
        let (f, d) = try fixture("stratified-clustered")
        let y = f.numbers("y")
        let a = Bootstrap.run(design: d, replicates: 50, seed: 11, statistic: Self.weightedMean(y))
        let b = Bootstrap.run(design: d, replicates: 50, seed: 11, statistic: Self.weightedMean(y))
        let c = Bootstrap.run(design: d, replicates: 50, seed: 12, statistic: Self.weightedMean(y))
        #expect(a == b)
        #expect(a[0].replicates != c[0].replicates)
        #expect(a[0].estimate == WeightedMean.linearize(y, design: d).value)
    }

    @Test func multipliersSumToStratumSizeAndMoveWholePSUs() throws {
        let (_, d) = try fixture("stratified-clustered")
        let units = ResamplingUnits(design: d, scheme: .clusters)
        var rng = SeededGenerator(seed: 1)
        var m = [Double](repeating: 0, count: units.count)
        for _ in 0..<20 {
            units.drawMultipliers(into: &m, using: &rng)
            for members in units.stratumUnits {
                // n_h − 1 draws of n_h/(n_h − 1) each: the multipliers sum to n_h.
                let sum = members.reduce(0.0) { $0 + m[$1] }
                #expect(abs(sum - Double(members.count)) < 1e-12)
            }
        }
    }

    /// The multipliers drawn by counting (strata of consecutive units) are bit for bit those of
    /// one addition of n_h/(n_h − 1) per draw, written out here, and the generator ends in the
    /// same state; strata whose rows interleave take the per-draw path, checked the same way.
    @Test(arguments: [true, false])
    func countedMultipliersEqualOneAdditionPerDraw(_ consecutive: Bool) throws {
        let n = 5_000
        let strata = (0..<n).map { consecutive ? UInt32($0 * 3 / n) : UInt32($0 % 3) }
        let design = try SurveyDesign(rowCount: n, stratumCodes: SurveyDesign.CodedLabels(codes: strata, labels: ["a", "b", "c"]),
                                      clusterCodes: nil)
        let units = ResamplingUnits(design: design, scheme: .respondents)
        var rng = SeededGenerator(seed: 3), reference = SeededGenerator(seed: 3)
        var m = [Double](repeating: 0, count: units.count)
        for _ in 0..<5 {
            units.drawMultipliers(into: &m, using: &rng)
            var expected = [Double](repeating: 0, count: units.count)
            for members in units.stratumUnits {
                let scale = Double(members.count) / Double(members.count - 1)
                for _ in 0..<(members.count - 1) { expected[members[reference.nextInt(below: members.count)]] += scale }
            }
            #expect(m.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(rng == reference)
        }
    }

    /// A block of 1…8 replicates (``ReplicateBlock``) holds, lane by lane, the multipliers of
    /// that many replicates drawn one after another by one addition of n_h/(n_h − 1) per draw,
    /// written out here: units not a multiple of 8 (the interleaving's tail), strata of
    /// consecutive and of interleaved units, and a stratum of one unit (multiplier 1).
    @Test(arguments: [true, false])
    func aBlockHoldsItsReplicatesSideBySide(_ consecutive: Bool) throws {
        let n = 1_003
        // Strata 0 and 1 share the first 1,002 units; stratum 2 is the last unit alone.
        let strata = (0..<n).map { i in i == n - 1 ? UInt32(2) : consecutive ? UInt32(i * 2 / (n - 1)) : UInt32(i % 2) }
        let design = try SurveyDesign(rowCount: n, stratumCodes: SurveyDesign.CodedLabels(codes: strata, labels: ["a", "b", "c"]),
                                      clusterCodes: nil, lonelyUnits: .remove)
        let units = ResamplingUnits(design: design, scheme: .respondents)
        var rng = SeededGenerator(seed: 8), reference = SeededGenerator(seed: 8)
        for count in [8, 3, 1, 8] {
            let block = units.drawBlock(count: count, using: &rng)
            #expect(block.count == count)
            for r in 0..<count {
                var expected = [Double](repeating: 1, count: n)
                for members in units.stratumUnits where members.count > 1 {
                    for j in members { expected[j] = 0 }
                    let scale = Double(members.count) / Double(members.count - 1)
                    for _ in 0..<(members.count - 1) { expected[members[reference.nextInt(below: members.count)]] += scale }
                }
                let got = block.multipliers(replicate: r)
                let wrong = (0..<n).filter { got[$0].bitPattern != expected[$0].bitPattern }
                #expect(wrong.isEmpty, "replicate \(r) of \(count): units \(wrong.prefix(5)) of \(wrong.count), first \(wrong.first.map { "\(got[$0]) for \(expected[$0])" } ?? "")")
            }
            // The lanes after the block's replicates are empty.
            for unit in 0..<n {
                for r in count..<ReplicateBlock.width { #expect(block.draws[unit * ReplicateBlock.width + r] == 0) }
            }
            #expect(rng == reference)
        }
    }

    // Monte Carlo bound: with R replicates the bootstrap SE has relative standard deviation
    // about 1/sqrt(2(R − 1)) for near-normal replicates (0.0112 at R = 4000); we allow 0.06,
    // over 5 such standard deviations. For a linear statistic (the total) the Rao–Wu
    // bootstrap variance has expectation equal to the linearization variance exactly; for the
    // mean the difference is of smaller order than this bound.
    @Test(arguments: ["stratified-clustered", "clustered", "stratified", "weighted"])
    func clusterBootstrapMatchesLinearizationWithinMonteCarloError(_ name: String) throws {
        let (f, d) = try fixture(name)
        let y = f.numbers("y")
        let total = Bootstrap.run(design: d, replicates: 4000, seed: 2024, statistic: Self.weightedTotal(y))[0]
        let totalSE = number(f.object("total_y")["se"])!
        #expect(abs(total.standardError / totalSE - 1) < 0.06, "\(name) total \(total.standardError) vs \(totalSE)")
        let mean = Bootstrap.run(design: d, replicates: 4000, seed: 2025, statistic: Self.weightedMean(y))[0]
        let meanSE = number(f.object("mean_y")["se"])!
        #expect(abs(mean.standardError / meanSE - 1) < 0.06, "\(name) mean \(mean.standardError) vs \(meanSE)")
    }

    @Test func respondentBootstrapIgnoresClustersAndMatchesTheUnclusteredSE() throws {
        let (f, clustered) = try fixture("stratified-clustered")
        let (_, unclustered) = try fixture("stratified")
        let y = f.numbers("y")
        let b = Bootstrap.run(design: clustered, scheme: .respondents, replicates: 4000, seed: 7,
                              statistic: Self.weightedTotal(y))[0]
        let se = WeightedTotal.linearize(y, design: unclustered).standardError(design: unclustered)
        #expect(abs(b.standardError / se - 1) < 0.06)
    }

    @Test func poissonBootstrapMatchesClosedFormAndStreams() throws {
        let (f, d) = try fixture("weighted")
        let y = f.numbers("y"), w = f.numbers("w")
        var boot = PoissonBootstrap(replicates: 4000, seed: 99)
        for i in y.indices { boot.add(y: y[i], weight: w[i], unit: i) }
        let dist = boot.distribution
        #expect(abs(dist.estimate - number(f.object("mean_y")["value"])!) < 1e-9 * dist.estimate)
        // Poisson(1) multipliers: variance ≈ (n − 1)/n times the linearization variance
        // (n = 103 here); same Monte Carlo bound as above.
        let se = number(f.object("mean_y")["se"])!
        #expect(abs(dist.standardError / se - 1) < 0.06, "poisson \(dist.standardError) vs \(se)")

        // Order and splitting do not matter: two halves merged, in reverse order, give the same sums.
        var first = PoissonBootstrap(replicates: 4000, seed: 99)
        var second = PoissonBootstrap(replicates: 4000, seed: 99)
        for i in y.indices.reversed() {
            if i % 2 == 0 { first.add(y: y[i], weight: w[i], unit: i) } else { second.add(y: y[i], weight: w[i], unit: i) }
        }
        first.merge(second)
        for r in 0..<4000 {
            #expect(abs(first.numerators[r] - boot.numerators[r]) <= 1e-9 * abs(boot.numerators[r]))
        }
        _ = d
    }

    @Test func poissonMultipliersHaveMeanAndVarianceOne() {
        let random = CounterBasedRandom(seed: 5)
        var sum = 0.0, sumSq = 0.0
        let n = 200_000
        for i in 0..<n {
            let m = Double(random.poissonOne(UInt64(i), 3))
            sum += m
            sumSq += m * m
        }
        let mean = sum / Double(n)
        let variance = sumSq / Double(n) - mean * mean
        // sd of the mean: 1/sqrt(2e5) = 0.0022; of the variance about sqrt(3/2e5) = 0.0039.
        #expect(abs(mean - 1) < 0.011)
        #expect(abs(variance - 1) < 0.02)
        #expect(random.poissonOne(17, 4) == CounterBasedRandom(seed: 5).poissonOne(17, 4))
    }

    @Test func percentileQuantilesAreRType7() {
        // R: quantile(1:10, c(0.025, 0.975)) = 1.225, 9.775.
        let b = BootstrapDistribution(estimate: 5.5, replicates: (1...10).map(Double.init).shuffled())
        let i = b.percentileInterval(level: 0.95)
        #expect(abs(i.lower - 1.225) < 1e-12 && abs(i.upper - 9.775) < 1e-12)
    }

    @Test func bcaReducesToPercentileWithoutBiasOrAcceleration() {
        // 50 of 100 replicates below the estimate: z0 = 0; with a = 0 the levels are unchanged.
        let b = BootstrapDistribution(estimate: 50.5, replicates: (1...100).map(Double.init))
        let p = b.percentileInterval(level: 0.9)
        let bca = b.bcaInterval(level: 0.9, acceleration: 0)
        #expect(abs(bca.lower - p.lower) < 1e-9 && abs(bca.upper - p.upper) < 1e-9)
        // A positive acceleration moves both ends up; a larger estimate (z0 > 0) too.
        let up = b.bcaInterval(level: 0.9, acceleration: 0.1)
        #expect(up.lower > p.lower && up.upper > p.upper)
        let biased = BootstrapDistribution(estimate: 60.5, replicates: (1...100).map(Double.init))
        let shifted = biased.bcaInterval(level: 0.9, acceleration: 0)
        #expect(shifted.lower > p.lower && shifted.upper > p.upper)
        // All replicates on one side: percentile with a note.
        let oneSided = BootstrapDistribution(estimate: 0, replicates: (1...100).map(Double.init))
        #expect(oneSided.bcaInterval(level: 0.9, acceleration: 0).note != nil)
    }

    @Test func influenceAndJackknifeAccelerationsAgreeForAMean() throws {
        let (f, d) = try fixture("stratified-clustered")
        let y = f.numbers("y").map { PortableMath.exp(($0 - 50) / 5) }  // right-skewed
        let a1 = Bootstrap.acceleration(influence: WeightedMean.linearize(y, design: d).influence, design: d)
        let a2 = Bootstrap.jackknifeAcceleration(design: d) { Self.weightedMean(y)($0)[0] }
        // Both estimate the skewness of the influence function; for a mean over 15 PSUs they
        // agree to first order (the jackknife adds O(1/n) terms).
        #expect(a1 > 0.01)
        #expect(abs(a1 - a2) < 0.2 * max(abs(a1), abs(a2)))
    }

    // R survey's own subbootstrap (Tests/Fixtures/reference/bootstrap/make.R, R = 4000, seed
    // 1988) and ours (R = 4000, our seed) are independent estimates of the same quantity: each
    // SE has relative sd about 1/sqrt(2 · 3999) = 0.011, their ratio about 0.016; we allow 0.08
    // (5 sd). A different resampling rule (n_h draws unscaled, say) would shift the ratio by
    // sqrt((n_h − 1)/n_h), about 10% with these 4–6 PSUs per stratum.
    @Test func agreesWithRSubbootstrapWithinMonteCarloError() throws {
        let (f, d) = try fixture("stratified-clustered")
        let url = TestPaths.fixture("reference/bootstrap/subbootstrap/expected.json")
        let r = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let y = f.numbers("y"), x = f.numbers("x")
        let boot = Bootstrap.run(design: d, replicates: 4000, seed: 1988) { w in
            var ty = 0.0, tx = 0.0, sw = 0.0
            for i in w.indices {
                ty += w[i] * y[i]
                tx += w[i] * x[i]
                sw += w[i]
            }
            return [ty / sw, ty, ty / tx]
        }
        for (k, key) in ["boot_mean_y_se", "boot_total_y_se", "boot_ratio_y_x_se"].enumerated() {
            let theirs = number(r[key])!
            #expect(abs(boot[k].standardError / theirs - 1) < 0.08, "\(key): \(boot[k].standardError) vs R \(theirs)")
        }
    }

    // An aspect index (mean of three item shares with missing answers) bootstrapped over PSUs
    // agrees with its linearization SE, which R gives as svycontrast(svyratio(...)) in the
    // fixture (index_s). Same Monte Carlo bound as above.
    @Test func aspectIndexBootstrapMatchesLinearization() throws {
        let (f, d) = try fixture("stratified-clustered")
        let items = ["s1", "s2", "s3"].map(f.numbers)
        let boot = Bootstrap.run(design: d, replicates: 2000, seed: 31) { w in
            [MeanOfShares.linearize(indicators: items, design: d.reweighted(w)).value]
        }[0]
        let se = number(f.object("index_s")["se"])!
        // R = 2000: relative sd of the SE about 1/sqrt(2 · 1999) = 0.016; bound 0.08 (5 sd).
        #expect(abs(boot.standardError / se - 1) < 0.08, "\(boot.standardError) vs \(se)")
    }
}
