import SurveySchema
import SurveyStatistics

/// Internal consistency of one aspect's criteria: Cronbach's alpha with Feldt's interval,
/// each criterion's correlation with the sum of the others, and alpha without it.
///
/// Computed by SurveyStatistics' `CronbachAlpha` on the keyed values of the respondents who
/// answered every criterion of the aspect (listwise, unweighted):
///
///     α = K/(K − 1) · (1 − tr C / 1ᵀC1)        (C the K × K sample covariance matrix)
///
/// with Feldt's (1965) F-based interval and psych's `r.drop` item-rest correlations.
/// Equivalent R: `a <- psych::alpha(na.omit(items)); a$total$raw_alpha; a$feldt;
/// a$item.stats$r.drop; a$alpha.drop$raw_alpha`.
///
/// Edge cases: fewer than 2 complete respondents, or a total score that does not vary, give
/// NaN with the interval's note saying why; aspects with fewer than two criteria are skipped.
///
/// Reference: Cronbach (1951), Psychometrika 16(3); Feldt (1965), Psychometrika 30(3).
public struct AspectReliability: Sendable, Hashable, Codable {
    /// The aspect's id.
    public var aspect: String
    /// Its criteria, in tree order.
    public var criteria: [String]
    /// Respondents with a valid answer to every criterion.
    public var n: Int
    /// Cronbach's (raw) alpha.
    public var alpha: Double
    /// Feldt's interval for alpha.
    public var interval: ConfidenceInterval
    /// Item-rest correlation of each criterion, in the order of ``criteria``.
    public var itemRestCorrelations: [Double]
    /// Alpha of the aspect without each criterion, in the order of ``criteria``.
    public var alphaIfDeleted: [Double]

    public init(
        aspect: String, criteria: [String], n: Int, alpha: Double, interval: ConfidenceInterval,
        itemRestCorrelations: [Double], alphaIfDeleted: [Double]
    ) {
        self.aspect = aspect
        self.criteria = criteria
        self.n = n
        self.alpha = alpha
        self.interval = interval
        self.itemRestCorrelations = itemRestCorrelations
        self.alphaIfDeleted = alphaIfDeleted
    }

    /// Alpha of `items[k][i]` (complete cases only: no NaN).
    static func compute(aspect: String, criteria: [String], items: [[Double]], level: Double) -> AspectReliability {
        let alpha = CronbachAlpha(items: items, missingValues: .listwise)
        return AspectReliability(
            aspect: aspect, criteria: criteria, n: alpha.respondentCount, alpha: alpha.raw,
            interval: alpha.feldtInterval(level: level), itemRestCorrelations: alpha.itemRestCorrelations,
            alphaIfDeleted: alpha.alphaIfDeleted)
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
