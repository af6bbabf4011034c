import Dispatch
import SurveyData

/// The fast path of ``GroupedEstimator``: the same sums, computed column by column.
///
/// ``GroupedEstimator`` states the computation row by row (readable, and used for bootstrap
/// replicates); this type produces identical ``GroupedEstimator/Sums`` and
/// ``GroupedEstimator/InfluenceSums`` (tested to 1e-12) with tight loops over one answer column
/// at a time:
///
/// - A single criterion needs one pass over its column. Its influence value is
///   z_i = w_i v_i (y_i − θ_g)/X_g, so per slot Σz = (Σwy − θΣw)/X and
///   Σz² = (Σw²y² − 2θΣw²y + θ²Σw²)/X² (unclustered), or the PSU total (Σwy − θΣw)/X
///   (clustered): per-slot sums of w, wy, w², w²y, w²y² give the design variance with no
///   second pass — the per-group-sums form of the variance for unweighted and weights-only data.
/// - A pooled or respondent-mean parent fills per-row buffers a_i and b_i from its columns, then
///   one pass does the same with z_i = w_i(a_i − θ b_i)/X.
/// - A mean-of-children parent fills a per-row buffer of z_i = Σ_c c_c z_ic from its children
///   (a column pass per criterion child, a buffer read per aggregate child), then one pass sums
///   it into the slots.
struct ColumnarPass {
    let estimator: GroupedEstimator

    /// The sums under `weights` (the design's by default; a bootstrap replicate's otherwise),
    /// with the per-slot influence totals of the statistics in `keep` (for covariances).
    ///
    /// Slot totals are folded into their (group, stratum) cell as soon as a statistic's pass
    /// ends, so memory grows with slots × (statistics of one column, or linear statistics), not
    /// slots × all statistics.
    func run(weights: [Double]? = nil, keep: Set<Int> = []) -> (GroupedEstimator.Sums, GroupedEstimator.InfluenceSums) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count, S = e.statistics.count, C = e.columns.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let weights = weights ?? e.design.weights
        let unitWeights = weights.allSatisfy { $0 == 1 }
        let rowGroup = e.groups.rowGroup

        var sums = GroupedEstimator.Sums(
            numerator: [Double](repeating: 0, count: G * S), denominator: [Double](repeating: 0, count: G * S),
            enteringN: [Int](repeating: 0, count: G * S), enteringW: [Double](repeating: 0, count: G * S),
            enteringW2: [Double](repeating: 0, count: G * S), answerCounts: [Int](repeating: 0, count: G * C * 5),
            groupRows: [Int](repeating: 0, count: G), groupWeight: [Double](repeating: 0, count: G))
        var inf = GroupedEstimator.InfluenceSums(
            s1: [Double](repeating: 0, count: e.layout.cellCount * S), s2: [Double](repeating: 0, count: e.layout.cellCount * S),
            z: [Double](repeating: 0, count: G * S), zzOverW: [Double](repeating: 0, count: G * S))

        for i in 0..<n {
            let g = Int(rowGroup[i])
            sums.groupRows[g] += 1
            sums.groupWeight[g] += weights[i]
        }

        // 1. Single-column statistics, grouped by column.
        var itemStatistics = [[(s: Int, variable: Variable)]](repeating: [], count: C)
        for s in 0..<S { if case let .item(c, variable) = e.statistics[s].kind { itemStatistics[c].append((s, variable)) } }
        // Columns side by side, each into its own arrays for its J statistics (numbered
        // 0..<J there), merged into the grouping's arrays in column order.
        let cells = e.layout.cellCount
        let parts = Slots<(GroupedEstimator.Sums, GroupedEstimator.InfluenceSums)>(count: C)
        let columnStatistics = itemStatistics
        // A few workers take every few columns, each reusing its own slot buffers from column to
        // column (with clusters they are slot-long: reallocating them per column cost a page
        // fault per 4 kB); the fold leaves them zeroed for the next column.
        let workers = min(C, 4)
        let widest = itemStatistics.map(\.count).max() ?? 0
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let scratch = SlotScratch(slots: e.layout.slotCount, statistics: widest, squared: !e.layout.clustered)
          defer { scratch.free() }
          for c in stride(from: worker, to: C, by: workers) {
            let list = columnStatistics[c]
            let J = list.count
            var local = GroupedEstimator.Sums(
                numerator: [Double](repeating: 0, count: G * J), denominator: [Double](repeating: 0, count: G * J),
                enteringN: [Int](repeating: 0, count: G * J), enteringW: [Double](repeating: 0, count: G * J),
                enteringW2: [Double](repeating: 0, count: G * J), answerCounts: [Int](repeating: 0, count: G * 5),
                groupRows: [], groupWeight: [])
            var localInf = GroupedEstimator.InfluenceSums(
                s1: [Double](repeating: 0, count: cells * J), s2: [Double](repeating: 0, count: cells * J),
                z: [Double](repeating: 0, count: G * J), zzOverW: [Double](repeating: 0, count: G * J))
            let numbered = list.enumerated().map { (s: $0.offset, variable: $0.element.variable) }
            let kept = Set(list.indices.filter { keep.contains(list[$0].s) })
            columnPass(c, statistics: numbered, weights: weights, unitWeights: unitWeights, keep: kept, S: J, C: 1,
                       countColumn: 0, scratch: scratch,
                       sums: &local, inf: &localInf)
            parts.set(c, (local, localInf))
          }
        }
        for c in 0..<C {
            let (local, localInf) = parts.get(c)
            let list = itemStatistics[c]
            let J = list.count
            for g in 0..<G {
                for k in 0..<5 { sums.answerCounts[(g * C + c) * 5 + k] = local.answerCounts[g * 5 + k] }
            }
            for (j, statistic) in list.enumerated() {
                let s = statistic.s
                for g in 0..<G {
                    sums.numerator[g * S + s] = local.numerator[g * J + j]
                    sums.denominator[g * S + s] = local.denominator[g * J + j]
                    sums.enteringN[g * S + s] = local.enteringN[g * J + j]
                    sums.enteringW[g * S + s] = local.enteringW[g * J + j]
                    sums.enteringW2[g * S + s] = local.enteringW2[g * J + j]
                    inf.z[g * S + s] = localInf.z[g * J + j]
                    inf.zzOverW[g * S + s] = localInf.zzOverW[g * J + j]
                }
                for cell in 0..<cells {
                    inf.s1[cell * S + s] = localInf.s1[cell * J + j]
                    inf.s2[cell * S + s] = localInf.s2[cell * J + j]
                }
                if let t = localInf.slotT[j] { inf.slotT[s] = t }
                if let t2 = localInf.slotT2[j] { inf.slotT2[s] = t2 }
            }
        }

        // 2. Multi-column ratios (pooled, respondent mean, multi-select option): row buffers;
        // the options no linear statistic reads come from one read of their question's column.
        // Row buffers are kept only for the statistics a linear one reads (a multi-select
        // option's two buffers would otherwise stay until the end: 160 MB per option at 10
        // million rows).
        var readByLinear = Set<Int>()
        for statistic in e.statistics { if case let .linear(parts, _) = statistic.kind { readByLinear.formUnion(parts) } }
        var buffers: [Int: (a: [Double], b: [Double])] = [:]
        for s in 0..<S {
            switch e.statistics[s].kind {
            case .item, .linear: continue
            default: break
            }
            if case .option = e.statistics[s].kind, !readByLinear.contains(s) {
                continue  // below: every option of a question from one read of its column
            }
            var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
            switch e.statistics[s].kind {
            case let .pooled(cs, variable), let .respondentMean(cs, variable):
                for c in cs {
                    let column = e.columns[c]
                    let valid = column.valid, y = column.table(variable)
                    let codes = column.codes
                    for i in 0..<n {
                        let code = Int(codes[i].rawValue)
                        b[i] += valid[code]
                        a[i] += valid[code] * y[code]
                    }
                }
                if case .respondentMean = e.statistics[s].kind {
                    for i in 0..<n where b[i] > 0 { a[i] /= b[i]; b[i] = 1 }
                }
            case let .option(q, bit):
                let chosen = e.selections[q]
                for i in 0..<n where chosen[i] != 0 {
                    b[i] = 1
                    a[i] = Double((chosen[i] >> UInt64(bit)) & 1)
                }
            case .item, .linear:
                continue
            }
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    ratioPass(s, values: BufferedValues(a: a, b: b), weights: weights,
                              keep: keep, sums: &sums, inf: &inf)
                }
            }
            if readByLinear.contains(s) { buffers[s] = (a, b) }
        }

        var optionsOfQuestion: [Int: [(s: Int, bit: Int)]] = [:]
        for s in 0..<S {
            if case let .option(q, bit) = e.statistics[s].kind, !readByLinear.contains(s) {
                optionsOfQuestion[q, default: []].append((s, bit))
            }
        }
        for q in optionsOfQuestion.keys.sorted() {
            optionPass(q, options: optionsOfQuestion[q]!, weights: weights, keep: keep, sums: &sums, inf: &inf)
        }

        // 3. Linear combinations (mean of children), children before parents (``linearRows``):
        //    a row's influence on a parent is z_i = w_i u_i, with u_i = Σ c/X_g · (y_i − θ_g) over
        //    its item and ratio parts plus Σ c · u_i over its aggregate parts.
        var linear: [(s: Int, parts: [LinearPart])] = []
        var linearPosition: [Int: Int] = [:]
        for s in 0..<S {
            guard case let .linear(parts, coefficients) = e.statistics[s].kind else { continue }
            var value = [Double](repeating: 0, count: G)
            var list: [LinearPart] = []
            for (j, p) in parts.enumerated() {
                let coefficient = coefficients[j]
                var theta = [Double](repeating: 0, count: G), scale = [Double](repeating: 0, count: G)
                for g in 0..<G {
                    theta[g] = sums.value(g, p, S)
                    value[g] += coefficient * theta[g]
                    let x = sums.denominator[g * S + p]
                    scale[g] = x != 0 ? coefficient / x : 0
                }
                let source: LinearPart.Source
                switch e.statistics[p].kind {
                case let .item(c, variable):
                    let column = e.columns[c]
                    let y = column.table(variable)
                    // Valid codes are scale positions 1…11 (AnswerCode); every other code is 0.
                    var compact = [UInt8](repeating: 0, count: 256)
                    for code in 0..<256 where column.valid[code] != 0 {
                        precondition(code < 16, "valid answer codes are scale positions 1...11")
                        compact[code] = UInt8(code)
                    }
                    // The table is as short as the scale (6 entries per group for 5 points), so
                    // that it stays in the first-level cache while a block of rows reads it.
                    let stride = Int(compact.max() ?? 0) + 1
                    var table = [Double](repeating: 0, count: G * stride)
                    for g in 0..<G {
                        for code in 1..<16 where compact[code] != 0 { table[g * stride + code] = scale[g] * (y[code] - theta[g]) }
                    }
                    source = .item(codes: column.codes, compact: compact, stride: stride, table: table)
                case .linear:
                    source = .linear(linearPosition[p]!)
                default:
                    source = .ratio(p)
                }
                list.append(LinearPart(source: source, coefficient: coefficient, theta: theta, scale: scale))
            }
            // The value is known before the pass: Σ c θ_part.
            for g in 0..<G {
                sums.numerator[g * S + s] = value[g]
                sums.denominator[g * S + s] = 1
            }
            linearPosition[s] = linear.count
            linear.append((s, list))
        }
        if !linear.isEmpty {
            let L = linear.count
            // The rows in two fixed halves, summed side by side into accumulators of their own
            // and added in order: the same numbers on any number of cores. One part when the
            // slots are many (clusters), whose accumulators would be large.
            let partCount = n >= 65_536 && slots * L <= 1 << 20 ? 2 : 1
            let accumulators = (0..<partCount).map { _ in
                LinearAccumulators(slots: slots, groups: G, statistics: L, clustered: clustered, unitWeights: unitWeights)
            }
            defer { for a in accumulators { a.free() } }
            let ratioBuffers = buffers, list = linear
            DispatchQueue.concurrentPerform(iterations: partCount) { part in
                let lo = n * part / partCount, hi = n * (part + 1) / partCount
                linearRows(lo..<hi, linear: list, buffers: ratioBuffers, weights: weights, unitWeights: unitWeights,
                           into: accumulators[part])
            }
            let result = accumulators[0]
            for other in accumulators.dropFirst() { result.add(other) }
            let lanes = result.lanes, groupLanes = result.groupLanes
            let tl = result.tl, t2l = result.t2l, cnt = result.cnt, acc = result.acc
            let tlLanes = result.tlLanes, t2lLanes = result.t2lLanes, cntLanes = result.cntLanes
            let accLanes = result.accLanes
            let slotSums = result.slotSums
            if lanes > 1 {
                for t in 0..<(slots * L) {
                    let b = t * lanes
                    tl[t] = ((tlLanes[b] + tlLanes[b + 1]) + tlLanes[b + 2]) + tlLanes[b + 3]
                    if !clustered { t2l[t] = ((t2lLanes[b] + t2lLanes[b + 1]) + t2lLanes[b + 2]) + t2lLanes[b + 3] }
                    if slotSums { cnt[t] = ((cntLanes[b] + cntLanes[b + 1]) + cntLanes[b + 2]) + cntLanes[b + 3] }
                }
            }
            if groupLanes > 1 {
                for t in 0..<(G * L) {
                    for f in 0..<5 {
                        let b = t * groupLanes * 5 + f
                        acc[t * 5 + f] = ((accLanes[b] + accLanes[b + 5]) + accLanes[b + 10]) + accLanes[b + 15]
                    }
                }
            }
            if slotSums {
                for slot in 0..<slots {
                    let g = Int(e.layout.slotGroup[slot])
                    for l in 0..<L {
                        let a = (g * L + l) * 5, t = slot * L + l
                        acc[a] += cnt[t]
                        acc[a + 1] += cnt[t]
                        acc[a + 2] += cnt[t]
                        acc[a + 3] += tl[t]
                        acc[a + 4] += t2l[t]
                    }
                }
            }
            for (l, statistic) in linear.enumerated() {
                for g in 0..<G {
                    let a = (g * L + l) * 5, k = g * S + statistic.s
                    sums.enteringN[k] = Int(acc[a])
                    sums.enteringW[k] = acc[a + 1]
                    sums.enteringW2[k] = acc[a + 2]
                    inf.z[k] = acc[a + 3]
                    inf.zzOverW[k] = acc[a + 4]
                }
            }
            inf.s1.withUnsafeMutableBufferPointer { s1 in
                inf.s2.withUnsafeMutableBufferPointer { s2 in
                    for (l, statistic) in linear.enumerated() {
                        for slot in 0..<slots {
                            e.layout.fold(slot: slot, s: statistic.s, statistics: S, t: tl[slot * L + l],
                                          t2: clustered ? 0 : t2l[slot * L + l], s1: s1.baseAddress!, s2: s2.baseAddress!)
                        }
                    }
                }
            }
            for (l, statistic) in linear.enumerated() where keep.contains(statistic.s) {
                inf.slotT[statistic.s] = (0..<slots).map { tl[$0 * L + l] }
                if !clustered { inf.slotT2[statistic.s] = (0..<slots).map { t2l[$0 * L + l] } }
            }
        }
        return (sums, inf)
    }

    /// The linear statistics' sums over `rows`, into `sums`: in blocks of rows small enough that
    /// every parent's buffer stays in cache, a row's u_i = Σ c/X_g · (y_i − θ_g) over its item
    /// and ratio parts plus Σ c · u_i(aggregate part), read from a table by (group, answer) for
    /// an item part (one load per criterion below); its influence is z_i = w_i u_i.
    private func linearRows(
        _ rows: Range<Int>, linear: [(s: Int, parts: [LinearPart])], buffers: [Int: (a: [Double], b: [Double])],
        weights: [Double], unitWeights: Bool, into sums: LinearAccumulators
    ) {
        let e = estimator
        let block = 2048
        let L = linear.count
        let lanes = sums.lanes, groupLanes = sums.groupLanes
        let clustered = sums.clustered, slotSums = sums.slotSums
        let tlLanes = sums.tlLanes, t2lLanes = sums.t2lLanes, cntLanes = sums.cntLanes, accLanes = sums.accLanes
        var scratch = Buffers()
        defer { scratch.free() }
        let ub = scratch.zeros(L * block)  // u_i of each linear statistic
        let enb = UnsafeMutablePointer<UInt8>.allocate(capacity: L * block)  // ≠ 0 where the row enters
        enb.initialize(repeating: 0, count: L * block)
        let gb = UnsafeMutablePointer<Int>.allocate(capacity: block)  // the row's group
        gb.initialize(repeating: 0, count: block)
        defer {
            enb.deallocate()
            gb.deallocate()
        }
        weights.withUnsafeBufferPointer { w in
        e.groups.rowGroup.withUnsafeBufferPointer { rowGroup in
        e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
            var lo = rows.lowerBound
            while lo < rows.upperBound {
                let m = min(block, rows.upperBound - lo)
                for r in 0..<m { gb[r] = Int(rowGroup[lo &+ r]) }
                for (l, statistic) in linear.enumerated() {
                    let u = ub + l * block, en = enb + l * block
                    u.update(repeating: 0, count: m)
                    en.update(repeating: 0, count: m)
                    for part in statistic.parts {
                        switch part.source {
                        case let .item(codes, compact, stride, table):
                            codes.withUnsafeBufferPointer { codes in
                            compact.withUnsafeBufferPointer { compact in
                            table.withUnsafeBufferPointer { table in
                                for r in 0..<m {
                                    let k = compact[Int(codes[lo &+ r].rawValue)]
                                    u[r] += table[gb[r] &* stride &+ Int(k)]
                                    en[r] |= k
                                }
                            }}}
                        case let .ratio(p):
                            let (a, b) = buffers[p]!
                            let theta = part.theta, scale = part.scale
                            for r in 0..<m {
                                let i = lo + r
                                guard b[i] > 0 else { continue }
                                let g = gb[r]
                                u[r] += scale[g] * (a[i] - theta[g] * b[i])
                                en[r] = 1
                            }
                        case let .linear(k):
                            // A part that does not enter has u = 0 and adds nothing.
                            let up = ub + k * block, ep = enb + k * block
                            let coefficient = part.coefficient
                            for r in 0..<m {
                                u[r] += coefficient * up[r]
                                en[r] |= ep[r]
                            }
                        }
                    }
                    if slotSums {
                        // Every weight is 1 and slots are (group, stratum) cells: per slot
                        // Σz, Σz² and the entering rows give the group's sums too. A row that
                        // does not enter has z = 0 and adds nothing.
                        for r in 0..<m {
                            let zi = u[r]
                            let slot = (Int(rowSlot[lo &+ r]) &* L &+ l) &* lanes &+ (r & (lanes &- 1))
                            tlLanes[slot] += zi
                            t2lLanes[slot] += zi * zi
                            if en[r] != 0 { cntLanes[slot] += 1 }
                        }
                        continue
                    }
                    for r in 0..<m where en[r] != 0 {
                        let i = lo + r
                        let wi = w[i], ui = u[r]
                        let zi = wi * ui
                        let slot = (Int(rowSlot[i]) &* L &+ l) &* lanes &+ (r & (lanes &- 1))
                        tlLanes[slot] += zi
                        if !clustered { t2lLanes[slot] += zi * zi }
                        if wi != 0 {
                            let k = ((gb[r] &* L &+ l) &* groupLanes &+ (r & (groupLanes &- 1))) &* 5
                            accLanes[k] += 1
                            accLanes[k + 1] += wi
                            accLanes[k + 2] += wi * wi
                            accLanes[k + 3] += zi
                            accLanes[k + 4] += zi * ui  // z²/w
                        }
                    }
                }
                lo += m
            }
        }}}
    }

    /// One pass over column `c` for its single-column statistics. The accumulators are raw
    /// buffers so that the loop has no reference counting, uniqueness or exclusivity checks.
    ///
    /// `sums` and `inf` are laid out for `S` statistics and `C` columns, the column's answer
    /// counts going to column `countColumn` (``run`` passes one column's own small arrays, so
    /// that columns run side by side, and merges them).
    private func columnPass(
        _ c: Int, statistics: [(s: Int, variable: Variable)], weights: [Double], unitWeights: Bool, keep: Set<Int>,
        S: Int, C: Int, countColumn: Int, scratch: SlotScratch,
        sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let column = e.columns[c]
        let J = statistics.count
        // Lookup tables flattened: tables[code * J + j]; kind and validity per code.
        var tables = [Double](repeating: 0, count: 256 * J)
        for (j, statistic) in statistics.enumerated() {
            let table = column.table(statistic.variable)
            for code in 0..<256 { tables[code * J + j] = table[code] }
        }
        var buffers = Buffers()
        defer { buffers.free() }
        // Per group: Σw, n, Σw², and per statistic Σwy, Σwy².
        let gW = buffers.zeros(G), gW2 = buffers.zeros(G), gN = buffers.zeros(G)
        let gWY = buffers.zeros(G * J), gWY2 = buffers.zeros(G * J)
        // Per slot: Σw, Σw² and per statistic Σwy, Σw²y, Σw²y².
        // (The squared sums are only needed without clusters; with clusters they stay 1 long.)
        // The slot sums live in the worker's scratch, zero on entry and zeroed again by the fold.
        let sW = scratch.sW, sW2 = scratch.sW2
        let sWY = scratch.sWY, sW2Y = scratch.sW2Y, sW2Y2 = scratch.sW2Y2
        let counts = buffers.zeros(G * 5)
        if !clustered && slots <= 1024 {
            // Without clusters the slots are the (group, stratum) cells, few: sum the weights
            // per (slot, answer code) and form every statistic's sums from the code tables
            // afterwards, so the row loop does three additions whatever the number of statistics.
            codeTablePass(column: column, statistics: statistics, tables: tables, weights: weights,
                          unitWeights: unitWeights, counts: counts,
                          gW: gW, gW2: gW2, gN: gN, gWY: gWY, gWY2: gWY2, sW: sW, sW2: sW2, sWY: sWY, sW2Y: sW2Y, sW2Y2: sW2Y2)
        } else {
            // Group sums from per-(group, answer) tables of rows, Σw, Σw² and zero-weight rows,
            // formed after the loop (answers compacted to 16: valid codes 1…11 as they are,
            // then one entry per kind of missing), in two copies by row parity so that runs of
            // rows with the same group and answer (the whole sample) do not wait on each
            // other's additions; the slots' sums as before.
            let (compact, compactKind) = Self.compactAnswers(column)
            let lanes = G <= 4096 ? 2 : 1
            let cRows = buffers.zeros(lanes * G * 16), cW = buffers.zeros(lanes * G * 16)
            let cW2 = buffers.zeros(lanes * G * 16), cZero = buffers.zeros(lanes * G * 16)
            column.codes.withUnsafeBufferPointer { codes in
            e.groups.rowGroup.withUnsafeBufferPointer { rowGroup in
            e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
            weights.withUnsafeBufferPointer { weights in
            tables.withUnsafeBufferPointer { tables in
            compact.withUnsafeBufferPointer { compact in
            column.valid.withUnsafeBufferPointer { valid in
                for i in 0..<n {
                    let code = Int(codes[i].rawValue)
                    let g = Int(rowGroup[i])
                    let w = weights[i]
                    let ww = w * w
                    let k = ((i & (lanes &- 1)) &* G &+ g) << 4 | Int(compact[code])
                    cRows[k] += 1
                    cW[k] += w
                    cW2[k] += ww
                    if w == 0 { cZero[k] += 1 }
                    if valid[code] == 0 { continue }
                    let slot = Int(rowSlot[i])
                    sW[slot] += w
                    if clustered {
                        for j in 0..<J { sWY[slot &* J &+ j] += w * tables[code &* J &+ j] }
                        continue
                    }
                    sW2[slot] += ww
                    for j in 0..<J {
                        let y = tables[code &* J &+ j]
                        sWY[slot &* J &+ j] += w * y
                        sW2Y[slot &* J &+ j] += ww * y
                        sW2Y2[slot &* J &+ j] += ww * y * y
                    }
                }
            }}}}}}}
            for lane in 0..<lanes {
                for g in 0..<G {
                    for c in 0..<16 {
                        let k = (lane * G + g) << 4 | c
                        let count = cRows[k]
                        if count == 0 { continue }
                        counts[g * 5 + compactKind[c]] += count
                        guard c >= 1 && c <= 11 else { continue }
                        let w = cW[k]
                        gW[g] += w
                        gW2[g] += cW2[k]
                        gN[g] += count - cZero[k]
                        for j in 0..<J {
                            let y = tables[c * J + j]
                            gWY[g * J + j] += w * y
                            gWY2[g * J + j] += w * y * y
                        }
                    }
                }
            }
        }
        for g in 0..<G {
            for k in 0..<5 { sums.answerCounts[(g * C + countColumn) * 5 + k] = Int(counts[g * 5 + k]) }
        }
        for (j, statistic) in statistics.enumerated() {
            let s = statistic.s
            var theta = [Double](repeating: 0, count: G), inverse = [Double](repeating: 0, count: G)
            for g in 0..<G {
                let k = g * S + s
                sums.numerator[k] = gWY[g * J + j]
                sums.denominator[k] = gW[g]
                sums.enteringN[k] = Int(gN[g])
                sums.enteringW[k] = gW[g]
                sums.enteringW2[k] = gW2[g]
                guard gW[g] != 0 else { continue }
                let th = gWY[g * J + j] / gW[g]
                theta[g] = th
                inverse[g] = 1 / gW[g]
                inf.z[k] = (gWY[g * J + j] - th * gW[g]) * inverse[g]
                inf.zzOverW[k] = (gWY2[g * J + j] - 2 * th * gWY[g * J + j] + th * th * gW[g]) * inverse[g] * inverse[g]
            }
            let kept = keep.contains(s)
            var slotT = [Double](repeating: 0, count: kept ? slots : 0)
            var slotT2 = [Double](repeating: 0, count: kept && !clustered ? slots : 0)
            inf.s1.withUnsafeMutableBufferPointer { s1 in
                inf.s2.withUnsafeMutableBufferPointer { s2 in
                    for slot in 0..<slots {
                        let g = Int(e.layout.slotGroup[slot])
                        let th = theta[g], x = inverse[g]
                        let t = (sWY[slot * J + j] - th * sW[slot]) * x
                        let t2 = clustered ? 0 : (sW2Y2[slot * J + j] - 2 * th * sW2Y[slot * J + j] + th * th * sW2[slot]) * x * x
                        e.layout.fold(slot: slot, s: s, statistics: S, t: t, t2: t2, s1: s1.baseAddress!, s2: s2.baseAddress!)
                        if kept {
                            slotT[slot] = t
                            if !clustered { slotT2[slot] = t2 }
                        }
                        if j == J - 1 {
                            // The slot's last read: leave the scratch zeroed for the next column.
                            sW[slot] = 0
                            for jj in 0..<J { sWY[slot * J + jj] = 0 }
                            if !clustered {
                                sW2[slot] = 0
                                for jj in 0..<J {
                                    sW2Y[slot * J + jj] = 0
                                    sW2Y2[slot * J + jj] = 0
                                }
                            }
                        }
                    }
                }
            }
            if kept {
                inf.slotT[s] = slotT
                if !clustered { inf.slotT2[s] = slotT2 }
            }
        }
        if J == 0 {
            sW.update(repeating: 0, count: slots)
            if !clustered { sW2.update(repeating: 0, count: slots) }
        }
    }

    /// ``columnPass``'s sums for a column without clusters, from per-(slot, answer) tables: per
    /// row the rows of the slot's answer, its Σw, Σw² and its zero-weight rows; then, per slot,
    /// Σ over answers of (Σw)·y, (Σw)·y², (Σw²)·y, (Σw²)·y² for each statistic's y. The slot of
    /// a row determines its group (slots are (group, stratum) cells here).
    ///
    /// Answers are compacted to 16 (``compactAnswers(_:)``) and a cell's four sums are side by
    /// side, so that a row touches one cache line and 200 services' tables (100 kB) stay in
    /// the second-level cache; by raw code they took 1.6 MB.
    private func codeTablePass(
        column: AnswerColumn, statistics: [(s: Int, variable: Variable)], tables: [Double], weights: [Double],
        unitWeights: Bool,
        counts: UnsafeMutablePointer<Double>, gW: UnsafeMutablePointer<Double>, gW2: UnsafeMutablePointer<Double>,
        gN: UnsafeMutablePointer<Double>, gWY: UnsafeMutablePointer<Double>, gWY2: UnsafeMutablePointer<Double>,
        sW: UnsafeMutablePointer<Double>, sW2: UnsafeMutablePointer<Double>, sWY: UnsafeMutablePointer<Double>,
        sW2Y: UnsafeMutablePointer<Double>, sW2Y2: UnsafeMutablePointer<Double>
    ) {
        let e = estimator
        let n = e.design.rowCount
        let slots = e.layout.slotCount
        let J = statistics.count
        let (compact, compactKind) = Self.compactAnswers(column)
        var buffers = Buffers()
        defer { buffers.free() }
        // Per (slot, answer): rows, Σw, Σw², zero-weight rows.
        let cells = buffers.zeros(slots * 16 * 4)
        if unitWeights {
            // Every weight is 1: Σw = Σw² = the rows, none zero. Integer counts, in two tables
            // (even and odd rows) so that rows with the same answer do not wait on each other's
            // increment; sums of ones are exact, so these are the same numbers.
            let tally = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * slots * 16)
            tally.initialize(repeating: 0, count: 2 * slots * 16)
            defer { tally.deallocate() }
            let odd = tally + slots * 16
            column.codes.withUnsafeBufferPointer { codes in
            e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
            compact.withUnsafeBufferPointer { compact in
                var i = 0
                while i + 1 < n {
                    tally[Int(rowSlot[i]) << 4 | Int(compact[Int(codes[i].rawValue)])] &+= 1
                    odd[Int(rowSlot[i + 1]) << 4 | Int(compact[Int(codes[i + 1].rawValue)])] &+= 1
                    i += 2
                }
                if i < n { tally[Int(rowSlot[i]) << 4 | Int(compact[Int(codes[i].rawValue)])] &+= 1 }
            }}}
            for k in 0..<(slots * 16) {
                let count = Double(tally[k]) + Double(odd[k])
                cells[k * 4] = count
                cells[k * 4 + 1] = count
                cells[k * 4 + 2] = count
            }
        } else {
            column.codes.withUnsafeBufferPointer { codes in
            e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
            weights.withUnsafeBufferPointer { weights in
            compact.withUnsafeBufferPointer { compact in
                for i in 0..<n {
                    let k = (Int(rowSlot[i]) << 4 | Int(compact[Int(codes[i].rawValue)])) << 2
                    let w = weights[i]
                    cells[k] += 1
                    cells[k + 1] += w
                    cells[k + 2] += w * w
                    if w == 0 { cells[k + 3] += 1 }
                }
            }}}}
        }
        for slot in 0..<slots {
            let g = Int(e.layout.slotGroup[slot])
            for c in 0..<16 {
                let k = (slot << 4 | c) << 2
                let count = cells[k]
                if count == 0 { continue }
                counts[g * 5 + compactKind[c]] += count
                guard c >= 1 && c <= 11 else { continue }
                let w = cells[k + 1], ww = cells[k + 2]
                gW[g] += w
                gW2[g] += ww
                gN[g] += count - cells[k + 3]
                sW[slot] += w
                sW2[slot] += ww
                for j in 0..<J {
                    let y = tables[c * J + j]
                    gWY[g * J + j] += w * y
                    gWY2[g * J + j] += w * y * y
                    sWY[slot * J + j] += w * y
                    sW2Y[slot * J + j] += ww * y
                    sW2Y2[slot * J + j] += ww * y * y
                }
            }
        }
    }

    /// A column's answers in 16 values: a valid code (scale positions 1…11) as it is, every
    /// other code 11 + its kind of missing (noAnswer 12, dontKnow 13, notApplicable 14,
    /// invalid 15); and the kind of each of the 16.
    static func compactAnswers(_ column: AnswerColumn) -> (compact: [UInt8], kind: [Int]) {
        var compact = [UInt8](repeating: 15, count: 256)
        var kind = [Int](repeating: Int(AnswerColumn.Kind.invalid.rawValue), count: 16)
        for code in 0..<256 {
            if column.valid[code] == 1 {
                precondition(code < 12, "valid answer codes are scale positions 1...11")
                compact[code] = UInt8(code)
                kind[code] = Int(AnswerColumn.Kind.valid.rawValue)
            } else {
                let k = Int(column.kind[code])
                compact[code] = UInt8(11 + k)
                kind[11 + k] = k
            }
        }
        return (compact, kind)
    }

    /// One pass over the row buffers a, b of a multi-column ratio statistic.
    private func ratioPass<Values: RowRatio>(
        _ s: Int, values: Values, weights: [Double], keep: Set<Int>,
        sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        var buffers = Buffers()
        defer { buffers.free() }
        // Per group: Σwa, Σwb, entering n, Σw, Σw², Σ w a², Σ w a b, Σ w b²; per slot Σwa, Σwb
        // and, without clusters, Σ(wa)², Σ wa·wb, Σ(wb)².
        let gA = buffers.zeros(G), gB = buffers.zeros(G), gN = buffers.zeros(G), gW = buffers.zeros(G)
        let gW2 = buffers.zeros(G), gA2 = buffers.zeros(G), gAB = buffers.zeros(G), gB2 = buffers.zeros(G)
        let sA = buffers.zeros(slots), sB = buffers.zeros(slots)
        let squared = clustered ? 1 : slots
        let sA2 = buffers.zeros(squared), sAB = buffers.zeros(squared), sB2 = buffers.zeros(squared)
        weights.withUnsafeBufferPointer { weights in
        e.groups.rowGroup.withUnsafeBufferPointer { rowGroup in
        e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
            for i in 0..<n {
                let b = values.b(i)
                guard b > 0 else { continue }
                let a = values.a(i)
                let g = Int(rowGroup[i]), w = weights[i], slot = Int(rowSlot[i])
                let wa = w * a, wb = w * b
                gA[g] += wa
                gB[g] += wb
                if w != 0 {
                    gN[g] += 1
                    gW[g] += w
                    gW2[g] += w * w
                }
                gA2[g] += wa * a
                gAB[g] += wa * b
                gB2[g] += wb * b
                sA[slot] += wa
                sB[slot] += wb
                if !clustered {
                    sA2[slot] += wa * wa
                    sAB[slot] += wa * wb
                    sB2[slot] += wb * wb
                }
            }
        }}}
        finishRatio(s, group: RatioGroupSums(a: gA, b: gB, n: gN, w: gW, w2: gW2, a2: gA2, ab: gAB, b2: gB2),
                    slot: RatioSlotSums(a: sA, b: sB, a2: sA2, ab: sAB, b2: sB2), keep: keep, sums: &sums, inf: &inf)
    }

    /// Every option of multi-select question `q` in `options` (statistic, bit) from one read of
    /// its column, where ``ratioPass`` would read it once per option: with a = the option's bit
    /// and b = 1 (any option chosen), both 0 or 1, the ratio's sums are per slot Σw, Σw² and the
    /// entering rows of b = 1, and per option Σw and Σw² of its a = 1; a group's are its slots'.
    private func optionPass(
        _ q: Int, options: [(s: Int, bit: Int)], weights: [Double], keep: Set<Int>,
        sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count, slots = e.layout.slotCount
        let J = options.count
        var buffers = Buffers()
        defer { buffers.free() }
        let sW = buffers.zeros(slots), sW2 = buffers.zeros(slots), sN = buffers.zeros(slots)
        let sWA = buffers.zeros(slots * J), sW2A = buffers.zeros(slots * J)
        var column = [Int](repeating: 0, count: 64)
        var mask: UInt64 = 0
        for (j, option) in options.enumerated() {
            column[option.bit] = j
            mask |= 1 << UInt64(option.bit)
        }
        e.selections[q].withUnsafeBufferPointer { chosen in
        weights.withUnsafeBufferPointer { weights in
        e.layout.rowSlot.withUnsafeBufferPointer { rowSlot in
        column.withUnsafeBufferPointer { column in
            for i in 0..<n {
                let choices = chosen[i]
                guard choices != 0 else { continue }
                let w = weights[i], ww = w * w, slot = Int(rowSlot[i])
                sW[slot] += w
                sW2[slot] += ww
                if w != 0 { sN[slot] += 1 }
                var bits = choices & mask
                while bits != 0 {
                    let k = slot &* J &+ column[bits.trailingZeroBitCount]
                    sWA[k] += w
                    sW2A[k] += ww
                    bits &= bits &- 1
                }
            }
        }}}}
        let gB = buffers.zeros(G), gW2 = buffers.zeros(G), gN = buffers.zeros(G), gA = buffers.zeros(G)
        for slot in 0..<slots {
            let g = Int(e.layout.slotGroup[slot])
            gB[g] += sW[slot]
            gW2[g] += sW2[slot]
            gN[g] += sN[slot]
        }
        for (j, option) in options.enumerated() {
            gA.update(repeating: 0, count: G)
            for slot in 0..<slots { gA[Int(e.layout.slotGroup[slot])] += sWA[slot * J + j] }
            // a² = a and ab = a (b = 1 wherever a row enters); Σw over w ≠ 0 is Σw.
            let sA = sWA + j, sA2 = sW2A + j
            finishRatio(option.s, group: RatioGroupSums(a: gA, b: gB, n: gN, w: gB, w2: gW2, a2: gA, ab: gA, b2: gB),
                        slot: RatioSlotSums(a: sA, b: sW, a2: sA2, ab: sA2, b2: sW2, aStride: J), keep: keep,
                        sums: &sums, inf: &inf)
        }
    }

    /// A ratio statistic's sums and influence totals from its group sums (Σwa, Σwb, entering n,
    /// Σw, Σw², Σwa², Σwab, Σwb²) and slot sums (Σwa, Σwb and, without clusters, Σ(wa)²,
    /// Σwa·wb, Σ(wb)²).
    private func finishRatio(
        _ s: Int, group: RatioGroupSums, slot slotSums: RatioSlotSums, keep: Set<Int>,
        sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let G = e.groups.count, S = e.statistics.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let gA = group.a, gB = group.b, gN = group.n, gW = group.w, gW2 = group.w2
        let gA2 = group.a2, gAB = group.ab, gB2 = group.b2
        let m = slotSums.aStride
        let sA = slotSums.a, sB = slotSums.b, sA2 = slotSums.a2, sAB = slotSums.ab, sB2 = slotSums.b2
        for g in 0..<G {
            let k = g * S + s
            sums.numerator[k] = gA[g]
            sums.denominator[k] = gB[g]
            sums.enteringN[k] = Int(gN[g])
            sums.enteringW[k] = gW[g]
            sums.enteringW2[k] = gW2[g]
        }
        var theta = [Double](repeating: 0, count: G), inverse = [Double](repeating: 0, count: G)
        for g in 0..<G {
            let k = g * S + s
            let x = sums.denominator[k]
            guard x != 0 else { continue }
            let th = sums.numerator[k] / x
            theta[g] = th
            inverse[g] = 1 / x
            inf.z[k] = (sums.numerator[k] - th * x) / x
            inf.zzOverW[k] = (gA2[g] - 2 * th * gAB[g] + th * th * gB2[g]) / (x * x)
        }
        let kept = keep.contains(s)
        var slotT = [Double](repeating: 0, count: kept ? slots : 0)
        var slotT2 = [Double](repeating: 0, count: kept && !clustered ? slots : 0)
        inf.s1.withUnsafeMutableBufferPointer { s1 in
            inf.s2.withUnsafeMutableBufferPointer { s2 in
                for slot in 0..<slots {
                    let g = Int(e.layout.slotGroup[slot])
                    let th = theta[g], x = inverse[g]
                    let t = (sA[slot &* m] - th * sB[slot]) * x
                    let t2 = clustered ? 0 : (sA2[slot &* m] - 2 * th * sAB[slot &* m] + th * th * sB2[slot]) * x * x
                    e.layout.fold(slot: slot, s: s, statistics: S, t: t, t2: t2, s1: s1.baseAddress!, s2: s2.baseAddress!)
                    if kept {
                        slotT[slot] = t
                        if !clustered { slotT2[slot] = t2 }
                    }
                }
            }
        }
        if kept {
            inf.slotT[s] = slotT
            if !clustered { inf.slotT2[s] = slotT2 }
        }
    }
}

/// A ratio's sums per group (``ColumnarPass/finishRatio``).
struct RatioGroupSums {
    let a, b, n, w, w2, a2, ab, b2: UnsafeMutablePointer<Double>
}

/// A ratio's sums per slot (``ColumnarPass/finishRatio``): slot `k`'s Σwa, Σ(wa)², Σwa·wb are at
/// `k * aStride` (several options' side by side), its Σwb and Σ(wb)² at `k`.
struct RatioSlotSums {
    let a, b, a2, ab, b2: UnsafeMutablePointer<Double>
    var aStride = 1
}

/// One part of a mean-of-children parent in ``ColumnarPass``'s linear pass: where a row's
/// u_i comes from, the part's coefficient, and its θ and c/X per group.
struct LinearPart {
    enum Source {
        /// `table[g * stride + compact[code]]` is c/X_g · (y − θ_g) for a valid answer; entry 0
        /// of each group (every missing code) is 0, and `compact[code] != 0` says the row enters.
        case item(codes: [AnswerCode], compact: [UInt8], stride: Int, table: [Double])
        case ratio(Int)
        case linear(Int)
    }
    var source: Source
    var coefficient: Double
    var theta: [Double]
    var scale: [Double]
}

/// The linear pass's sums over a range of rows (``ColumnarPass``): per (slot, statistic) Σz,
/// Σz² (without clusters) and, with unit weights and no clusters, the entering rows; per
/// (group, statistic) the entering rows with w ≠ 0, their Σw, Σw², Σz, Σz²/w. Each is kept in
/// `lanes` copies by row (r mod lanes), summed at the end, so that a run of rows into the same
/// slot or group (the whole sample: every row) is not one chain of dependent additions; only
/// when the slots are few.
final class LinearAccumulators: @unchecked Sendable {
    let lanes: Int
    let groupLanes: Int
    let clustered: Bool
    /// Every weight is 1 and there are no clusters: per slot Σz, Σz² and the entering rows.
    let slotSums: Bool
    let tl: UnsafeMutablePointer<Double>, t2l: UnsafeMutablePointer<Double>
    let cnt: UnsafeMutablePointer<Double>, acc: UnsafeMutablePointer<Double>
    let tlLanes: UnsafeMutablePointer<Double>, t2lLanes: UnsafeMutablePointer<Double>
    let cntLanes: UnsafeMutablePointer<Double>, accLanes: UnsafeMutablePointer<Double>
    private let sizes: (tl: Int, t2l: Int, cnt: Int, acc: Int)
    private var buffers = Buffers()

    init(slots: Int, groups G: Int, statistics L: Int, clustered: Bool, unitWeights: Bool) {
        lanes = slots <= 4096 ? 4 : 1
        groupLanes = G <= 4096 ? 4 : 1
        self.clustered = clustered
        slotSums = unitWeights && !clustered
        tl = buffers.zeros(slots * L)
        t2l = buffers.zeros(clustered ? 1 : slots * L)
        tlLanes = lanes == 1 ? tl : buffers.zeros(slots * L * lanes)
        t2lLanes = lanes == 1 || clustered ? t2l : buffers.zeros(slots * L * lanes)
        acc = buffers.zeros(G * L * 5)
        accLanes = groupLanes == 1 ? acc : buffers.zeros(G * L * 5 * groupLanes)
        cnt = buffers.zeros(slotSums ? slots * L : 1)
        cntLanes = lanes == 1 || !slotSums ? cnt : buffers.zeros(slots * L * lanes)
        sizes = (slots * L * lanes, clustered ? 1 : slots * L * lanes, slotSums ? slots * L * lanes : 1,
                 G * L * 5 * groupLanes)
    }

    /// Adds `other`'s lane sums (of other rows) to these.
    func add(_ other: LinearAccumulators) {
        for k in 0..<sizes.tl { tlLanes[k] += other.tlLanes[k] }
        for k in 0..<sizes.t2l { t2lLanes[k] += other.t2lLanes[k] }
        for k in 0..<sizes.cnt { cntLanes[k] += other.cntLanes[k] }
        for k in 0..<sizes.acc { accLanes[k] += other.accLanes[k] }
    }

    func free() { buffers.free() }
}

/// The a_i and b_i of a multi-column ratio statistic, row by row (``ColumnarPass/ratioPass``).
protocol RowRatio {
    func a(_ i: Int) -> Double
    func b(_ i: Int) -> Double
}

/// a and b from per-row buffers (pooled and respondent-mean parents).
struct BufferedValues: RowRatio {
    let a: UnsafeBufferPointer<Double>
    let b: UnsafeBufferPointer<Double>
    @inline(__always) func a(_ i: Int) -> Double { a[i] }
    @inline(__always) func b(_ i: Int) -> Double { b[i] }
}

/// One column worker's per-slot sums (Σw, Σw², and per statistic Σwy, Σw²y, Σw²y²; the squared
/// ones only without clusters), allocated zeroed once and reused from column to column: each
/// column's fold sets every entry it used back to zero.
final class SlotScratch {
    let sW: UnsafeMutablePointer<Double>
    let sW2: UnsafeMutablePointer<Double>
    let sWY: UnsafeMutablePointer<Double>
    let sW2Y: UnsafeMutablePointer<Double>
    let sW2Y2: UnsafeMutablePointer<Double>
    private var buffers = Buffers()

    init(slots: Int, statistics: Int, squared: Bool) {
        let s = squared ? slots : 1
        sW = buffers.zeros(slots)
        sW2 = buffers.zeros(s)
        sWY = buffers.zeros(slots * statistics)
        sW2Y = buffers.zeros(s * statistics)
        sW2Y2 = buffers.zeros(s * statistics)
    }

    func free() { buffers.free() }
}

/// Zero-filled raw buffers owned by one pass and freed together.
struct Buffers {
    private var owned: [UnsafeMutablePointer<Double>] = []

    mutating func zeros(_ count: Int) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        owned.append(p)
        return p
    }

    func free() { for p in owned { p.deallocate() } }
}

extension AnswerColumn {
    /// The lookup table of `variable`.
    func table(_ variable: Variable) -> [Double] {
        switch variable {
        case .share: share
        case .value: value
        case .index: index
        }
    }
}
