extension ProportionIntervalMethod {
    /// The Wilson (1927) score interval: the p with |p̂ − p| ≤ z·√(p(1 − p)/n), i.e.
    ///
    ///     (x + z²/2)/(n + z²) ± (z/(n + z²))·√(x(n − x)/n + z²/4).
    ///
    /// At x = 0 the lower bound is 0 exactly and at x = n the upper bound is 1 exactly
    /// (the formula gives them up to rounding); the note says so.
    /// R: `prop.test(x, n, correct = FALSE)$conf.int`; Python: `proportion_confint(method = "wilson")`.
    /// Reference: Wilson, E. B. (1927). Probable inference, the law of succession, and
    /// statistical inference. *JASA* 22, 209–212.
    static func wilson(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let z = z(level), z2 = z * z
        let p = x / n
        let centre = (x + z2 / 2) / (n + z2)
        let half = z / (n + z2) * (x * (n - x) / n + z2 / 4).squareRoot()
        var lower = centre - half, upper = centre + half
        var note: String?
        if p == 0 {
            lower = 0
            note = "x = 0: lower bound 0 exactly"
        } else if p == 1 {
            upper = 1
            note = "x = n: upper bound 1 exactly"
        }
        return ConfidenceInterval(lower: max(0, min(lower, p)), upper: min(1, max(upper, p)), level: level,
                                  method: "wilson", note: note)
    }
}
