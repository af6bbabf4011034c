import Foundation
import Testing
import SurveySample
import SurveySchema
import TestSupport

/// The wired commands run through the built binary: what they print, and their exit status.
@Suite struct CommandRunTests {
    let sipas = TestPaths.file("surveys/sipas.json5").path

    @Test func surveyCheckAcceptsTheBundledSurveys() throws {
        for path in ["surveys/sipas.json5", "surveys/sdg-16-6-2.json5"] {
            let run = try runSatkit(["survey", "check", TestPaths.file(path).path, "--lang", "en"])
            #expect(run.exitStatus == 0)
            #expect(run.standardError == "")
            #expect(run.standardOutput.hasPrefix("\(TestPaths.file(path).path): valid survey file\n"))
        }
    }

    @Test func surveyCheckListsEveryProblemAndExits65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typo.json5")
        // One unknown key; the loader also reports the required key it then misses.
        var text = try String(contentsOfFile: sipas, encoding: .utf8)
        text = text.replacingOccurrences(of: "defaultLanguage:", with: "defaultLangauge:")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try runSatkit(["survey", "check", file.path])
        #expect(run.exitStatus == 65)
        #expect(run.standardOutput == "")
        #expect(run.standardError == """
            \(file.path): defaultLangauge: unknown key "defaultLangauge"; did you mean "defaultLanguage"?
            \(file.path): (top level): missing required key "defaultLanguage"
            satkit: \(file.path) has 2 problems; nothing was computed.

            """)
    }

    @Test func surveyCheckOfAMissingFileExits1() throws {
        let run = try runSatkit(["survey", "check", "/nonexistent/s.json5"])
        #expect(run == BinaryRun(
            standardOutput: "",
            standardError: "satkit: /nonexistent/s.json5: cannot read the file: there is no such file\n",
            exitStatus: 1, signal: nil))
    }

    @Test func surveyDescribeJSONNamesEveryColumn() throws {
        let run = try runSatkit(["survey", "describe", sipas, "--format", "json", "--lang", "en"])
        #expect(run.exitStatus == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        let survey = try Survey.load(from: URL(fileURLWithPath: sipas))
        #expect(columns.compactMap { $0["name"] as? String } == survey.columnRequirements.map(\.name))
    }

    @Test func sampleWritesTheGeneratorsBytes() throws {
        let run = try runSatkit([
            "sample", "--survey", sipas, "--respondents", "300", "--wave", "2024", "--seed", "11", "--weights",
        ])
        #expect(run.exitStatus == 0)
        #expect(run.standardError == "")
        let survey = try Survey.load(from: URL(fileURLWithPath: sipas))
        let generator = try SampleGenerator(survey: survey, options: .init(
            respondents: 300, wave: 2024, seed: 11, weights: true))
        #expect(Array(run.standardOutput.utf8) == generator.csvBytes())
    }

    @Test func sampleRefusesMoreServicesThanTheSurveyLists() throws {
        let run = try runSatkit([
            "sample", "--survey", sipas, "--respondents", "10", "--wave", "2024", "--seed", "1", "--services", "200",
        ])
        #expect(run == BinaryRun(
            standardOutput: "",
            standardError: "error: the survey declares 7 values for the `service` column but 200 were asked "
                + "for; ask for at most 7, or use a survey file whose `service` column has no value dictionary.\n",
            exitStatus: 64, signal: nil))
    }
}
