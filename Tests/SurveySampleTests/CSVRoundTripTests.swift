import SurveyData
import Testing

@testable import SurveySample

/// The generated files read back with `SurveyData`'s CSV reader exactly as the tests' own
/// splitter reads them: every record has every column, and quoting survives.
@Suite("Reading the generated CSV")
struct CSVRoundTripTests {
    @Test("SurveyData's reader and the test splitter agree on every record", arguments: [
        "surveys/sipas.json5", "surveys/sdg-16-6-2.json5",
    ])
    func readBack(_ path: String) throws {
        let survey = try TestSurveys.bundled(path)
        let bytes = try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: 1500, wave: 2024, seed: 99, weights: true)
        ).csvBytes()
        let (records, summary) = try CSVReader(bytes: bytes, name: "sample.csv").readAll()
        #expect(summary.records == 1501)
        #expect(summary.delimiter == .comma)
        #expect(records.allSatisfy { $0.count == survey.columnRequirements.count })
        #expect(records == TinyCSV.parse(bytes))
    }
}
