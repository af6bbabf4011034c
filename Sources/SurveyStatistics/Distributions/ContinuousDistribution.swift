/// A univariate continuous distribution: density, both tails, and both inverse tails.
///
/// Conforming types compute `survival` and `upperQuantile` directly rather than as
/// `1 − cdf`, so that upper-tail probabilities such as 1e-12 keep their relative accuracy.
///
/// Edge cases shared by every conformer: `quantile(0)` is the lower end of the support
/// (−∞ or 0), `quantile(1)` the upper end (+∞ or 1); a probability outside [0, 1] or NaN
/// gives NaN; invalid parameters (df ≤ 0) give NaN everywhere.
public protocol ContinuousDistribution: Sendable {
    /// Probability density at `x`.
    func density(_ x: Double) -> Double
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// P(X > x), computed without cancellation.
    func survival(_ x: Double) -> Double
    /// The x with P(X ≤ x) = p.
    func quantile(_ p: Double) -> Double
    /// The x with P(X > x) = q, computed without forming 1 − q.
    func upperQuantile(_ q: Double) -> Double
}
