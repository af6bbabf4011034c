import SurveySchema
import Testing

@testable import SurveySample

/// The bundled surveys drive the generator as any survey would.
@Suite("Bundled surveys")
struct BundledSurveyTests {
    @Test("SIPAS: every declared column, shares between 60% and 99%, no unreadable cell")
    func sipas() throws {
        let survey = try TestSurveys.bundled("surveys/sipas.json5")
        let sample = ParsedSample(try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: 3000, wave: 2024, seed: 2024, weights: true)
        ).csvBytes())
        #expect(sample.header == survey.columnRequirements.map(\.name))
        #expect(sample.rows.count == 3000)
        for criterion in survey.criteria {
            let scale = try #require(survey.scale(of: criterion))
            let tally = CriterionTally(cells: sample.column(criterion.column), criterion: criterion, scale: scale)
            #expect(tally.unknown == 0, "\(criterion.column)")
            #expect(tally.share > 0.6 && tally.share < 0.99, "\(criterion.column): \(tally.share)")
            #expect(tally.missingRate > 0.01 && tally.missingRate < 0.07, "\(criterion.column): \(tally.missingRate)")
        }
        // Services come from the survey's dictionary.
        let codes = Set(survey.columns.groups.first { $0.id == "service" }?.values?.map(\.code) ?? [])
        #expect(Set(sample.column("service")).isSubset(of: codes))
        // The multi-select cell holds declared codes joined by `;`.
        let options = Set(survey.question(id: "info_channels")?.options.map(\.code) ?? [])
        for cell in sample.column("info_channels") where !cell.isEmpty {
            #expect(Set(cell.split(separator: ";").map(String.init)).isSubset(of: options), "\(cell)")
        }
    }

    @Test("SDG 16.6.2: every declared column, shares between 60% and 99%")
    func sdg() throws {
        let survey = try TestSurveys.bundled("surveys/sdg-16-6-2.json5")
        let sample = ParsedSample(try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: 2000, wave: 2024, seed: 16, weights: true)
        ).csvBytes())
        #expect(sample.header == survey.columnRequirements.map(\.name))
        for criterion in survey.criteria {
            let scale = try #require(survey.scale(of: criterion))
            let tally = CriterionTally(cells: sample.column(criterion.column), criterion: criterion, scale: scale)
            #expect(tally.unknown == 0, "\(criterion.column)")
            #expect(tally.share > 0.6 && tally.share < 0.99, "\(criterion.column): \(tally.share)")
        }
    }

    @Test("without the optional columns only the required ones are written")
    func requiredOnly() throws {
        let survey = try TestSurveys.bundled("surveys/sipas.json5")
        let sample = ParsedSample(try SampleGenerator(
            survey: survey,
            options: SampleGenerator.Options(respondents: 100, wave: 2024, seed: 1, optionalColumns: false)
        ).csvBytes())
        #expect(sample.header == survey.requiredColumns)
        // respondent_id, year, 6 groups, weight, 39 criteria, q_overall.
        #expect(sample.header.count == 49)
        #expect(sample.rows.allSatisfy { $0.count == 49 })
    }
}
