/// Counts line ends (LF, CRLF and a lone CR, each once) in `base[from..<to]`: a worker that
/// starts parsing in the middle of a chunk learns its first line number this way.
///
/// Sixteen bytes at a time (`SIMD16`, plain SSE2 on x86-64): per byte lane, a tally of LFs,
/// of CRs, and of CRs followed by an LF (the same sixteen bytes loaded one byte further on);
/// line ends = LF + CR − CRLF. The lanes count up to 255 and are added up every 255 blocks.
/// About 0.7 instructions a byte, against 3.5 for the eight-byte word version it replaces
/// (twice as fast on the 26 MB benchmark file).
func countLineEnds(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
    var lf = 0, cr = 0, crlf = 0
    let lfs = SIMD16<UInt8>(repeating: 0x0A), crs = SIMD16<UInt8>(repeating: 0x0D)
    // The shifted load reads `base[i + 1 ..< i + 17]`: a CR in the last lane pairs with the
    // byte after the block, which must lie inside the range. Blocks are counted up front so
    // that the loop does no overflow-checked index arithmetic.
    var blocks = to - from >= 17 ? (to - from - 1) >> 4 : 0
    var p = UnsafeRawPointer(base + from)
    while blocks > 0 {
        let run = min(blocks, 255)
        blocks &-= run
        var lfTally = SIMD16<UInt8>(), crTally = SIMD16<UInt8>(), pairTally = SIMD16<UInt8>()
        for _ in 0..<run {
            let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
            let next = p.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
            // A true lane of a mask is all ones: subtracting it adds one.
            let isCR = unsafeBitCast(v .== crs, to: SIMD16<UInt8>.self)
            lfTally &-= unsafeBitCast(v .== lfs, to: SIMD16<UInt8>.self)
            crTally &-= isCR
            pairTally &-= isCR & unsafeBitCast(next .== lfs, to: SIMD16<UInt8>.self)
            p += 16
        }
        lf &+= laneSum(lfTally)
        cr &+= laneSum(crTally)
        crlf &+= laneSum(pairTally)
    }
    var i = p - UnsafeRawPointer(base)
    while i < to {
        let b = base[i]
        if b == 0x0A {
            lf += 1
        } else if b == 0x0D {
            cr += 1
            if i + 1 < to, base[i + 1] == 0x0A { crlf += 1 }
        }
        i += 1
    }
    return lf + cr - crlf
}

/// The sum of the lanes (each at most 255).
@inline(__always)
private func laneSum(_ v: SIMD16<UInt8>) -> Int {
    Int(SIMD16<UInt16>(truncatingIfNeeded: v).wrappedSum())
}
