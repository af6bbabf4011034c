import Testing
@testable import SurveyStatistics

/// Edge cases of the distributions, and identities with exact answers.
@Suite("Distribution edge cases")
struct DistributionEdgeCaseTests {
    static let all: [any ContinuousDistribution] = [
        Normal.standard, StudentT(degreesOfFreedom: 3.5), Beta(alpha: 2, beta: 5),
        FDistribution(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 12), ChiSquared(degreesOfFreedom: 4),
    ]

    @Test("quantile(0) and quantile(1) are the ends of the support; outside [0, 1] is NaN")
    func ends() {
        #expect(Normal.standard.quantile(0) == -.infinity && Normal.standard.quantile(1) == .infinity)
        #expect(StudentT(degreesOfFreedom: 4).quantile(0) == -.infinity && StudentT(degreesOfFreedom: 4).upperQuantile(0) == .infinity)
        #expect(Beta(alpha: 2, beta: 3).quantile(0) == 0 && Beta(alpha: 2, beta: 3).quantile(1) == 1)
        #expect(ChiSquared(degreesOfFreedom: 3).quantile(0) == 0 && ChiSquared(degreesOfFreedom: 3).quantile(1) == .infinity)
        #expect(FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 9).quantile(1) == .infinity)
        for d in Self.all {
            #expect(d.quantile(-0.1).isNaN && d.quantile(1.5).isNaN && d.quantile(.nan).isNaN)
            #expect(d.cdf(.nan).isNaN)
        }
    }

    @Test("invalid parameters give NaN")
    func invalid() {
        #expect(StudentT(degreesOfFreedom: 0).quantile(0.975).isNaN)
        #expect(StudentT(degreesOfFreedom: -2).cdf(1).isNaN)
        #expect(Beta(alpha: 0, beta: 1).cdf(0.5).isNaN)
        #expect(ChiSquared(degreesOfFreedom: 0).quantile(0.5).isNaN)
        #expect(FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: -1).survival(2).isNaN)
        #expect(Normal(mean: 0, standardDeviation: 0).cdf(1).isNaN)
    }

    @Test("quantile inverts the CDF and upperQuantile the survival function")
    func roundTrip() {
        for d in Self.all {
            for p in [1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999] {
                #expect(abs(d.cdf(d.quantile(p)) / p - 1) < 1e-12, "\(d) p = \(p)")
                #expect(abs(d.survival(d.upperQuantile(p)) / p - 1) < 1e-12, "\(d) q = \(p)")
            }
        }
    }

    @Test("closed forms: t(1) is Cauchy, t(2) explicit, χ²(2) exponential, Beta(1, 1) uniform")
    func closedForms() {
        // t(1): F(t) = ½ + atan(t)/π; at t = 1, F = 0.75 exactly.
        #expect(abs(StudentT(degreesOfFreedom: 1).cdf(1) - 0.75) < 1e-15)
        #expect(abs(StudentT(degreesOfFreedom: 1).quantile(0.75) - 1) < 1e-15)
        // t(2): F(t) = ½ + t/(2√(2 + t²)); at t = √2, F = ½ + √2/(2·2) .
        let s2 = 2.0.squareRoot()
        #expect(abs(StudentT(degreesOfFreedom: 2).cdf(s2) - (0.5 + s2 / 4)) < 1e-15)
        // χ²(2): P(X > x) = e^(−x/2); the 0.95 quantile is 2·ln 20.
        #expect(abs(ChiSquared(degreesOfFreedom: 2).upperQuantile(0.05) - 2 * ElementaryFunctions.log(20)) < 1e-14)
        // Beta(1, 1) is uniform.
        #expect(abs(Beta(alpha: 1, beta: 1).quantile(0.3) - 0.3) < 1e-16)
        // F(1, ν) is t(ν)²: the 0.95 F quantile equals the 0.975 t quantile squared.
        let t = StudentT(degreesOfFreedom: 7).quantile(0.975)
        #expect(abs(FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 7).quantile(0.95) / (t * t) - 1) < 1e-13)
        // ν = ∞ is the normal.
        #expect(StudentT(degreesOfFreedom: .infinity).quantile(0.975) == Normal.standard.quantile(0.975))
    }

    @Test("the survival function keeps digits where 1 − cdf would lose them")
    func upperTail() {
        // Φ̄(10) = 7.61985302416047e-24 (SciPy norm.sf(10)).
        #expect(abs(Normal.standard.survival(10) / 7.61985302416047e-24 - 1) < 1e-13)
        #expect(1 - Normal.standard.cdf(10) == 0)
    }
}
