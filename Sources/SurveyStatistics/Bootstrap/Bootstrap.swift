import Dispatch
/// Seeded bootstrap replicates of one or more statistics under a design: Rao–Wu rescaled
/// resampling of PSUs within strata (R's `"subbootstrap"`), or of respondents within strata.
///
/// Replicate r draws, in every stratum h independently, m_h = n_h − 1 of its n_h units with
/// replacement; a unit drawn c times gets the weight multiplier c·n_h/(n_h − 1), so a row's
/// replicate weight is w_i · c_{unit(i)} · n_h/(n_h − 1). The statistic is recomputed with
/// those weights. The variance estimate is
///
///     V_boot = Σ_r (θ*_r − θ̄*)² / (R − 1)
///
/// exactly as R `as.svrepdesign(design, type = "subbootstrap", replicates = R)` followed by
/// `svymean(...)` (scale 1/(R − 1), `mse = FALSE`). For a linear statistic E(V_boot) equals the
/// with-replacement linearization variance of ``DesignVariance`` (Rao & Wu 1988), which is what
/// the tests check within Monte Carlo error.
///
/// Schemes:
/// - ``Scheme/clusters``: the units are the design's PSUs (every row of a PSU moves together).
/// - ``Scheme/respondents``: the units are rows, resampled within strata, ignoring clusters —
///   only right when respondents were sampled independently.
///
/// Edge cases: a stratum with one unit cannot be resampled (n_h − 1 = 0): its multiplier stays 1,
/// so it contributes no variance (R refuses such designs); no rows gives replicates of the
/// statistic at empty weights; a finite-population correction is ignored (as R refuses fpc for
/// the subbootstrap). The same seed gives the same replicates on every platform
/// (``SeededGenerator``).
///
/// Reference: Rao & Wu (1988), JASA 83(401); Rao, Wu & Yue (1992), Survey Methodology 18(2);
/// Lumley (2010), §2.4; Efron & Tibshirani (1993), *An Introduction to the Bootstrap*.
public enum Bootstrap {
    /// What is resampled.
    public enum Scheme: String, Sendable, Hashable, Codable {
        /// PSUs within strata (Rao–Wu rescaled): R `as.svrepdesign(type = "subbootstrap")`.
        case clusters
        /// Respondents (rows) within strata, ignoring clusters.
        case respondents
    }

    /// Runs `replicates` bootstrap replicates of the statistics computed by `statistic`.
    ///
    /// - Parameters:
    ///   - design: the design whose weights are resampled.
    ///   - scheme: which units are resampled.
    ///   - replicates: R, at least 2.
    ///   - seed: the seed of the ``SeededGenerator`` that draws the units.
    ///   - statistic: the statistics as functions of a weight vector (one weight per row). Called
    ///     once with the design's weights for the point estimates, then once per replicate with
    ///     the replicate weights; the array it receives is reused between calls.
    /// - Returns: one ``BootstrapDistribution`` per statistic returned by `statistic`.
    /// - Precondition: `replicates >= 2`; `statistic` returns the same number of values each call.
    public static func run(
        design: SurveyDesign,
        scheme: Scheme = .clusters,
        replicates: Int,
        seed: UInt64,
        statistic: ([Double]) -> [Double]
    ) -> [BootstrapDistribution] {
        precondition(replicates >= 2, "a bootstrap needs at least 2 replicates")
        let full = statistic(design.weights)
        let units = ResamplingUnits(design: design, scheme: scheme)
        var weights = design.weights
        let values = units.replicateValues(replicates: replicates, seed: seed, count: full.count) { multiplier in
            for i in 0..<design.rowCount {
                weights[i] = design.weights[i] * multiplier[units.unitOfRow(i)]
            }
            return statistic(weights)
        }
        return (0..<full.count).map { BootstrapDistribution(estimate: full[$0], replicates: values[$0]) }
    }

    /// The replicates of ``run(design:scheme:replicates:seed:statistic:)`` (the same draws for
    /// the same seed), handed to `statistic` a block of replicates at a time as draw counts per
    /// resampling unit (``ReplicateBlock``) instead of each row's weight: replicate r's weight of
    /// row i is w_i · `block.multiplier(unit: unit(i), replicate: r)`, unit(i) being
    /// ``resamplingUnit(ofRow:design:scheme:)``.
    ///
    /// For statistics that are smooth functions of weighted totals, aggregate the totals per
    /// unit once, or sum the rows for all of a block's replicates at once; either is much less
    /// than a pass over the rows per replicate.
    ///
    /// The draws are made in the one sequence (so the values do not depend on the number of
    /// cores), and `statistic` runs on several blocks side by side while the next ones are drawn:
    /// it must be safe to call concurrently.
    ///
    /// - Returns: the replicate values, `values[k][r]` for statistic k in replicate r.
    /// - Precondition: `replicates >= 2`; `statistic` returns, for each of the block's
    ///   replicates, `count` values.
    public static func replicates(
        design: SurveyDesign,
        scheme: Scheme = .clusters,
        replicates: Int,
        seed: UInt64,
        count: Int,
        blockStatistic statistic: @Sendable (ReplicateBlock) -> [[Double]]
    ) -> [[Double]] {
        precondition(replicates >= 2, "a bootstrap needs at least 2 replicates")
        let units = ResamplingUnits(design: design, scheme: scheme)
        return units.concurrentReplicateValues(replicates: replicates, seed: seed, count: count, statistic)
    }

    /// The resampling unit of `row` under `scheme`: its PSU's index (``SurveyDesign/psu(ofRow:)``)
    /// when PSUs are resampled and the design has clusters, else the row itself.
    public static func resamplingUnit(ofRow row: Int, design: SurveyDesign, scheme: Scheme = .clusters) -> Int {
        scheme == .respondents || !design.isClustered ? row : design.psu(ofRow: row)
    }

    /// The number of resampling units under `scheme`: PSUs, or rows.
    public static func resamplingUnitCount(design: SurveyDesign, scheme: Scheme = .clusters) -> Int {
        scheme == .respondents || !design.isClustered ? design.rowCount : design.psuCount
    }

    /// Efron's acceleration for BCa from influence values: with u_j the influence totals of the
    /// resampling units centred within their strata,
    ///
    ///     a = Σ_j u_j³ / (6 · (Σ_j u_j²)^{3/2})
    ///
    /// (Efron 1987, eq. 6.7, with the empirical influence function). Returns 0 when all u are 0.
    public static func acceleration(influence: [Double], design: SurveyDesign, scheme: Scheme = .clusters) -> Double {
        let units = ResamplingUnits(design: design, scheme: scheme)
        var totals = [Double](repeating: 0, count: units.count)
        for i in 0..<design.rowCount { totals[units.unitOfRow(i)] += influence[i] }
        var stratumSum = [Double](repeating: 0, count: units.stratumUnits.count)
        for j in 0..<units.count { stratumSum[units.unitStratum[j]] += totals[j] }
        var s2 = 0.0, s3 = 0.0
        for j in 0..<units.count {
            let h = units.unitStratum[j]
            let u = totals[j] - stratumSum[h] / Double(units.stratumUnits[h].count)
            s2 += u * u
            s3 += u * u * u
        }
        return s2 > 0 ? s3 / (6 * s2 * s2.squareRoot()) : 0
    }

    /// Efron's acceleration for BCa by the delete-one-unit jackknife: θ_(j) recomputed with unit
    /// j's weight set to 0 and the other units of its stratum scaled by n_h/(n_h − 1) (R's JKn
    /// weights), then a = Σ (θ̄ − θ_(j))³ / (6 (Σ (θ̄ − θ_(j))²)^{3/2}).
    ///
    /// Costs one evaluation of `statistic` per unit: fine for PSUs, slow for millions of rows
    /// (use ``acceleration(influence:design:scheme:)`` there). Units alone in their stratum are
    /// skipped.
    public static func jackknifeAcceleration(
        design: SurveyDesign, scheme: Scheme = .clusters, statistic: ([Double]) -> Double
    ) -> Double {
        let units = ResamplingUnits(design: design, scheme: scheme)
        var estimates: [Double] = []
        var multiplier = [Double](repeating: 1, count: units.count)
        var weights = design.weights
        for (h, members) in units.stratumUnits.enumerated() where members.count > 1 {
            let scale = Double(members.count) / Double(members.count - 1)
            for j in members {
                for k in members { multiplier[k] = scale }
                multiplier[j] = 0
                for i in 0..<design.rowCount { weights[i] = design.weights[i] * multiplier[units.unitOfRow(i)] }
                estimates.append(statistic(weights))
            }
            for k in units.stratumUnits[h] { multiplier[k] = 1 }
        }
        guard !estimates.isEmpty else { return 0 }
        let mean = estimates.reduce(0, +) / Double(estimates.count)
        var s2 = 0.0, s3 = 0.0
        for e in estimates {
            let d = mean - e
            s2 += d * d
            s3 += d * d * d
        }
        return s2 > 0 ? s3 / (6 * s2 * s2.squareRoot()) : 0
    }
}

/// The units a bootstrap resamples and the strata they belong to.
struct ResamplingUnits {
    let design: SurveyDesign
    let byRow: Bool
    let unitStratum: [Int]
    let stratumUnits: [[Int]]

    init(design: SurveyDesign, scheme: Bootstrap.Scheme) {
        self.design = design
        byRow = scheme == .respondents || !design.isClustered
        if byRow {
            unitStratum = (0..<design.rowCount).map(design.rowStratumIndex)
        } else {
            unitStratum = design.psuStratum
        }
        var members = [[Int]](repeating: [], count: design.stratumCount)
        for (j, h) in unitStratum.enumerated() { members[h].append(j) }
        stratumUnits = members
    }

    var count: Int { unitStratum.count }

    @inline(__always)
    func unitOfRow(_ row: Int) -> Int { byRow ? row : design.rowPSUIndex(row) }

    /// The values of `statistic` for each replicate's multipliers, `values[k][r]`: the one
    /// sequence of draws that every entry point shares, so the same seed gives the same replicates.
    func replicateValues(
        replicates: Int, seed: UInt64, count: Int, _ statistic: ([Double]) -> [Double]
    ) -> [[Double]] {
        var values = [[Double]](repeating: [Double](repeating: 0, count: replicates), count: count)
        var rng = SeededGenerator(seed: seed)
        var multiplier = [Double](repeating: 0, count: self.count)
        for r in 0..<replicates {
            drawMultipliers(into: &multiplier, using: &rng)
            let theta = statistic(multiplier)
            precondition(theta.count == count, "the statistic must return the same number of values each call")
            for k in 0..<count { values[k][r] = theta[k] }
        }
        return values
    }

    /// ``replicateValues(replicates:seed:count:_:)`` with the statistic evaluated on blocks of
    /// replicates (``ReplicateBlock``) side by side, several blocks per round (at most 2^25
    /// bytes of draws), drawn in sequence, so the values are the same as drawn one by one. The
    /// next round's blocks are drawn while the current round's are evaluated (one more task
    /// beside them), still in the one sequence.
    func concurrentReplicateValues(
        replicates: Int, seed: UInt64, count: Int, _ statistic: @Sendable (ReplicateBlock) -> [[Double]]
    ) -> [[Double]] {
        var values = [[Double]](repeating: [Double](repeating: 0, count: replicates), count: count)
        let W = ReplicateBlock.width
        let perRound = max(1, min(8, (1 << 25) / max(self.count * W, 1)))
        let drawer = BlockDrawer(units: self, seed: seed)
        var next = drawer.draw(replicates: min(perRound * W, replicates))
        var start = 0
        while start < replicates {
            let blocks = next
            let size = blocks.reduce(0) { $0 + $1.count }
            let following = min(perRound * W, replicates - start - size)
            let results = ResultSlots(count: blocks.count)
            let ahead = BlockSlot()
            // Task 0 draws the following round (first, so that it overlaps the evaluations).
            DispatchQueue.concurrentPerform(iterations: blocks.count + 1) { b in
                if b == 0 {
                    if following > 0 { ahead.set(drawer.draw(replicates: following)) }
                } else {
                    results.set(b - 1, statistic(blocks[b - 1]))
                }
            }
            var r = start
            for (b, block) in blocks.enumerated() {
                let thetas = results.get(b)
                precondition(thetas.count == block.count, "the statistic must return values for each replicate of its block")
                for theta in thetas {
                    precondition(theta.count == count, "the statistic must return the same number of values each call")
                    for k in 0..<count { values[k][r] = theta[k] }
                    r += 1
                }
            }
            start += size
            next = following > 0 ? ahead.get() : []
        }
        return values
    }
}

/// Draws blocks of replicate multipliers from one generator, in sequence. Only one task at a
/// time draws (the task of each block that draws the following one; ``ResamplingUnits/concurrentReplicateValues(replicates:seed:count:_:)``
/// starts the next block's tasks after all of the current block's have returned), which is why
/// the unchecked `Sendable` is sound.
private final class BlockDrawer: @unchecked Sendable {
    let units: ResamplingUnits
    private var rng: SeededGenerator

    init(units: ResamplingUnits, seed: UInt64) {
        self.units = units
        rng = SeededGenerator(seed: seed)
    }

    /// The next `replicates` replicates, in blocks of ``ReplicateBlock/width`` (the last one
    /// possibly smaller).
    func draw(replicates: Int) -> [ReplicateBlock] {
        stride(from: 0, to: replicates, by: ReplicateBlock.width).map { start in
            units.drawBlock(count: min(ReplicateBlock.width, replicates - start), using: &rng)
        }
    }
}

/// The following block's multipliers, written by one task and read after all tasks return, which
/// is why the unchecked `Sendable` is sound.
private final class BlockSlot: @unchecked Sendable {
    private var value: [ReplicateBlock] = []
    func set(_ value: [ReplicateBlock]) { self.value = value }
    func get() -> [ReplicateBlock] { value }
}

/// One result slot per concurrent task: each task writes only its own index, and the slots are
/// read after `concurrentPerform` returns (which waits for every task), so no slot is touched by
/// two threads at once; that is why the unchecked `Sendable` is sound.
private final class ResultSlots: @unchecked Sendable {
    private var values: [[[Double]]]

    init(count: Int) { values = [[[Double]]](repeating: [], count: count) }

    func set(_ index: Int, _ value: [[Double]]) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func get(_ index: Int) -> [[Double]] { values[index] }
}

