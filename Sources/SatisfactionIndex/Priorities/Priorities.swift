import SurveySchema
import SurveyStatistics

/// Where to act: the weakest criteria, and the importance–performance table.
///
/// Performance is the criterion's whole-sample index. Importance is the (design-weighted)
/// Pearson correlation of the criterion's keyed answers with the overall-satisfaction item's
/// over respondents who answered both; without an overall item, with the respondent's mean of
/// the other criteria of the same aspect (the rest score, so that the criterion does not
/// correlate with itself). Quadrants split at the mean importance and mean performance across
/// criteria (Martilla & James 1977).
///
/// Edge cases: a criterion or target that does not vary gives NaN importance and no quadrant.
///
/// Reference: Martilla & James (1977), J. Marketing 41(1); Bacon (2003), Int. J. Market
/// Research 45(1) on correlation-based importance.
public struct Priorities: Sendable, Hashable, Codable {
    /// Criteria ids from the lowest index up, as many as ``IndexOptions/weakestCount``
    /// (suppressed criteria left out).
    public var weakest: [String]
    /// What importance is correlated with: `overall item <id>` or `aspect rest score`.
    public var importanceTarget: String
    /// One row per criterion, in tree order.
    public var table: [ImportancePerformance]

    public init(weakest: [String], importanceTarget: String, table: [ImportancePerformance]) {
        self.weakest = weakest
        self.importanceTarget = importanceTarget
        self.table = table
    }
}

/// One criterion in the importance–performance table.
public struct ImportancePerformance: Sendable, Hashable, Codable {
    public var criterion: String
    /// The aspect the criterion belongs to.
    public var aspect: String?
    /// The whole-sample index.
    public var performance: Double
    /// The correlation with the target.
    public var importance: Double
    /// Respondents who answered the criterion and the target.
    public var n: Int
    public var quadrant: Quadrant?

    public init(criterion: String, aspect: String?, performance: Double, importance: Double, n: Int, quadrant: Quadrant?) {
        self.criterion = criterion
        self.aspect = aspect
        self.performance = performance
        self.importance = importance
        self.n = n
        self.quadrant = quadrant
    }
}

/// Martilla & James's quadrants.
public enum Quadrant: String, Sendable, Hashable, Codable, CaseIterable {
    /// Important and below average: act here first.
    case concentrateHere
    /// Important and above average.
    case keepUpTheGoodWork
    /// Less important and below average.
    case lowPriority
    /// Less important and above average.
    case possibleOverkill
}

extension EngineContext {
    func priorities(wholeSample: GroupResult?) -> Priorities? {
        guard let wholeSample else { return nil }
        let criteria = survey.criteria
        let overall = survey.questions(of: .overall).first.flatMap { q in plan.columnOfQuestion[q.id].map { (q.id, $0) } }
        var rows: [ImportancePerformance] = []
        for criterion in criteria {
            guard let c = plan.columnOfCriterion[criterion.id], let entry = wholeSample.node(criterion.id) else { continue }
            let column = plan.columns[c]
            let aspect = survey.parentChain(of: criterion.id).first
            var x: [Double] = [], y: [Double] = [], w: [Double] = []
            let others: [AnswerColumn] = overall == nil
                ? (aspect?.criteria ?? []).filter { $0.id != criterion.id }.compactMap { plan.columnOfCriterion[$0.id] }.map { plan.columns[$0] }
                : []
            for i in 0..<dataset.rowCount {
                let code = Int(column.codes[i].rawValue)
                guard column.valid[code] == 1 else { continue }
                var target = Double.nan
                if let (_, o) = overall {
                    let oc = plan.columns[o]
                    let oCode = Int(oc.codes[i].rawValue)
                    if oc.valid[oCode] == 1 { target = oc.value[oCode] }
                } else {
                    var total = 0.0, count = 0.0
                    for other in others {
                        let oCode = Int(other.codes[i].rawValue)
                        count += other.valid[oCode]
                        total += other.valid[oCode] * other.value[oCode]
                    }
                    if count > 0 { target = total / count }
                }
                guard !target.isNaN, design.weights[i] != 0 else { continue }
                x.append(column.value[code])
                y.append(target)
                w.append(design.weights[i])
            }
            let importance = x.count >= 2 ? pearson(x, y, weights: dataset.weights == nil ? nil : w) : .nan
            rows.append(ImportancePerformance(
                criterion: criterion.id, aspect: aspect?.id, performance: entry.estimate.value, importance: importance,
                n: x.count, quadrant: nil))
        }
        let valid = rows.filter { !$0.importance.isNaN && !$0.performance.isNaN }
        if !valid.isEmpty {
            let meanImportance = valid.map(\.importance).reduce(0, +) / Double(valid.count)
            let meanPerformance = valid.map(\.performance).reduce(0, +) / Double(valid.count)
            for i in rows.indices where !rows[i].importance.isNaN && !rows[i].performance.isNaN {
                let important = rows[i].importance >= meanImportance
                let good = rows[i].performance >= meanPerformance
                rows[i].quadrant = important ? (good ? .keepUpTheGoodWork : .concentrateHere) : (good ? .possibleOverkill : .lowPriority)
            }
        }
        let weakest = criteria.compactMap { wholeSample.node($0.id) }
            .filter { !$0.isSuppressed && !$0.estimate.value.isNaN }
            .sorted { $0.estimate.value < $1.estimate.value }
            .prefix(options.weakestCount).map(\.id)
        return Priorities(
            weakest: Array(weakest), importanceTarget: overall.map { "overall item \($0.0)" } ?? "aspect rest score",
            table: rows)
    }
}
