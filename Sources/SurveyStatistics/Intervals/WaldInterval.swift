extension ProportionIntervalMethod {
    /// The Wald interval p̂ ± z·√(p̂(1 − p̂)/n), clipped to [0, 1].
    ///
    /// At p̂ = 0 or 1 the standard error is 0 and the interval degenerates to the point;
    /// the note says so. Coverage is poor for shares near 0 or 1 (Brown, Cai & DasGupta 2001);
    /// kept for comparison with published figures.
    /// R: `binom::binom.confint(x, n, method = "asymptotic")`;
    /// Python: `proportion_confint(x, n, method = "normal")`.
    static func wald(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let p = x / n
        if p == 0 || p == 1 {
            return ConfidenceInterval(lower: p, upper: p, level: level, method: "wald",
                                      note: "p = \(p == 0 ? "0" : "1"): Wald interval degenerate (standard error 0)")
        }
        let half = z(level) * (p * (1 - p) / n).squareRoot()
        let lower = p - half, upper = p + half
        let clipped = lower < 0 || upper > 1
        return ConfidenceInterval(lower: max(0, lower), upper: min(1, upper), level: level, method: "wald",
                                  note: clipped ? clippedNote : nil)
    }
}
