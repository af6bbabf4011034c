extension ProportionIntervalMethod {
    /// The logit (log-odds Wald) interval:
    ///
    ///     logit⁻¹( logit(p̂) ± z / √(n p̂ (1 − p̂)) ).
    ///
    /// The log-odds are infinite at p̂ = 0 or 1: there the Clopper–Pearson interval is given
    /// instead and the note says so.
    /// R: `binom::binom.confint(x, n, method = "logit")`.
    /// Reference: Brown, Cai & DasGupta (2001) §4; Agresti (2013), *Categorical Data
    /// Analysis*, 3rd ed., §1.4.
    static func logit(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let p = x / n
        if p <= 0 || p >= 1 {
            var ci = clopperPearson(x: x, n: n, level: level)
            ci.method = "logit"
            ci.note = "p = \(p <= 0 ? "0" : "1"): log-odds infinite, Clopper–Pearson interval given instead"
            return ci
        }
        let half = z(level) / (n * p * (1 - p)).squareRoot()
        let centre = logOdds(p)
        return ConfidenceInterval(lower: inverseLogOdds(centre - half), upper: inverseLogOdds(centre + half), level: level, method: "logit")
    }
}
