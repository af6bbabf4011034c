import Dispatch
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
        // The criteria's correlations are independent: side by side on the available cores.
        let listed = criteria.compactMap { criterion -> (Criterion, Int, IndexEntry)? in
            guard let c = plan.columnOfCriterion[criterion.id], let entry = wholeSample.node(criterion.id) else { return nil }
            return (criterion, c, entry)
        }
        let correlations = Slots<(Double, Int)>(count: listed.count)
        DispatchQueue.concurrentPerform(iterations: listed.count) { k in
            let (criterion, c, _) = listed[k]
            let column = plan.columns[c]
            let aspect = survey.parentChain(of: criterion.id).first
            let others: [AnswerColumn] = overall == nil
                ? (aspect?.criteria ?? []).filter { $0.id != criterion.id }.compactMap { plan.columnOfCriterion[$0.id] }.map { plan.columns[$0] }
                : []
            correlations.set(k, overall.map { importanceAgainstItem(column, plan.columns[$0.1]) }
                ?? importanceAgainstRest(column, others))
        }
        var rows: [ImportancePerformance] = []
        for (k, (criterion, _, entry)) in listed.enumerated() {
            let (importance, n) = correlations.get(k)
            rows.append(ImportancePerformance(
                criterion: criterion.id, aspect: survey.parentChain(of: criterion.id).first?.id,
                performance: entry.estimate.value, importance: importance, n: n, quadrant: nil))
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

extension EngineContext {
    /// The weighted correlation of a criterion with another answer column (the overall item)
    /// over rows answering both with a non-zero weight, and those rows' count. Both are
    /// whole-valued with valid codes 1…11, so one pass fills a 16 × 16 table of weights by
    /// code pair and the two-pass moments are taken over its cells.
    func importanceAgainstItem(_ x: AnswerColumn, _ y: AnswerColumn) -> (Double, Int) {
        var weight = [Double](repeating: 0, count: 256)
        var count = [Int](repeating: 0, count: 256)
        let rows = dataset.rowCount
        if dataset.weights == nil {
            // Every weight is 1, so a cell's weight is its count (sums of ones are exact). Codes
            // go through tables that send a missing answer to 0, so that the row loop has no
            // branch; cells with a 0 half are not pairs. Two tables, even and odd rows, so that
            // consecutive rows with the same answers do not wait on each other's increment.
            let kx = (0..<256).map { x.valid[$0] == 1 ? UInt8($0 & 0xF) : 0 }
            let ky = (0..<256).map { y.valid[$0] == 1 ? UInt8($0 & 0xF) : 0 }
            var raw = [Int](repeating: 0, count: 512)
            raw.withUnsafeMutableBufferPointer { raw in
            x.codes.withUnsafeBufferPointer { cx in
            y.codes.withUnsafeBufferPointer { cy in
            kx.withUnsafeBufferPointer { kx in
            ky.withUnsafeBufferPointer { ky in
                var i = 0
                while i + 1 < rows {
                    raw[Int(kx[Int(cx[i].rawValue)]) << 4 | Int(ky[Int(cy[i].rawValue)])] &+= 1
                    raw[256 | Int(kx[Int(cx[i + 1].rawValue)]) << 4 | Int(ky[Int(cy[i + 1].rawValue)])] &+= 1
                    i += 2
                }
                if i < rows { raw[Int(kx[Int(cx[i].rawValue)]) << 4 | Int(ky[Int(cy[i].rawValue)])] &+= 1 }
            }}}}}
            for cell in 0..<256 where cell >> 4 != 0 && cell & 0xF != 0 {
                count[cell] = raw[cell] + raw[256 + cell]
                weight[cell] = Double(count[cell])
            }
        } else {
            weight.withUnsafeMutableBufferPointer { weight in
            count.withUnsafeMutableBufferPointer { count in
            x.codes.withUnsafeBufferPointer { cx in
            y.codes.withUnsafeBufferPointer { cy in
            x.valid.withUnsafeBufferPointer { vx in
            y.valid.withUnsafeBufferPointer { vy in
            design.weights.withUnsafeBufferPointer { w in
                for i in 0..<rows {
                    let a = Int(cx[i].rawValue), b = Int(cy[i].rawValue)
                    guard vx[a] == 1, vy[b] == 1, w[i] != 0 else { continue }
                    let cell = (a & 0xF) << 4 | (b & 0xF)
                    weight[cell] += w[i]
                    count[cell] += 1
                }
            }}}}}}}
        }
        let n = count.reduce(0, +)
        guard n >= 2 else { return (.nan, n) }
        var sw = 0.0, sx = 0.0, sy = 0.0
        for cell in 0..<256 where count[cell] > 0 {
            sw += weight[cell]
            sx += weight[cell] * x.value[cell >> 4]
            sy += weight[cell] * y.value[cell & 0xF]
        }
        let mx = sx / sw, my = sy / sw
        var cxy = 0.0, cxx = 0.0, cyy = 0.0
        for cell in 0..<256 where count[cell] > 0 {
            let dx = x.value[cell >> 4] - mx, dy = y.value[cell & 0xF] - my
            cxy += weight[cell] * dx * dy
            cxx += weight[cell] * dx * dx
            cyy += weight[cell] * dy * dy
        }
        return (cxx > 0 && cyy > 0 ? cxy / (cxx * cyy).squareRoot() : .nan, n)
    }

    /// The weighted correlation of a criterion with the mean of the other criteria of its
    /// aspect (the rest score, over the ones answered), over rows where both exist with a
    /// non-zero weight; two passes over the rows, no per-row arrays.
    func importanceAgainstRest(_ x: AnswerColumn, _ others: [AnswerColumn]) -> (Double, Int) {
        let weights = design.weights
        func rest(_ i: Int) -> Double {
            var total = 0.0, count = 0.0
            for other in others {
                let code = Int(other.codes[i].rawValue)
                count += other.valid[code]
                total += other.valid[code] * other.value[code]
            }
            return count > 0 ? total / count : .nan
        }
        /// Calls `body(w, x, y)` for every row where both exist with a non-zero weight.
        func pairs(_ body: (Double, Double, Double) -> Void) {
            for i in 0..<dataset.rowCount {
                let code = Int(x.codes[i].rawValue)
                guard x.valid[code] == 1, weights[i] != 0 else { continue }
                let y = rest(i)
                if !y.isNaN { body(weights[i], x.value[code], y) }
            }
        }
        var n = 0
        var sw = 0.0, sx = 0.0, sy = 0.0
        pairs { w, x, y in
            n += 1
            sw += w; sx += w * x; sy += w * y
        }
        guard n >= 2 else { return (.nan, n) }
        let mx = sx / sw, my = sy / sw
        var cxy = 0.0, cxx = 0.0, cyy = 0.0
        pairs { w, x, y in
            let dx = x - mx, dy = y - my
            cxy += w * dx * dy
            cxx += w * dx * dx
            cyy += w * dy * dy
        }
        return (cxx > 0 && cyy > 0 ? cxy / (cxx * cyy).squareRoot() : .nan, n)
    }
}
