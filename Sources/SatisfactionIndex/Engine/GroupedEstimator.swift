import SurveyStatistics

/// The per-group sufficient statistics of every planned statistic, computed in passes over
/// the rows with no per-row storage.
///
/// - Pass A (``sums(weights:countAnswers:)``): per group and statistic Σ w a, Σ w b, the
///   entering rows' n, Σw and Σw², and per group and column the answers by kind. Point values
///   follow from these sums.
/// - Pass B (``influenceSums(sums:weights:)``): each row's influence value z for every
///   statistic, from the row's answers and its group's point values, summed into the slots of
///   ``VarianceLayout`` (and Σ z²/w for the design effect). The design variance follows from
///   the slot sums. For the unweighted and weights-only cases the slots are (group, stratum)
///   and hold Σz and Σz²: the variance comes from per-group sums alone, equal to what
///   ``DesignVariance`` gives from the stored influence values (tested).
struct GroupedEstimator {
    let columns: [AnswerColumn]
    let selections: [[UInt64]]
    let statistics: [StatisticPlan]
    let groups: GroupIndex
    let layout: VarianceLayout
    let design: SurveyDesign

    var statisticCount: Int { statistics.count }

    struct Sums {
        /// Σ w a and Σ w b per (group, statistic), `g * S + s`; for linear statistics Σ w a
        /// holds the combined point value and Σ w b is 1.
        var numerator: [Double]
        var denominator: [Double]
        /// Entering rows with weight ≠ 0, their Σw and Σw², per (group, statistic).
        var enteringN: [Int]
        var enteringW: [Double]
        var enteringW2: [Double]
        /// Answers by kind per (group, column): `(g * C + c) * 5 + kind`.
        var answerCounts: [Int]
        /// Rows and Σw per group.
        var groupRows: [Int]
        var groupWeight: [Double]

        /// θ of (group, statistic).
        func value(_ g: Int, _ s: Int, _ count: Int) -> Double {
            let d = denominator[g * count + s]
            return d != 0 ? numerator[g * count + s] / d : .nan
        }
    }

    /// Pass A. `countAnswers` also fills the answer counts (skipped in bootstrap replicates).
    func sums(weights: [Double], countAnswers: Bool = true) -> Sums {
        let S = statistics.count, C = columns.count, G = groups.count
        var out = Sums(
            numerator: [Double](repeating: 0, count: G * S), denominator: [Double](repeating: 0, count: G * S),
            enteringN: [Int](repeating: 0, count: G * S), enteringW: [Double](repeating: 0, count: G * S),
            enteringW2: [Double](repeating: 0, count: G * S),
            answerCounts: [Int](repeating: 0, count: countAnswers ? G * C * 5 : 0),
            groupRows: [Int](repeating: 0, count: G), groupWeight: [Double](repeating: 0, count: G))
        var row = RowScratch(statistics: S, columns: C)
        for i in 0..<design.rowCount {
            let g = Int(groups.rowGroup[i])
            let w = weights[i]
            out.groupRows[g] += 1
            out.groupWeight[g] += w
            row.load(row: i, columns: columns)
            if countAnswers {
                for c in 0..<C { out.answerCounts[(g * C + c) * 5 + Int(columns[c].kind[Int(row.code[c])])] += 1 }
            }
            evaluate(row: i, scratch: &row)
            let base = g * S
            for s in 0..<S where row.enter[s] {
                if case .linear = statistics[s].kind {} else {
                    out.numerator[base + s] += w * row.a[s]
                    out.denominator[base + s] += w * row.b[s]
                }
                if w != 0 {
                    out.enteringN[base + s] += 1
                    out.enteringW[base + s] += w
                    out.enteringW2[base + s] += w * w
                }
            }
        }
        // Linear statistics: θ = Σ c θ_part, stored as numerator / 1.
        for g in 0..<G {
            for s in 0..<S {
                guard case let .linear(parts, coefficients) = statistics[s].kind else { continue }
                var value = 0.0
                for (j, part) in parts.enumerated() { value += coefficients[j] * out.value(g, part, S) }
                out.numerator[g * S + s] = value
                out.denominator[g * S + s] = 1
            }
        }
        return out
    }

    /// The point values θ per (group, statistic) from pass A's sums.
    func values(_ sums: Sums) -> [Double] {
        let S = statistics.count
        return (0..<(groups.count * S)).map { sums.value($0 / S, $0 % S, S) }
    }

    struct InfluenceSums {
        /// Per (group, stratum) cell of ``VarianceLayout``, `cell * S + s`: Σ_j t_j of the
        /// slots' influence totals and Σ_j t_j² (with clusters) or Σ z² (without).
        var s1: [Double]
        var s2: [Double]
        /// The per-slot totals t (and, without clusters, Σ z²) of the statistics asked to be
        /// kept (the ranked ones, for the groups' covariance), one value per slot.
        var slotT: [Int: [Double]] = [:]
        var slotT2: [Int: [Double]] = [:]
        /// Σ z and Σ z²/w over entering rows per (group, statistic), for V_srs.
        var z: [Double]
        var zzOverW: [Double]
    }

    /// Pass B. Keeps the per-slot totals of the statistics in `keep`.
    func influenceSums(sums: Sums, weights: [Double], keep: Set<Int> = []) -> InfluenceSums {
        let S = statistics.count
        let theta = values(sums)
        var t = [Double](repeating: 0, count: layout.slotCount * S)
        var t2 = [Double](repeating: 0, count: layout.clustered ? 0 : layout.slotCount * S)
        var out = InfluenceSums(
            s1: [], s2: [],
            z: [Double](repeating: 0, count: groups.count * S), zzOverW: [Double](repeating: 0, count: groups.count * S))
        var row = RowScratch(statistics: S, columns: columns.count)
        for i in 0..<design.rowCount {
            let g = Int(groups.rowGroup[i])
            let w = weights[i]
            row.load(row: i, columns: columns)
            evaluate(row: i, scratch: &row)
            influence(weight: w, group: g, theta: theta, sums: sums, scratch: &row)
            let slot = Int(layout.rowSlot[i]) * S
            let base = g * S
            for s in 0..<S where row.enter[s] {
                let z = row.z[s]
                t[slot + s] += z
                if !layout.clustered { t2[slot + s] += z * z }
                if w != 0 {
                    out.z[base + s] += z
                    out.zzOverW[base + s] += z * z / w
                }
            }
        }
        (out.s1, out.s2) = layout.fold(t: t, t2: t2, statistics: S)
        for s in keep {
            out.slotT[s] = (0..<layout.slotCount).map { t[$0 * S + s] }
            if !layout.clustered { out.slotT2[s] = (0..<layout.slotCount).map { t2[$0 * S + s] } }
        }
        return out
    }

    /// The influence values of statistic `s` for group `g`, one per row (0 outside): what
    /// ``DesignVariance`` takes. Used by tests to check the slot sums against the general engine.
    func influence(group g: Int, statistic s: Int, sums: Sums, weights: [Double]) -> [Double] {
        let theta = values(sums)
        var row = RowScratch(statistics: statistics.count, columns: columns.count)
        var result = [Double](repeating: 0, count: design.rowCount)
        for i in 0..<design.rowCount where Int(groups.rowGroup[i]) == g {
            row.load(row: i, columns: columns)
            evaluate(row: i, scratch: &row)
            influence(weight: weights[i], group: g, theta: theta, sums: sums, scratch: &row)
            result[i] = row.enter[s] ? row.z[s] : 0
        }
        return result
    }

    /// a, b and `enter` of every statistic for the loaded row.
    private func evaluate(row i: Int, scratch: inout RowScratch) {
        for s in 0..<statistics.count {
            var a = 0.0, b = 0.0
            switch statistics[s].kind {
            case let .item(c, variable):
                let code = Int(scratch.code[c])
                b = columns[c].valid[code]
                a = b * columns[c].lookup(variable, code)
            case let .pooled(cs, variable):
                for c in cs {
                    let code = Int(scratch.code[c])
                    let v = columns[c].valid[code]
                    b += v
                    a += v * columns[c].lookup(variable, code)
                }
            case let .respondentMean(cs, variable):
                var total = 0.0, count = 0.0
                for c in cs {
                    let code = Int(scratch.code[c])
                    let v = columns[c].valid[code]
                    count += v
                    total += v * columns[c].lookup(variable, code)
                }
                if count > 0 { b = 1; a = total / count }
            case let .option(q, bit):
                let chosen = selections[q][i]
                if chosen != 0 { b = 1; a = Double((chosen >> UInt64(bit)) & 1) }
            case let .linear(parts, _):
                var enter = false
                for part in parts where scratch.enter[part] { enter = true }
                scratch.enter[s] = enter
                continue
            }
            scratch.a[s] = a
            scratch.b[s] = b
            scratch.enter[s] = b > 0
        }
    }

    /// z of every statistic for the evaluated row.
    private func influence(weight w: Double, group g: Int, theta: [Double], sums: Sums, scratch: inout RowScratch) {
        let S = statistics.count
        for s in 0..<S {
            switch statistics[s].kind {
            case let .linear(parts, coefficients):
                var z = 0.0
                for (j, part) in parts.enumerated() where scratch.enter[part] { z += coefficients[j] * scratch.z[part] }
                scratch.z[s] = z
            default:
                let x = sums.denominator[g * S + s]
                let th = theta[g * S + s]
                scratch.z[s] = scratch.enter[s] && x != 0 ? w * (scratch.a[s] - th * scratch.b[s]) / x : 0
            }
        }
    }
}

/// Per-row working storage, reused across rows.
struct RowScratch {
    var code: [UInt8]
    var a: [Double]
    var b: [Double]
    var z: [Double]
    var enter: [Bool]

    init(statistics: Int, columns: Int) {
        code = [UInt8](repeating: 0, count: columns)
        a = [Double](repeating: 0, count: statistics)
        b = [Double](repeating: 0, count: statistics)
        z = [Double](repeating: 0, count: statistics)
        enter = [Bool](repeating: false, count: statistics)
    }

    @inline(__always)
    mutating func load(row i: Int, columns: [AnswerColumn]) {
        for c in 0..<columns.count { code[c] = columns[c].codes[i].rawValue }
    }
}

extension AnswerColumn {
    @inline(__always)
    func lookup(_ variable: Variable, _ code: Int) -> Double {
        switch variable {
        case .share: share[code]
        case .value: value[code]
        case .index: index[code]
        }
    }
}
