/// The one variance engine: turns influence values into a design-based variance (or covariance
/// matrix) under a ``SurveyDesign``, as R `survey`'s `svyrecvar` does for one-stage designs.
///
/// Every estimator in satkit produces a point value and one influence value z_i per row of the
/// full sample (zero outside its domain); this engine does the rest:
///
///     t_hj  = Σ_{i in PSU j of stratum h} z_i                 (PSU totals)
///     t̄_h   = (1/n_h) Σ_j t_hj                                 (stratum mean of the totals)
///     V     = Σ_h f_h · n_h/(n_h − 1) · Σ_j (t_hj − t̄_h)²     (with-replacement variance)
///
/// with f_h = 1 − n_h/N_h the finite-population factor. For several statistics the squares
/// become cross-products and V is a covariance matrix.
///
/// Edge cases (all as R's `onestrat`):
/// - f_h < 1e-7 (a census stratum): the stratum contributes 0.
/// - n_h = 1: by ``SurveyDesign/lonelyUnitPolicy`` — `remove` and `certainty` contribute 0,
///   `adjust` contributes f_h·t_h1² (the total centred at zero); `fail` never reaches here
///   because such a design is refused when it is built.
/// - no rows: V = 0.
/// - a domain with rows in only some PSUs of a stratum: the other PSUs have t_hj = 0 and still
///   count in n_h (R keeps every PSU of the design in a subset).
///
/// Cost: one pass over the rows into a buffer of PSU totals, then one pass over the PSUs;
/// no allocation per row.
///
/// Reference: Lumley (2010), §2.2 and appendix C; Wolter (2007), §1.4; R `survey::svyrecvar`.
public enum DesignVariance {
    /// The design-based variance of one statistic from its influence values.
    ///
    /// - Precondition: `influence.count == design.rowCount`.
    public static func variance(influence: [Double], design: SurveyDesign) -> Double {
        precondition(influence.count == design.rowCount, "one influence value per row of the design")
        let psuCount = design.psuCount
        let strataCount = design.stratumCount
        if psuCount == 0 { return 0 }
        var totals = [Double](repeating: 0, count: psuCount)
        totals.withUnsafeMutableBufferPointer { t in
            influence.withUnsafeBufferPointer { z in
                if design.rowPSU.isEmpty {
                    for i in 0..<z.count { t[i] = z[i] }
                } else {
                    design.rowPSU.withUnsafeBufferPointer { psu in
                        for i in 0..<z.count { t[psu[i]] += z[i] }
                    }
                }
            }
        }
        var mean = [Double](repeating: 0, count: strataCount)
        var squares = [Double](repeating: 0, count: strataCount)
        design.psuStratum.withUnsafeBufferPointer { stratum in
            totals.withUnsafeBufferPointer { t in
                for j in 0..<t.count { mean[stratum[j]] += t[j] }
                for h in 0..<strataCount { mean[h] /= Double(design.stratumPSUCounts[h]) }
                for j in 0..<t.count {
                    let d = t[j] - mean[stratum[j]]
                    squares[stratum[j]] += d * d
                }
            }
        }
        var v = 0.0
        for h in 0..<strataCount {
            v += stratumContribution(h, design: design, centred: squares[h], uncentred: mean[h] * mean[h])
        }
        return v
    }

    /// The design-based covariance matrix of several statistics from their influence values,
    /// `influence[k][i]` for statistic k and row i. Entry [k][l] is the covariance of k and l;
    /// the diagonal equals ``variance(influence:design:)`` of each.
    ///
    /// - Precondition: every `influence[k].count == design.rowCount`.
    public static func covariance(influence: [[Double]], design: SurveyDesign) -> [[Double]] {
        let p = influence.count
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        let psuCount = design.psuCount
        let strataCount = design.stratumCount
        if p == 0 || psuCount == 0 { return result }
        for z in influence {
            precondition(z.count == design.rowCount, "one influence value per row of the design")
        }
        // PSU totals, PSU-major: totals[j * p + k].
        var totals = [Double](repeating: 0, count: psuCount * p)
        totals.withUnsafeMutableBufferPointer { t in
            for k in 0..<p {
                influence[k].withUnsafeBufferPointer { z in
                    for i in 0..<z.count { t[design.rowPSUIndex(i) * p + k] += z[i] }
                }
            }
        }
        var mean = [Double](repeating: 0, count: strataCount * p)
        for j in 0..<psuCount {
            let h = design.psuStratum[j]
            for k in 0..<p { mean[h * p + k] += totals[j * p + k] }
        }
        for h in 0..<strataCount {
            for k in 0..<p { mean[h * p + k] /= Double(design.stratumPSUCounts[h]) }
        }
        var cross = [Double](repeating: 0, count: strataCount * p * p)
        var deviation = [Double](repeating: 0, count: p)
        for j in 0..<psuCount {
            let h = design.psuStratum[j]
            for k in 0..<p { deviation[k] = totals[j * p + k] - mean[h * p + k] }
            for k in 0..<p {
                for l in k..<p { cross[(h * p + k) * p + l] += deviation[k] * deviation[l] }
            }
        }
        for h in 0..<strataCount {
            for k in 0..<p {
                for l in k..<p {
                    let c = stratumContribution(
                        h, design: design, centred: cross[(h * p + k) * p + l],
                        uncentred: mean[h * p + k] * mean[h * p + l])
                    result[k][l] += c
                }
            }
        }
        for k in 0..<p {
            for l in 0..<k { result[k][l] = result[l][k] }
        }
        return result
    }

    /// The standard error √V of one statistic.
    public static func standardError(influence: [Double], design: SurveyDesign) -> Double {
        variance(influence: influence, design: design).squareRoot()
    }

    /// Stratum h's term: f_h n_h/(n_h − 1) × centred sum, or the lonely-unit rule when n_h = 1.
    /// For n_h = 1 the uncentred "sum" is the single total squared (its mean is itself).
    static func stratumContribution(_ h: Int, design: SurveyDesign, centred: Double, uncentred: Double) -> Double {
        let f = design.finitePopulationFactors[h]
        if f < SurveyDesign.censusThreshold { return 0 }
        let n = design.stratumPSUCounts[h]
        if n > 1 { return f * Double(n) / Double(n - 1) * centred }
        switch design.lonelyUnitPolicy {
        case .adjust: return f * uncentred
        case .remove, .certainty, .fail: return 0
        }
    }
}
