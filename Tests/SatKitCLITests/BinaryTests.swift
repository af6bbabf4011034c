import Foundation
import Testing

/// Command-line tests: the built `satkit` binary, its standard output, standard error and
/// exit status compared exactly.
@Suite struct BinaryTests {
    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: satkitBinary.path),
                "run `swift build` first: \(satkitBinary.path)")
    }

    @Test func version() throws {
        #expect(try runSatkit(["--version"]) == BinaryRun(
            standardOutput: "satkit 0.1.0\n", standardError: "", exitStatus: 0, signal: nil))
    }

    @Test func help() throws {
        #expect(try runSatkit(["--help"]) == BinaryRun(
            standardOutput: expectedTopLevelHelp, standardError: "", exitStatus: 0, signal: nil))
        #expect(try runSatkit(["survey", "--help"]) == BinaryRun(
            standardOutput: expectedSurveyHelp, standardError: "", exitStatus: 0, signal: nil))
    }

    @Test func unknownOptionWithSuggestion() throws {
        #expect(try runSatkit(["analyze", "--bye", "service"]) == BinaryRun(
            standardOutput: "",
            standardError: """
                error: unknown option '--bye'; did you mean '--by'?
                Usage: satkit analyze --survey FILE [options] DATA.csv
                Run 'satkit analyze --help' to see all options.

                """,
            exitStatus: 64, signal: nil))
    }

    @Test func unknownSubcommand() throws {
        #expect(try runSatkit(["survey", "chek", "surveys/sipas.json5"]) == BinaryRun(
            standardOutput: "",
            standardError: """
                error: unknown command 'chek'; did you mean 'check'?
                Usage: satkit survey <command>
                Run 'satkit survey --help' to see all commands.

                """,
            exitStatus: 64, signal: nil))
    }

    @Test func badChoice() throws {
        #expect(try runSatkit(["analyze", "--survey", "surveys/sipas.json5", "data/sipas-2024.csv", "--format", "xml"]) == BinaryRun(
            standardOutput: "",
            standardError: """
                error: '--format xml' is not one of table, json, csv
                Usage: satkit analyze --survey FILE [options] DATA.csv
                Run 'satkit analyze --help' to see all options.

                """,
            exitStatus: 64, signal: nil))
    }

    @Test func missingValue() throws {
        #expect(try runSatkit(["analyze", "--survey", "surveys/sipas.json5", "data/sipas-2024.csv", "--by"]) == BinaryRun(
            standardOutput: "",
            standardError: """
                error: missing value for '--by COLS'
                Usage: satkit analyze --survey FILE [options] DATA.csv
                Run 'satkit analyze --help' to see all options.

                """,
            exitStatus: 64, signal: nil))
    }

    @Test func aCommandNotYetAvailable() throws {
        #expect(try runSatkit(["report", "--survey", "surveys/sipas.json5", "data/sipas-2024.csv", "-o", "/tmp/r.html"]) == BinaryRun(
            standardOutput: "",
            standardError: "satkit: 'report' is not available yet in this build\n",
            exitStatus: 1, signal: nil))
    }

    @Test(arguments: [["--help"], ["--version"], ["analyze", "--help"]])
    func aClosedPipeEndsQuietlyWithSuccess(_ arguments: [String]) throws {
        // As `satkit --help | head -0`: the reader is gone before the first write. The
        // binary must neither die of SIGPIPE nor report an error.
        #expect(try runSatkit(arguments, closedStandardOutput: true) == BinaryRun(
            standardOutput: "", standardError: "", exitStatus: 0, signal: nil))
    }
}
