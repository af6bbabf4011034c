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

    func run() -> (GroupedEstimator.Sums, GroupedEstimator.InfluenceSums) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count, S = e.statistics.count, C = e.columns.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let weights = e.design.weights
        let rowGroup = e.groups.rowGroup
        let rowSlot = e.layout.rowSlot

        var sums = GroupedEstimator.Sums(
            numerator: [Double](repeating: 0, count: G * S), denominator: [Double](repeating: 0, count: G * S),
            enteringN: [Int](repeating: 0, count: G * S), enteringW: [Double](repeating: 0, count: G * S),
            enteringW2: [Double](repeating: 0, count: G * S), answerCounts: [Int](repeating: 0, count: G * C * 5),
            groupRows: [Int](repeating: 0, count: G), groupWeight: [Double](repeating: 0, count: G))
        var inf = GroupedEstimator.InfluenceSums(
            t: [Double](repeating: 0, count: slots * S), t2: [Double](repeating: 0, count: clustered ? 0 : slots * S),
            z: [Double](repeating: 0, count: G * S), zzOverW: [Double](repeating: 0, count: G * S))

        for i in 0..<n {
            let g = Int(rowGroup[i])
            sums.groupRows[g] += 1
            sums.groupWeight[g] += weights[i]
        }

        // 1. Single-column statistics, grouped by column.
        var itemStatistics = [[(s: Int, variable: Variable)]](repeating: [], count: C)
        for s in 0..<S { if case let .item(c, variable) = e.statistics[s].kind { itemStatistics[c].append((s, variable)) } }
        for c in 0..<C {
            columnPass(c, statistics: itemStatistics[c], sums: &sums, inf: &inf)
        }

        // 2. Multi-column ratios (pooled, respondent mean, multi-select option): row buffers.
        var buffers: [Int: (a: [Double], b: [Double])] = [:]
        for s in 0..<S {
            var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
            switch e.statistics[s].kind {
            case let .pooled(cs, variable), let .respondentMean(cs, variable):
                for c in cs {
                    let column = e.columns[c]
                    let valid = column.valid, y = column.table(variable)
                    column.codes.withUnsafeBufferPointer { codes in
                        for i in 0..<n {
                            let code = Int(codes[i].rawValue)
                            b[i] += valid[code]
                            a[i] += valid[code] * y[code]
                        }
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
            ratioPass(s, a: a, b: b, sums: &sums, inf: &inf)
            buffers[s] = (a, b)
        }

        // 3. Linear combinations (mean of children), children before parents.
        var linearBuffers: [Int: (z: [Double], enter: [Bool])] = [:]
        for s in 0..<S {
            guard case let .linear(parts, coefficients) = e.statistics[s].kind else { continue }
            var z = [Double](repeating: 0, count: n)
            var enter = [Bool](repeating: false, count: n)
            var value = [Double](repeating: 0, count: G)
            for (j, p) in parts.enumerated() {
                let coefficient = coefficients[j]
                var theta = [Double](repeating: 0, count: G), scale = [Double](repeating: 0, count: G)
                for g in 0..<G {
                    theta[g] = sums.value(g, p, S)
                    value[g] += coefficient * theta[g]
                    let x = sums.denominator[g * S + p]
                    scale[g] = x != 0 ? coefficient / x : 0
                }
                switch e.statistics[p].kind {
                case let .item(c, variable):
                    let column = e.columns[c]
                    let valid = column.valid, y = column.table(variable)
                    column.codes.withUnsafeBufferPointer { codes in
                        for i in 0..<n {
                            let code = Int(codes[i].rawValue)
                            if valid[code] == 0 { continue }
                            let g = Int(rowGroup[i])
                            z[i] += scale[g] * weights[i] * (y[code] - theta[g])
                            enter[i] = true
                        }
                    }
                case .linear:
                    let (zp, ep) = linearBuffers[p]!
                    for i in 0..<n where ep[i] {
                        z[i] += coefficient * zp[i]
                        enter[i] = true
                    }
                default:
                    let (a, b) = buffers[p]!
                    for i in 0..<n where b[i] > 0 {
                        let g = Int(rowGroup[i])
                        z[i] += scale[g] * weights[i] * (a[i] - theta[g] * b[i])
                        enter[i] = true
                    }
                }
            }
            for g in 0..<G {
                sums.numerator[g * S + s] = value[g]
                sums.denominator[g * S + s] = 1
            }
            for i in 0..<n where enter[i] {
                let g = Int(rowGroup[i]), w = weights[i], zi = z[i]
                let slot = Int(rowSlot[i]) * S + s
                inf.t[slot] += zi
                if !clustered { inf.t2[slot] += zi * zi }
                if w != 0 {
                    let k = g * S + s
                    sums.enteringN[k] += 1
                    sums.enteringW[k] += w
                    sums.enteringW2[k] += w * w
                    inf.z[k] += zi
                    inf.zzOverW[k] += zi * zi / w
                }
            }
            linearBuffers[s] = (z, enter)
        }
        return (sums, inf)
    }

    /// One pass over column `c` for its single-column statistics.
    private func columnPass(
        _ c: Int, statistics: [(s: Int, variable: Variable)],
        sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count, S = e.statistics.count, C = e.columns.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let column = e.columns[c]
        let J = statistics.count
        let kind = column.kind, valid = column.valid
        let tables = statistics.map { column.table($0.variable) }
        // Per group: Σw, n, Σw², and per statistic Σwy, Σwy².
        var gW = [Double](repeating: 0, count: G), gW2 = [Double](repeating: 0, count: G)
        var gN = [Int](repeating: 0, count: G)
        var gWY = [Double](repeating: 0, count: G * J), gWY2 = [Double](repeating: 0, count: G * J)
        // Per slot: Σw, Σw² and per statistic Σwy, Σw²y, Σw²y².
        var sW = [Double](repeating: 0, count: slots), sW2 = [Double](repeating: 0, count: clustered ? 0 : slots)
        var sWY = [Double](repeating: 0, count: slots * J)
        var sW2Y = [Double](repeating: 0, count: clustered ? 0 : slots * J)
        var sW2Y2 = [Double](repeating: 0, count: clustered ? 0 : slots * J)
        var counts = [Int](repeating: 0, count: G * 5)
        let rowGroup = e.groups.rowGroup, rowSlot = e.layout.rowSlot, weights = e.design.weights
        column.codes.withUnsafeBufferPointer { codes in
            for i in 0..<n {
                let code = Int(codes[i].rawValue)
                let g = Int(rowGroup[i])
                counts[g * 5 + Int(kind[code])] += 1
                if valid[code] == 0 { continue }
                let w = weights[i]
                let slot = Int(rowSlot[i])
                gW[g] += w
                if w != 0 { gN[g] += 1; gW2[g] += w * w }
                sW[slot] += w
                if !clustered { sW2[slot] += w * w }
                for j in 0..<J {
                    let y = tables[j][code]
                    let wy = w * y
                    gWY[g * J + j] += wy
                    gWY2[g * J + j] += wy * y
                    sWY[slot * J + j] += wy
                    if !clustered {
                        sW2Y[slot * J + j] += w * wy
                        sW2Y2[slot * J + j] += w * wy * y
                    }
                }
            }
        }
        for g in 0..<G {
            for k in 0..<5 { sums.answerCounts[(g * C + c) * 5 + k] = counts[g * 5 + k] }
        }
        for (j, statistic) in statistics.enumerated() {
            let s = statistic.s
            var theta = [Double](repeating: 0, count: G), inverse = [Double](repeating: 0, count: G)
            for g in 0..<G {
                let k = g * S + s
                sums.numerator[k] = gWY[g * J + j]
                sums.denominator[k] = gW[g]
                sums.enteringN[k] = gN[g]
                sums.enteringW[k] = gW[g]
                sums.enteringW2[k] = gW2[g]
                guard gW[g] != 0 else { continue }
                let th = gWY[g * J + j] / gW[g]
                theta[g] = th
                inverse[g] = 1 / gW[g]
                inf.z[k] = (gWY[g * J + j] - th * gW[g]) * inverse[g]
                inf.zzOverW[k] = (gWY2[g * J + j] - 2 * th * gWY[g * J + j] + th * th * gW[g]) * inverse[g] * inverse[g]
            }
            for slot in 0..<slots {
                let g = Int(e.layout.slotGroup[slot])
                let th = theta[g], x = inverse[g]
                inf.t[slot * S + s] = (sWY[slot * J + j] - th * sW[slot]) * x
                if !clustered {
                    inf.t2[slot * S + s] = (sW2Y2[slot * J + j] - 2 * th * sW2Y[slot * J + j] + th * th * sW2[slot]) * x * x
                }
            }
        }
    }

    /// One pass over the row buffers a, b of a multi-column ratio statistic.
    private func ratioPass(
        _ s: Int, a: [Double], b: [Double], sums: inout GroupedEstimator.Sums, inf: inout GroupedEstimator.InfluenceSums
    ) {
        let e = estimator
        let n = e.design.rowCount
        let G = e.groups.count, S = e.statistics.count
        let slots = e.layout.slotCount
        let clustered = e.layout.clustered
        let rowGroup = e.groups.rowGroup, rowSlot = e.layout.rowSlot, weights = e.design.weights
        var gA2 = [Double](repeating: 0, count: G), gAB = [Double](repeating: 0, count: G), gB2 = [Double](repeating: 0, count: G)
        var sA = [Double](repeating: 0, count: slots), sB = [Double](repeating: 0, count: slots)
        var sA2 = [Double](repeating: 0, count: clustered ? 0 : slots)
        var sAB = [Double](repeating: 0, count: clustered ? 0 : slots)
        var sB2 = [Double](repeating: 0, count: clustered ? 0 : slots)
        for i in 0..<n where b[i] > 0 {
            let g = Int(rowGroup[i]), w = weights[i], slot = Int(rowSlot[i])
            let wa = w * a[i], wb = w * b[i]
            let k = g * S + s
            sums.numerator[k] += wa
            sums.denominator[k] += wb
            if w != 0 {
                sums.enteringN[k] += 1
                sums.enteringW[k] += w
                sums.enteringW2[k] += w * w
            }
            gA2[g] += wa * a[i]
            gAB[g] += wa * b[i]
            gB2[g] += wb * b[i]
            sA[slot] += wa
            sB[slot] += wb
            if !clustered {
                sA2[slot] += wa * wa
                sAB[slot] += wa * wb
                sB2[slot] += wb * wb
            }
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
        for slot in 0..<slots {
            let g = Int(e.layout.slotGroup[slot])
            let th = theta[g], x = inverse[g]
            inf.t[slot * S + s] = (sA[slot] - th * sB[slot]) * x
            if !clustered { inf.t2[slot * S + s] = (sA2[slot] - 2 * th * sAB[slot] + th * th * sB2[slot]) * x * x }
        }
    }
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
