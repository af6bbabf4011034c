extension ProportionIntervalMethod {
    /// The Korn–Graubard interval, exactly as R `svyciprop(method = "beta")` computes it:
    ///
    ///     n* = p̂(1 − p̂)/SE² · ( t⁻¹_{n−1}(α/2) / t⁻¹_df(α/2) )²
    ///     L = B⁻¹(α/2; n*p̂, n*(1 − p̂) + 1),   U = B⁻¹(1 − α/2; n*p̂ + 1, n*(1 − p̂))
    ///
    /// with n the estimate's `n` (R: `nrow(design)`, which for a domain is the number of rows
    /// of the subset design, answers missing on the item included; pass that as `n` to match
    /// R) and df its degrees of freedom (`nil` = normal quantile).
    ///
    /// Edge cases: at p̂ = 0 or 1 (or SE = 0) R returns NaN; satkit takes n* from the
    /// estimate's `effectiveN` (else `n`) before the df adjustment, sets L = 0 at p̂ = 0 and
    /// U = 1 at p̂ = 1, and says so in the note. df ≤ 0 gives NaN bounds and a note; with
    /// n = 1 no df adjustment is made.
    /// Reference: Korn, E. L. & Graubard, B. I. (1998). Confidence intervals for proportions
    /// with small expected number of positive counts estimated from survey data.
    /// *Survey Methodology* 24, 193–201. Lumley (2010) §2.4.
    static func kornGraubard(_ e: Estimate, level: Double) -> ConfidenceInterval {
        let p = e.value
        let tail = (1 - level) / 2
        if let df = e.degreesOfFreedom, !(df > 0) {
            return ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "korn-graubard",
                                      note: "degrees of freedom \(df) ≤ 0: no interval")
        }
        let v = e.standardError * e.standardError
        let fromVariance = p > 0 && p < 1 && v > 0 && v.isFinite
        var nStar = fromVariance ? p * (1 - p) / v : (e.effectiveN ?? Double(e.n))
        let tDesign = e.degreesOfFreedom.map { StudentT(degreesOfFreedom: $0).quantile(tail) }
            ?? Normal.standard.quantile(tail)
        // R: qt(α/2, nrow − 1)/qt(α/2, degf); with one row there is nothing to adjust.
        if e.n > 1 {
            let tSample = StudentT(degreesOfFreedom: Double(e.n - 1)).quantile(tail)
            let ratio = tSample / tDesign
            nStar *= ratio * ratio
        }
        let x = nStar * p
        let (lower, upper, boundaryNote) = clopperPearsonBounds(
            x: x, n: nStar, lowerShapeB: nStar * (1 - p) + 1, upperShapeB: nStar * (1 - p), level: level)
        var note = boundaryNote
        if !fromVariance {
            let source = e.effectiveN == nil ? "n" : "the given effective n"
            note = (note.map { $0 + "; " } ?? "") + "variance 0: effective sample size taken from \(source)"
        }
        return ConfidenceInterval(lower: lower, upper: upper, level: level, method: "korn-graubard", note: note)
    }
}
