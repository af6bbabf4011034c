import SurveySchema
import SurveyStatistics

/// Compares two or more waves of a survey: for every node of the indicator tree and every
/// scored question, for the whole sample and every group of one grouping, each wave's index,
/// the change with its interval and p-value, a verdict at the chosen level after a
/// multiplicity adjustment across the groups, rank moves, the press-style summary, and with
/// three or more waves a test for a linear trend.
///
/// ```swift
/// let comparison = try WaveComparison(waves: [
///     Wave(label: "2023", survey: survey2023, results: results2023),
///     Wave(label: "2024", survey: survey2024, results: results2024),
/// ], options: ComparisonOptions(by: ["province"]))
/// let results = comparison.run()
/// results.steps[0].node("overall")?.national?.change?.difference   // e.g. 0.026 (+2.6 pp)
/// ```
///
/// Methods (docs/methods-compare.md has the formulas and the R / Python calls):
/// - waves are independent samples (the survey format has no panel declaration);
/// - a criterion or question measured as a share, in two unweighted waves without a design:
///   Newcombe's hybrid score interval and the score test of statsmodels
///   `test_proportions_2indep` (Miettinen–Nurminen with the N/(N − 1) correction);
/// - otherwise (weights or a design in either wave, aggregates, means and scores): the
///   difference of the two design-based (linearized) estimates, var = var₁ + var₂, referred
///   to the normal (or Welch's t, ``ComparisonOptions/designDifference``);
/// - the verdict reads the p-value adjusted within the family: one node, one step, all groups
///   of the grouping (the whole sample is a family of its own, unadjusted).
///
/// Edge cases: a group suppressed in either wave is not tested and shows no number; a group in
/// one wave only is `group-missing`; an entry without a standard error is `no-estimate`.
public struct WaveComparison: Sendable {
    /// The waves, oldest first.
    public let waves: [Wave]
    /// What the caller asked for.
    public let options: ComparisonOptions
    /// The confidence level used.
    public let level: Double

    /// A comparison of `waves` (oldest first).
    ///
    /// - Throws: ``ComparisonError`` for fewer than two waves, a repeated label, a grouping a
    ///   wave lacks, or a level outside (0, 1).
    public init(waves: [Wave], options: ComparisonOptions = ComparisonOptions()) throws(ComparisonError) {
        guard waves.count >= 2 else { throw .tooFewWaves(count: waves.count) }
        var seen = Set<String>()
        for wave in waves where !seen.insert(wave.label).inserted { throw .duplicateWaveLabel(wave.label) }
        for wave in waves where wave.results.grouping(options.by) == nil || wave.results.grouping([]) == nil {
            throw .groupingMissing(wave: wave.label, by: options.by)
        }
        let level = options.level ?? waves[waves.count - 1].results.settings.level
        guard level > 0, level < 1 else { throw .invalidLevel(level) }
        self.waves = waves
        self.options = options
        self.level = level
    }

    /// The family within which p-values are adjusted, in words (for outputs).
    public var family: String {
        "per step and node: the groups of \(options.by.isEmpty ? "the whole sample" : options.by.joined(separator: " × ")); the whole sample unadjusted"
    }

    /// The independence assumption, in words (for every output).
    public static let independence =
        "waves are independent samples (the survey files declare no panel); var(change) = var₁ + var₂"

    /// Runs the comparison.
    public func run() -> ComparisonResults {
        let steps = (1..<waves.count).map { step(waves[$0 - 1], waves[$0]) }
        let summaries = waves.enumerated().map { i, wave in
            WaveSummary(label: wave.label, surveyID: wave.results.surveyID, surveyVersion: wave.results.surveyVersion,
                        rowCount: wave.results.rowCount, time: time(i), design: wave.results.design,
                        settings: wave.results.settings)
        }
        return ComparisonResults(
            waves: summaries, by: options.by, level: level, adjustment: options.adjustment, family: family,
            independence: Self.independence, steps: steps, trends: waves.count >= 3 ? trends(steps) : [])
    }

    func time(_ i: Int) -> Double { waves[i].time ?? Double(waves[i].label) ?? Double(i) }

    // MARK: - One step

    func step(_ earlier: Wave, _ later: Wave) -> ComparisonStep {
        let matches = NodeMatching.match(earlier: earlier.survey, later: later.survey, declared: options.declaredComparable)
        var nodes: [NodeChange] = []
        for m in matches where m.status == .compared {
            guard let previous = m.previousID else { continue }
            if let change = nodeChange(m, previous: previous, earlier, later) { nodes.append(change) }
        }
        return ComparisonStep(from: earlier.label, to: later.label, matches: matches, nodes: nodes)
    }

    static func entry(_ group: GroupResult?, _ id: String, question: Bool) -> IndexEntry? {
        guard let group else { return nil }
        return question ? group.question(id) : group.node(id)
    }

    static func value(_ e: IndexEntry?, group: GroupResult?) -> WaveValue? {
        guard let e else { return nil }
        var value = WaveValue(estimate: e.estimate, interval: e.interval, validN: e.estimate.n,
                              isSuppressed: e.isSuppressed || (group?.belowDisclosureThreshold ?? false))
        // Disclosure control (issue 9): the group's counts are withheld, so is n.
        value.countsWithheld = e.countsWithheld || (group?.countsWithheld ?? false)
        return value
    }

    /// Group keys of both waves: the later wave's order, then groups only in the earlier.
    static func keys(_ a: GroupingResults, _ b: GroupingResults) -> [[String]] {
        var keys = b.groups.map(\.key)
        let present = Set(keys)
        keys += a.groups.map(\.key).filter { !present.contains($0) }
        return keys
    }

    func nodeChange(_ m: NodeMatch, previous: String, _ earlier: Wave, _ later: Wave) -> NodeChange? {
        let question = m.kind == .question
        guard let template = Self.entry(later.results.wholeSample, m.id, question: question)
                ?? Self.entry(later.results.grouping(options.by)?.groups.first, m.id, question: question)
        else { return nil }
        func compare(_ before: GroupResult?, _ after: GroupResult?, key: [String]) -> GroupChange {
            let b = Self.entry(before, previous, question: question), a = Self.entry(after, m.id, question: question)
            let vb = Self.value(b, group: before), va = Self.value(a, group: after)
            guard let b, let a, let vb, let va else {
                return GroupChange(key: key, before: vb, after: va, change: nil, status: .groupMissing, verdict: .notTested)
            }
            if vb.isSuppressed || va.isSuppressed {
                return GroupChange(key: key, before: vb, after: va, change: nil, status: .suppressed, verdict: .notTested)
            }
            guard let change = ChangeTest.change(before: b, after: a, srsBefore: !earlier.results.design.isComplex,
                                                 srsAfter: !later.results.design.isComplex, level: level,
                                                 designMethod: options.designDifference)
            else {
                return GroupChange(key: key, before: vb, after: va, change: nil, status: .noEstimate, verdict: .notTested)
            }
            return GroupChange(key: key, before: vb, after: va, change: change, status: .tested, verdict: .notTested)
        }
        var groups = [compare(earlier.results.wholeSample, later.results.wholeSample, key: [])]
        if !options.by.isEmpty, let gb = earlier.results.grouping(options.by), let ga = later.results.grouping(options.by) {
            var part = Self.keys(gb, ga).map { compare(gb.group($0), ga.group($0), key: $0) }
            adjust(&part)
            // Ranks, when both waves ranked this node by this grouping.
            let rb = earlier.results.rankings.first { $0.by == options.by && $0.node == previous }
            let ra = later.results.rankings.first { $0.by == options.by && $0.node == m.id }
            if let rb, let ra {
                for i in part.indices {
                    part[i].rankBefore = rb.entries.first { $0.key == part[i].key }
                    part[i].rankAfter = ra.entries.first { $0.key == part[i].key }
                }
            }
            groups += part
        }
        adjust(&groups[0...0])
        let summary = options.by.isEmpty ? nil : PressSummary(groups.dropFirst(), top: options.topCount)
        return NodeChange(id: m.id, previousID: previous, role: template.role, measure: template.measure,
                          groups: groups, summary: summary)
    }

    /// Adjusts the raw p-values of the tested groups within one family and sets the verdicts.
    func adjust<C: MutableCollection>(_ groups: inout C) where C.Element == GroupChange {
        let indices = Array(groups.indices.filter { groups[$0].change != nil })
        let adjusted = options.adjustment.adjust(indices.map { groups[$0].change!.pValue })
        for (i, p) in zip(indices, adjusted) {
            groups[i].change!.adjustedPValue = p
            groups[i].verdict = Self.verdict(difference: groups[i].change!.difference, adjustedP: p, level: level)
        }
    }

    static func verdict(difference: Double, adjustedP: Double, level: Double) -> Verdict {
        guard !adjustedP.isNaN else { return .notTested }
        guard adjustedP < 1 - level, difference != 0 else { return .noSignificantChange }
        return difference > 0 ? .improved : .declined
    }

    // MARK: - Trends

    func trends(_ steps: [ComparisonStep]) -> [NodeTrend] {
        var out: [NodeTrend] = []
        let last = waves.count - 1
        for m in steps[steps.count - 1].matches where m.status == .compared {
            // Follow the id back through every step; a break anywhere leaves the node out.
            var ids = [m.id]
            var current = m.id
            var complete = true
            for step in steps.reversed() {
                guard let match = step.match(current), match.status == .compared, let previous = match.previousID else {
                    complete = false
                    break
                }
                ids.insert(previous, at: 0)
                current = previous
            }
            guard complete else { continue }
            let question = m.kind == .question
            func series(_ key: [String]?) -> [WaveValue?] {
                waves.indices.map { i in
                    let g = key.map { waves[i].results.grouping(options.by)?.group($0) } ?? waves[i].results.wholeSample
                    return Self.value(Self.entry(g, ids[i], question: question), group: g)
                }
            }
            func groupTrend(_ key: [String]?) -> GroupTrend {
                let s = series(key)
                let usable = s.indices.filter { s[$0].map { !$0.isSuppressed } ?? false }
                let trend = LinearTrend(times: usable.map(time), values: usable.map { s[$0]!.estimate.value },
                                        standardErrors: usable.map { s[$0]!.estimate.standardError })
                return GroupTrend(key: key ?? [], series: s, trend: trend, adjustedPValue: nil, verdict: .notTested)
            }
            var groups = [groupTrend(nil)]
            if !options.by.isEmpty, let keys = waves[last].results.grouping(options.by)?.groups.map(\.key) {
                var part = keys.map { groupTrend($0) }
                adjustTrends(&part)
                groups += part
            }
            adjustTrends(&groups[0...0])
            out.append(NodeTrend(id: m.id, ids: ids, groups: groups))
        }
        return out
    }

    func adjustTrends<C: MutableCollection>(_ groups: inout C) where C.Element == GroupTrend {
        let indices = Array(groups.indices.filter { groups[$0].trend != nil })
        let adjusted = options.adjustment.adjust(indices.map { groups[$0].trend!.pValue })
        for (i, p) in zip(indices, adjusted) {
            groups[i].adjustedPValue = p
            groups[i].verdict = Self.verdict(difference: groups[i].trend!.slope, adjustedP: p, level: level)
        }
    }
}

extension PressSummary {
    /// The summary of the groups of one node (the whole sample excluded).
    init<S: Sequence>(_ groups: S, top count: Int) where S.Element == GroupChange {
        let shown = groups.compactMap { g -> GroupValue? in
            guard let a = g.after, !a.isSuppressed, !a.estimate.value.isNaN else { return nil }
            return GroupValue(key: g.key, value: a.estimate.value, difference: g.change?.difference)
        }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
        let all = Array(groups)
        self.init(
            minimum: shown.last, maximum: shown.first, top: Array(shown.prefix(count)), bottom: Array(shown.suffix(count)),
            improved: all.filter { $0.verdict == .improved }.count,
            declined: all.filter { $0.verdict == .declined }.count,
            noSignificantChange: all.filter { $0.verdict == .noSignificantChange }.count,
            notTested: all.filter { $0.verdict == .notTested }.count,
            rose: all.filter { ($0.change?.difference ?? 0) > 0 }.count,
            fell: all.filter { ($0.change?.difference ?? 0) < 0 }.count)
    }
}
