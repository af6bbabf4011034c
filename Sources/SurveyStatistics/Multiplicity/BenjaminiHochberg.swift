extension MultiplicityAdjustment {
    /// The Benjamini–Hochberg step-up adjustment of ascending p-values p₍₁₎ ≤ … ≤ p₍ₘ₎:
    ///
    ///     p̃₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎ / j).
    ///
    /// Edge cases: m = 0 gives []; m = 1 leaves the p-value unchanged. Valid under
    /// independence or positive dependence of the tests.
    /// R: `p.adjust(p, "BH")`; Python: `multipletests(p, method = "fdr_bh")`.
    /// Reference: Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate:
    /// a practical and powerful approach to multiple testing. *JRSS B* 57, 289–300.
    static func benjaminiHochberg(_ sorted: [Double]) -> [Double] {
        let m = Double(sorted.count)
        var result = sorted
        var running = 1.0
        for i in sorted.indices.reversed() {
            running = min(running, m * sorted[i] / Double(i + 1))
            result[i] = running
        }
        return result
    }
}
