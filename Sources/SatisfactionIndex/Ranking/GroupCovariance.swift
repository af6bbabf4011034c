import Dispatch
import SurveyStatistics

/// The design covariance matrix of the groups' estimates of one statistic: what R
/// `vcov(svyby(..., covmat = TRUE))` gives, from the same influence totals as the groups'
/// variances (``VarianceLayout``).
///
/// Groups are domains of one design, so their estimates are correlated when they share PSUs
/// (services asked in the same villages) and through the centring within strata:
///
///     C_gg' = Σ_h f_h · n_h/(n_h − 1) · (Σ_j t_ghj t_g'hj − T_gh T_g'h / n_h)
///
/// with t_ghj the total of group g's influence values in PSU j of stratum h and T_gh = Σ_j t_ghj.
/// The diagonal is each group's variance. Without clusters every row is a PSU of one group,
/// so the cross products vanish off the diagonal and only the centring term is left there.
/// Lonely strata follow the variances: `adjust` adds f_h T_gh T_g'h, the other policies nothing;
/// census strata (f_h < 1e-7) add nothing.
///
/// Cost: the PSUs' group lists (Σ over PSUs of groups² products) and, per stratum, the outer
/// product of its non-zero T_gh; memory G² doubles, so callers bound G (``maximumGroups``).
struct GroupCovariance {
    /// Above this many groups the full matrix is not formed (G² doubles and a G³ factorisation);
    /// rankings then draw the groups independently (``NormalRankDraws``).
    static let maximumGroups = 600

    let groups: Int
    /// Row-major G × G.
    let matrix: [Double]

    /// - Parameters:
    ///   - t: the statistic's influence total in every slot.
    ///   - t2: without clusters, the slots' sums of squared influence values (else ignored).
    init(layout: VarianceLayout, groups G: Int, t: [Double], t2: [Double], design: SurveyDesign) {
        groups = G
        let H = layout.strata
        var c = [Double](repeating: 0, count: G * G)
        guard design.psuCount > 0 else {
            matrix = c
            return
        }
        // Per stratum: the factor of its products, or nil when the stratum adds no products.
        func factor(_ h: Int) -> Double? {
            let f = design.finitePopulationFactors[h]
            let nh = Double(design.stratumPSUCounts[h])
            return f < 1e-7 || nh < 2 ? nil : f * nh / (nh - 1)
        }
        // T_gh.
        var total = [Double](repeating: 0, count: G * H)
        for slot in 0..<layout.slotCount {
            total[Int(layout.slotGroup[slot]) * H + Int(layout.slotStratum[slot])] += t[slot]
        }
        // Σ_j t_ghj t_g'hj.
        if layout.clustered {
            // Slots ordered by PSU (counting sort), then the products within each PSU.
            let psus = design.psuCount
            var start = [Int](repeating: 0, count: psus + 1)
            for slot in 0..<layout.slotCount { start[Int(layout.slotPSU[slot]) + 1] += 1 }
            for j in 0..<psus { start[j + 1] += start[j] }
            var next = start
            var order = [Int](repeating: 0, count: layout.slotCount)
            for slot in 0..<layout.slotCount {
                let j = Int(layout.slotPSU[slot])
                order[next[j]] = slot
                next[j] += 1
            }
            for j in 0..<psus where start[j + 1] > start[j] {
                guard let k = factor(Int(layout.slotStratum[order[start[j]]])) else { continue }
                for a in start[j]..<start[j + 1] {
                    let sa = order[a]
                    let ga = Int(layout.slotGroup[sa]), ta = k * t[sa]
                    for b in start[j]..<start[j + 1] {
                        let sb = order[b]
                        c[ga * G + Int(layout.slotGroup[sb])] += ta * t[sb]
                    }
                }
            }
        } else {
            for slot in 0..<layout.slotCount {
                guard let k = factor(Int(layout.slotStratum[slot])) else { continue }
                let g = Int(layout.slotGroup[slot])
                c[g * G + g] += k * t2[slot]
            }
        }
        // Centring within strata (and lonely strata under `adjust`).
        for h in 0..<H {
            let f = design.finitePopulationFactors[h]
            if f < 1e-7 { continue }
            let nh = Double(design.stratumPSUCounts[h])
            let k: Double
            if nh >= 2 {
                k = -f * nh / (nh - 1) / nh
            } else if design.lonelyUnitPolicy == .adjust {
                k = f
            } else {
                continue
            }
            let present = (0..<G).filter { total[$0 * H + h] != 0 }
            for a in present {
                let ta = k * total[a * H + h]
                for b in present { c[a * G + b] += ta * total[b * H + h] }
            }
        }
        matrix = c
    }
}

/// Draws of the groups' estimates from the normal approximation to their joint sampling
/// distribution, N(θ̂, C) with C the design covariance (``GroupCovariance``): the input of
/// `RankInterval.compute` in place of bootstrap replicates.
///
/// θ + L z with L the Cholesky factor of C (semi-definite allowed: a pivot at or below
/// 1e-12 of the largest variance makes its column zero) and z standard normal from a seeded
/// generator, so the same seed gives the same draws. Without a covariance matrix (more groups
/// than ``GroupCovariance/maximumGroups``) each group is drawn alone from its variance.
enum NormalRankDraws {
    /// `[group][draw]`.
    static func draws(values: [Double], covariance: [Double]?, variances: [Double], count: Int, seed: UInt64) -> [[Double]] {
        let G = values.count
        var generator = SeededGenerator(seed: seed)
        var out = [[Double]](repeating: [Double](repeating: 0, count: count), count: G)
        guard let covariance else {
            // Normals in blocks of about a million (many groups: the draws alone are G × count).
            var r = 0
            while r < count {
                let m = min(count - r, max(1, (1 << 20) / max(G, 1)))
                let z = generator.nextNormals(count: m * G)
                for k in 0..<m {
                    for g in 0..<G { out[g][r + k] = values[g] + variances[g].squareRoot() * z[k * G + g] }
                }
                r += m
            }
            return out
        }
        // Draw-major normals (one draw's G values contiguous), in the order the draws take them
        // (at most 600 groups here: 1.2 million normals for 2,000 draws).
        let z = generator.nextNormals(count: G * count)
        let L = cholesky(covariance, G)
        // Draw-major results; the draws are independent given z, so chunks of them run side by
        // side, each value by the same sums in the same order.
        var flat = [Double](repeating: 0, count: G * count)
        let chunks = min(count, 8)
        L.withUnsafeBufferPointer { L in
        z.withUnsafeBufferPointer { z in
        values.withUnsafeBufferPointer { values in
        flat.withUnsafeMutableBufferPointer { flat in
            let target = DrawTarget(L: L, z: z, values: values, flat: flat)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let (L, z, values, flat) = (target.L, target.z, target.values, target.flat)
                let hi = count * (c + 1) / chunks
                var r = count * c / chunks
                // Four draws at a time, one per vector lane: each lane does the scalar loop's
                // multiplications and additions in the same order, so the values are the same;
                // every load of L serves four draws.
                var zt = [SIMD4<Double>](repeating: .zero, count: G)
                zt.withUnsafeMutableBufferPointer { zt in
                    while r + 4 <= hi {
                        for k in 0..<G { zt[k] = SIMD4(z[r * G + k], z[(r + 1) * G + k], z[(r + 2) * G + k], z[(r + 3) * G + k]) }
                        for g in 0..<G {
                            let row = g * G
                            var s0 = SIMD4<Double>.zero, s1 = SIMD4<Double>.zero
                            var s2 = SIMD4<Double>.zero, s3 = SIMD4<Double>.zero
                            var k = 0
                            while k + 3 <= g {
                                s0 += SIMD4(repeating: L[row + k]) * zt[k]
                                s1 += SIMD4(repeating: L[row + k + 1]) * zt[k + 1]
                                s2 += SIMD4(repeating: L[row + k + 2]) * zt[k + 2]
                                s3 += SIMD4(repeating: L[row + k + 3]) * zt[k + 3]
                                k += 4
                            }
                            while k <= g {
                                s0 += SIMD4(repeating: L[row + k]) * zt[k]
                                k += 1
                            }
                            let v = SIMD4(repeating: values[g]) + ((s0 + s1) + (s2 + s3))
                            flat[r * G + g] = v[0]
                            flat[(r + 1) * G + g] = v[1]
                            flat[(r + 2) * G + g] = v[2]
                            flat[(r + 3) * G + g] = v[3]
                        }
                        r += 4
                    }
                }
                for r in r..<hi {
                    let out = r * G
                    for g in 0..<G {
                        // Four running sums, so that the products pipeline.
                        let row = g * G
                        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                        var k = 0
                        while k + 3 <= g {
                            s0 += L[row + k] * z[out + k]
                            s1 += L[row + k + 1] * z[out + k + 1]
                            s2 += L[row + k + 2] * z[out + k + 2]
                            s3 += L[row + k + 3] * z[out + k + 3]
                            k += 4
                        }
                        while k <= g {
                            s0 += L[row + k] * z[out + k]
                            k += 1
                        }
                        flat[out + g] = values[g] + ((s0 + s1) + (s2 + s3))
                    }
                }
            }
        }}}}
        for g in 0..<G {
            for r in 0..<count { out[g][r] = flat[r * G + g] }
        }
        return out
    }

    /// The buffers of one ``draws(values:covariance:variances:count:seed:)`` call: the tasks
    /// read L, z and the values and each writes only its own draws' range of `flat`, read after
    /// all tasks return, which is why the unchecked `Sendable` is sound.
    private struct DrawTarget: @unchecked Sendable {
        let L: UnsafeBufferPointer<Double>
        let z: UnsafeBufferPointer<Double>
        let values: UnsafeBufferPointer<Double>
        let flat: UnsafeMutableBufferPointer<Double>
    }

    /// Lower-triangular L with L Lᵀ = A (row-major n × n), tolerant of semi-definite A.
    static func cholesky(_ a: [Double], _ n: Int) -> [Double] {
        var L = [Double](repeating: 0, count: n * n)
        var largest = 0.0
        for i in 0..<n { largest = max(largest, a[i * n + i]) }
        let tolerance = largest * 1e-12
        for j in 0..<n {
            var d = a[j * n + j]
            for k in 0..<j { d -= L[j * n + k] * L[j * n + k] }
            guard d > tolerance else { continue }  // column j stays zero
            let root = d.squareRoot()
            L[j * n + j] = root
            for i in (j + 1)..<n {
                var x = a[i * n + j]
                for k in 0..<j { x -= L[i * n + k] * L[j * n + k] }
                L[i * n + j] = x / root
            }
        }
        return L
    }
}
