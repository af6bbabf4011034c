import Foundation
import SatKit
import Testing
import TestSupport

/// The README's library example, run as written (paths made absolute), so that it keeps
/// compiling and working.
@Suite struct ReadmeExampleTests {
    @Test func theLibraryExampleRuns() throws {
        let survey = try Survey.load(from: TestPaths.file("surveys/sipas.json5"))
        let imported = try SurveyImporter(survey: survey).importFile(at: TestPaths.file("data/sipas-2024.csv").path)
        let results = try IndexEngine(
            survey: survey, dataset: imported.dataset,
            options: IndexOptions(groupings: [["service"]])).run()
        let overall = try #require(results.wholeSample?.node("overall"))
        #expect(overall.interval.lower < overall.estimate.value && overall.estimate.value < overall.interval.upper)
        #expect(AnalysisTable(results: results, survey: survey, language: "en").render(width: 100)
            .contains("Overall index"))
    }

    @Test func theReadmeShowsTheseCalls() throws {
        let readme = try String(contentsOf: TestPaths.file("README.md"), encoding: .utf8)
        for call in [
            #"let survey = try Survey.load(from: URL(fileURLWithPath: "surveys/sipas.json5"))"#,
            #"let imported = try SurveyImporter(survey: survey).importFile(at: "data/sipas-2024.csv")"#,
            "options: IndexOptions(groupings: [[\"service\"]])).run()",
            #"let overall = results.wholeSample!.node("overall")!"#,
            #"print(AnalysisTable(results: results, survey: survey, language: "en").render(width: 100))"#,
        ] {
            #expect(readme.contains(call), "README no longer shows: \(call)")
        }
    }
}
