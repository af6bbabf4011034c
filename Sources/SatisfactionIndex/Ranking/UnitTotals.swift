import SurveyStatistics
import SurveyData

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
/// When the pair totals would exceed a memory limit, a replicate sums the rows instead
/// (``byRows``).
struct UnitTotals {
    /// The ratio statistics the node depends on, and each statistic's leaf position (−1 if none).
    let leaves: [Int]
    let leafPosition: [Int]
    /// The pairs: unit and group, and per leaf Σ w a and Σ w b over the pair's rows, one run of
    /// 2L per pair: `totals[pair * 2L + leaf]` is Σ w a, `totals[pair * 2L + L + leaf]` Σ w b.
    /// Empty when ``byRows``.
    let pairUnit: [Int32]
    let pairGroup: [Int32]
    let totals: [Double]
    /// Replicates sum the rows instead of pairs, because the pair totals would exceed the
    /// limit (millions of rows without clusters, or with small PSUs crossed with many groups).
    /// Each replicate then forms w_i · m_{u(i)} and sums the leaves from their one-byte answer
    /// codes (lookup tables of a and b), or from per-row a and b for multi-column leaves: no
    /// storage per (row, leaf), but a pass per leaf, slower than streaming pair totals
    /// (measured: 12.8 s against 4.7 s on 100 thousand rows without a design, NOTES.md).
    let byRows: Bool
    let sources: [Source]
    /// With ``byRows``: the single-column leaves' answers compacted (valid codes 1…11 as they
    /// are, every missing code 0), row-major, `rowCodes[i * items.count + j]` for item leaf j;
    /// and per item leaf its position among the leaves and a, b per compact answer.
    let rowCodes: [UInt8]
    let items: [(leaf: Int, a: [Double], b: [Double])]
    let codeStride: Int
    let rowUnit: [Int32]
    let rowGroup: [Int32]
    let weights: [Double]
    let statistics: [StatisticPlan]
    let groupCount: Int

    enum Source {
        case item(codes: [AnswerCode], a: [Double], b: [Double])
        case rows(a: [Double], b: [Double])
    }

    /// The doubles of `totals` (2 × leaves × pairs) that ``init(estimator:node:scheme:limit:byRows:)`` accepts: 128 MB.
    static let defaultLimit = 1 << 24

    /// Totals of `node`'s leaves per (unit, group) pair, or by rows (``byRows``) when
    /// 2 × pairs × leaves exceeds `limit`; the argument `byRows` overrides that choice (tests
    /// run both ways). Each row is its own pair when the units are the rows.
    init(estimator e: GroupedEstimator, node: Int, scheme: Bootstrap.Scheme,
         limit: Int = UnitTotals.defaultLimit, byRows choice: Bool? = nil) {
        self.init(estimator: e, nodes: [node], scheme: scheme, limit: limit, byRows: choice)
    }

    /// Totals for the leaves of every node of `nodes`, so that one replicate evaluates them all
    /// (``values(nodes:groups:multipliers:scratch:)``).
    init(estimator e: GroupedEstimator, nodes: [Int], scheme: Bootstrap.Scheme,
         limit: Int = UnitTotals.defaultLimit, byRows choice: Bool? = nil) {
        let n = e.design.rowCount
        let G = e.groups.count
        statistics = e.statistics
        groupCount = G
        weights = e.design.weights
        rowGroup = e.groups.rowGroup
        // Leaves in plan order.
        var isLeaf = [Bool](repeating: false, count: e.statistics.count)
        var stack = nodes
        while let s = stack.popLast() {
            if case let .linear(parts, _) = e.statistics[s].kind { stack.append(contentsOf: parts) } else { isLeaf[s] = true }
        }
        leaves = isLeaf.indices.filter { isLeaf[$0] }
        var position = [Int](repeating: -1, count: e.statistics.count)
        for (l, s) in leaves.enumerated() { position[s] = l }
        leafPosition = position
        let L = leaves.count
        let rowUnit = (0..<n).map { Int32(Bootstrap.resamplingUnit(ofRow: $0, design: e.design, scheme: scheme)) }
        self.rowUnit = rowUnit

        // Each leaf's a and b: lookup tables by answer code for a single column, per-row
        // values for several columns or a multi-select, as the engine's passes form them.
        sources = leaves.map { s -> Source in
            switch e.statistics[s].kind {
            case let .item(c, variable):
                let column = e.columns[c]
                let y = column.table(variable)
                return .item(codes: column.codes, a: (0..<256).map { column.valid[$0] * y[$0] }, b: column.valid)
            case let .pooled(cs, variable), let .respondentMean(cs, variable):
                let mean: Bool
                if case .respondentMean = e.statistics[s].kind { mean = true } else { mean = false }
                var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
                for c in cs {
                    let column = e.columns[c]
                    let valid = column.valid, y = column.table(variable), codes = column.codes
                    for i in 0..<n {
                        let code = Int(codes[i].rawValue)
                        b[i] += valid[code]
                        a[i] += valid[code] * y[code]
                    }
                }
                if mean { for i in 0..<n where b[i] > 0 { a[i] /= b[i]; b[i] = 1 } }
                return .rows(a: a, b: b)
            case let .option(q, bit):
                let chosen = e.selections[q]
                var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
                for i in 0..<n where chosen[i] != 0 {
                    b[i] = 1
                    a[i] = Double((chosen[i] >> UInt64(bit)) & 1)
                }
                return .rows(a: a, b: b)
            case .linear:
                preconditionFailure("a leaf is never linear")
            }
        }

        // (unit, group) → pair; each row is its own pair when the units are the rows.
        var pairOfRow = [Int32](repeating: 0, count: n)
        var pairUnit: [Int32] = [], pairGroup: [Int32] = []
        if Bootstrap.resamplingUnitCount(design: e.design, scheme: scheme) == n {
            for i in 0..<n { pairOfRow[i] = Int32(i) }
            pairUnit = rowUnit
            pairGroup = rowGroup
        } else {
            let units = e.design.psuCount
            let flat = units * G <= 1 << 24
            var table = [Int32](repeating: -1, count: flat ? units * G : 0)
            var dense: [Int: Int32] = [:]
            for i in 0..<n {
                let key = Int(rowUnit[i]) * G + Int(rowGroup[i])
                var pair = flat ? table[key] : (dense[key] ?? -1)
                if pair < 0 {
                    pair = Int32(pairUnit.count)
                    if flat { table[key] = pair } else { dense[key] = pair }
                    pairUnit.append(rowUnit[i])
                    pairGroup.append(rowGroup[i])
                }
                pairOfRow[i] = pair
            }
        }
        // Rows are also the faster way when pairs are not much fewer than rows and every leaf is
        // one answer column: a replicate then reads a byte per leaf and row instead of 2 doubles
        // per leaf and pair.
        let allItems = sources.allSatisfy { if case .item = $0 { true } else { false } }
        let byRows = choice ?? (2 * pairUnit.count * L > limit || (allItems && 4 * pairUnit.count > n))
        self.byRows = byRows
        guard !byRows else {
            self.pairUnit = []
            self.pairGroup = []
            totals = []
            var items: [(leaf: Int, a: [Double], b: [Double])] = []
            var compacts: [[UInt8]] = []
            var columns: [[AnswerCode]] = []
            var stride = 1
            for (l, source) in sources.enumerated() {
                guard case let .item(codes, a, b) = source else { continue }
                var compact = [UInt8](repeating: 0, count: 256)
                var ca = [Double](repeating: 0, count: 16), cb = [Double](repeating: 0, count: 16)
                for code in 0..<256 where b[code] != 0 {
                    precondition(code < 16, "valid answer codes are scale positions 1...11")
                    compact[code] = UInt8(code)
                    ca[code] = a[code]
                    cb[code] = b[code]
                    stride = max(stride, code + 1)
                }
                items.append((l, ca, cb))
                compacts.append(compact)
                columns.append(codes)
            }
            let I = items.count
            var rowCodes = [UInt8](repeating: 0, count: n * I)
            rowCodes.withUnsafeMutableBufferPointer { out in
                for j in 0..<I {
                    let compact = compacts[j]
                    columns[j].withUnsafeBufferPointer { codes in
                        for i in 0..<n { out[i * I + j] = compact[Int(codes[i].rawValue)] }
                    }
                }
            }
            self.items = items.map { ($0.leaf, Array($0.a[0..<stride]), Array($0.b[0..<stride])) }
            self.rowCodes = rowCodes
            codeStride = stride
            return
        }
        items = []
        rowCodes = []
        codeStride = 1
        self.pairUnit = pairUnit
        self.pairGroup = pairGroup

        // Σ w a and Σ w b per (pair, leaf).
        var totals = [Double](repeating: 0, count: pairUnit.count * 2 * L)
        let weights = e.design.weights
        for (l, source) in sources.enumerated() {
            switch source {
            case let .item(codes, a, b):
                for i in 0..<n {
                    let code = Int(codes[i].rawValue)
                    if b[code] == 0 { continue }
                    let k = Int(pairOfRow[i]) * 2 * L + l
                    totals[k] += weights[i] * a[code]
                    totals[k + L] += weights[i] * b[code]
                }
            case let .rows(a, b):
                for i in 0..<n where b[i] > 0 {
                    let k = Int(pairOfRow[i]) * 2 * L + l
                    totals[k] += weights[i] * a[i]
                    totals[k + L] += weights[i] * b[i]
                }
            }
        }
        self.totals = totals
    }

    /// The node's value for each of `groups` under the unit multipliers `m`; `scratch` holds
    /// the replicate's row weights between calls when ``byRows``.
    func values(node: Int, groups: [Int], multipliers m: [Double], scratch: inout [Double]) -> [Double] {
        values(nodes: [node], groups: groups, multipliers: m, scratch: &scratch)
    }

    /// Every node of `nodes` for every group of `groups` in the replicate with unit multipliers
    /// `m`, group-major: `[g0 n0, g0 n1, …, g1 n0, …]`; with `appendingWholeSample`, then every
    /// node for the whole sample, from the sums of all groups' totals.
    func values(nodes: [Int], groups: [Int], multipliers m: [Double], scratch: inout [Double],
                appendingWholeSample: Bool = false) -> [Double] {
        let L = leaves.count
        let width = 2 * L
        var sums = [Double](repeating: 0, count: (groupCount + (appendingWholeSample ? 1 : 0)) * width)
        if byRows {
            sumRows(multipliers: m, into: &sums, scratch: &scratch)
        } else {
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
        }
        func value(_ s: Int, _ g: Int) -> Double {
            if case let .linear(parts, coefficients) = statistics[s].kind {
                var total = 0.0
                for (j, part) in parts.enumerated() { total += coefficients[j] * value(part, g) }
                return total
            }
            let k = g * width + leafPosition[s]
            return sums[k + L] != 0 ? sums[k] / sums[k + L] : .nan
        }
        if appendingWholeSample {
            let total = groupCount * width
            for g in 0..<groupCount {
                for k in 0..<width { sums[total + k] += sums[g * width + k] }
            }
            return (groups + [groupCount]).flatMap { g in nodes.map { value($0, g) } }
        }
        return groups.flatMap { g in nodes.map { value($0, g) } }
    }

    /// Σ w*_i a_i and Σ w*_i b_i per (group, leaf) over the rows, w*_i = w_i · m_{u(i)}, rows
    /// with w*_i = 0 skipped (about a third of them in a Rao–Wu replicate). Single-column leaves
    /// first sum w* per (group, leaf, answer) from the row-major compact answers, then
    /// Σ w* a = Σ_answer (Σ w*) · a(answer), the same for b; multi-column leaves read their
    /// per-row a and b. `scratch` holds the per-(group, leaf, answer) sums.
    private func sumRows(multipliers m: [Double], into sums: inout [Double], scratch: inout [Double]) {
        let n = weights.count
        let L = leaves.count, width = 2 * L
        let I = items.count, stride = codeStride
        let cells = groupCount * I * stride
        if scratch.count != cells { scratch = [Double](repeating: 0, count: cells) } else {
            for k in 0..<cells { scratch[k] = 0 }
        }
        var others: [(l: Int, a: [Double], b: [Double])] = []
        for (l, source) in sources.enumerated() {
            if case let .rows(a, b) = source { others.append((l, a, b)) }
        }
        scratch.withUnsafeMutableBufferPointer { table in
        weights.withUnsafeBufferPointer { weights in
        m.withUnsafeBufferPointer { m in
        rowUnit.withUnsafeBufferPointer { rowUnit in
        rowGroup.withUnsafeBufferPointer { rowGroup in
        rowCodes.withUnsafeBufferPointer { rowCodes in
        sums.withUnsafeMutableBufferPointer { sums in
            for i in 0..<n {
                let wi = weights[i] * m[Int(rowUnit[i])]
                if wi == 0 { continue }
                let g = Int(rowGroup[i])
                let base = g &* I &* stride
                let codes = i &* I
                for j in 0..<I { table[base &+ j &* stride &+ Int(rowCodes[codes &+ j])] += wi }
                for other in others where other.b[i] > 0 {
                    let k = g * width + other.l
                    sums[k] += wi * other.a[i]
                    sums[k + L] += wi * other.b[i]
                }
            }
            for g in 0..<groupCount {
                for (j, item) in items.enumerated() {
                    let base = (g * I + j) * stride
                    let k = g * width + item.leaf
                    for c in 1..<stride where table[base + c] != 0 {
                        sums[k] += table[base + c] * item.a[c]
                        sums[k + L] += table[base + c] * item.b[c]
                    }
                }
            }
        }}}}}}}
    }
}
