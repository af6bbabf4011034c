/// A bootstrap that runs in one streaming pass over the rows, with memory independent of the
/// number of rows: each unit (row or PSU) gets an independent Poisson(1) weight multiplier per
/// replicate from a counter-based hash of (seed, unit, replicate), and each replicate keeps only
/// running sums.
///
/// For a ratio of weighted sums (a mean, a share, a pooled share, a ratio) replicate r is
///
///     θ*_r = Σ_i m_{u(i), r} w_i y_i / Σ_i m_{u(i), r} w_i x_i,    m ~ Poisson(1) i.i.d.
///
/// and the standard error is the replicates' standard deviation (divisor R − 1). The Poisson
/// bootstrap approximates the multinomial (Efron) bootstrap with n draws; for a mean its variance
/// is close to the with-replacement variance (1/n) Σ (x_i − x̄)² w-weighted, without the
/// n/(n − 1) factor and without strata — use ``Bootstrap`` for a stratified design.
///
/// Rows may arrive in any order and be split across passes or machines: the multiplier of a
/// unit depends only on (seed, unit, replicate). For a cluster bootstrap pass the PSU's number
/// as the unit, so that every row of a PSU gets the same multiplier.
///
/// Memory: 2R doubles per statistic. Time: R hash evaluations per row.
///
/// Edge cases: a replicate whose denominator is 0 (every unit drew 0) gives NaN for that
/// replicate, which makes the standard error NaN; with fewer than about 20 units this happens
/// with noticeable probability (e^−n).
///
/// Reference: Hanley & MacGibbon (2006), "Creating non-parametric bootstrap samples using
/// Poisson frequencies", Computer Methods and Programs in Biomedicine 83(1); Chamandy, Muralidharan,
/// Najmi & Naidu (2012), "Estimating uncertainty for massive data streams", Google.
public struct PoissonBootstrap: Sendable, Hashable {
    /// The number of replicates R.
    public let replicates: Int
    /// The counter-based source of the multipliers.
    public let random: CounterBasedRandom
    /// Σ m w y per replicate.
    public private(set) var numerators: [Double]
    /// Σ m w x per replicate.
    public private(set) var denominators: [Double]
    /// Σ w y on the full sample.
    public private(set) var fullNumerator = 0.0
    /// Σ w x on the full sample.
    public private(set) var fullDenominator = 0.0
    /// Rows added.
    public private(set) var rowCount = 0

    /// An empty accumulator for `replicates` replicates under `seed`.
    /// - Precondition: `replicates >= 2`.
    public init(replicates: Int, seed: UInt64) {
        precondition(replicates >= 2, "a bootstrap needs at least 2 replicates")
        self.replicates = replicates
        random = CounterBasedRandom(seed: seed)
        numerators = [Double](repeating: 0, count: replicates)
        denominators = [Double](repeating: 0, count: replicates)
    }

    /// The Poisson(1) multiplier of `unit` in replicate `replicate`.
    @inlinable
    public func multiplier(unit: Int, replicate: Int) -> Int {
        random.poissonOne(UInt64(truncatingIfNeeded: unit), UInt64(truncatingIfNeeded: replicate))
    }

    /// Adds one row: numerator value `y`, denominator value `x` (1 for a mean), weight `w`,
    /// resampling unit `unit` (the row number, or the PSU number for a cluster bootstrap).
    /// A NaN `y` or `x` is skipped (a missing answer).
    public mutating func add(y: Double, x: Double = 1, weight w: Double = 1, unit: Int) {
        if y.isNaN || x.isNaN { return }
        rowCount += 1
        let wy = w * y
        let wx = w * x
        fullNumerator += wy
        fullDenominator += wx
        let u = UInt64(truncatingIfNeeded: unit)
        numerators.withUnsafeMutableBufferPointer { num in
            denominators.withUnsafeMutableBufferPointer { den in
                for r in 0..<replicates {
                    let m = Double(random.poissonOne(u, UInt64(r)))
                    if m != 0 {
                        num[r] += m * wy
                        den[r] += m * wx
                    }
                }
            }
        }
    }

    /// Merges another accumulator with the same seed and replicate count (rows from another
    /// pass or thread).
    /// - Precondition: same seed and replicates.
    public mutating func merge(_ other: PoissonBootstrap) {
        precondition(other.random == random && other.replicates == replicates, "merge needs the same seed and replicates")
        for r in 0..<replicates {
            numerators[r] += other.numerators[r]
            denominators[r] += other.denominators[r]
        }
        fullNumerator += other.fullNumerator
        fullDenominator += other.fullDenominator
        rowCount += other.rowCount
    }

    /// The weighted total Σ w y on the full sample and per replicate.
    public var totalDistribution: BootstrapDistribution {
        BootstrapDistribution(estimate: fullNumerator, replicates: numerators)
    }

    /// The ratio Σ w y / Σ w x on the full sample and per replicate (a mean when x = 1).
    public var distribution: BootstrapDistribution {
        BootstrapDistribution(
            estimate: fullDenominator != 0 ? fullNumerator / fullDenominator : .nan,
            replicates: (0..<replicates).map { denominators[$0] != 0 ? numerators[$0] / denominators[$0] : .nan })
    }
}
