import Foundation
import SurveySchema
import Testing
import TestSupport

@testable import SurveySample

/// The bundled sample data in `data/` is exactly what the generator makes with the
/// parameters recorded in `data/README.md`. Regenerate it (after a change to the generator or
/// to a survey file) with
///
///     SATKIT_WRITE_DATA=1 swift test --filter SurveySampleTests.DataFilesTests
///
/// or, once the command is wired, with the `satkit sample` calls listed in the README.
@Suite("data/")
struct DataFilesTests {
    struct DataFile: Sendable, CustomStringConvertible {
        var path: String
        var survey: String
        var options: SampleGenerator.Options
        var description: String { path }
    }

    static let files = [
        DataFile(path: "data/sipas-2023.csv", survey: "surveys/sipas.json5",
                 options: SampleGenerator.Options(respondents: 3000, wave: 2023, seed: 2024, weights: true)),
        DataFile(path: "data/sipas-2024.csv", survey: "surveys/sipas.json5",
                 options: SampleGenerator.Options(respondents: 3000, wave: 2024, seed: 2024, weights: true)),
        DataFile(path: "data/sdg-16-6-2-2024.csv", survey: "surveys/sdg-16-6-2.json5",
                 options: SampleGenerator.Options(respondents: 2000, wave: 2024, seed: 2024, weights: true)),
    ]

    static var writing: Bool { ProcessInfo.processInfo.environment["SATKIT_WRITE_DATA"] == "1" }

    static func generate(_ file: DataFile) throws -> [UInt8] {
        try SampleGenerator(survey: try TestSurveys.bundled(file.survey), options: file.options).csvBytes()
    }

    @Test("writes data/ (only with SATKIT_WRITE_DATA=1)", .enabled(if: writing), arguments: files)
    func write(_ file: DataFile) throws {
        try Data(try Self.generate(file)).write(to: TestPaths.file(file.path))
    }

    @Test("data/ holds what the generator makes", .disabled(if: writing), arguments: files)
    func matches(_ file: DataFile) throws {
        let stored = try Data(contentsOf: TestPaths.file(file.path))
        #expect([UInt8](stored) == (try Self.generate(file)),
                "\(file.path) is stale: regenerate it with SATKIT_WRITE_DATA=1 swift test --filter SurveySampleTests.DataFilesTests")
    }
}
