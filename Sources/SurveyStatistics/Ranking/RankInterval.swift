import Dispatch
/// Ranks with uncertainty: from bootstrap replicates of a set of group estimates (provinces,
/// services), each group's rank, its rank interval, and whether it can be told apart from its
/// neighbours in the ranking.
///
/// Rank 1 is the highest value (descending order, as league tables are published); ties share
/// the smallest rank ("min" ranking, R `rank(-x, ties.method = "min")`). In each replicate r the
/// groups are ranked by θ*_{g,r}; group g's rank interval is the pair of empirical quantiles
///
///     [ Q_{α/2}(rank*_g), Q_{1−α/2}(rank*_g) ]
///
/// of its replicate ranks, with Q the inverse of the empirical distribution function
/// (R `quantile(type = 1)`), so the bounds are whole ranks. A group *overlaps its neighbours*
/// when its interval intersects the interval of the group ranked just above or just below it by
/// the point estimates: the published order between them is not supported by the data.
///
/// Edge cases: one group has rank 1 and interval [1, 1]; groups whose replicate is NaN (an
/// empty replicate) are ranked last in that replicate; all groups equal gives every group rank 1.
///
/// Reference: Goldstein & Spiegelhalter (1996), "League tables and their limitations", JRSS A
/// 159(3); Hall & Miller (2009), "Using the bootstrap to quantify the authority of an empirical
/// ranking", Annals of Statistics 37(6).
public struct RankInterval: Sendable, Hashable, Codable {
    /// The group's position in the input.
    public let group: Int
    /// Rank from the point estimates (1 = highest).
    public let rank: Int
    /// Lower (best) end of the rank interval.
    public let lower: Int
    /// Upper (worst) end of the rank interval.
    public let upper: Int
    /// Whether the interval intersects the interval of the group ranked just above or below.
    public let overlapsNeighbours: Bool

    /// Creates a rank interval.
    public init(group: Int, rank: Int, lower: Int, upper: Int, overlapsNeighbours: Bool) {
        self.group = group
        self.rank = rank
        self.lower = lower
        self.upper = upper
        self.overlapsNeighbours = overlapsNeighbours
    }

    /// Rank intervals for groups with point estimates `estimates[g]` and bootstrap replicates
    /// `replicates[g][r]` (the same replicate r for every group, e.g. from one
    /// ``Bootstrap/run(design:scheme:replicates:seed:statistic:)`` call returning all groups, so
    /// that their dependence is kept).
    ///
    /// - Parameters:
    ///   - estimates: one value per group.
    ///   - replicates: one array of R replicates per group.
    ///   - level: coverage of each interval, e.g. 0.95.
    /// - Returns: one ``RankInterval`` per group, in input order.
    /// - Precondition: as many replicate arrays as estimates, all of the same non-zero length.
    public static func compute(estimates: [Double], replicates: [[Double]], level: Double = 0.95) -> [RankInterval] {
        precondition(estimates.count == replicates.count, "one replicate array per group")
        precondition(level > 0 && level < 1, "level must lie strictly between 0 and 1")
        let groups = estimates.count
        if groups == 0 { return [] }
        let r = replicates[0].count
        precondition(r > 0 && replicates.allSatisfy { $0.count == r }, "every group needs the same number of replicates")

        let pointRank = ranks(estimates)
        // Each replicate's ranks, group-major (`rankOf[g * r + j]`), the replicates ranked side by
        // side in chunks; each chunk writes only its own replicates' entries.
        let chunks = min(r, 8)
        let rankOf = UnsafeMutablePointer<Int32>.allocate(capacity: groups * r)
        rankOf.initialize(repeating: 0, count: groups * r)
        defer { rankOf.deallocate() }
        let shared = SharedRanks(pointer: rankOf)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var column = [Double](repeating: 0, count: groups)
            var ranker = Ranker(count: groups)
            for j in (r * c / chunks)..<(r * (c + 1) / chunks) {
                for g in 0..<groups { column[g] = replicates[g][j] }
                ranker.rank(column)
                for g in 0..<groups { shared.pointer[g * r + j] = Int32(ranker.result[g]) }
            }
        }
        let alpha = 1 - level
        var bounds: [(Int, Int)] = []
        for g in 0..<groups {
            let sorted = UnsafeBufferPointer(start: rankOf + g * r, count: r).map(Int.init).sorted()
            bounds.append((inverseECDF(sorted, alpha / 2), inverseECDF(sorted, 1 - alpha / 2)))
        }
        // Order of the groups by point rank (stable for ties) to find neighbours.
        let order = (0..<groups).sorted { (pointRank[$0], $0) < (pointRank[$1], $1) }
        var position = [Int](repeating: 0, count: groups)
        for (k, g) in order.enumerated() { position[g] = k }
        func intersects(_ a: (Int, Int), _ b: (Int, Int)) -> Bool { a.0 <= b.1 && b.0 <= a.1 }
        return (0..<groups).map { g in
            let k = position[g]
            var overlap = false
            if k > 0 && intersects(bounds[g], bounds[order[k - 1]]) { overlap = true }
            if k + 1 < groups && intersects(bounds[g], bounds[order[k + 1]]) { overlap = true }
            return RankInterval(group: g, rank: pointRank[g], lower: bounds[g].0, upper: bounds[g].1, overlapsNeighbours: overlap)
        }
    }

    /// Descending "min" ranks; NaN ranks last.
    static func ranks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            return x > y
        }
        var result = [Int](repeating: 0, count: values.count)
        for (k, g) in order.enumerated() {
            if k > 0, values[order[k - 1]] == values[g] {
                result[g] = result[order[k - 1]]
            } else {
                result[g] = k + 1
            }
        }
        return result
    }

    /// R `quantile(type = 1)`: the smallest x[k] with k/n ≥ p (1-based k).
    static func inverseECDF(_ sorted: [Int], _ p: Double) -> Int {
        let n = Double(sorted.count)
        let k = max(1, Int((n * p).rounded(.up)))
        return sorted[min(k, sorted.count) - 1]
    }
}

/// Descending "min" ranks, as ``RankInterval/ranks(_:)`` gives them, with storage reused from
/// one call to the next: the values are sorted by a 64-bit key (ties broken by position), so the
/// sort compares integers only.
struct Ranker {
    private(set) var result: [Int]
    private var order: [(key: UInt64, index: Int)]

    init(count: Int) {
        result = [Int](repeating: 0, count: count)
        order = [(key: UInt64, index: Int)](repeating: (0, 0), count: count)
    }

    mutating func rank(_ values: [Double]) {
        for g in values.indices { order[g] = (Self.key(values[g]), g) }
        order.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        for k in order.indices {
            let (key, g) = order[k]
            // Equal values share the better rank; NaNs (key .max) never tie, as `==` says.
            if k > 0, key == order[k - 1].key, key != .max {
                result[g] = result[order[k - 1].index]
            } else {
                result[g] = k + 1
            }
        }
    }

    /// A key that orders values from the highest down: −0 and +0 share a key, NaN comes last.
    static func key(_ x: Double) -> UInt64 {
        if x.isNaN { return .max }
        let bits = (x + 0).bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        return ~ascending
    }
}

/// The replicate ranks of ``RankInterval/compute(estimates:replicates:level:)``: each concurrent
/// task writes only its own replicates' entries, read after all tasks return, which is why the
/// unchecked `Sendable` is sound.
private struct SharedRanks: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int32>
}
