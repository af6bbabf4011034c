/// Random variates drawn from any `RandomNumberGenerator`, with algorithms fixed here so that a
/// ``SeededGenerator`` gives the same values on every platform and Swift version.
///
/// The standard library's `Double.random(in:using:)` and `Int.random(in:using:)` are fine to
/// use with a ``SeededGenerator`` too, but their algorithms are the standard library's to
/// change; the methods below are ours and stay fixed. Transcendental functions come from
/// `PortableMath`, not the platform's libm, for the same reason.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1): never exactly 0, so its logarithm is finite.
    @inlinable
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method (no modulo bias).
    ///
    /// - Precondition: `bound > 0`.
    /// - Reference: Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// `true` with probability `p` (clamped to [0, 1]): `nextUniform() < p`.
    @inlinable
    public mutating func nextBernoulli(_ p: Double) -> Bool {
        nextUniform() < p
    }

    /// A standard normal variate by Marsaglia's polar method (one of each generated pair is used,
    /// so that each call depends on the generator alone, with no hidden cached value).
    ///
    /// z = u·√(−2 log s / s), with (u, v) uniform on the unit disc and s = u² + v².
    /// Reference: Marsaglia & Bray (1964), SIAM Review 6(3).
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A normal variate with the given mean and standard deviation: `mean + sd·z`.
    @inlinable
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    /// An exponential variate with rate 1: −log U, U uniform on (0, 1).
    public mutating func nextExponential() -> Double {
        -PortableMath.log(nextOpenUniform())
    }

    /// A Poisson variate with mean `lambda`.
    ///
    /// Inversion by sequential search: P(0) = e^−λ, P(k) = P(k − 1)·λ/k, for λ ≤ 30; a larger λ is
    /// split into ⌈λ/30⌉ equal parts whose Poisson draws are summed (cost grows with λ; fine for
    /// the bootstrap and synthetic data, not meant for λ in the millions).
    /// `lambda = 0` gives 0. Reference: Devroye (1986), *Non-Uniform Random Variate Generation*, X.3.
    ///
    /// - Precondition: `lambda` is finite and not negative.
    public mutating func nextPoisson(mean lambda: Double) -> Int {
        precondition(lambda >= 0 && lambda.isFinite, "Poisson mean must be finite and >= 0")
        if lambda == 0 { return 0 }
        if lambda <= 30 { return poissonByInversion(lambda, p0: PortableMath.exp(-lambda)) }
        let parts = (lambda / 30).rounded(.up)
        let part = lambda / parts
        let p0 = PortableMath.exp(-part)
        var total = 0
        for _ in 0..<Int(parts) { total += poissonByInversion(part, p0: p0) }
        return total
    }

    @usableFromInline
    mutating func poissonByInversion(_ lambda: Double, p0: Double) -> Int {
        let u = nextUniform()
        return poissonQuantile(u, lambda: lambda, p0: p0)
    }

    /// A gamma variate with the given shape (scale 1), by Marsaglia & Tsang's method; for
    /// shape < 1, Gamma(a) = Gamma(a + 1)·U^(1/a).
    ///
    /// Reference: Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
    /// ACM TOMS 26(3).
    /// - Precondition: `shape > 0` and finite.
    public mutating func nextGamma(shape: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "gamma shape must be positive and finite")
        if shape < 1 {
            let g = nextGamma(shape: shape + 1)
            return g * PortableMath.exp(PortableMath.log(nextOpenUniform()) / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextOpenUniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if PortableMath.log(u) < 0.5 * x * x + d * (1 - v + PortableMath.log(v)) { return d * v }
        }
    }

    /// A beta variate: X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    ///
    /// Useful for synthetic data: a cluster's satisfaction probability drawn around a mean μ
    /// with intra-cluster correlation ρ is Beta(μ(1 − ρ)/ρ, (1 − μ)(1 − ρ)/ρ).
    /// - Precondition: `a > 0`, `b > 0`.
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a)
        let y = nextGamma(shape: b)
        return x / (x + y)
    }

    /// An index drawn with probability proportional to `weights[i]` (inversion on the running
    /// sum). Zero weights are never drawn.
    ///
    /// - Precondition: the weights are finite, not negative, and not all zero.
    public mutating func nextCategory(weights: [Double]) -> Int {
        var total = 0.0
        for w in weights {
            precondition(w >= 0 && w.isFinite, "category weights must be finite and >= 0")
            total += w
        }
        precondition(total > 0, "category weights must not all be zero")
        let target = nextUniform() * total
        var running = 0.0
        var last = 0
        for (i, w) in weights.enumerated() where w > 0 {
            running += w
            last = i
            if target < running { return i }
        }
        return last
    }
}

/// The smallest k with P(X ≤ k) > u for X ~ Poisson(λ), given p0 = e^−λ; sequential search.
@inlinable
func poissonQuantile(_ u: Double, lambda: Double, p0: Double) -> Int {
    var k = 0
    var p = p0
    var cumulative = p0
    while u >= cumulative {
        k += 1
        p *= lambda / Double(k)
        let next = cumulative + p
        if next == cumulative { break }  // the tail is below double resolution
        cumulative = next
    }
    return k
}
