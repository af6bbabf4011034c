/// The multipliers of up to ``width`` consecutive bootstrap replicates, as draw counts: how many
/// times each replicate drew each resampling unit, side by side per unit, and the multiplier
/// that a count stands for in each stratum.
///
/// A replicate's weight of row i is w_i · m, m the multiplier of its unit
/// (``Bootstrap/resamplingUnit(ofRow:design:scheme:)``). Holding counts instead of one array of
/// doubles per replicate lets a statistic take a row's multipliers in all the block's replicates
/// from one 8-byte load and sum them as one vector (``UnitTotals`` in the engine), and takes an
/// eighth of the memory.
///
/// The multiplier of a unit drawn c times in stratum h is n_h/(n_h − 1) added c times to 0, in
/// that order (1 for units alone in their stratum), so it is bit for bit what one addition per
/// draw gives (`BootstrapTests`).
public struct ReplicateBlock: Sendable {
    /// The replicates side by side in a block, and the stride of ``draws``.
    public static let width = 8

    /// The replicates in the block, 1...``width``; the lanes after them hold zero draws.
    public let count: Int
    /// `draws[unit * width + r]`: how many times replicate r drew the unit.
    public let draws: [UInt8]
    /// The multiplier of a unit of stratum h drawn c times: `multipliers[h * levels + c]`.
    public let multipliers: [Double]
    /// One more than the largest count in the block.
    public let levels: Int
    /// The stratum of each unit.
    let unitStratum: [Int]

    /// The multiplier of `unit` in replicate `r`.
    public func multiplier(unit: Int, replicate r: Int) -> Double {
        multipliers[unitStratum[unit] * levels + Int(draws[unit * Self.width + r])]
    }

    /// Replicate r's multiplier of every unit.
    public func multipliers(replicate r: Int) -> [Double] {
        precondition(r >= 0 && r < count, "replicate \(r) is not in a block of \(count)")
        return (0..<unitStratum.count).map { multiplier(unit: $0, replicate: r) }
    }
}

extension ResamplingUnits {
    /// The next `count` replicates' draws (`count` ≤ ``ReplicateBlock/width``): replicate by
    /// replicate, stratum by stratum, n_h − 1 draws of a unit with replacement among the n_h of
    /// stratum h (none where n_h = 1): the one sequence of draws of every entry point.
    func drawBlock(count: Int, using rng: inout SeededGenerator) -> ReplicateBlock {
        let W = ReplicateBlock.width
        precondition(count >= 1 && count <= W, "a block holds 1...\(W) replicates")
        let n = self.count
        // Each replicate counts its draws in a plane of its own (a byte per unit, small enough
        // to stay in cache while it is drawn at random), then the planes are interleaved into
        // the block in one sequential pass.
        var planes = [UInt8](repeating: 0, count: n * count)
        var draws = [UInt8](repeating: 0, count: n * W)
        var most: UInt8 = 0
        var batch = [Int](repeating: 0, count: 512)
        planes.withUnsafeMutableBufferPointer { planes in
            for r in 0..<count {
                let plane = planes.baseAddress! + r * n
                // A unit drawn 255 times among n_h − 1 draws has probability below
                // 1/255! ≈ 1e-505 (the count is Binomial(n_h − 1, 1/n_h)); the check is what
                // makes a byte enough. The units of a batch are drawn before they are counted,
                // so that the counting's loads are under way side by side.
                for members in stratumUnits where members.count > 1 {
                    let n = members.count
                    let consecutive = members[n - 1] - members[0] == n - 1
                    var left = n - 1
                    while left > 0 {
                        let size = min(batch.count, left)
                        for b in 0..<size { batch[b] = rng.nextInt(below: n) }
                        if consecutive {
                            let base = plane + members[0]
                            for b in 0..<size {
                                precondition(base[batch[b]] < UInt8.max, "a unit was drawn 255 times in one replicate")
                                base[batch[b]] &+= 1
                            }
                        } else {
                            for b in 0..<size {
                                let k = members[batch[b]]
                                precondition(plane[k] < UInt8.max, "a unit was drawn 255 times in one replicate")
                                plane[k] &+= 1
                            }
                        }
                        left -= size
                    }
                }
            }
            for k in planes.indices { most = max(most, planes[k]) }
            draws.withUnsafeMutableBytes { raw in
                interleave(planes: UnsafeRawPointer(planes.baseAddress!), count: count, units: n, into: raw.baseAddress!)
            }
        }
        let levels = Int(most) + 1
        var multipliers = [Double](repeating: 1, count: stratumUnits.count * levels)
        for (h, members) in stratumUnits.enumerated() where members.count > 1 {
            let scale = Double(members.count) / Double(members.count - 1)
            multipliers[h * levels] = 0
            for c in 1..<levels { multipliers[h * levels + c] = multipliers[h * levels + c - 1] + scale }
        }
        return ReplicateBlock(count: count, draws: draws, multipliers: multipliers, levels: levels,
                              unitStratum: unitStratum)
    }

    /// Writes byte u of plane r (`planes[r * units + u]`, r < `count` ≤ 8) to `out[u * 8 + r]`,
    /// and 0 to the lanes r ≥ `count`: eight units at a time as the transpose of an 8 × 8 byte
    /// matrix held in eight words (three rounds of swaps of 1-, 2- and 4-byte blocks).
    private func interleave(planes: UnsafeRawPointer, count: Int, units: Int, into out: UnsafeMutableRawPointer) {
        @inline(__always) func swap(_ a: inout UInt64, _ b: inout UInt64, _ shift: UInt64, _ mask: UInt64) {
            let t = ((a >> shift) ^ b) & mask
            b ^= t
            a ^= t << shift
        }
        var u = 0
        while u + 8 <= units {
            var a = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &a) { words in
                for r in 0..<count {
                    words.storeBytes(of: planes.loadUnaligned(fromByteOffset: r * units + u, as: UInt64.self),
                                     toByteOffset: 8 * r, as: UInt64.self)
                }
            }
            var (a0, a1, a2, a3, a4, a5, a6, a7) = a
            (a0, a1, a2, a3, a4, a5, a6, a7) = (UInt64(littleEndian: a0), UInt64(littleEndian: a1),
                                                UInt64(littleEndian: a2), UInt64(littleEndian: a3),
                                                UInt64(littleEndian: a4), UInt64(littleEndian: a5),
                                                UInt64(littleEndian: a6), UInt64(littleEndian: a7))
            let m8: UInt64 = 0x00FF_00FF_00FF_00FF, m16: UInt64 = 0x0000_FFFF_0000_FFFF, m32: UInt64 = 0x0000_0000_FFFF_FFFF
            swap(&a0, &a1, 8, m8); swap(&a2, &a3, 8, m8); swap(&a4, &a5, 8, m8); swap(&a6, &a7, 8, m8)
            swap(&a0, &a2, 16, m16); swap(&a1, &a3, 16, m16); swap(&a4, &a6, 16, m16); swap(&a5, &a7, 16, m16)
            swap(&a0, &a4, 32, m32); swap(&a1, &a5, 32, m32); swap(&a2, &a6, 32, m32); swap(&a3, &a7, 32, m32)
            for (k, word) in [a0, a1, a2, a3, a4, a5, a6, a7].enumerated() {
                out.storeBytes(of: word.littleEndian, toByteOffset: (u + k) * 8, as: UInt64.self)
            }
            u += 8
        }
        let bytes = planes.assumingMemoryBound(to: UInt8.self), lanes = out.assumingMemoryBound(to: UInt8.self)
        for v in u..<units {
            for r in 0..<8 { lanes[v * 8 + r] = r < count ? bytes[r * units + v] : 0 }
        }
    }

    /// One replicate's multipliers c_j·n_h/(n_h − 1) (1 for units alone in their stratum): the
    /// first replicate of a block of one.
    func drawMultipliers(into multiplier: inout [Double], using rng: inout SeededGenerator) {
        multiplier = drawBlock(count: 1, using: &rng).multipliers(replicate: 0)
    }
}
