/// How to adjust many p-values for multiple comparisons: a policy passed as a value.
///
/// Each case returns adjusted p-values in the input order, monotone in the raw p-values and
/// capped at 1, exactly as statsmodels `multipletests(pvals, method = ...)[1]` and R
/// `p.adjust(p, method = ...)` do. NaN p-values are left NaN and not counted in m (R's
/// `p.adjust` drops NA the same way).
///
/// | case | R `p.adjust` | statsmodels `multipletests` |
/// | --- | --- | --- |
/// | `holm` | `"holm"` | `"holm"` |
/// | `benjaminiHochberg` | `"BH"` / `"fdr"` | `"fdr_bh"` |
/// | `bonferroni` | `"bonferroni"` | `"bonferroni"` |
/// | `none` | `"none"` | — |
public enum MultiplicityAdjustment: String, Sendable, Hashable, Codable, CaseIterable {
    /// Holm's step-down procedure; controls the family-wise error rate (Holm 1979).
    case holm = "holm"
    /// Benjamini–Hochberg step-up procedure; controls the false discovery rate (1995).
    case benjaminiHochberg = "benjamini-hochberg"
    /// min(1, m·p); controls the family-wise error rate, more conservatively than Holm.
    case bonferroni = "bonferroni"
    /// No adjustment.
    case none = "none"

    /// The adjusted p-values, in the order given.
    ///
    /// - Precondition: every p-value is NaN or lies in [0, 1].
    public func adjust(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { $0.isNaN || ($0 >= 0 && $0 <= 1) }, "p-values lie in [0, 1]")
        let valid = pValues.indices.filter { !pValues[$0].isNaN }
        // Ascending by p; ties keep input order (the adjusted values of ties come out equal).
        let order = valid.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        let sorted = order.map { pValues[$0] }
        let adjustedSorted: [Double]
        switch self {
        case .holm: adjustedSorted = Self.holm(sorted)
        case .benjaminiHochberg: adjustedSorted = Self.benjaminiHochberg(sorted)
        case .bonferroni: adjustedSorted = sorted.map { min(1, Double(sorted.count) * $0) }
        case .none: adjustedSorted = sorted
        }
        var result = pValues
        for (rank, index) in order.enumerated() { result[index] = adjustedSorted[rank] }
        return result
    }
}
