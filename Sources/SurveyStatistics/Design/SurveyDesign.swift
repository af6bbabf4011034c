/// A sampling design as a value: weights, strata, one-stage clusters (PSUs) within strata, an
/// optional finite-population correction, and the policy for strata with a single PSU.
///
/// Every estimator takes a design and the variance engine ``DesignVariance`` turns the
/// estimator's influence values into a design-based variance under it. The variance is the
/// with-replacement ("ultimate cluster") estimator of R `survey`'s `svyrecvar`:
///
///     V = Σ_h f_h · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)²
///
/// where z_hi is the total of the influence values in PSU i of stratum h, z̄_h their mean over
/// the n_h PSUs of the stratum, and f_h = 1 − n_h/N_h the finite-population correction
/// (1 when none is given). Without clusters every row is its own PSU; without strata there is
/// one stratum.
///
/// Equivalent R call:
/// `svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE, data = d)`
/// with `options(survey.lonely.psu = policy)`.
///
/// Edge cases:
/// - no rows: a valid design with no PSUs; estimators give undefined values (see each one).
/// - all weights equal (or none given): weights are 1, R's default.
/// - zero weights: allowed; the rows count as sampled (their PSUs count in n_h) but contribute
///   nothing, as rows of R designs with `prob = Inf` do. Degrees of freedom skip them, as R's
///   `degf` does.
/// - one PSU overall: the variance is undefined; under ``LonelyUnitPolicy/fail`` the design is
///   refused.
/// - cluster labels are nested in strata (R `nest = TRUE`): PSU "1" of stratum A and PSU "1" of
///   stratum B are different PSUs.
///
/// Reference: Lumley (2010), *Complex Surveys: A Guide to Analysis Using R*, ch. 2–3;
/// Wolter (2007), *Introduction to Variance Estimation*, §1.
public struct SurveyDesign: Sendable, Hashable {
    /// The number of rows (respondents).
    public let rowCount: Int
    /// The sampling weight of each row (1 for every row when none were given).
    public private(set) var weights: [Double]
    /// The policy applied to strata with one PSU.
    public let lonelyUnitPolicy: LonelyUnitPolicy
    /// Stratum labels in order of first appearance (one empty label when unstratified).
    public let stratumLabels: [String]
    /// Whether strata were given.
    public let isStratified: Bool
    /// Whether clusters (PSUs) were given; if not, each row is its own PSU.
    public let isClustered: Bool
    /// Whether a finite-population correction was given.
    public let hasFinitePopulationCorrection: Bool
    /// The PSU count n_h of each stratum, in the order of ``stratumLabels``.
    public let stratumPSUCounts: [Int]
    /// The finite-population factor f_h = 1 − n_h/N_h of each stratum (1 without correction).
    public let finitePopulationFactors: [Double]

    /// The stratum index of each row (into ``stratumLabels``); empty when unstratified.
    let rowStratum: [Int]
    /// The PSU index of each row; empty when unclustered (PSU = row).
    let rowPSU: [Int]
    /// The stratum index of each PSU.
    let psuStratum: [Int]

    /// The number of PSUs (rows when unclustered).
    public var psuCount: Int { psuStratum.count }
    /// The number of strata (1 when unstratified and there are rows, 0 for an empty design).
    public var stratumCount: Int { stratumPSUCounts.count }
    /// Design degrees of freedom: PSUs − strata (R `degf(design)`), at least 0.
    public var degreesOfFreedom: Int { max(0, psuCount - stratumCount) }

    /// The stratum index of row `row`.
    @inlinable
    public func stratum(ofRow row: Int) -> Int { rowStratumIndex(row) }

    /// The PSU index of row `row`.
    @inlinable
    public func psu(ofRow row: Int) -> Int { rowPSUIndex(row) }

    @usableFromInline
    func rowStratumIndex(_ row: Int) -> Int { rowStratum.isEmpty ? 0 : rowStratum[row] }
    @usableFromInline
    func rowPSUIndex(_ row: Int) -> Int { rowPSU.isEmpty ? row : rowPSU[row] }

    /// A simple random sample of `count` rows with equal weights 1 (with-replacement variance,
    /// no correction): R `svydesign(ids = ~1, data = d)`.
    public static func equalWeights(count: Int) -> SurveyDesign {
        // Cannot throw: no strata, no clusters, weights all 1.
        try! SurveyDesign(weights: [Double](repeating: 1, count: count))
    }

    /// A design with sampling weights and nothing else: R `svydesign(ids = ~1, weights = ~w)`.
    public static func weighted(_ weights: [Double]) throws(DesignError) -> SurveyDesign {
        try SurveyDesign(weights: weights)
    }

    /// A per-row column of labels held as codes into a list of labels, as a coded dataset
    /// keeps its category columns: row i's label is `labels[codes[i]]`. Building a design from
    /// codes skips hashing one string per row.
    public struct CodedLabels: Sendable, Hashable {
        public var codes: [UInt32]
        public var labels: [String]

        /// - Precondition: every code indexes `labels`.
        public init(codes: [UInt32], labels: [String]) {
            self.codes = codes
            self.labels = labels
        }

        /// Codes in order of first appearance for `values`.
        public init(_ values: [String]) {
            var index: [String: UInt32] = [:]
            var labels: [String] = []
            var codes: [UInt32] = []
            codes.reserveCapacity(values.count)
            for value in values {
                if let code = index[value] {
                    codes.append(code)
                } else {
                    let code = UInt32(labels.count)
                    index[value] = code
                    labels.append(value)
                    codes.append(code)
                }
            }
            self.init(codes: codes, labels: labels)
        }
    }

    /// Builds a design from per-row columns.
    ///
    /// - Parameters:
    ///   - weights: sampling weights, finite and ≥ 0. `nil` means 1 for every row.
    ///   - rowCount: the number of rows; needed only when no other column gives it.
    ///   - strata: the stratum label of each row, or `nil` for one stratum.
    ///   - clusters: the PSU label of each row (nested within strata), or `nil` when each row is
    ///     its own PSU.
    ///   - finitePopulation: population sizes or sampling fractions per row, or `nil`.
    ///   - lonelyUnits: the policy for strata with one PSU (default ``LonelyUnitPolicy/fail``).
    /// - Throws: ``DesignError`` naming the column, row or stratum at fault.
    public init(
        weights: [Double]? = nil,
        rowCount: Int? = nil,
        strata: [String]? = nil,
        clusters: [String]? = nil,
        finitePopulation: FinitePopulationCorrection? = nil,
        lonelyUnits: LonelyUnitPolicy = .fail
    ) throws(DesignError) {
        try self.init(
            weights: weights, rowCount: rowCount, stratumCodes: strata.map(CodedLabels.init),
            clusterCodes: clusters.map(CodedLabels.init), finitePopulation: finitePopulation, lonelyUnits: lonelyUnits)
    }

    /// Builds a design from per-row columns, strata and clusters given as codes into labels.
    /// The same design as ``init(weights:rowCount:strata:clusters:finitePopulation:lonelyUnits:)``
    /// with the labels `labels[codes[i]]`.
    /// - Throws: ``DesignError`` naming the column, row or stratum at fault.
    public init(
        weights: [Double]? = nil,
        rowCount: Int? = nil,
        stratumCodes strata: CodedLabels?,
        clusterCodes clusters: CodedLabels?,
        finitePopulation: FinitePopulationCorrection? = nil,
        lonelyUnits: LonelyUnitPolicy = .fail
    ) throws(DesignError) {
        let n = rowCount ?? weights?.count ?? strata?.codes.count ?? clusters?.codes.count ?? 0
        func check(_ column: String, _ count: Int?) throws(DesignError) {
            if let count, count != n { throw .lengthMismatch(column: column, expected: n, actual: count) }
        }
        try check("weights", weights?.count)
        try check("strata", strata?.codes.count)
        try check("clusters", clusters?.codes.count)
        let fpcValues: [Double]?
        switch finitePopulation {
        case .none: fpcValues = nil
        case let .populationSize(v)?: fpcValues = v
        case let .samplingFraction(v)?: fpcValues = v
        }
        try check("finite population", fpcValues?.count)

        if let weights {
            for (row, w) in weights.enumerated() where !(w >= 0 && w.isFinite) {
                throw .invalidWeight(row: row, value: w)
            }
        }
        self.rowCount = n
        self.weights = weights ?? [Double](repeating: 1, count: n)
        lonelyUnitPolicy = lonelyUnits
        isStratified = strata != nil
        isClustered = clusters != nil
        hasFinitePopulationCorrection = finitePopulation != nil

        // Strata: labels in order of first appearance.
        var labels: [String] = []
        var rowStratum: [Int] = []
        if let strata {
            // code → stratum index, by first appearance.
            var index = [Int](repeating: -1, count: strata.labels.count)
            rowStratum.reserveCapacity(n)
            for code in strata.codes {
                let c = Int(code)
                precondition(c < index.count, "stratum code \(c) has no label")
                if index[c] < 0 {
                    index[c] = labels.count
                    labels.append(strata.labels[c])
                }
                rowStratum.append(index[c])
            }
        } else if n > 0 {
            labels = [""]
        }
        stratumLabels = labels
        self.rowStratum = rowStratum

        // PSUs nested in strata.
        var rowPSU: [Int] = []
        var psuStratum: [Int] = []
        if let clusters {
            // code → PSU of the first stratum the code appeared in; the same label in another
            // stratum is another PSU (nest = TRUE), found in `nested`.
            var first = [Int](repeating: -1, count: clusters.labels.count)
            var nested: [PSUKey: Int] = [:]
            rowPSU.reserveCapacity(n)
            for (row, code) in clusters.codes.enumerated() {
                let c = Int(code)
                precondition(c < first.count, "cluster code \(c) has no label")
                let h = rowStratum.isEmpty ? 0 : rowStratum[row]
                let j: Int
                if first[c] < 0 {
                    j = psuStratum.count
                    first[c] = j
                    psuStratum.append(h)
                } else if psuStratum[first[c]] == h {
                    j = first[c]
                } else if let known = nested[PSUKey(stratum: h, code: c)] {
                    j = known
                } else {
                    j = psuStratum.count
                    nested[PSUKey(stratum: h, code: c)] = j
                    psuStratum.append(h)
                }
                rowPSU.append(j)
            }
        } else {
            psuStratum = rowStratum.isEmpty ? [Int](repeating: 0, count: n) : rowStratum
        }
        self.rowPSU = rowPSU
        self.psuStratum = psuStratum

        var counts = [Int](repeating: 0, count: labels.count)
        for h in psuStratum { counts[h] += 1 }
        stratumPSUCounts = counts

        // Finite-population factors, constant within strata.
        var factors = [Double](repeating: 1, count: labels.count)
        if let fpcValues, let finitePopulation {
            var seen = [Double?](repeating: nil, count: labels.count)
            for (row, value) in fpcValues.enumerated() {
                let h = rowStratum.isEmpty ? 0 : rowStratum[row]
                if let previous = seen[h] {
                    if previous != value { throw .finitePopulationVaries(stratum: labels[h]) }
                    continue
                }
                seen[h] = value
                let sampled = Double(counts[h])
                let population: Double
                switch finitePopulation {
                case .populationSize:
                    guard value >= 1, !value.isNaN else { throw .invalidFinitePopulation(row: row, value: value) }
                    population = value
                case .samplingFraction:
                    guard value >= 0, value <= 1 else { throw .invalidFinitePopulation(row: row, value: value) }
                    population = value == 0 ? .infinity : sampled / value
                }
                if population < sampled {
                    throw .populationBelowSample(stratum: labels[h], population: population, sampled: counts[h])
                }
                factors[h] = population == .infinity ? 1 : (population - sampled) / population
            }
        }
        finitePopulationFactors = factors

        if lonelyUnits == .fail {
            for h in 0..<labels.count where counts[h] == 1 && !(factors[h] < SurveyDesign.censusThreshold) {
                throw .lonelyUnit(stratum: labels[h])
            }
        }
    }

    /// The same design with other weights: strata, PSUs, finite-population factors and policy
    /// unchanged. Use it inside a ``Bootstrap/run(design:scheme:replicates:seed:statistic:)``
    /// closure to recompute any estimator with replicate weights:
    ///
    /// ```swift
    /// Bootstrap.run(design: d, replicates: 1000, seed: 1) { w in
    ///     [MeanOfShares.linearize(indicators: items, design: d.reweighted(w)).value]
    /// }
    /// ```
    ///
    /// - Precondition: one finite, non-negative weight per row.
    public func reweighted(_ newWeights: [Double]) -> SurveyDesign {
        precondition(newWeights.count == rowCount, "one weight per row of the design")
        var copy = self
        copy.weights = newWeights
        return copy
    }

    /// Below this f_h a stratum counts as a census (R: `all(f < 0.0000001)`).
    static let censusThreshold = 1e-7

    /// Degrees of freedom of a domain, as R `degf(subset(design, domain))` counts them: PSUs
    /// holding at least one domain row with a non-zero weight, minus strata holding one.
    ///
    /// - Parameter domain: membership of each row, or `nil` for the whole sample.
    /// - Returns: at least 0.
    public func degreesOfFreedom(domain: [Bool]?) -> Int {
        var psuSeen = [Bool](repeating: false, count: psuCount)
        var stratumSeen = [Bool](repeating: false, count: stratumCount)
        var psus = 0
        var strata = 0
        for row in 0..<rowCount where weights[row] != 0 && (domain?[row] ?? true) {
            let j = rowPSUIndex(row)
            if !psuSeen[j] {
                psuSeen[j] = true
                psus += 1
                let h = psuStratum[j]
                if !stratumSeen[h] {
                    stratumSeen[h] = true
                    strata += 1
                }
            }
        }
        return max(0, psus - strata)
    }
}

private struct PSUKey: Hashable {
    var stratum: Int
    var code: Int
}
