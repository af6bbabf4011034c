import Foundation
import Testing
import SatisfactionIndex
import SurveySchema
@testable import SurveyReport

@Suite struct AnalysisTableTests {
    @Test func writeSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["SATKIT_SAMPLES"] else { return }
        let (survey, results) = try AnalysisFixtures.sipasResults()
        for language in ["vi", "en"] {
            let text = AnalysisTable(results: results, survey: survey, language: language).render(width: 100)
            try text.write(toFile: "\(dir)/sipas-\(language).txt", atomically: true, encoding: .utf8)
        }
        let tiny = try AnalysisFixtures.tinyResults()
        try AnalysisTable(results: tiny, survey: AnalysisFixtures.tinySurvey()).render(width: 100)
            .write(toFile: "\(dir)/tiny.txt", atomically: true, encoding: .utf8)
        try AnalysisJSON(results: tiny, survey: AnalysisFixtures.tinySurvey(), provenance: AnalysisFixtures.provenance).text()
            .write(toFile: "\(dir)/tiny.json", atomically: true, encoding: .utf8)
        try AnalysisCSV(results: tiny, survey: AnalysisFixtures.tinySurvey()).render()
            .write(toFile: "\(dir)/tiny.csv", atomically: true, encoding: .utf8)
    }
}
