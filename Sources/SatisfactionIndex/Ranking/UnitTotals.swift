import SurveyStatistics

/// One node's value per group as a function of totals per bootstrap resampling unit, so that a
/// bootstrap replicate costs a sum over (unit, group) pairs instead of a pass over every row
/// and column.
///
/// Every statistic of the plan is a ratio θ_g = Σ_{i∈g} w_i a_i / Σ_{i∈g} w_i b_i or a linear
/// combination Σ c_j θ_j of others (``StatisticKind``). A replicate multiplies the weight of
/// every row of unit u by m_u, so its ratio totals are
///
///     Σ_{i∈g} m_{u(i)} w_i a_i = Σ_u m_u · A[u, g],   A[u, g] = Σ_{i∈u, i∈g} w_i a_i
///
/// (the same for b): A and B are summed once, for the ratio statistics the node depends on
/// (its leaves), over the (unit, group) pairs present in the data; each replicate then
/// recombines them with its multipliers and evaluates the node as the engine does (a ratio with
/// Σ w b = 0 is NaN; a linear node sums c_j θ_j in part order). The values equal those of a pass
/// over the replicate weights up to the order of floating-point additions.
///
/// Units are PSUs when the bootstrap resamples clusters, else rows (``Bootstrap/resamplingUnit(ofRow:design:scheme:)``).
struct UnitTotals {
    /// The ratio statistics the node depends on, and each statistic's leaf position (−1 if none).
    let leaves: [Int]
    let leafPosition: [Int]
    /// The pairs: unit and group, and per leaf Σ w a and Σ w b over the pair's rows, one run of
    /// 2L per pair: `totals[pair * 2L + leaf]` is Σ w a, `totals[pair * 2L + L + leaf]` Σ w b.
    let pairUnit: [Int32]
    let pairGroup: [Int32]
    let totals: [Double]
    let statistics: [StatisticPlan]
    let groupCount: Int

    /// The doubles of `totals` (2 × leaves × pairs) that ``init(estimator:node:scheme:limit:)`` accepts: 128 MB.
    static let defaultLimit = 1 << 24

    /// Totals of `node`'s leaves, or nil when 2 × pairs × leaves exceeds `limit` (unclustered
    /// millions of rows: there the totals are no smaller than the rows).
    init?(estimator e: GroupedEstimator, node: Int, scheme: Bootstrap.Scheme, limit: Int = UnitTotals.defaultLimit) {
        let n = e.design.rowCount
        let G = e.groups.count
        statistics = e.statistics
        groupCount = G
        // Leaves in plan order.
        var isLeaf = [Bool](repeating: false, count: e.statistics.count)
        var stack = [node]
        while let s = stack.popLast() {
            if case let .linear(parts, _) = e.statistics[s].kind { stack.append(contentsOf: parts) } else { isLeaf[s] = true }
        }
        leaves = isLeaf.indices.filter { isLeaf[$0] }
        var position = [Int](repeating: -1, count: e.statistics.count)
        for (l, s) in leaves.enumerated() { position[s] = l }
        leafPosition = position
        let L = leaves.count

        // (unit, group) → pair.
        let rowGroup = e.groups.rowGroup
        var pairOfRow = [Int32](repeating: 0, count: n)
        var pairUnit: [Int32] = [], pairGroup: [Int32] = []
        if Bootstrap.resamplingUnitCount(design: e.design, scheme: scheme) == n {
            guard 2 * n * L <= limit else { return nil }
            for i in 0..<n { pairOfRow[i] = Int32(i) }
            pairUnit = (0..<n).map { Int32($0) }
            pairGroup = rowGroup
        } else {
            let units = e.design.psuCount
            let flat = units * G <= 1 << 24
            var table = [Int32](repeating: -1, count: flat ? units * G : 0)
            var dense: [Int: Int32] = [:]
            for i in 0..<n {
                let u = Bootstrap.resamplingUnit(ofRow: i, design: e.design, scheme: scheme)
                let key = u * G + Int(rowGroup[i])
                var pair = flat ? table[key] : (dense[key] ?? -1)
                if pair < 0 {
                    pair = Int32(pairUnit.count)
                    if flat { table[key] = pair } else { dense[key] = pair }
                    pairUnit.append(Int32(u))
                    pairGroup.append(rowGroup[i])
                }
                pairOfRow[i] = pair
            }
            guard 2 * pairUnit.count * L <= limit else { return nil }
        }
        self.pairUnit = pairUnit
        self.pairGroup = pairGroup

        // Σ w a and Σ w b per (pair, leaf), with a and b as the engine's passes form them.
        let P = pairUnit.count
        var totals = [Double](repeating: 0, count: P * 2 * L)
        let weights = e.design.weights
        for (l, s) in leaves.enumerated() {
            switch e.statistics[s].kind {
            case let .item(c, variable):
                let column = e.columns[c]
                let valid = column.valid, y = column.table(variable), codes = column.codes
                for i in 0..<n {
                    let code = Int(codes[i].rawValue)
                    let v = valid[code]
                    if v == 0 { continue }
                    let k = Int(pairOfRow[i]) * 2 * L + l
                    totals[k] += weights[i] * (v * y[code])
                    totals[k + L] += weights[i] * v
                }
            case let .pooled(cs, variable), let .respondentMean(cs, variable):
                let mean: Bool
                if case .respondentMean = e.statistics[s].kind { mean = true } else { mean = false }
                let columns = cs.map { (codes: e.columns[$0].codes, valid: e.columns[$0].valid, y: e.columns[$0].table(variable)) }
                for i in 0..<n {
                    var ai = 0.0, bi = 0.0
                    for column in columns {
                        let code = Int(column.codes[i].rawValue)
                        bi += column.valid[code]
                        ai += column.valid[code] * column.y[code]
                    }
                    guard bi > 0 else { continue }
                    if mean { ai /= bi; bi = 1 }
                    let k = Int(pairOfRow[i]) * 2 * L + l
                    totals[k] += weights[i] * ai
                    totals[k + L] += weights[i] * bi
                }
            case let .option(q, bit):
                let chosen = e.selections[q]
                for i in 0..<n where chosen[i] != 0 {
                    let k = Int(pairOfRow[i]) * 2 * L + l
                    totals[k] += weights[i] * Double((chosen[i] >> UInt64(bit)) & 1)
                    totals[k + L] += weights[i]
                }
            case .linear:
                preconditionFailure("a leaf is never linear")
            }
        }
        self.totals = totals
    }

    /// The node's value for each of `groups` under the unit multipliers `m`.
    func values(node: Int, groups: [Int], multipliers m: [Double]) -> [Double] {
        let width = 2 * leaves.count
        var sums = [Double](repeating: 0, count: groupCount * width)
        totals.withUnsafeBufferPointer { totals in
        sums.withUnsafeMutableBufferPointer { sums in
        pairUnit.withUnsafeBufferPointer { pairUnit in
        pairGroup.withUnsafeBufferPointer { pairGroup in
        m.withUnsafeBufferPointer { m in
            for pair in 0..<pairUnit.count {
                let multiplier = m[Int(pairUnit[pair])]
                if multiplier == 0 { continue }
                let from = totals.baseAddress! + pair * width
                let to = sums.baseAddress! + Int(pairGroup[pair]) * width
                for k in 0..<width { to[k] += multiplier * from[k] }
            }
        }}}}}
        let L = leaves.count
        func value(_ s: Int, _ g: Int) -> Double {
            if case let .linear(parts, coefficients) = statistics[s].kind {
                var total = 0.0
                for (j, part) in parts.enumerated() { total += coefficients[j] * value(part, g) }
                return total
            }
            let k = g * width + leafPosition[s]
            return sums[k + L] != 0 ? sums[k] / sums[k + L] : .nan
        }
        return groups.map { value(node, $0) }
    }
}
