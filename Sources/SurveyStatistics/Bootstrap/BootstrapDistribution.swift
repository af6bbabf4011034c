/// The bootstrap replicates of one statistic, with its standard error and intervals.
///
/// Reference: Efron & Tibshirani (1993), ch. 13–14; Efron (1987), "Better bootstrap confidence
/// intervals", JASA 82(397).
public struct BootstrapDistribution: Sendable, Hashable {
    /// The statistic on the full sample (the design's weights).
    public let estimate: Double
    /// θ*_1 … θ*_R, in the order they were drawn.
    public let replicates: [Double]

    /// Wraps a full-sample value and its replicates.
    public init(estimate: Double, replicates: [Double]) {
        self.estimate = estimate
        self.replicates = replicates
    }

    /// √(Σ (θ*_r − θ̄*)² / (R − 1)), R's replicate-weight SE with `mse = FALSE`. NaN replicates
    /// (a replicate where the statistic is undefined) make it NaN.
    public var standardError: Double {
        let r = Double(replicates.count)
        let mean = replicates.reduce(0, +) / r
        var s = 0.0
        for x in replicates { s += (x - mean) * (x - mean) }
        return (s / (r - 1)).squareRoot()
    }

    /// The percentile interval [q(α/2), q(1 − α/2)] of the replicates, α = 1 − level, with
    /// quantiles by linear interpolation between order statistics (R `quantile(type = 7)`).
    ///
    /// Edge cases: all replicates equal gives a zero-width interval; NaN replicates give NaN
    /// bounds with a note.
    /// - Precondition: `0 < level < 1`.
    public func percentileInterval(level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1")
        guard !replicates.contains(where: \.isNaN) else {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "bootstrap-percentile",
                                      note: "some replicates are undefined")
        }
        let sorted = replicates.sorted()
        let alpha = 1 - level
        return ConfidenceInterval(
            lower: Self.quantile(sorted, alpha / 2), upper: Self.quantile(sorted, 1 - alpha / 2),
            level: level, method: "bootstrap-percentile")
    }

    /// The bias-corrected and accelerated (BCa) interval.
    ///
    ///     z₀ = Φ⁻¹(#{θ*_r < θ̂} / R)
    ///     α₁ = Φ(z₀ + (z₀ + z_{α/2}) / (1 − a(z₀ + z_{α/2})))
    ///     α₂ = Φ(z₀ + (z₀ + z_{1−α/2}) / (1 − a(z₀ + z_{1−α/2})))
    ///     interval = [q(α₁), q(α₂)]   (type-7 quantiles of the replicates)
    ///
    /// With a = 0 and z₀ = 0 it is the percentile interval.
    ///
    /// Edge cases: if every replicate lies on one side of θ̂ (z₀ = ±∞) or all are equal, the
    /// bias cannot be estimated: the percentile interval is returned with a note saying so.
    ///
    /// - Parameters:
    ///   - level: confidence level in (0, 1).
    ///   - acceleration: a, from ``Bootstrap/acceleration(influence:design:scheme:)`` or
    ///     ``Bootstrap/jackknifeAcceleration(design:scheme:statistic:)``.
    /// - Reference: Efron (1987); Efron & Tibshirani (1993), §14.3. R `boot::boot.ci(type = "bca")`
    ///   uses the same z₀ and α's but interpolates quantiles on the normal scale.
    public func bcaInterval(level: Double = 0.95, acceleration a: Double) -> ConfidenceInterval {
        let percentile = percentileInterval(level: level)
        if percentile.lower.isNaN { return percentile }
        var below = 0
        for x in replicates where x < estimate { below += 1 }
        let share = Double(below) / Double(replicates.count)
        guard share > 0, share < 1 else {
            var fallback = percentile
            fallback.note = "every replicate lies on one side of the estimate: bias correction undefined, percentile interval given"
            return fallback
        }
        let z0 = Normal.standard.quantile(share)
        let alpha = 1 - level
        func adjusted(_ p: Double) -> Double {
            let z = Normal.standard.quantile(p)
            return Normal.standard.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))
        }
        let sorted = replicates.sorted()
        return ConfidenceInterval(
            lower: Self.quantile(sorted, adjusted(alpha / 2)), upper: Self.quantile(sorted, adjusted(1 - alpha / 2)),
            level: level, method: "bootstrap-bca")
    }

    /// R's type-7 quantile of sorted values: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
