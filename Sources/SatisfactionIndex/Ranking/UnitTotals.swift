import CLanes
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
    /// limit (millions of rows without clusters, or with small PSUs crossed with many groups),
    /// or because every leaf is one answer column and pairs are not much fewer than rows. A block
    /// of replicates (``ReplicateBlock``) then takes the rows group by group and sums, for all
    /// its replicates at once, w_i · m per (leaf, answer) in a table that stays in the first-level
    /// cache (``sumRows(block:into:)``).
    let byRows: Bool
    /// With ``byRows``, the rows in group order (stable: within a group, in file order), the
    /// rows of group g at positions `groupStart[g]..<groupStart[g + 1]`: the single-column
    /// leaves' answers compacted (valid codes 1…11 as they are, every missing code 0), row-major,
    /// `rowCodes[p * items.count + j]` for item leaf j; per item leaf its position among the
    /// leaves and a, b per compact answer; each row's resampling unit, stratum and weight; and
    /// the multi-column leaves with their per-row a and b.
    let rowCodes: [UInt8]
    let items: [(leaf: Int, a: [Double], b: [Double])]
    let codeStride: Int
    let groupStart: [Int]
    let rowUnit: [Int32]
    let rowStratum: [Int32]
    let weights: [Double]
    let others: [(leaf: Int, a: [Double], b: [Double])]
    let statistics: [StatisticPlan]
    let groupCount: Int

    enum Source {
        case item(codes: [AnswerCode], a: [Double], b: [Double])
        case rows(a: [Double], b: [Double])
    }

    /// Whether ``addLanes(_:weights:codes:rows:items:stride:vector:)`` runs the AVX2 kernel.
    static let avx2 = satkit_lanes_avx2_available() == 1

    /// For each of `rows` rows p, adds its lanes `weights[p]` to the cell of its answer to each
    /// item j, `cells[j * stride + codes[p * items + j]]`: the inner loop of ``sumRows(block:into:)``.
    /// With `vector` (where the CPU has AVX2) the C kernel `satkit_lanes_add_avx2` does the same
    /// additions 256 bits at a time (4 SSE2 stores per cell become 2; 8.6–8.9 → 7.3–8.2 s for
    /// 1,000 replicates on a million rows); the sums are the same bit for bit (`UnitTotalsTests`).
    static func addLanes(_ cells: UnsafeMutablePointer<SIMD8<Double>>, weights: UnsafePointer<SIMD8<Double>>,
                         codes: UnsafePointer<UInt8>, rows: Int, items: Int, stride: Int, vector: Bool = avx2) {
        if vector {
            UnsafeMutableRawPointer(cells).withMemoryRebound(to: Double.self, capacity: items * stride * 8) { c in
                UnsafeRawPointer(weights).withMemoryRebound(to: Double.self, capacity: rows * 8) { w in
                    satkit_lanes_add_avx2(c, w, codes, rows, items, stride)
                }
            }
            return
        }
        for p in 0..<rows {
            let w = weights[p]
            let answers = codes + p &* items
            var cell = cells
            for j in 0..<items {
                cell[Int(answers[j])] += w
                cell += stride
            }
        }
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
    /// (``values(nodes:groups:block:appendingWholeSample:)``).
    init(estimator e: GroupedEstimator, nodes: [Int], scheme: Bootstrap.Scheme,
         limit: Int = UnitTotals.defaultLimit, byRows choice: Bool? = nil) {
        let n = e.design.rowCount
        let G = e.groups.count
        statistics = e.statistics
        groupCount = G
        let rowGroup = e.groups.rowGroup
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

        // Each leaf's a and b: lookup tables by answer code for a single column, per-row
        // values for several columns or a multi-select, as the engine's passes form them.
        let sources = leaves.map { s -> Source in
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
            // Rows in group order, by a stable counting sort.
            var start = [Int](repeating: 0, count: G + 1)
            for i in 0..<n { start[Int(rowGroup[i]) + 1] += 1 }
            for g in 0..<G { start[g + 1] += start[g] }
            groupStart = start
            var order = [Int](repeating: 0, count: n)
            var next = start
            for i in 0..<n {
                let g = Int(rowGroup[i])
                order[next[g]] = i
                next[g] += 1
            }
            let weights = e.design.weights
            self.weights = order.map { weights[$0] }
            self.rowUnit = order.map { rowUnit[$0] }
            rowStratum = order.map { Int32(e.design.stratum(ofRow: $0)) }
            var items: [(leaf: Int, a: [Double], b: [Double])] = []
            var others: [(leaf: Int, a: [Double], b: [Double])] = []
            var compacts: [[UInt8]] = []
            var columns: [[AnswerCode]] = []
            var stride = 1
            for (l, source) in sources.enumerated() {
                switch source {
                case let .item(codes, a, b):
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
                case let .rows(a, b):
                    others.append((l, order.map { a[$0] }, order.map { b[$0] }))
                }
            }
            let I = items.count
            var rowCodes = [UInt8](repeating: 0, count: n * I)
            rowCodes.withUnsafeMutableBufferPointer { out in
                order.withUnsafeBufferPointer { order in
                    for j in 0..<I {
                        let compact = compacts[j]
                        columns[j].withUnsafeBufferPointer { codes in
                            for p in 0..<n { out[p * I + j] = compact[Int(codes[order[p]].rawValue)] }
                        }
                    }
                }
            }
            self.items = items.map { ($0.leaf, Array($0.a[0..<stride]), Array($0.b[0..<stride])) }
            self.others = others
            self.rowCodes = rowCodes
            codeStride = stride
            return
        }
        items = []
        rowCodes = []
        codeStride = 1
        groupStart = []
        self.rowUnit = []
        rowStratum = []
        weights = []
        others = []
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

    /// Every node of `nodes` for every group of `groups` in each of the block's replicates,
    /// `[replicate][…]` group-major within a replicate: `[g0 n0, g0 n1, …, g1 n0, …]`; with
    /// `appendingWholeSample`, then every node for the whole sample, from the sums of all
    /// groups' totals.
    func values(nodes: [Int], groups: [Int], block: ReplicateBlock, appendingWholeSample: Bool = false) -> [[Double]] {
        let width = 2 * leaves.count
        let cells = (groupCount + (appendingWholeSample ? 1 : 0)) * width
        var sums = [[Double]](repeating: [Double](repeating: 0, count: cells), count: block.count)
        if byRows {
            sumRows(block: block, into: &sums)
        } else {
            for r in 0..<block.count { sumPairs(multipliers: block.multipliers(replicate: r), into: &sums[r]) }
        }
        return sums.map { evaluate(nodes: nodes, groups: groups, sums: $0, appendingWholeSample: appendingWholeSample) }
    }

    /// Σ m_u · A[u, g] and Σ m_u · B[u, g] per (group, leaf) over the pairs.
    private func sumPairs(multipliers m: [Double], into sums: inout [Double]) {
        let width = 2 * leaves.count
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

    /// The nodes' values from one replicate's sums (a ratio with Σ w b = 0 is NaN; a linear
    /// node sums c_j θ_j in part order).
    private func evaluate(nodes: [Int], groups: [Int], sums: [Double], appendingWholeSample: Bool) -> [Double] {
        let L = leaves.count
        let width = 2 * L
        var sums = sums
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

    /// Σ w*_i a_i and Σ w*_i b_i per (group, leaf) over the rows for each of the block's
    /// replicates r, w*_i = w_i · m_r(u(i)).
    ///
    /// The rows are taken group by group. A row's w* in all ``ReplicateBlock/width`` lanes is
    /// one vector (its unit's draw counts turned into multipliers, times w_i), added to the
    /// group's (item leaf, answer) cell for each single-column leaf: a table of
    /// items × answers vectors (about 12 kB for 30 items of a 5-point scale) that stays in the
    /// first-level cache, against a read-modify-write per (row, leaf, replicate) scattered over
    /// every group's table before. At the group's end, Σ w* a = Σ_answer (Σ w*) · a(answer) and
    /// the same for b, per replicate; multi-column leaves add w* a and w* b per row.
    ///
    /// Each sum adds the same terms in the same order as a pass over the rows in file order
    /// that skips rows with w* = 0 (adding +0 leaves a sum unchanged), so the values are those
    /// of one replicate at a time, bit for bit.
    private func sumRows(block: ReplicateBlock, into sums: inout [[Double]]) {
        typealias Lanes = SIMD8<Double>
        precondition(ReplicateBlock.width == Lanes.scalarCount, "a block's lanes are one SIMD8")
        let L = leaves.count, width = 2 * L
        let I = items.count, stride = codeStride, O = others.count
        let R = block.count, levels = block.levels
        let cells = UnsafeMutablePointer<Lanes>.allocate(capacity: max(1, I * stride + 2 * O))
        defer { cells.deallocate() }
        // A run of rows' w* first, then their answers: the draws of a run's units are loaded
        // side by side (units are scattered over the block's draws when rows are in group
        // order; one row at a time waited for each load, 52% of the time measured).
        let run = 64
        let rowWeights = UnsafeMutablePointer<Lanes>.allocate(capacity: run)
        defer { rowWeights.deallocate() }
        let rowDraws = UnsafeMutablePointer<UInt64>.allocate(capacity: run)
        defer { rowDraws.deallocate() }
        let itemA = items.map(\.a), itemB = items.map(\.b)
        weights.withUnsafeBufferPointer { weights in
        rowUnit.withUnsafeBufferPointer { rowUnit in
        rowStratum.withUnsafeBufferPointer { rowStratum in
        rowCodes.withUnsafeBufferPointer { rowCodes in
        block.draws.withUnsafeBufferPointer { draws in
        block.multipliers.withUnsafeBufferPointer { table in
            for g in 0..<groupCount {
                let from = groupStart[g], to = groupStart[g + 1]
                if from == to { continue }
                cells.initialize(repeating: Lanes(repeating: 0), count: I * stride + 2 * O)
                let otherCells = cells + I * stride
                var first = from
                while first < to {
                    let last = min(first + run, to)
                    // The loads alone first, so that many are under way at once.
                    let words = UnsafeRawPointer(draws.baseAddress!)
                    for p in first..<last {
                        rowDraws[p - first] = UInt64(littleEndian: words.loadUnaligned(fromByteOffset: Int(rowUnit[p]) &* 8,
                                                                                        as: UInt64.self))
                    }
                    for p in first..<last {
                        let d = rowDraws[p - first]
                        let m = table.baseAddress! + Int(rowStratum[p]) &* levels
                        let multiplier = Lanes(m[Int(d & 0xff)], m[Int(d >> 8 & 0xff)], m[Int(d >> 16 & 0xff)],
                                               m[Int(d >> 24 & 0xff)], m[Int(d >> 32 & 0xff)], m[Int(d >> 40 & 0xff)],
                                               m[Int(d >> 48 & 0xff)], m[Int(d >> 56)])
                        rowWeights[p - first] = multiplier * weights[p]
                    }
                    Self.addLanes(cells, weights: rowWeights, codes: rowCodes.baseAddress! + first &* I,
                                  rows: last - first, items: I, stride: stride)
                    for p in first..<last where O > 0 {
                        let w = rowWeights[p - first]
                        for o in 0..<O where others[o].b[p] > 0 {
                            otherCells[2 * o] += w * others[o].a[p]
                            otherCells[2 * o + 1] += w * others[o].b[p]
                        }
                    }
                    first = last
                }
                for r in 0..<R {
                    sums[r].withUnsafeMutableBufferPointer { sums in
                        for j in 0..<I {
                            let k = g * width + items[j].leaf
                            for c in 1..<stride {
                                let x = cells[j * stride + c][r]
                                if x == 0 { continue }
                                sums[k] += x * itemA[j][c]
                                sums[k + L] += x * itemB[j][c]
                            }
                        }
                        for o in 0..<O {
                            let k = g * width + others[o].leaf
                            sums[k] = otherCells[2 * o][r]
                            sums[k + L] = otherCells[2 * o + 1][r]
                        }
                    }
                }
            }
        }}}}}}
    }
}
