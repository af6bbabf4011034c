/// One statistic per group, each group a domain of the full sample: R `svyby`.
///
/// For each distinct label g (in ascending order) the statistic is linearized over the domain
/// {i : groups[i] = g}, with influence values zero outside it, so every group's variance uses
/// the full design (all PSUs and strata), as `svyby(~y, ~g, design, svymean)` does.
/// Covariances between groups come from ``DesignVariance/covariance(influence:design:)`` on
/// their influence values (R `svyby(..., covmat = TRUE)`).
///
/// Edge cases: a label absent from the data is simply not listed (R drops empty groups too);
/// to report a group with no observations, call the estimator with an all-false domain, which
/// gives NaN with n = 0 (see ``WeightedMean``).
///
/// Reference: Lumley (2010), §2.6 and §3.1.
public enum DomainEstimates {
    /// The statistic for every group, keyed by group and in ascending label order.
    ///
    /// - Parameters:
    ///   - groups: the group label of each row of the design.
    ///   - linearize: the estimator, given a domain (one flag per row).
    public static func byGroup<Label: Hashable & Comparable>(
        _ groups: [Label], _ linearize: ([Bool]) -> LinearizedStatistic
    ) -> [(group: Label, statistic: LinearizedStatistic)] {
        let labels = Set(groups).sorted()
        var domain = [Bool](repeating: false, count: groups.count)
        return labels.map { label in
            for i in groups.indices { domain[i] = groups[i] == label }
            return (label, linearize(domain))
        }
    }
}
