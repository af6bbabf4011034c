extension ProportionIntervalMethod {
    /// The Agresti–Coull interval: the Wald interval around the Wilson centre,
    ///
    ///     ñ = n + z²,  p̃ = (x + z²/2)/ñ,  p̃ ± z·√(p̃(1 − p̃)/ñ),
    ///
    /// clipped to [0, 1] (statsmodels clips too); the note says when clipping happened,
    /// which is the usual case at x = 0 or x = n.
    /// R: `binom::binom.confint(x, n, method = "agresti-coull")`;
    /// Python: `proportion_confint(method = "agresti_coull")`.
    /// Reference: Agresti, A. & Coull, B. A. (1998). Approximate is better than "exact" for
    /// interval estimation of binomial proportions. *The American Statistician* 52, 119–126.
    static func agrestiCoull(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let z = z(level), z2 = z * z
        let nTilde = n + z2
        let pTilde = (x + z2 / 2) / nTilde
        let half = z * (pTilde * (1 - pTilde) / nTilde).squareRoot()
        let lower = pTilde - half, upper = pTilde + half
        let clipped = lower < 0 || upper > 1
        return ConfidenceInterval(lower: max(0, lower), upper: min(1, upper), level: level, method: "agresti-coull",
                                  note: clipped ? clippedNote : nil)
    }
}
