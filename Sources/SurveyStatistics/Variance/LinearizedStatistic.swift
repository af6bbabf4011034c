/// A point estimate with its influence values: what every estimator hands to ``DesignVariance``.
///
/// For an estimator θ̂ of a smooth function of weighted totals, the influence value of row i is
/// z_i = w_i · ∂θ̂/∂(row i's contribution), so that θ̂ − θ ≈ Σ_i z_i − E(·) and the design
/// variance of θ̂ is the design variance of the total Σ z_i (Taylor linearization; Binder 1983).
/// Influence values are defined on the full sample: rows outside the statistic's domain, rows
/// with a missing value and rows with zero weight all have z_i = 0, so a domain's variance uses
/// every PSU of the design.
///
/// Functions of several statistics computed on the same sample combine by the delta method,
/// z = Σ_k g_k z_k with g the gradient (``combined(_:value:gradient:)``); their variance then
/// comes from the same engine, so two answers of one respondent, or of one cluster, are never
/// treated as independent.
///
/// Reference: Binder (1983), Int. Stat. Review 51(3); Lumley (2010), appendix C;
/// Deville (1999), Survey Methodology 25(2).
public struct LinearizedStatistic: Sendable, Hashable {
    /// The point estimate.
    public var value: Double
    /// One influence value per row of the design (0 outside the statistic).
    public var influence: [Double]
    /// The rows that enter the statistic: in the domain, with a valid value (any weight).
    public var rows: [Bool]
    /// Rows that enter the statistic and have a non-zero weight: R's `nobs`.
    public var sampleSize: Int
    /// Σ w_i over the rows that enter: the estimated population size of the domain.
    public var weightedSize: Double
    /// Rows of the domain left out because a value was missing (NaN).
    public var excludedCount: Int
    /// The domain the statistic was asked for, missing values included (`nil` = whole sample).
    /// Degrees of freedom count its PSUs, as R's `degf` counts those of the design that
    /// `svymean(..., na.rm = TRUE)` or `svyciprop` receive.
    public var domain: [Bool]?

    /// Builds a statistic from its parts; estimators use this, callers rarely need to.
    public init(
        value: Double, influence: [Double], rows: [Bool], sampleSize: Int, weightedSize: Double,
        excludedCount: Int = 0, domain: [Bool]? = nil
    ) {
        self.domain = domain
        self.value = value
        self.influence = influence
        self.rows = rows
        self.sampleSize = sampleSize
        self.weightedSize = weightedSize
        self.excludedCount = excludedCount
    }

    /// The design-based variance Σ_h f_h n_h/(n_h − 1) Σ_j (t_hj − t̄_h)² of the influence totals.
    public func variance(design: SurveyDesign) -> Double {
        DesignVariance.variance(influence: influence, design: design)
    }

    /// The design-based standard error.
    public func standardError(design: SurveyDesign) -> Double {
        variance(design: design).squareRoot()
    }

    /// Kish's effective sample size (Σw)²/Σw² over the rows that enter.
    public func kishEffectiveSize(design: SurveyDesign) -> Double {
        KishEffectiveSize.effectiveSize(weights: design.weights, domain: rows)
    }

    /// The design effect: design variance over the variance the same statistic would have
    /// under simple random sampling of the same size, as R `svymean(..., deff = TRUE)`,
    /// `svytotal` and `svyratio` compute it.
    ///
    /// With u_i = z_i / w_i over the n rows that enter (non-zero weight), N = Σ w_i,
    /// ū = Σ w_i u_i / N and s²_u = n/(n − 1) · Σ w_i (u_i − ū)² / N (R's `svyvar`):
    ///
    ///     V_srs = s²_u · N² · (N − n)/(N·n)   (.withoutReplacement, R `deff = TRUE`)
    ///     V_srs = s²_u · N² / n               (.withReplacement,    R `deff = "replace"`; the default)
    ///
    /// The default is `.withReplacement` because it is defined for weights on any scale (see
    /// ``DesignEffectReference``); pass `.withoutReplacement` to reproduce R's `deff = TRUE`.
    ///
    /// For a mean u_i = (x_i − x̄)/N and V_srs reduces to s²_x (1 − n/N)/n.
    ///
    /// Returns `nil` when it is undefined: n < 2, all u equal (V_srs = 0), or, without
    /// replacement, N ≤ n (weights that do not sum to a population larger than the sample; R
    /// gives `Inf` or `NA` there — use `.withReplacement`).
    public func designEffect(design: SurveyDesign, reference: DesignEffectReference = .withReplacement) -> Double? {
        let vsrs = srsVariance(design: design, reference: reference)
        guard let vsrs, vsrs > 0 else { return nil }
        return variance(design: design) / vsrs
    }

    /// V_srs of ``designEffect(design:reference:)``, or `nil` when undefined.
    public func srsVariance(design: SurveyDesign, reference: DesignEffectReference) -> Double? {
        let w = design.weights
        var n = 0
        var total = 0.0
        var weightedSum = 0.0
        for i in 0..<design.rowCount where rows[i] && w[i] != 0 {
            n += 1
            total += w[i]
            weightedSum += influence[i]  // w_i u_i = z_i
        }
        guard n >= 2 else { return nil }
        let uBar = weightedSum / total
        var squares = 0.0
        for i in 0..<design.rowCount where rows[i] && w[i] != 0 {
            let d = influence[i] / w[i] - uBar
            squares += w[i] * d * d
        }
        let s2 = Double(n) / Double(n - 1) * squares / total
        switch reference {
        case .withReplacement:
            return s2 * total * total / Double(n)
        case .withoutReplacement:
            guard total > Double(n) else { return nil }
            return s2 * total * total * (total - Double(n)) / (total * Double(n))
        }
    }

    /// A smooth function g(θ₁, …, θ_k) of statistics on the same sample, linearized by the delta
    /// method: value `value` (= g at the estimates, computed by the caller) and influence
    /// z_i = Σ_k ∂g/∂θ_k · z_ki. The rows that enter are the union of the parts' rows.
    ///
    /// ``excludedCount`` becomes the largest of the parts' (the parts may exclude different rows);
    /// ``domain`` the union of the parts' domains (`nil` if any part is on the whole sample).
    ///
    /// - Precondition: at least one part; all parts come from `design`; `gradient` has one entry
    ///   per part.
    public static func combined(
        _ parts: [LinearizedStatistic], value: Double, gradient: [Double], design: SurveyDesign
    ) -> LinearizedStatistic {
        precondition(!parts.isEmpty && parts.count == gradient.count, "one gradient entry per part")
        let n = parts[0].influence.count
        var influence = [Double](repeating: 0, count: n)
        var rows = [Bool](repeating: false, count: n)
        for (k, part) in parts.enumerated() {
            precondition(part.influence.count == n, "parts must come from the same design")
            let g = gradient[k]
            influence.withUnsafeMutableBufferPointer { z in
                part.influence.withUnsafeBufferPointer { zk in
                    for i in 0..<n { z[i] += g * zk[i] }
                }
            }
            for i in 0..<n where part.rows[i] { rows[i] = true }
        }
        var domain: [Bool]? = nil
        if parts.allSatisfy({ $0.domain != nil }) {
            var union = [Bool](repeating: false, count: n)
            for part in parts {
                for i in 0..<n where part.domain![i] { union[i] = true }
            }
            domain = union
        }
        return LinearizedStatistic(
            value: value, influence: influence, rows: rows, sampleSize: 0, weightedSize: 0,
            excludedCount: parts.map(\.excludedCount).max() ?? 0, domain: domain
        ).counted(in: design)
    }

    /// Σ_k c_k θ_k with influence Σ_k c_k z_k: R `svycontrast(stat, c(...))`.
    public static func linearCombination(
        _ parts: [LinearizedStatistic], coefficients: [Double], design: SurveyDesign
    ) -> LinearizedStatistic {
        var value = 0.0
        for (k, part) in parts.enumerated() { value += coefficients[k] * part.value }
        return combined(parts, value: value, gradient: coefficients, design: design)
    }

    /// Fills ``sampleSize`` and ``weightedSize`` from ``rows`` and the design's weights.
    func counted(in design: SurveyDesign) -> LinearizedStatistic {
        var copy = self
        var n = 0
        var total = 0.0
        for i in 0..<design.rowCount where rows[i] && design.weights[i] != 0 {
            n += 1
            total += design.weights[i]
        }
        copy.sampleSize = n
        copy.weightedSize = total
        return copy
    }
}

/// Which simple-random-sampling variance a design effect divides by.
///
/// Reference: Kish (1965), §8.2; R `?svymean` (argument `deff`).
public enum DesignEffectReference: String, Sendable, Hashable, Codable {
    /// SRS without replacement of n from N = Σw: R's `deff = TRUE` (its default meaning).
    case withoutReplacement
    /// SRS with replacement: R's `deff = "replace"`. Use it when weights are scaled to the
    /// sample size rather than the population.
    case withReplacement
}
