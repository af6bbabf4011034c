import SurveyStatistics

/// Groups ranked on one index, with rank intervals.
///
/// Rank 1 is the highest index. Many draws of every group's index are ranked again, and
/// SurveyStatistics' `RankInterval` turns each group's draw ranks into its interval (type-1
/// quantiles) and the overlap-with-neighbours flag. The draws (``RankIntervalMethod``):
/// - `normal` (default): from N(θ̂, C), the groups' estimates and their design covariance
///   matrix by linearization (``GroupCovariance``; R `vcov(svyby(..., covmat = TRUE))`), which
///   holds the correlation of groups sharing PSUs; 2,000 seeded draws;
/// - `bootstrap`: replicates of a seeded Rao–Wu bootstrap (PSUs within strata, R
///   `as.svrepdesign(type = "subbootstrap")`), each recomputing every group's index.
/// Suppressed groups are left out of the ranking.
///
/// Reference: Goldstein & Spiegelhalter (1996), "League tables and their limitations", JRSS A
/// 159(3); Hall & Miller (2009), "Using the bootstrap to quantify the authority of an
/// empirical ranking", Ann. Stat. 37(6).
public struct Ranking: Sendable, Hashable, Codable {
    /// The grouping ranked.
    public var by: [String]
    /// The node or question ranked on.
    public var node: String
    /// Where the draws come from.
    public var method: RankIntervalMethod
    /// Draws (bootstrap replicates or normal draws), seed and bootstrap scheme: the same values
    /// give the same intervals.
    public var replicates: Int
    public var seed: UInt64
    public var scheme: Bootstrap.Scheme
    /// The confidence level of the rank intervals.
    public var level: Double
    /// Groups in rank order.
    public var entries: [RankEntry]

    public init(by: [String], node: String, method: RankIntervalMethod = .bootstrap, replicates: Int, seed: UInt64,
                scheme: Bootstrap.Scheme, level: Double, entries: [RankEntry]) {
        self.by = by
        self.node = node
        self.method = method
        self.replicates = replicates
        self.seed = seed
        self.scheme = scheme
        self.level = level
        self.entries = entries
    }
}

/// One group's place in a ``Ranking``.
public struct RankEntry: Sendable, Hashable, Codable {
    /// The group's values.
    public var key: [String]
    /// The index.
    public var value: Double
    /// 1 + the number of groups with a strictly higher index.
    public var rank: Int
    /// The rank interval [lower, upper] (lower is the better rank).
    public var rankLower: Int
    public var rankUpper: Int
    /// The rank interval overlaps the interval of the group just above or just below: the
    /// data cannot tell these groups' order apart.
    public var indistinguishableFromNeighbours: Bool

    public init(key: [String], value: Double, rank: Int, rankLower: Int, rankUpper: Int, indistinguishableFromNeighbours: Bool) {
        self.key = key
        self.value = value
        self.rank = rank
        self.rankLower = rankLower
        self.rankUpper = rankUpper
        self.indistinguishableFromNeighbours = indistinguishableFromNeighbours
    }
}

extension EngineContext {
    /// - Parameter covariance: the groups' covariance on the node from the grouping's pass, if
    ///   it was computed there (normal method); otherwise it is computed here.
    /// - Parameter replicated: the grouping's node replicates from the bootstrap of the index
    ///   intervals (the same draws), reused instead of a bootstrap of its own when it holds the node.
    func ranking(_ request: RankingRequest, table: GroupingResults, covariance: GroupCovariance? = nil,
                 replicated: NodeReplicates? = nil) throws(IndexError) -> Ranking {
        guard let s = plan.statisticOfNode[request.node] else { throw .unknownNode(id: request.node) }
        let estimator = try estimator(request.by)
        // Groups that take part: not suppressed on this node.
        var included: [Int] = []
        var values: [Double] = []
        var variances: [Double] = []
        for (g, group) in table.groups.enumerated() {
            let entry = group.nodes.first { $0.id == request.node } ?? group.questions.first { $0.id == request.node }
            guard let entry, !entry.isSuppressed else { continue }
            included.append(g)
            values.append(entry.estimate.value)
            variances.append(entry.estimate.standardError * entry.estimate.standardError)
        }
        let settings = options.bootstrap
        let replicates: [[Double]]
        switch options.rankIntervals {
        case .bootstrap:
            replicates = replicated?.replicates(of: s, groups: included)
                ?? replicateValues(estimator: estimator, node: s, groups: included)
        case .normal:
            var full = covariance
            if full == nil && estimator.groups.count <= GroupCovariance.maximumGroups {
                let (_, influence) = ColumnarPass(estimator: estimator).run(keep: [s])
                full = GroupCovariance(layout: estimator.layout, groups: estimator.groups.count, t: influence.slotT[s] ?? [],
                                       t2: influence.slotT2[s] ?? [], design: design)
            }
            let sub = full.map { c in
                included.flatMap { a in included.map { b in c.matrix[a * c.groups + b] } }
            }
            replicates = NormalRankDraws.draws(values: values, covariance: sub, variances: variances,
                                               count: RankIntervalMethod.normalDraws, seed: settings.seed)
        }
        let intervals = RankInterval.compute(estimates: values, replicates: replicates, level: self.settings.level)
        let R = replicates.first?.count ?? max(2, settings.replicates)
        var entries: [RankEntry] = intervals.map { interval in
            RankEntry(key: table.groups[included[interval.group]].key, value: values[interval.group],
                      rank: interval.rank, rankLower: interval.lower, rankUpper: interval.upper,
                      indistinguishableFromNeighbours: interval.overlapsNeighbours)
        }
        entries.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.key.lexicographicallyPrecedes($1.key) }
        return Ranking(by: request.by, node: request.node, method: options.rankIntervals, replicates: R,
                       seed: settings.seed, scheme: settings.scheme,
                       level: self.settings.level, entries: entries)
    }

    /// The node's value for each of `groups` in every bootstrap replicate, `[group][replicate]`,
    /// from per-unit totals (``UnitTotals``; `totals` overrides the choice of how they are
    /// summed, for tests). The same replicates as ``rowReplicateValues(estimator:node:groups:)``.
    func replicateValues(estimator: GroupedEstimator, node s: Int, groups: [Int], totals: UnitTotals? = nil) -> [[Double]] {
        let settings = options.bootstrap
        let totals = totals ?? UnitTotals(estimator: estimator, node: s, scheme: settings.scheme)
        return Bootstrap.replicates(
            design: design, scheme: settings.scheme, replicates: max(2, settings.replicates), seed: settings.seed,
            count: groups.count
        ) { block in
            totals.values(nodes: [s], groups: groups, block: block)
        }
    }

    /// ``replicateValues(estimator:node:groups:totals:)`` by a full pass of the engine over
    /// every row and column per replicate, as rankings were computed before ``UnitTotals``:
    /// the reference the totals are tested against (`UnitTotalsTests`), not used in a run.
    func rowReplicateValues(estimator: GroupedEstimator, node s: Int, groups: [Int]) -> [[Double]] {
        let settings = options.bootstrap
        let S = estimator.statisticCount
        return Bootstrap.run(
            design: design, scheme: settings.scheme, replicates: max(2, settings.replicates), seed: settings.seed
        ) { weights in
            let sums = ColumnarPass(estimator: estimator).run(weights: weights).0
            return groups.map { sums.value($0, s, S) }
        }.map(\.replicates)
    }
}
