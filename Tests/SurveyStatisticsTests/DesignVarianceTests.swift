import Testing
@testable import SurveyStatistics

@Suite struct DesignVarianceTests {
    @Test func simpleRandomSampleGivesTheUsualFormula() {
        // z = (1, 2, 3, 6): mean 3, squares 4 + 1 + 0 + 9 = 14, times n/(n − 1) = 4/3 → 56/3.
        let d = SurveyDesign.equalWeights(count: 4)
        #expect(abs(DesignVariance.variance(influence: [1, 2, 3, 6], design: d) - 56.0 / 3) < 1e-12)
    }

    @Test func clustersSumBeforeSquaring() throws {
        // PSU totals 3 (rows 1+2) and 9 (rows 3+6): mean 6, squares 18, factor 2/1 → 36.
        let d = try SurveyDesign(clusters: ["a", "a", "b", "b"])
        #expect(DesignVariance.variance(influence: [1, 2, 3, 6], design: d) == 36)
    }

    @Test func strataAddWithFiniteCorrection() throws {
        // Stratum A: z = 1, 3 → squares 2, factor 2 → 4; f = 1 − 2/4 = 0.5 → 2.
        // Stratum B: z = 2, 2, 8 → mean 4, squares 4 + 4 + 16 = 24, factor 3/2 → 36; f = 1 − 3/6 → 18.
        let d = try SurveyDesign(
            strata: ["A", "A", "B", "B", "B"], finitePopulation: .populationSize([4, 4, 6, 6, 6]))
        #expect(DesignVariance.variance(influence: [1, 3, 2, 2, 8], design: d) == 20)
    }

    @Test func lonelyPoliciesFollowR() throws {
        // Stratum A as above (4, no fpc); stratum B has one PSU with total 5.
        func v(_ policy: LonelyUnitPolicy) throws -> Double {
            let d = try SurveyDesign(strata: ["A", "A", "B"], lonelyUnits: policy)
            return DesignVariance.variance(influence: [1, 3, 5], design: d)
        }
        #expect(try v(.remove) == 4)
        #expect(try v(.certainty) == 4)
        #expect(try v(.adjust) == 4 + 25)  // the lonely total centred at 0
    }

    @Test func covarianceDiagonalMatchesVarianceAndIsSymmetric() throws {
        let d = try SurveyDesign(strata: ["A", "A", "B", "B", "B"], clusters: ["1", "2", "1", "2", "2"])
        let z1 = [1.0, -2, 0.5, 3, -1]
        let z2 = [0.2, 0.1, -0.7, 0.4, 1]
        let c = DesignVariance.covariance(influence: [z1, z2], design: d)
        #expect(abs(c[0][0] - DesignVariance.variance(influence: z1, design: d)) < 1e-12)
        #expect(abs(c[1][1] - DesignVariance.variance(influence: z2, design: d)) < 1e-12)
        #expect(c[0][1] == c[1][0])
        // Var(z1 + z2) = V11 + 2 V12 + V22.
        let sum = zip(z1, z2).map(+)
        #expect(abs(DesignVariance.variance(influence: sum, design: d) - (c[0][0] + 2 * c[0][1] + c[1][1])) < 1e-12)
    }

    @Test func emptyDesignHasZeroVariance() {
        #expect(DesignVariance.variance(influence: [], design: .equalWeights(count: 0)) == 0)
    }

    @Test func kishEffectiveSize() {
        // w = 1, 1, 2, 4: (Σw)² = 64, Σw² = 22 → 64/22; deff = 4·22/64 = 1.375.
        #expect(abs(KishEffectiveSize.effectiveSize(weights: [1, 1, 2, 4]) - 64.0 / 22) < 1e-12)
        #expect(KishEffectiveSize.designEffect(weights: [1, 1, 2, 4]) == 1.375)
        #expect(KishEffectiveSize.effectiveSize(weights: [3, 3, 3]) == 3)
        #expect(KishEffectiveSize.effectiveSize(weights: []) == 0)
        #expect(KishEffectiveSize.designEffect(weights: [0, 0]).isNaN)
        #expect(KishEffectiveSize.effectiveSize(weights: [1, 1, 2, 4], domain: [true, false, false, true]) == 25.0 / 17)
    }
}
