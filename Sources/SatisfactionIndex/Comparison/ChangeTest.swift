import SurveyStatistics

/// The change of one entry between two independent waves, by the method that fits it.
enum ChangeTest {
    /// Method names written into every ``Change``.
    static let newcombe =
        "newcombe hybrid score interval (statsmodels confint_proportions_2indep method=newcomb); score test (test_proportions_2indep method=score, correction=True)"
    static func designName(_ method: DifferenceMethod, aggregate: Bool) -> String {
        let what = aggregate ? "difference of linearized design-based estimates" : "difference of independent estimates"
        return "\(what), var = var1 + var2 (\(method == .z ? "normal" : "welch t"))"
    }

    /// `after − before`, or `nil` when either has no estimate or no standard error.
    ///
    /// - Unweighted waves without a design, a single item measured as a share: x = p̂·n is the
    ///   count of satisfied valid answers (exact: the engine's share is x/n); Newcombe's interval
    ///   and the score test on (x₂, n₂) against (x₁, n₁).
    /// - Everything else (means and scores too, weighted or not): the difference of the two
    ///   design-based estimates (R `svymean` per wave; for an unweighted item that SE is the
    ///   domain estimator's, not `t.test`'s s/√n) with `designMethod`.
    static func change(before: IndexEntry, after: IndexEntry, srsBefore: Bool, srsAfter: Bool, level: Double,
                       designMethod: DifferenceMethod) -> Change? {
        let b = before.estimate, a = after.estimate
        guard b.n > 0, a.n > 0, !b.value.isNaN, !a.value.isNaN, !b.standardError.isNaN, !a.standardError.isNaN
        else { return nil }
        let single = after.role != .overall && after.role != .aggregate
        let share = after.measure == .share || after.measure == .choice
        if single && share && srsBefore && srsAfter {
            let n1 = after.counts.valid, n0 = before.counts.valid
            let x1 = Int((a.value * Double(n1)).rounded()), x0 = Int((b.value * Double(n0)).rounded())
            guard n1 > 0, n0 > 0 else { return nil }
            let interval = ProportionDifference.newcombeInterval(successes1: x1, trials1: n1, successes2: x0, trials2: n0, level: level)
            let test = ProportionDifference.scoreTest(successes1: x1, trials1: n1, successes2: x0, trials2: n0)
            let p1 = Double(x1) / Double(n1), p0 = Double(x0) / Double(n0)
            let se = (p1 * (1 - p1) / Double(n1) + p0 * (1 - p0) / Double(n0)).squareRoot()
            return Change(difference: p1 - p0, standardError: se, interval: interval, test: test,
                          pValue: test.pValue, adjustedPValue: test.pValue, method: newcombe)
        }
        let method = designMethod
        let d = DifferenceComparison(a, b, method: method, level: level)
        return Change(difference: d.difference.value, standardError: d.difference.standardError, interval: d.interval,
                      test: d.test, pValue: d.test.pValue, adjustedPValue: d.test.pValue,
                      method: designName(method, aggregate: !single))
    }
}
