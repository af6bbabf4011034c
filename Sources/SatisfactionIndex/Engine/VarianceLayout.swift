import SurveyStatistics

/// Where a row's influence value is summed for the design variance of its group's domain
/// estimate, so that no per-row influence array is ever stored.
///
/// Without clusters every row is its own PSU: the slot is (group, stratum) and the pass keeps
/// Σz and Σz² there. With clusters the slot is (group, PSU): the pass keeps the PSU total
/// t = Σz, and ``fold`` turns the totals into Σt and Σt² per (group, stratum). Either way the
/// variance of group g is the with-replacement estimator of R `svyrecvar`,
///
///     V_g = Σ_h f_h · n_h/(n_h − 1) · (Σ_j t_hj² − (Σ_j t_hj)²/n_h)
///
/// where n_h counts every PSU of stratum h in the full design: PSUs without rows of g have
/// t_hj = 0 and still count (a group is a domain of the full design, R's `subset`).
struct VarianceLayout {
    let clustered: Bool
    let strata: Int
    let slotCount: Int
    let rowSlot: [Int32]
    let slotGroup: [Int32]
    let slotStratum: [Int32]
    /// With clusters, the PSU of each slot (empty without clusters, where slots are strata).
    let slotPSU: [Int32]
    /// The (group, stratum) cell of each slot: the cells are the pairs that occur, so the
    /// folded sums stay proportional to the slots, not to groups × strata.
    let slotCell: [Int32]
    let cellGroup: [Int32]
    let cellStratum: [Int32]
    var cellCount: Int { cellGroup.count }
    /// Design degrees of freedom of each group: PSUs − strata among its rows with weight ≠ 0.
    let groupDegreesOfFreedom: [Int]

    init(groups: GroupIndex, design: SurveyDesign) {
        let n = design.rowCount
        let h = max(design.stratumCount, 1)
        strata = h
        clustered = design.isClustered
        var rowSlot = [Int32](repeating: 0, count: n)
        var slotGroup: [Int32] = []
        var slotStratum: [Int32] = []
        var slotPSU: [Int32] = []
        var slotWeighted: [Bool] = []
        if !clustered {
            for g in 0..<groups.count {
                for s in 0..<h {
                    slotGroup.append(Int32(g))
                    slotStratum.append(Int32(s))
                }
            }
            var psus = [Int](repeating: 0, count: groups.count * h)
            for i in 0..<n {
                let slot = Int(groups.rowGroup[i]) * h + design.stratum(ofRow: i)
                rowSlot[i] = Int32(slot)
                if design.weights[i] != 0 { psus[slot] += 1 }
            }
            slotWeighted = psus.map { $0 > 0 }
            var df = [Int](repeating: 0, count: groups.count)
            for slot in 0..<psus.count where psus[slot] > 0 {
                df[Int(slotGroup[slot])] += psus[slot] - 1
            }
            groupDegreesOfFreedom = df
        } else {
            // (group, PSU) → slot, through a flat table when groups × PSUs is small enough
            // (it is for services × villages), else a dictionary.
            let psuCount = design.psuCount
            let flat = groups.count * psuCount <= 1 << 24
            var table = [Int32](repeating: -1, count: flat ? groups.count * psuCount : 0)
            var dense: [Int: Int32] = [:]
            for i in 0..<n {
                let psu = design.psu(ofRow: i)
                let key = Int(groups.rowGroup[i]) * psuCount + psu
                let existing = flat ? table[key] : (dense[key] ?? -1)
                let slot: Int32
                if existing >= 0 {
                    slot = existing
                } else {
                    slot = Int32(slotGroup.count)
                    if flat { table[key] = slot } else { dense[key] = slot }
                    slotGroup.append(groups.rowGroup[i])
                    slotStratum.append(Int32(design.stratum(ofRow: i)))
                    slotPSU.append(Int32(psu))
                    slotWeighted.append(false)
                }
                rowSlot[i] = slot
                if design.weights[i] != 0 { slotWeighted[Int(slot)] = true }
            }
            var psus = [Int](repeating: 0, count: groups.count)
            var seenStratum = Set<Int>()
            for slot in 0..<slotGroup.count where slotWeighted[slot] {
                let g = Int(slotGroup[slot])
                psus[g] += 1
                if seenStratum.insert(g * h + Int(slotStratum[slot])).inserted { psus[g] -= 1 }
            }
            groupDegreesOfFreedom = psus.map { max(0, $0) }
        }
        self.rowSlot = rowSlot
        self.slotGroup = slotGroup
        self.slotStratum = slotStratum
        self.slotPSU = slotPSU
        slotCount = slotGroup.count
        // Cells: (group, stratum) pairs in order of first slot.
        var cellOf: [Int: Int32] = [:]
        var slotCell = [Int32](repeating: 0, count: slotGroup.count)
        var cellGroup: [Int32] = [], cellStratum: [Int32] = []
        for slot in 0..<slotGroup.count {
            let key = Int(slotGroup[slot]) * h + Int(slotStratum[slot])
            if let cell = cellOf[key] {
                slotCell[slot] = cell
            } else {
                let cell = Int32(cellGroup.count)
                cellOf[key] = cell
                slotCell[slot] = cell
                cellGroup.append(slotGroup[slot])
                cellStratum.append(slotStratum[slot])
            }
        }
        self.slotCell = slotCell
        self.cellGroup = cellGroup
        self.cellStratum = cellStratum
    }

    /// Adds one slot's influence total `t` of statistic `s` (and, without clusters, its sum of
    /// squared influence values `t2`) to the folded sums of its (group, stratum) cell:
    /// `s1[cell * S + s] += t`, `s2 += t²` (with clusters: t is a PSU total) or `+= t2`.
    @inline(__always)
    func fold(slot: Int, s: Int, statistics S: Int, t: Double, t2: Double, s1: UnsafeMutablePointer<Double>,
              s2: UnsafeMutablePointer<Double>) {
        let k = Int(slotCell[slot]) * S + s
        s1[k] += t
        s2[k] += clustered ? t * t : t2
    }

    /// The folded sums of per-slot totals `t[slot * S + s]` (and `t2` without clusters): the
    /// reference path (``GroupedEstimator``) keeps every slot total and folds them here.
    func fold(t: [Double], t2: [Double], statistics S: Int) -> (s1: [Double], s2: [Double]) {
        var s1 = [Double](repeating: 0, count: cellCount * S)
        var s2 = [Double](repeating: 0, count: cellCount * S)
        s1.withUnsafeMutableBufferPointer { p1 in
            s2.withUnsafeMutableBufferPointer { p2 in
                for slot in 0..<slotCount {
                    for s in 0..<S {
                        fold(slot: slot, s: s, statistics: S, t: t[slot * S + s], t2: clustered ? 0 : t2[slot * S + s],
                             s1: p1.baseAddress!, s2: p2.baseAddress!)
                    }
                }
            }
        }
        return (s1, s2)
    }

    /// The design variance of every (group, statistic) from the folded sums per (group,
    /// stratum) cell: Σ_j t_hj in `s1` and Σ_j t_hj² (or Σ z² without clusters) in `s2`.
    func variances(s1: [Double], s2: [Double], statistics: Int, groups: Int, design: SurveyDesign) -> [Double] {
        var result = [Double](repeating: 0, count: groups * statistics)
        guard design.psuCount > 0 else { return result }
        for cell in 0..<cellCount {
            let g = Int(cellGroup[cell]), h = Int(cellStratum[cell])
            let f = design.finitePopulationFactors[h]
            if f < 1e-7 { continue }  // a census stratum (R: all(f < 0.0000001))
            let nh = Double(design.stratumPSUCounts[h])
            let base = cell * statistics
            for s in 0..<statistics {
                let sum = s1[base + s]
                let contribution: Double
                if nh > 1 {
                    contribution = f * nh / (nh - 1) * max(0, s2[base + s] - sum * sum / nh)
                } else {
                    switch design.lonelyUnitPolicy {
                    case .adjust: contribution = f * sum * sum
                    case .remove, .certainty, .fail: contribution = 0
                    }
                }
                result[g * statistics + s] += contribution
            }
        }
        return result
    }
}
