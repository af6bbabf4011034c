/// Kish's effective sample size and design effect due to unequal weights.
///
///     n_eff = (Σ w_i)² / Σ w_i²          deff_Kish = n · Σ w_i² / (Σ w_i)² = n / n_eff
///
/// over the rows with non-zero weight (optionally within a domain). It measures the precision
/// lost to weighting alone, ignoring clustering and the outcome; the design-based effect
/// (``LinearizedStatistic/designEffect(design:reference:)``) includes both.
///
/// Edge cases: no rows (or all weights zero) gives n_eff = 0 and deff = NaN; equal weights give
/// n_eff = n and deff = 1; one row gives 1.
///
/// Reference: Kish (1965), *Survey Sampling*, §11.7; Kish (1992), "Weighting for unequal Pᵢ",
/// J. Official Statistics 8(2).
public enum KishEffectiveSize {
    /// (Σw)²/Σw² over `weights` (restricted to `domain` when given).
    public static func effectiveSize(weights: [Double], domain: [Bool]? = nil) -> Double {
        let (sum, sumSquares, _) = sums(weights, domain)
        return sumSquares > 0 ? sum * sum / sumSquares : 0
    }

    /// n·Σw²/(Σw)², n counting rows with non-zero weight (restricted to `domain` when given).
    public static func designEffect(weights: [Double], domain: [Bool]? = nil) -> Double {
        let (sum, sumSquares, n) = sums(weights, domain)
        return n > 0 ? Double(n) * sumSquares / (sum * sum) : .nan
    }

    static func sums(_ weights: [Double], _ domain: [Bool]?) -> (Double, Double, Int) {
        var sum = 0.0, sumSquares = 0.0, n = 0
        for i in weights.indices where weights[i] != 0 && (domain?[i] ?? true) {
            sum += weights[i]
            sumSquares += weights[i] * weights[i]
            n += 1
        }
        return (sum, sumSquares, n)
    }
}
