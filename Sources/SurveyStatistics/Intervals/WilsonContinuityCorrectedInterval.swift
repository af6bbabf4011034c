extension ProportionIntervalMethod {
    /// Wilson's score interval with continuity correction (Newcombe 1998, method 4):
    ///
    ///     L = (2np̂ + z² − 1 − z√(z² − 2 − 1/n + 4p̂(n(1 − p̂) + 1))) / (2(n + z²))
    ///     U = (2np̂ + z² + 1 + z√(z² + 2 − 1/n + 4p̂(n(1 − p̂) − 1))) / (2(n + z²))
    ///
    /// with L = 0 when p̂ = 0 and U = 1 when p̂ = 1 (the note says so), and L = 0 or U = 1
    /// also when p̂ ∓ 1/(2n) passes the edge, as R does.
    /// R: `prop.test(x, n, correct = TRUE)$conf.int` (R shrinks the correction to
    /// |x − n/2| when that is below ½, so the two differ only at x = n/2 ± ½ and x = n/2).
    /// Reference: Newcombe, R. G. (1998). Two-sided confidence intervals for the single
    /// proportion: comparison of seven methods. *Statistics in Medicine* 17, 857–872.
    static func wilsonContinuityCorrected(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let z = z(level), z2 = z * z
        let p = x / n
        let denominator = 2 * (n + z2)
        var lower: Double, upper: Double
        var notes: [String] = []
        if p - 1 / (2 * n) <= 0 {
            lower = 0
            if p == 0 { notes.append("x = 0: lower bound 0 exactly") }
        } else {
            let root = (z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1)).squareRoot()
            lower = (2 * n * p + z2 - 1 - z * root) / denominator
        }
        if p + 1 / (2 * n) >= 1 {
            upper = 1
            if p == 1 { notes.append("x = n: upper bound 1 exactly") }
        } else {
            let root = (z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1)).squareRoot()
            upper = (2 * n * p + z2 + 1 + z * root) / denominator
        }
        return ConfidenceInterval(lower: max(0, min(lower, p)), upper: min(1, max(upper, p)), level: level,
                                  method: "wilson-cc", note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}
