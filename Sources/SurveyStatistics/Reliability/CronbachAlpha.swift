/// Cronbach's alpha for a set of items (the criteria of one aspect), raw and standardized, with
/// item-rest correlations and alpha if an item is deleted — the numbers R psych `alpha()` reports
/// as `raw_alpha`, `std.alpha`, `r.drop` and `alpha.drop$raw_alpha`.
///
/// With C the k × k item covariance matrix (divisor m − 1) and R = D^{-1/2} C D^{-1/2} the
/// correlation matrix derived from it (R `cov2cor`):
///
///     raw alpha          α   = k/(k − 1) · (1 − tr C / Σ_ij C_ij)
///     standardized alpha α_s = k/(k − 1) · (1 − k / Σ_ij R_ij)
///     item-rest r_i          = (Σ_j C_ij − C_ii) / √(C_ii · Σ_{j,l ≠ i} C_jl)
///     alpha if i deleted     = raw alpha of C without row and column i
///
/// Missing answers (NaN):
/// - ``MissingValues/pairwise`` (psych's default, `use = "pairwise"`): each covariance uses the
///   rows where both items are answered, each variance the rows where the item is answered.
///   C need not then be positive semi-definite; alpha can fall outside [0, 1] with much missing data.
/// - ``MissingValues/listwise`` (psych `use = "complete.obs"`): only rows that answer every item.
///
/// The respondent count n used by Feldt's interval is the rows answering every item (listwise)
/// or at least one item (pairwise). psych counts every row it is given; the two agree unless
/// some rows answer nothing.
///
/// Edge cases: k < 2 gives NaN alphas (alpha needs two items); an item with zero variance makes
/// the standardized values and its correlations NaN; all items identical give α = 1; with k = 2
/// "alpha if deleted" is NaN (one item is left; psych prints C₁₂/C₂₂ there instead); fewer than
/// two usable rows gives NaN.
///
/// Reference: Cronbach (1951), Psychometrika 16(3); Revelle, psych `alpha()` documentation;
/// Feldt (1965) for the interval (``feldtInterval(level:)``).
public struct CronbachAlpha: Sendable, Hashable {
    /// How missing answers enter the covariance matrix.
    public enum MissingValues: String, Sendable, Hashable, Codable {
        /// Each covariance from the rows answering both items (psych default `use = "pairwise"`).
        case pairwise
        /// Only rows answering every item (psych `use = "complete.obs"`).
        case listwise
    }

    /// The number of items k.
    public let itemCount: Int
    /// Respondents n (see the type's discussion of missing values).
    public let respondentCount: Int
    /// How missing answers were handled.
    public let missingValues: MissingValues
    /// The item covariance matrix C.
    public let covariance: [[Double]]
    /// Raw alpha, psych `raw_alpha`.
    public let raw: Double
    /// Standardized alpha, psych `std.alpha`.
    public let standardized: Double
    /// Item-rest (corrected item-total) correlations, psych `r.drop`.
    public let itemRestCorrelations: [Double]
    /// Raw alpha with each item deleted, psych `alpha.drop$raw_alpha`.
    public let alphaIfDeleted: [Double]
    /// Standardized alpha with each item deleted, psych `alpha.drop$std.alpha`.
    public let standardizedAlphaIfDeleted: [Double]

    /// Computes alpha for `items[j][i]`, item j's answer of respondent i (NaN = missing).
    ///
    /// - Precondition: all items have the same number of rows.
    public init(items: [[Double]], missingValues: MissingValues = .pairwise) {
        let k = items.count
        let rows = items.first?.count ?? 0
        precondition(items.allSatisfy { $0.count == rows }, "every item needs one answer per respondent")

        var use = [Bool](repeating: false, count: rows)
        var n = 0
        for i in 0..<rows {
            var answered = 0
            for j in 0..<k where !items[j][i].isNaN { answered += 1 }
            let keep = missingValues == .listwise ? (answered == k && k > 0) : answered > 0
            use[i] = keep
            if keep { n += 1 }
        }

        var c = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
        for a in 0..<k {
            for b in a..<k {
                let v = Self.covariance(items[a], items[b], use)
                c[a][b] = v
                c[b][a] = v
            }
        }
        self.init(covariance: c, respondentCount: n, missingValues: missingValues)
    }

    /// Alpha from an item covariance matrix already computed (divisor m − 1), for callers that
    /// accumulate it in one pass over coded answers instead of holding one array per item.
    /// Gives the same numbers as ``init(items:missingValues:)`` on the items C came from.
    ///
    /// - Parameters:
    ///   - covariance: the k × k matrix C (NaN entries propagate to the results).
    ///   - respondentCount: n as ``init(items:missingValues:)`` counts it, for Feldt's interval.
    ///   - missingValues: how C was computed, recorded for the reader.
    /// - Precondition: C is square.
    public init(covariance c: [[Double]], respondentCount n: Int, missingValues: MissingValues) {
        let k = c.count
        precondition(c.allSatisfy { $0.count == k }, "the covariance matrix must be square")
        itemCount = k
        self.missingValues = missingValues
        respondentCount = n
        covariance = c
        let all = Array(0..<k)
        (raw, standardized) = Self.alphas(c, all)
        var rest = [Double](repeating: .nan, count: k)
        var dropped = [Double](repeating: .nan, count: k)
        var droppedStd = [Double](repeating: .nan, count: k)
        for i in 0..<k {
            let others = all.filter { $0 != i }
            var rowSum = 0.0
            for j in 0..<k { rowSum += c[i][j] }
            var restVariance = 0.0
            for a in others { for b in others { restVariance += c[a][b] } }
            rest[i] = k >= 2 ? (rowSum - c[i][i]) / (c[i][i] * restVariance).squareRoot() : .nan
            if k > 2 { (dropped[i], droppedStd[i]) = Self.alphas(c, others) }
        }
        itemRestCorrelations = rest
        alphaIfDeleted = dropped
        standardizedAlphaIfDeleted = droppedStd
    }

    /// Raw and standardized alpha of the items `subset` of C.
    static func alphas(_ c: [[Double]], _ subset: [Int]) -> (Double, Double) {
        let k = Double(subset.count)
        guard subset.count >= 2 else { return (.nan, .nan) }
        var trace = 0.0, sum = 0.0, sumR = 0.0
        for a in subset {
            trace += c[a][a]
            for b in subset {
                sum += c[a][b]
                sumR += c[a][b] / (c[a][a] * c[b][b]).squareRoot()
            }
        }
        return (k / (k - 1) * (1 - trace / sum), k / (k - 1) * (1 - k / sumR))
    }

    /// Sample covariance (divisor m − 1) over rows in `use` where both values are present.
    static func covariance(_ x: [Double], _ y: [Double], _ use: [Bool]) -> Double {
        var m = 0, sx = 0.0, sy = 0.0
        for i in x.indices where use[i] && !x[i].isNaN && !y[i].isNaN {
            m += 1
            sx += x[i]
            sy += y[i]
        }
        guard m >= 2 else { return .nan }
        let mx = sx / Double(m), my = sy / Double(m)
        var s = 0.0
        for i in x.indices where use[i] && !x[i].isNaN && !y[i].isNaN {
            s += (x[i] - mx) * (y[i] - my)
        }
        return s / Double(m - 1)
    }
}
