extension ProportionIntervalMethod {
    /// R `svyciprop(method = "logit")`: a Wald interval for the intercept of the
    /// quasi-binomial model on the log-odds scale, mapped back,
    ///
    ///     logit⁻¹( logit(p̂) ± t_df(1 − α/2) · SE(p̂) / (p̂(1 − p̂)) ),
    ///
    /// where SE(p̂)/(p̂(1 − p̂)) is the intercept's design-based standard error (the delta
    /// method is exact for an intercept-only model) and df the design degrees of freedom
    /// (`nil` = normal quantile; R passes `degf(design)`).
    ///
    /// Edge cases: at p̂ = 0 or 1 the log-odds are infinite (R's `svyglm` fails to converge
    /// there); satkit gives the Korn–Graubard interval instead and says so. SE = 0 with
    /// 0 < p̂ < 1 gives [p̂, p̂] with a note; df ≤ 0 gives NaN bounds and a note.
    /// Reference: Lumley (2010) §2.4; R `survey` source, `svyciprop`.
    static func surveyLogit(_ e: Estimate, level: Double) -> ConfidenceInterval {
        let p = e.value
        if p <= 0 || p >= 1 {
            var ci = kornGraubard(e, level: level)
            ci.method = "survey-logit"
            ci.note = "p = \(p <= 0 ? "0" : "1"): log-odds infinite, Korn–Graubard interval given instead"
                + (ci.note.map { " (\($0))" } ?? "")
            return ci
        }
        let q: Double
        if let df = e.degreesOfFreedom {
            guard df > 0 else {
                return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "survey-logit",
                                          note: "degrees of freedom \(df) ≤ 0: no interval")
            }
            q = StudentT(degreesOfFreedom: df).upperQuantile((1 - level) / 2)
        } else {
            q = z(level)
        }
        if e.standardError.isNaN {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "survey-logit",
                                      note: "standard error undefined: no interval")
        }
        if e.standardError == 0 {
            return ConfidenceInterval(lower: p, upper: p, level: level, method: "survey-logit",
                                      note: "standard error is 0: degenerate interval")
        }
        let half = q * e.standardError / (p * (1 - p))
        let centre = logOdds(p)
        return ConfidenceInterval(lower: inverseLogOdds(centre - half), upper: inverseLogOdds(centre + half), level: level,
                                  method: "survey-logit")
    }
}
