import Testing
@testable import SurveyStatistics

@Suite struct SurveyDesignTests {
    @Test func countsStrataAndNestedPSUs() throws {
        let d = try SurveyDesign(
            weights: [1, 2, 3, 4, 5, 6],
            strata: ["A", "A", "A", "B", "B", "B"],
            clusters: ["1", "1", "2", "1", "2", "3"])
        #expect(d.stratumLabels == ["A", "B"])
        #expect(d.stratumPSUCounts == [2, 3])  // PSU "1" of A and "1" of B are different
        #expect(d.psuCount == 5)
        #expect(d.degreesOfFreedom == 3)
        #expect(d.psu(ofRow: 0) == d.psu(ofRow: 1))
        #expect(d.psu(ofRow: 0) != d.psu(ofRow: 3))
    }

    @Test func equalWeightsDesignIsOneStratumOfRows() {
        let d = SurveyDesign.equalWeights(count: 4)
        #expect(d.weights == [1, 1, 1, 1])
        #expect(d.psuCount == 4 && d.stratumCount == 1 && d.degreesOfFreedom == 3)
        let empty = SurveyDesign.equalWeights(count: 0)
        #expect(empty.psuCount == 0 && empty.stratumCount == 0 && empty.degreesOfFreedom == 0)
    }

    @Test func lonelyStratumFailsByDefaultNamingTheStratum() {
        #expect(throws: DesignError.lonelyUnit(stratum: "Hà Giang")) {
            try SurveyDesign(strata: ["Hà Nội", "Hà Nội", "Hà Giang"], clusters: ["1", "2", "1"])
        }
        let message = DesignError.lonelyUnit(stratum: "Hà Giang").description
        #expect(message == "stratum Hà Giang has only one PSU, so its variance cannot be estimated; merge it with a similar stratum, or choose what a lonely PSU does: remove, adjust or certainty (R: survey.lonely.psu).")
    }

    @Test func oneClusterOverallFailsWithItsOwnMessage() {
        #expect(throws: DesignError.lonelyUnit(stratum: "")) {
            try SurveyDesign(clusters: ["v1", "v1", "v1"])
        }
        #expect(DesignError.lonelyUnit(stratum: "").description
            == "the design has only one PSU, so no variance can be estimated; give more clusters, or analyse without clusters.")
        // Under another policy the design is accepted and the variance is 0 (R: remove).
        let d = try? SurveyDesign(clusters: ["v1", "v1"], lonelyUnits: .remove)
        #expect(d.map { DesignVariance.variance(influence: [1, 2], design: $0) } == 0)
    }

    @Test func censusStratumWithOnePSUDoesNotFail() throws {
        // N_h = n_h = 1: f_h = 0, the stratum is a census (R returns before its "fail").
        let d = try SurveyDesign(
            strata: ["A", "A", "B"], clusters: ["1", "2", "1"],
            finitePopulation: .populationSize([10, 10, 1]))
        #expect(d.finitePopulationFactors == [0.8, 0])
    }

    @Test func fractionAndPopulationSizeGiveTheSameFactor() throws {
        let a = try SurveyDesign(strata: ["A", "A"], finitePopulation: .populationSize([8, 8]))
        let b = try SurveyDesign(strata: ["A", "A"], finitePopulation: .samplingFraction([0.25, 0.25]))
        #expect(a.finitePopulationFactors == [0.75])
        #expect(b.finitePopulationFactors == [0.75])
    }

    @Test func errorsNameWhatIsWrong() {
        #expect(throws: DesignError.lengthMismatch(column: "strata", expected: 3, actual: 2)) {
            try SurveyDesign(weights: [1, 1, 1], strata: ["A", "B"])
        }
        #expect(throws: DesignError.invalidWeight(row: 1, value: -2)) {
            try SurveyDesign(weights: [1, -2, 1])
        }
        #expect(throws: DesignError.finitePopulationVaries(stratum: "A")) {
            try SurveyDesign(strata: ["A", "A"], finitePopulation: .populationSize([8, 9]))
        }
        #expect(throws: DesignError.populationBelowSample(stratum: "", population: 2, sampled: 3)) {
            try SurveyDesign(rowCount: 3, finitePopulation: .populationSize([2, 2, 2]))
        }
        #expect(throws: DesignError.invalidFinitePopulation(row: 0, value: 1.5)) {
            try SurveyDesign(rowCount: 1, finitePopulation: .samplingFraction([1.5]))
        }
        #expect(DesignError.invalidWeight(row: 1, value: -2).description
            == "row 1 has weight -2.0; weights must be finite and not negative.")
        #expect(DesignError.lengthMismatch(column: "strata", expected: 3, actual: 2).description
            == "the strata column has 2 entries but the data has 3 rows; give one value per row.")
    }

    @Test func domainDegreesOfFreedomCountOnlyPSUsWithDomainRows() throws {
        let d = try SurveyDesign(
            weights: [1, 1, 1, 1, 0, 1],
            strata: ["A", "A", "A", "B", "B", "B"],
            clusters: ["1", "2", "3", "1", "2", "3"])
        #expect(d.degreesOfFreedom == 4)
        // Domain rows 0, 1, 4, 5: row 4 has weight 0, so PSUs A1, A2, B3: 3 − 2 = 1.
        #expect(d.degreesOfFreedom(domain: [true, true, false, false, true, true]) == 1)
    }
}
