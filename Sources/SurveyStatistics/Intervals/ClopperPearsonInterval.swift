extension ProportionIntervalMethod {
    /// The Clopper–Pearson ("exact") interval from beta quantiles, α = 1 − level:
    ///
    ///     L = B⁻¹(α/2; x, n − x + 1),   U = B⁻¹(1 − α/2; x + 1, n − x),
    ///
    /// with L = 0 exactly at x = 0 and U = 1 exactly at x = n (the note says so). Fractional
    /// x and n (an effective sample size) are allowed.
    /// R: `binom.test(x, n)$conf.int`; Python: `proportion_confint(method = "beta")`.
    /// Reference: Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial
    /// limits illustrated in the case of the binomial. *Biometrika* 26, 404–413.
    static func clopperPearson(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let (lower, upper, note) = clopperPearsonBounds(x: x, n: n, lowerShapeB: n - x + 1, upperShapeB: n - x, level: level)
        return ConfidenceInterval(lower: lower, upper: upper, level: level, method: "clopper-pearson", note: note)
    }

    /// The two beta quantiles shared by Clopper–Pearson and Korn–Graubard, with the
    /// boundary rule: L = B⁻¹(α/2; x, b_L) (0 when x = 0), U = B⁻¹(1 − α/2; x + 1, b_U)
    /// (1 when x = n).
    static func clopperPearsonBounds(x: Double, n: Double, lowerShapeB: Double, upperShapeB: Double,
                                     level: Double) -> (Double, Double, String?) {
        let tail = (1 - level) / 2
        var notes: [String] = []
        let lower: Double
        if x <= 0 {
            lower = 0
            notes.append("x = 0: lower bound 0 exactly")
        } else {
            lower = Beta(alpha: x, beta: lowerShapeB).quantile(tail)
        }
        let upper: Double
        if x >= n {
            upper = 1
            notes.append("x = n: upper bound 1 exactly")
        } else {
            upper = Beta(alpha: x + 1, beta: upperShapeB).upperQuantile(tail)
        }
        return (lower, upper, notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}
