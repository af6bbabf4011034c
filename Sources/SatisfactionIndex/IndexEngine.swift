import Dispatch
import SurveyData
import SurveySchema
import SurveyStatistics

/// Applies a survey's index rules to a coded dataset: indices with intervals for the whole
/// sample and for every grouping asked for, for every node of the indicator tree and every
/// scored or multi-select question; rankings, reliability and priorities.
///
/// ```swift
/// let results = try IndexEngine(survey: survey, dataset: data,
///                               options: IndexOptions(groupings: [["service"]])).run()
/// results.grouping(["service"])?.group(["land"])?.node("overall")?.interval
/// ```
///
/// How (docs/methods-index.md has the formulas and the R calls):
/// - every index is a ratio of weighted totals or a linear combination of such, linearized:
///   each row gets an influence value and the design variance is that of the influence totals
///   (Binder 1983; R `survey`'s `svyrecvar`), so a parent's interval treats the respondent, or
///   the cluster, as the unit;
/// - a group is a domain of the full design: its variance uses every PSU of every stratum;
/// - the work is two passes over the rows per grouping with 256-entry lookup tables and
///   integer group indexes; no per-row influence array is stored (``VarianceLayout``).
///
/// Edge cases: a group with no valid answer to a criterion gets a NaN estimate flagged
/// ``IndexFlag/noValidAnswers``; a design with a stratum of one PSU is refused unless
/// ``IndexOptions/lonelyUnitPolicy`` says otherwise; zero weights count as rows but not in n.
public struct IndexEngine: Sendable {
    public let survey: Survey
    public let dataset: SurveyDataset
    public let options: IndexOptions

    public init(survey: Survey, dataset: SurveyDataset, options: IndexOptions = IndexOptions()) {
        self.survey = survey
        self.dataset = dataset
        self.options = options
    }

    /// Runs every computation the options ask for.
    /// - Throws: ``IndexError`` naming the grouping, criterion, method or design problem.
    public func run() throws(IndexError) -> IndexResults {
        let context = try EngineContext(survey: survey, dataset: dataset, options: options)
        var requested: [[String]] = []
        var seen = Set<[String]>()
        for by in [[]] + options.groupings where seen.insert(by).inserted { requested.append(by) }
        // Groupings are independent: computed side by side on the available cores.
        let list = requested
        // The covariance of the groups' estimates on each ranked node, from the same pass
        // (normal-approximation rank intervals).
        let ranked: [[String]: [Int]] = options.rankIntervals == .normal
            ? Dictionary(grouping: options.rankings, by: \.by).mapValues { requests in
                requests.compactMap { context.plan.statisticOfNode[$0.node] } }
            : [:]
        let outcomes = Slots<Result<(GroupingResults, [Int: GroupCovariance]), IndexError>>(count: list.count)
        DispatchQueue.concurrentPerform(iterations: list.count) { k in
            outcomes.set(k, Result { () throws(IndexError) -> (GroupingResults, [Int: GroupCovariance]) in
                try context.grouping(list[k], covarianceOf: ranked[list[k]] ?? [])
            })
        }
        var groupings: [GroupingResults] = []
        var covariances: [[String]: [Int: GroupCovariance]] = [:]
        for k in 0..<list.count {
            let (table, covariance) = try outcomes.get(k).get()
            groupings.append(table)
            covariances[list[k]] = covariance
        }
        // Bootstrap intervals of the tree's nodes (`--bootstrap`): one bootstrap serves every
        // grouping asked for and the rankings of their nodes.
        let replicated = options.bootstrapIntervals ? try context.bootstrapIntervals(&groupings) : [:]
        // Disclosure control (issue 9): complementary suppression, so that no suppressed number
        // can be worked out by subtraction. Before rankings and priorities, which leave out
        // whatever is suppressed.
        DisclosureControl.apply(to: &groupings, survey: survey)
        var rankings: [Ranking] = []
        for request in options.rankings {
            guard var table = groupings.first(where: { $0.by == request.by }) ?? (try? context.grouping(request.by)) else {
                throw .unknownGrouping(name: request.by.joined(separator: ","), available: context.availableGroupings)
            }
            if !groupings.contains(where: { $0.by == request.by }) {
                // A grouping ranked but not asked for: its ranked values are published, so
                // they get the same control against the whole sample.
                var pair = [groupings[0], table]
                DisclosureControl.apply(to: &pair, survey: survey)
                table = pair[1]
            }
            let s = context.plan.statisticOfNode[request.node]
            rankings.append(try context.ranking(request, table: table,
                                                covariance: s.flatMap { covariances[request.by]?[$0] },
                                                replicated: replicated[request.by]))
        }
        let reliability = options.reliability ? context.reliability() : []
        let priorities = options.priorities ? context.priorities(wholeSample: groupings[0].groups.first) : nil
        return IndexResults(
            surveyID: survey.id, surveyVersion: survey.version, rowCount: dataset.rowCount,
            settings: context.settings, design: context.designSummary, groupings: groupings,
            rankings: rankings, reliability: reliability, priorities: priorities)
    }
}

/// Everything one run shares: settings, design, plan.
struct EngineContext {
    let survey: Survey
    let dataset: SurveyDataset
    let options: IndexOptions
    let settings: AppliedSettings
    let shareMethod: ProportionIntervalMethod
    let design: SurveyDesign
    let designSummary: DesignSummary
    let plan: IndexPlan

    init(survey: Survey, dataset: SurveyDataset, options: IndexOptions) throws(IndexError) {
        self.survey = survey
        self.dataset = dataset
        self.options = options
        let rules = survey.index
        let level = options.level ?? rules.level
        guard level > 0, level < 1 else { throw .invalidLevel(level) }
        let methodName = options.shareInterval ?? rules.interval
        guard let method = ProportionIntervalMethod(rawValue: methodName.lowercased()) else {
            throw .unknownIntervalMethod(name: methodName, known: ProportionIntervalMethod.allCases.map(\.rawValue))
        }
        shareMethod = method
        var applied = AppliedSettings(
            measure: Measure(rules.measure), combine: Combination(rules.combine), shareInterval: method.rawValue,
            aggregateShareInterval: "logit", meanInterval: "t", level: level, minValidN: rules.minValidN,
            maxIntervalWidth: rules.maxIntervalWidth, disclosureThreshold: rules.disclosureThreshold)
        if options.bootstrapIntervals {
            let b = options.bootstrap
            applied.treeIntervals = "bootstrap-percentile, \(max(2, b.replicates)) replicates, seed \(b.seed), \(b.scheme.rawValue)"
            applied.treeBootstrap = BootstrapSettings(replicates: max(2, b.replicates), seed: b.seed, scheme: b.scheme)
        }
        settings = applied
        let declared = survey.columns.design.lonelyUnits.flatMap { LonelyUnitPolicy(rawValue: $0.rawValue) }
        let built = try Self.makeDesign(survey: survey, dataset: dataset,
                                        policy: options.lonelyUnitPolicy ?? declared ?? .fail)
        design = built.design
        designSummary = built.summary
        plan = try IndexPlan(survey: survey, dataset: dataset)
    }

    static func makeDesign(survey: Survey, dataset: SurveyDataset, policy: LonelyUnitPolicy) throws(IndexError) -> (design: SurveyDesign, summary: DesignSummary) {
        let n = dataset.rowCount
        if let w = dataset.weights, w.count != n { throw .columnLength(column: "weights", expected: n, actual: w.count) }
        let strata = dataset.strata.map { SurveyDesign.CodedLabels(codes: $0.codes.widened, labels: $0.levels) }
        let clusters = dataset.clusters.map { SurveyDesign.CodedLabels(codes: $0.codes.widened, labels: $0.levels) }
        let fpc: FinitePopulationCorrection? = dataset.fpc.map { values in
            values.allSatisfy { $0 <= 1 } ? .samplingFraction(values) : .populationSize(values)
        }
        let design: SurveyDesign
        do {
            design = try SurveyDesign(weights: dataset.weights, rowCount: n, stratumCodes: strata, clusterCodes: clusters,
                                      finitePopulation: fpc, lonelyUnits: policy)
        } catch {
            throw .design(error)
        }
        let columns = survey.columns.design
        let weightName = dataset.weights == nil ? nil : (columns.weight ?? "weight")
        let strataName = dataset.strata.map { columns.strata ?? $0.id }
        let clusterName = dataset.clusters.map { columns.cluster ?? $0.id }
        let fpcName = dataset.fpc == nil ? nil : (columns.fpc ?? "fpc")
        var r = "svydesign(ids = ~\(clusterName ?? "1")"
        if let strataName { r += ", strata = ~\(strataName)" }
        if let weightName { r += ", weights = ~\(weightName)" }
        if let fpcName { r += ", fpc = ~\(fpcName)" }
        if clusterName != nil && strataName != nil { r += ", nest = TRUE" }
        r += ", data = d)"
        if policy != .fail { r += "; options(survey.lonely.psu = \"\(policy.rawValue)\")" }
        let summary = DesignSummary(
            weights: weightName, strata: strataName, clusters: clusterName, fpc: fpcName, lonelyUnitPolicy: policy,
            strataCount: design.stratumCount, psuCount: design.psuCount,
            variance: "Taylor linearization; with-replacement (ultimate cluster) variance of influence totals, as R svyrecvar; groups are domains of the full design",
            rDesign: r)
        return (design, summary)
    }

    var availableGroupings: [String] {
        dataset.groups.keys.sorted() + dataset.extraColumns.keys.sorted()
    }

    func groupIndex(_ by: [String]) throws(IndexError) -> GroupIndex {
        var columns: [CategoryColumn] = []
        for name in by {
            guard let column = dataset.groups[name] ?? dataset.extraColumns[name] else {
                throw .unknownGrouping(name: name, available: availableGroupings)
            }
            guard column.codes.count == dataset.rowCount else {
                throw .columnLength(column: name, expected: dataset.rowCount, actual: column.codes.count)
            }
            columns.append(column)
        }
        return GroupIndex(by: by, columns: columns, rowCount: dataset.rowCount)
    }

    func estimator(_ by: [String]) throws(IndexError) -> GroupedEstimator {
        let groups = try groupIndex(by)
        return GroupedEstimator(
            columns: plan.columns, selections: plan.selections, statistics: plan.statistics, groups: groups,
            layout: VarianceLayout(groups: groups, design: design), design: design)
    }

    /// Every entry of every group of one grouping.
    func grouping(_ by: [String]) throws(IndexError) -> GroupingResults {
        try grouping(by, covarianceOf: []).0
    }

    /// Every entry of every group of one grouping, and the covariance matrix of the groups'
    /// estimates of each statistic in `ranked` (when there are at most
    /// ``GroupCovariance/maximumGroups`` groups).
    func grouping(_ by: [String], covarianceOf ranked: [Int]) throws(IndexError) -> (GroupingResults, [Int: GroupCovariance]) {
        let estimator = try estimator(by)
        let covarianceWanted = estimator.groups.count <= GroupCovariance.maximumGroups
        let (sums, influence) = ColumnarPass(estimator: estimator).run(keep: covarianceWanted ? Set(ranked) : [])
        let variances = estimator.layout.variances(
            s1: influence.s1, s2: influence.s2, statistics: estimator.statisticCount,
            groups: estimator.groups.count, design: design)
        var covariances: [Int: GroupCovariance] = [:]
        if covarianceWanted {
            for s in ranked {
                covariances[s] = GroupCovariance(
                    layout: estimator.layout, groups: estimator.groups.count, t: influence.slotT[s] ?? [],
                    t2: influence.slotT2[s] ?? [], design: design)
            }
        }
        let S = estimator.statisticCount
        let C = plan.columns.count
        var results: [GroupResult] = []
        for g in 0..<estimator.groups.count {
            let respondents = sums.groupRows[g]
            let hidden = respondents < settings.disclosureThreshold
            let df = estimator.layout.groupDegreesOfFreedom[g]
            let q = Estimate(value: 0, standardError: 0, degreesOfFreedom: df > 0 ? Double(df) : nil, n: 1)
                .criticalValue(level: settings.level)
            func estimate(_ s: Int) -> Estimate {
                makeEstimate(g: g, s: s, S: S, sums: sums, influence: influence, variance: variances[g * S + s], df: df)
            }
            var nodes: [IndexEntry] = []
            var questions: [IndexEntry] = []
            for entry in plan.entries {
                let s = entry.statistic
                let statistic = plan.statistics[s]
                let e = estimate(s)
                let interval = makeInterval(e, statistic: statistic, g: g, s: s, S: S, sums: sums, q: q)
                var counts = AnswerCounts()
                for c in entry.columns {
                    let base = (g * C + c) * 5
                    counts = counts + AnswerCounts(
                        valid: sums.answerCounts[base], noAnswer: sums.answerCounts[base + 1],
                        dontKnow: sums.answerCounts[base + 2], notApplicable: sums.answerCounts[base + 3],
                        invalid: sums.answerCounts[base + 4])
                }
                if entry.role == .option {
                    let chose = sums.enteringN[g * S + s]
                    counts = AnswerCounts(valid: chose, noAnswer: respondents - chose)
                }
                let mean = entry.meanStatistic.map { m -> ScoredEstimate in
                    let me = estimate(m)
                    return ScoredEstimate(estimate: me, interval: SymmetricInterval.interval(me, level: settings.level, q: q))
                }
                let (flags, suppressed) = makeFlags(e, interval: interval, statistic: statistic, hidden: hidden)
                let result = IndexEntry(
                    id: entry.id, option: entry.option, role: entry.role, measure: entry.measure,
                    combine: entry.combine, estimate: e, interval: interval, meanScore: mean, counts: counts,
                    flags: flags, isSuppressed: suppressed)
                if entry.isQuestion { questions.append(result) } else { nodes.append(result) }
            }
            results.append(GroupResult(
                key: estimator.groups.keys[g], respondents: respondents,
                weightedRespondents: dataset.weights == nil ? nil : sums.groupWeight[g], degreesOfFreedom: df,
                belowDisclosureThreshold: hidden, nodes: nodes, questions: questions))
        }
        return (GroupingResults(by: by, groups: results), covariances)
    }

    /// Replaces the intervals of the indicator tree's nodes, in every grouping, by bootstrap
    /// percentile intervals: one seeded Rao–Wu bootstrap of the whole design
    /// (``IndexOptions/bootstrap``) whose replicates recompute every node for every group from
    /// per-(unit, group) totals (``UnitTotals``). The estimate and its linearization standard
    /// error are kept.
    ///
    /// Every grouping's replicates come from the same draws (same seed), so they are computed
    /// once per grouping, and the whole sample's, whose totals are the sums of any grouping's
    /// group totals, come with the first grouping's instead of a bootstrap of their own.
    /// - Returns: each grouping's node replicates, which its rankings reuse.
    func bootstrapIntervals(_ groupings: inout [GroupingResults]) throws(IndexError) -> [[String]: NodeReplicates] {
        let settings = options.bootstrap
        let nodes = plan.entries.filter { !$0.isQuestion }
        guard !nodes.isEmpty else { return [:] }
        let statistics = nodes.map(\.statistic)
        let K = statistics.count
        let whole = groupings.firstIndex { $0.by.isEmpty }
        let carrier = groupings.firstIndex { !$0.by.isEmpty && !$0.groups.isEmpty }
        var out: [[String]: NodeReplicates] = [:]
        for index in groupings.indices where !groupings[index].groups.isEmpty {
            if index == whole && carrier != nil { continue }
            let estimator = try estimator(groupings[index].by)
            let G = estimator.groups.count
            let withWhole = index == carrier && whole != nil
            let totals = UnitTotals(estimator: estimator, nodes: statistics, scheme: settings.scheme)
            let groups = Array(0..<G)
            let values = Bootstrap.replicates(
                design: design, scheme: settings.scheme, replicates: max(2, settings.replicates), seed: settings.seed,
                count: (G + (withWhole ? 1 : 0)) * K
            ) { block in
                totals.values(nodes: statistics, groups: groups, block: block, appendingWholeSample: withWhole)
            }
            out[groupings[index].by] = NodeReplicates(statistics: statistics, values: Array(values[0..<(G * K)]))
            applyPercentiles(&groupings[index].groups, nodes: nodes, values: values, offset: 0)
            if withWhole, let whole {
                out[[]] = NodeReplicates(statistics: statistics, values: Array(values[(G * K)...]))
                applyPercentiles(&groupings[whole].groups, nodes: nodes, values: values, offset: G * K)
            }
        }
        return out
    }

    /// Sets the percentile interval of every node of every group from `values[offset + g * K + k]`.
    private func applyPercentiles(_ results: inout [GroupResult], nodes: [IndexPlan.Entry], values: [[Double]], offset: Int) {
        let settings = options.bootstrap
        let K = nodes.count
        for g in results.indices {
            for (k, node) in nodes.enumerated() {
                guard let j = results[g].nodes.firstIndex(where: { $0.id == node.id && $0.option == node.option }),
                      !results[g].nodes[j].isSuppressed else { continue }
                let replicates = values[offset + g * K + k]
                let distribution = BootstrapDistribution(estimate: results[g].nodes[j].estimate.value, replicates: replicates)
                var interval = distribution.percentileInterval(level: self.settings.level)
                let note = "\(replicates.count) replicates, seed \(settings.seed), \(settings.scheme.rawValue)"
                interval.note = interval.note.map { "\($0); \(note)" } ?? note
                results[g].nodes[j].interval = interval
            }
        }
    }

    func makeEstimate(
        g: Int, s: Int, S: Int, sums: GroupedEstimator.Sums, influence: GroupedEstimator.InfluenceSums,
        variance v: Double, df: Int
    ) -> Estimate {
        let k = g * S + s
        let n = sums.enteringN[k]
        let w = sums.enteringW[k]
        var value = n == 0 ? Double.nan : sums.value(g, s, S)
        if plan.statistics[s].isShare && n > 0 {
            // A mean of shares is a share, but Σ θ/k in floating point is not always within
            // [0, 1]: nine criteria all at 1 sum to 1 + 2⁻⁵² (IndexEngineTests).
            value = min(max(value, 0), 1)
        }
        let complex = designSummary.isComplex
        var deff: Double?
        var effective: Double?
        if complex && n > 0 {
            if n >= 2 {
                let centred = influence.zzOverW[k] - influence.z[k] * influence.z[k] / w
                let srs = w / Double(n - 1) * centred
                if srs > 0 { deff = v / srs }
            }
            let kish = sums.enteringW2[k] > 0 ? w * w / sums.enteringW2[k] : 0
            if plan.statistics[s].isSingleShare && v > 0 {
                effective = value * (1 - value) / v
            } else {
                effective = deff.map { Double(n) / $0 } ?? kish
            }
        }
        return Estimate(
            value: value, standardError: n == 0 ? .nan : v.squareRoot(),
            degreesOfFreedom: df > 0 ? Double(df) : nil, n: n,
            weightedN: dataset.weights == nil ? nil : w, effectiveN: effective, designEffect: deff,
            method: plan.statistics[s].method)
    }

    func makeInterval(_ e: Estimate, statistic: StatisticPlan, g: Int, s: Int, S: Int, sums: GroupedEstimator.Sums, q: Double) -> ConfidenceInterval {
        let level = settings.level
        let complex = designSummary.isComplex
        let k = g * S + s
        let kish = sums.enteringW2[k] > 0 ? sums.enteringW[k] * sums.enteringW[k] / sums.enteringW2[k] : 0
        if statistic.isSingleShare {
            guard complex else {
                // x = p·n is an integer count here: the share of n unweighted valid answers.
                let x = e.n == 0 ? 0 : Int((e.value * Double(e.n)).rounded())
                return shareMethod.interval(successes: x, trials: e.n, level: level)
            }
            if shareMethod == .kornGraubard || shareMethod == .surveyLogit {
                return shareMethod.interval(for: e, level: level)
            }
            let useKish = !(e.standardError > 0)
            var interval = shareMethod.interval(
                proportion: e.value, effectiveSampleSize: useKish ? kish : (e.effectiveN ?? kish), level: level)
            interval.method += useKish ? " (n = Kish effective n)" : " (n = effective n p(1-p)/V)"
            return interval
        }
        if statistic.isShare {
            if let logit = LogitInterval.interval(estimate: e, level: level, q: q) { return logit }
            let n = complex ? kish : Double(e.n)
            var interval = ProportionIntervalMethod.wilson.interval(proportion: e.value, effectiveSampleSize: n, level: level)
            if e.n > 0 {
                interval.method = "logit"
                interval.note = "logit undefined at a share of \(e.value) with standard error \(e.standardError): Wilson interval on \(complex ? "Kish effective n" : "n") given"
            }
            return interval
        }
        return SymmetricInterval.interval(e, level: level, q: q)
    }

    func makeFlags(_ e: Estimate, interval: ConfidenceInterval, statistic: StatisticPlan, hidden: Bool) -> ([IndexFlag], Bool) {
        var flags: [IndexFlag] = []
        if e.n == 0 { flags.append(.noValidAnswers) }
        if e.n > 0 && e.value.isNaN { flags.append(.partWithoutAnswers) }
        if e.n < settings.minValidN { flags.append(.belowMinimumN) }
        if hidden { flags.append(.belowDisclosureThreshold) }
        if let effective = e.effectiveN, e.n >= settings.minValidN, effective < Double(settings.minValidN) {
            flags.append(.lowEffectiveN)
        }
        if let limit = settings.maxIntervalWidth, interval.width / statistic.range > limit { flags.append(.wideInterval) }
        if statistic.isShare && e.n > 0 && e.value == 0 { flags.append(.shareAtZero) }
        if statistic.isShare && e.n > 0 && e.value == 1 { flags.append(.shareAtOne) }
        let suppressed = e.n == 0 || e.n < settings.minValidN || hidden
        return (flags, suppressed)
    }
}

/// The bootstrap replicates of the tree's nodes in one grouping: `values[g * K + k]` holds the
/// replicates of node `statistics[k]` in group g (K = `statistics.count`).
struct NodeReplicates {
    let statistics: [Int]
    let values: [[Double]]

    /// The replicates of statistic `s` for each of `groups`, if `s` was bootstrapped.
    func replicates(of s: Int, groups: [Int]) -> [[Double]]? {
        guard let k = statistics.firstIndex(of: s) else { return nil }
        return groups.map { values[$0 * statistics.count + k] }
    }
}

/// One result slot per concurrent task. Each task writes only its own index, and the slots are
/// read after `concurrentPerform` returns (which waits for every task), so no two threads touch
/// one slot at the same time: that is why the unchecked `Sendable` is sound. Visible to the
/// package's other modules (the report writers use it), not to its users.
package final class Slots<Value>: @unchecked Sendable {
    private let values: UnsafeMutablePointer<Value?>
    private let count: Int

    package init(count: Int) {
        self.count = count
        values = .allocate(capacity: max(count, 1))
        values.initialize(repeating: nil, count: count)
    }

    deinit {
        values.deinitialize(count: count)
        values.deallocate()
    }

    package func set(_ index: Int, _ value: Value) { values[index] = value }

    package func get(_ index: Int) -> Value { values[index]! }
}
