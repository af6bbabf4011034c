import Foundation
import Testing
@testable import SurveyStatistics

@Suite struct RandomVariatesTests {
    @Test func portableLogAndExpAgreeWithLibm() {
        // The platform functions are correctly rounded or within 1 ulp; ours within a few ulp.
        let xs: [Double] = [1e-300, 1e-10, 0.001, 0.3, 0.5, 0.7071, 0.99, 1, 1.01, 1.5, 2, 10, 123.456, 1e10, 1e300]
        for x in xs {
            #expect(abs(PortableMath.log(x) - Foundation.log(x)) <= 4 * Foundation.log(x).magnitude.ulp + 1e-300)
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        for x in [-745.0, -700, -20, -1, -1e-8, 0, 1e-8, 0.5, 1, 20, 700] {
            let r = Foundation.exp(x)
            #expect(abs(PortableMath.exp(x) - r) <= 4 * r.ulp)
        }
        #expect(PortableMath.exp(710) == .infinity)
        #expect(PortableMath.exp(-800) == 0)
    }

    @Test func variatesFromKnownBitsByHand() {
        // From state {1, 2, 3, 4} the outputs are 11520, 0, 1509978240, ... (reference vector).
        var g = SeededGenerator(state: (1, 2, 3, 4))
        // 11520 >> 11 = 5, so the first uniform is 5·2⁻⁵³.
        #expect(g.nextUniform() == 5 * 0x1p-53)
        var h = SeededGenerator(state: (1, 2, 3, 4))
        // Lemire with bound 6: 11520·6 < 2⁶⁴ → 0; next output 0 has low word 0 < 2⁶⁴ mod 6 = 4,
        // so it is rejected; 1509978240·6 < 2⁶⁴ → 0.
        #expect(h.nextInt(below: 6) == 0)
        #expect(h.nextInt(below: 6) == 0)
        #expect(h.next() == 1_215_971_899_390_074_240)  // the 4th reference output: 3 were consumed
    }

    @Test func uniformIsInUnitInterval() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<10_000 {
            let u = g.nextUniform()
            #expect(u >= 0 && u < 1)
            let v = g.nextOpenUniform()
            #expect(v > 0 && v < 1)
        }
    }

    @Test func nextIntIsUnbiasedAndInRange() {
        var g = SeededGenerator(seed: 2)
        var counts = [Int](repeating: 0, count: 6)
        let draws = 60_000
        for _ in 0..<draws { counts[g.nextInt(below: 6)] += 1 }
        // Each count is Binomial(60000, 1/6): sd = 91.3; 5 sd = 456.
        for c in counts { #expect(abs(c - 10_000) < 456) }
    }

    /// Sample mean and variance of `n` draws.
    func moments(_ n: Int, _ draw: () -> Double) -> (mean: Double, variance: Double) {
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let x = draw()
            sum += x
            sumSq += x * x
        }
        let mean = sum / Double(n)
        return (mean, (sumSq - Double(n) * mean * mean) / Double(n - 1))
    }

    @Test func normalHasMeanZeroVarianceOne() {
        var g = SeededGenerator(seed: 3)
        let m = moments(200_000) { g.nextNormal() }
        // sd of the mean = 1/sqrt(2e5) = 0.0022; of the variance = sqrt(2/2e5) = 0.0032. Bound 5 sd.
        #expect(abs(m.mean) < 0.011)
        #expect(abs(m.variance - 1) < 0.016)
    }

    @Test func poissonHasMeanAndVarianceLambda() {
        for lambda in [0.5, 1, 4, 75] {
            var g = SeededGenerator(seed: 4)
            let m = moments(100_000) { Double(g.nextPoisson(mean: lambda)) }
            // sd of the mean = sqrt(lambda/1e5); of the variance ~ lambda*sqrt(2/1e5)(1+1/(2 lambda))^(1/2).
            #expect(abs(m.mean - lambda) < 5 * (lambda / 1e5).squareRoot())
            #expect(abs(m.variance - lambda) < 6 * lambda * (2 / 1e5 * (1 + 1 / (2 * lambda))).squareRoot())
        }
        var g = SeededGenerator(seed: 4)
        #expect(g.nextPoisson(mean: 0) == 0)
    }

    @Test func gammaAndBetaHaveTheirMoments() {
        for shape in [0.4, 1, 3.5] {
            var g = SeededGenerator(seed: 5)
            let m = moments(100_000) { g.nextGamma(shape: shape) }
            // Gamma(a): mean a, variance a; sd of the mean sqrt(a/1e5).
            #expect(abs(m.mean - shape) < 5 * (shape / 1e5).squareRoot())
            #expect(abs(m.variance - shape) / shape < 0.05)
        }
        var g = SeededGenerator(seed: 6)
        let m = moments(100_000) { g.nextBeta(2, 6) }
        // Beta(2, 6): mean 0.25, variance ab/((a+b)^2 (a+b+1)) = 12/576 = 0.0208333.
        #expect(abs(m.mean - 0.25) < 5 * (0.0208333 / 1e5).squareRoot())
        #expect(abs(m.variance - 0.0208333) / 0.0208333 < 0.03)
    }

    @Test func exponentialHasMeanOne() {
        var g = SeededGenerator(seed: 7)
        let m = moments(100_000) { g.nextExponential() }
        #expect(abs(m.mean - 1) < 5 / 1e5.squareRoot())
    }

    @Test func categoryFollowsWeightsAndSkipsZeros() {
        var g = SeededGenerator(seed: 8)
        var counts = [0, 0, 0, 0]
        for _ in 0..<40_000 { counts[g.nextCategory(weights: [1, 0, 3, 0])] += 1 }
        #expect(counts[1] == 0 && counts[3] == 0)
        // counts[0] ~ Binomial(40000, 0.25): sd 86.6.
        #expect(abs(counts[0] - 10_000) < 433)
    }

    @Test func variatesAreReproducibleUnderASeed() {
        var a = SeededGenerator(seed: 99)
        var b = SeededGenerator(seed: 99)
        let xa = (0..<50).map { _ in a.nextNormal() + a.nextGamma(shape: 0.7) + Double(a.nextPoisson(mean: 40)) }
        let xb = (0..<50).map { _ in b.nextNormal() + b.nextGamma(shape: 0.7) + Double(b.nextPoisson(mean: 40)) }
        #expect(xa == xb)
    }
}
