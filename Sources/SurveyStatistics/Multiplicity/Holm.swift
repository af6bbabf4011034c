extension MultiplicityAdjustment {
    /// Holm's step-down adjustment of ascending p-values p₍₁₎ ≤ … ≤ p₍ₘ₎:
    ///
    ///     p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎).
    ///
    /// Edge cases: m = 0 gives []; m = 1 leaves the p-value unchanged.
    /// R: `p.adjust(p, "holm")`; Python: `multipletests(p, method = "holm")`.
    /// Reference: Holm, S. (1979). A simple sequentially rejective multiple test procedure.
    /// *Scandinavian Journal of Statistics* 6, 65–70.
    static func holm(_ sorted: [Double]) -> [Double] {
        let m = sorted.count
        var running = 0.0
        return sorted.enumerated().map { i, p in
            running = max(running, Double(m - i) * p)
            return min(1, running)
        }
    }
}
