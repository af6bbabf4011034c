import SurveySchema
import SurveyStatistics

/// Internal consistency of one aspect's criteria: Cronbach's alpha with an interval, and each
/// criterion's correlation with the sum of the others.
///
/// On the n respondents who answered every criterion of the aspect (keyed values, unweighted),
/// with C the K × K sample covariance matrix:
///
///     α = K/(K − 1) · (1 − tr C / 1ᵀC1)
///
/// The interval is α ± z·ASE with the asymptotic standard error of van Zyl, Neudecker & Nel
/// (2000) as Duhachek & Iacobucci (2004) use it (R `psych::alpha`, "Duhachek" bounds):
///
///     ASE² = 2K² / ((K − 1)² (1ᵀC1)³) · [ (1ᵀC1)(tr C² + (tr C)²) − 2 tr C · 1ᵀC²1 ] / n
///
/// Item-rest correlation: Pearson r of criterion k with Σ_{j≠k} x_j (psych's `r.drop`).
///
/// Edge cases: fewer than 2 complete respondents, or 1ᵀC1 = 0 (everyone answered alike), give
/// NaN with the interval's note saying why; aspects with fewer than two criteria are skipped.
///
/// Reference: Cronbach (1951), Psychometrika 16(3); van Zyl, Neudecker & Nel (2000),
/// Psychometrika 65(3); Duhachek & Iacobucci (2004), J. Applied Psychology 89(5).
public struct AspectReliability: Sendable, Hashable, Codable {
    /// The aspect's id.
    public var aspect: String
    /// Its criteria, in tree order.
    public var criteria: [String]
    /// Respondents with a valid answer to every criterion.
    public var n: Int
    /// Cronbach's alpha.
    public var alpha: Double
    /// Its interval (method `duhachek`).
    public var interval: ConfidenceInterval
    /// Item-rest correlation of each criterion, in the order of ``criteria``.
    public var itemRestCorrelations: [Double]

    public init(aspect: String, criteria: [String], n: Int, alpha: Double, interval: ConfidenceInterval, itemRestCorrelations: [Double]) {
        self.aspect = aspect
        self.criteria = criteria
        self.n = n
        self.alpha = alpha
        self.interval = interval
        self.itemRestCorrelations = itemRestCorrelations
    }

    /// Alpha and item-rest correlations of `items[k][i]` (complete cases only: no NaN).
    static func compute(aspect: String, criteria: [String], items: [[Double]], level: Double) -> AspectReliability {
        let k = items.count
        let n = items.first?.count ?? 0
        let z = Normal.standard.quantile(0.5 + level / 2)
        func failed(_ why: String) -> AspectReliability {
            AspectReliability(aspect: aspect, criteria: criteria, n: n, alpha: .nan,
                              interval: ConfidenceInterval(lower: .nan, upper: .nan, level: level, method: "duhachek", note: why),
                              itemRestCorrelations: [Double](repeating: .nan, count: k))
        }
        guard n >= 2 else { return failed("fewer than 2 respondents answered every criterion") }
        let means = items.map { $0.reduce(0, +) / Double(n) }
        var cov = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for a in 0..<k {
            for b in a..<k {
                var s = 0.0
                for i in 0..<n { s += (items[a][i] - means[a]) * (items[b][i] - means[b]) }
                cov[a][b] = s / Double(n - 1)
                cov[b][a] = cov[a][b]
            }
        }
        let total = cov.flatMap { $0 }.reduce(0, +)
        guard total > 0 else { return failed("the total score does not vary: alpha is undefined") }
        let trace = (0..<k).reduce(0.0) { $0 + cov[$1][$1] }
        let kk = Double(k)
        let alpha = kk / (kk - 1) * (1 - trace / total)
        // C²: its trace and the sum of its entries.
        var traceC2 = 0.0, sumC2 = 0.0
        for a in 0..<k {
            for b in 0..<k {
                var s = 0.0
                for c in 0..<k { s += cov[a][c] * cov[c][b] }
                sumC2 += s
                if a == b { traceC2 += s }
            }
        }
        let q = 2 * kk * kk / ((kk - 1) * (kk - 1) * total * total * total)
            * (total * (traceC2 + trace * trace) - 2 * trace * sumC2)
        let ase = (q / Double(n)).squareRoot()
        let interval = ConfidenceInterval(lower: alpha - z * ase, upper: alpha + z * ase, level: level, method: "duhachek")
        var rest = [Double]()
        for a in 0..<k {
            var others = [Double](repeating: 0, count: n)
            for b in 0..<k where b != a { for i in 0..<n { others[i] += items[b][i] } }
            rest.append(pearson(items[a], others, weights: nil))
        }
        return AspectReliability(aspect: aspect, criteria: criteria, n: n, alpha: alpha, interval: interval, itemRestCorrelations: rest)
    }
}

/// The (weighted) Pearson correlation of x and y; NaN when either does not vary.
func pearson(_ x: [Double], _ y: [Double], weights: [Double]?) -> Double {
    var sw = 0.0, sx = 0.0, sy = 0.0
    for i in x.indices {
        let w = weights?[i] ?? 1
        sw += w; sx += w * x[i]; sy += w * y[i]
    }
    let mx = sx / sw, my = sy / sw
    var cxy = 0.0, cxx = 0.0, cyy = 0.0
    for i in x.indices {
        let w = weights?[i] ?? 1
        cxy += w * (x[i] - mx) * (y[i] - my)
        cxx += w * (x[i] - mx) * (x[i] - mx)
        cyy += w * (y[i] - my) * (y[i] - my)
    }
    return cxx > 0 && cyy > 0 ? cxy / (cxx * cyy).squareRoot() : .nan
}

extension EngineContext {
    /// Alpha for every aggregate whose children are two or more criteria.
    func reliability() -> [AspectReliability] {
        var result: [AspectReliability] = []
        func visit(_ node: Indicator) {
            guard case .aggregate(let aggregate) = node else { return }
            let children = aggregate.children
            let criteria = children.compactMap { child -> String? in
                if case .criterion(let c) = child { return c.id } else { return nil }
            }
            if criteria.count == children.count, criteria.count >= 2 {
                let columns = criteria.compactMap { plan.columnOfCriterion[$0] }.map { plan.columns[$0] }
                var items = [[Double]](repeating: [], count: columns.count)
                for i in 0..<dataset.rowCount {
                    let codes = columns.map { Int($0.codes[i].rawValue) }
                    guard columns.indices.allSatisfy({ columns[$0].valid[codes[$0]] == 1 }) else { continue }
                    for j in columns.indices { items[j].append(columns[j].value[codes[j]]) }
                }
                result.append(.compute(aspect: aggregate.id, criteria: criteria, items: items, level: settings.level))
            }
            for child in children { visit(child) }
        }
        visit(.aggregate(survey.root))
        return result
    }
}
