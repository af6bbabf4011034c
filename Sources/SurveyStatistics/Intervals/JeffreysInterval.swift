extension ProportionIntervalMethod {
    /// The equal-tailed Jeffreys interval: quantiles α/2 and 1 − α/2 of the posterior
    /// Beta(x + ½, n − x + ½) under the Jeffreys prior Beta(½, ½).
    ///
    /// At x = 0 the lower bound is set to 0, and at x = n the upper bound to 1, as Brown, Cai
    /// & DasGupta (2001) recommend (the note says so). statsmodels' `"jeffreys"` keeps the
    /// plain quantile there (e.g. 1.9e-5 for x = 0, n = 10), which excludes the estimate 0.
    /// R: `binom::binom.confint(x, n, method = "bayes", type = "central")`;
    /// Python: `proportion_confint(method = "jeffreys")` (away from x = 0 and x = n).
    /// Reference: Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation for a
    /// binomial proportion. *Statistical Science* 16, 101–133.
    static func jeffreys(x: Double, n: Double, level: Double) -> ConfidenceInterval {
        let tail = (1 - level) / 2
        let posterior = Beta(alpha: x + 0.5, beta: n - x + 0.5)
        var notes: [String] = []
        var lower = posterior.quantile(tail)
        var upper = posterior.upperQuantile(tail)
        if x <= 0 {
            lower = 0
            notes.append("x = 0: lower bound set to 0 (Brown, Cai & DasGupta 2001)")
        }
        if x >= n {
            upper = 1
            notes.append("x = n: upper bound set to 1 (Brown, Cai & DasGupta 2001)")
        }
        // With a fractional count (x = p̂·n* on an effective n) a hair from 0 or n, the
        // posterior's tail quantile can fall short of p̂ itself (x = 2 − 2e-12 of n = 2: upper
        // 0.9996 < p̂); the same rule then extends the bound to p̂. Whole counts never need it.
        let share = x / n
        if lower > share {
            lower = share
            notes.append("lower bound set to p̂, the Beta quantile lay above it (fractional x near 0)")
        }
        if upper < share {
            upper = share
            notes.append("upper bound set to p̂, the Beta quantile lay below it (fractional x near n)")
        }
        return ConfidenceInterval(lower: lower, upper: upper, level: level, method: "jeffreys",
                                  note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }
}
