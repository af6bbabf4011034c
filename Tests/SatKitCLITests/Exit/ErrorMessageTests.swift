import Foundation
import Testing
@testable import SatKitCLI

/// Every usage error's exact text on standard error, with the usage line and help hint,
/// exit status 64, and nothing on standard output.
@Suite struct ErrorMessageTests {
    private let analyzeUsage = "satkit analyze --survey FILE [options] DATA.csv"
    private let analyzeBase = ["analyze", "--survey", "surveys/sipas.json5", "data/sipas-2024.csv"]

    private func expectUsageError(_ arguments: [String], _ expected: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(runInProcess(arguments) == InProcessRun(standardOutput: "", standardError: expected, exitCode: .usage),
                sourceLocation: sourceLocation)
    }

    @Test func unknownOptionWithSuggestion() {
        expectUsageError(["analyze", "--bye", "service"], """
            error: unknown option '--bye'; did you mean '--by'?
            Usage: satkit analyze --survey FILE [options] DATA.csv
            Run 'satkit analyze --help' to see all options.

            """)
    }

    @Test func unknownOptionWithoutSuggestion() {
        expectUsageError(analyzeBase + ["--verbose"], usageErrorText(
            "unknown option '--verbose'", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func singleDashLongOption() {
        expectUsageError(analyzeBase + ["-output", "x.csv"], usageErrorText(
            "unknown option '-output'; did you mean '--output'?", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func unknownCommand() {
        expectUsageError(["analyse"], """
            error: unknown command 'analyse'; did you mean 'analyze'?
            Usage: satkit <command>
            Run 'satkit --help' to see all commands.

            """)
        expectUsageError(["frobnicate"], usageErrorText(
            "unknown command 'frobnicate'", usage: "satkit <command>", help: "satkit", options: false))
        expectUsageError(["survey", "chek", "s.json5"], usageErrorText(
            "unknown command 'chek'; did you mean 'check'?", usage: "satkit survey <command>",
            help: "satkit survey", options: false))
        expectUsageError(["help", "analyse"], usageErrorText(
            "unknown command 'analyse'; did you mean 'analyze'?", usage: "satkit <command>",
            help: "satkit", options: false))
    }

    @Test func unknownOptionOfTheTopLevel() {
        expectUsageError(["--verison"], usageErrorText(
            "unknown option '--verison'; did you mean '--version'?", usage: "satkit <command>",
            help: "satkit", options: false))
    }

    @Test func missingValue() {
        expectUsageError(analyzeBase + ["--by"], usageErrorText(
            "missing value for '--by COLS'", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(analyzeBase + ["-o", "--by", "service"], usageErrorText(
            "missing value for '-o FILE'", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func missingRequiredOptionAndArgument() {
        expectUsageError(["analyze", "data/sipas-2024.csv"], usageErrorText(
            "missing required option '--survey FILE'", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(["analyze", "--survey", "surveys/sipas.json5"], usageErrorText(
            "missing required argument DATA.csv", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(["report", "--survey", "s.json5", "d.csv"], usageErrorText(
            "missing required option '-o FILE'", usage: "satkit report --survey FILE -o FILE [options] DATA.csv",
            help: "satkit report"))
    }

    @Test func unexpectedArgument() {
        expectUsageError(analyzeBase + ["data/sipas-2023.csv"], usageErrorText(
            "unexpected argument 'data/sipas-2023.csv'", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func flagWithAValue() {
        expectUsageError(["check", "--survey", "s.json5", "d.csv", "--strict=yes"], usageErrorText(
            "'--strict' does not take a value", usage: "satkit check --survey FILE [options] DATA.csv",
            help: "satkit check"))
    }

    @Test func repeatedOption() {
        expectUsageError(analyzeBase + ["--level", "0.9", "--level", "0.95"], usageErrorText(
            "'--level' is given more than once", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func badChoice() {
        expectUsageError(analyzeBase + ["--format", "xml"], usageErrorText(
            "'--format xml' is not one of table, json, csv", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(analyzeBase + ["--format=jsn"], usageErrorText(
            "'--format jsn' is not one of table, json, csv; did you mean 'json'?", usage: analyzeUsage,
            help: "satkit analyze"))
        expectUsageError(analyzeBase + ["--method", "wilsoncc"], usageErrorText(
            "'--method wilsoncc' is not one of wilson, wilson-cc, agresti-coull, clopper-pearson, jeffreys, "
                + "logit, wald; did you mean 'wilson-cc'?", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(["check", "--survey", "s", "d.csv", "--delimiter", "|"], usageErrorText(
            "'--delimiter |' is not one of ',', ';', tab", usage: "satkit check --survey FILE [options] DATA.csv",
            help: "satkit check"))
    }

    @Test func badNumbers() {
        // The usage line is wrapped to 80 columns, as in the help.
        let sampleUsage = "satkit sample --survey FILE --respondents N --wave YEAR --seed S\n         [options]"
        let sample = ["sample", "--survey", "s.json5", "--wave", "2024", "--seed", "7"]
        expectUsageError(sample + ["--respondents", "ten"], usageErrorText(
            "'--respondents ten' is not a whole number", usage: sampleUsage, help: "satkit sample"))
        expectUsageError(sample + ["--respondents", "0"], usageErrorText(
            "'--respondents 0' must be between 1 and 100000000", usage: sampleUsage, help: "satkit sample"))
        expectUsageError(analyzeBase + ["--level", "95"], usageErrorText(
            "'--level 95' must be between 0 and 1, exclusive; for 95% write 0.95", usage: analyzeUsage,
            help: "satkit analyze"))
        expectUsageError(analyzeBase + ["--level", "high"], usageErrorText(
            "'--level high' is not a number", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func emptyAndMalformedValues() {
        expectUsageError(analyzeBase + ["--by="], usageErrorText(
            "--by must not be empty", usage: analyzeUsage, help: "satkit analyze"))
        expectUsageError(analyzeBase + ["--by", "province,"], usageErrorText(
            "'--by province,' is not of the form COLUMN[,COLUMN...]", usage: analyzeUsage, help: "satkit analyze"))
        let compareUsage = "satkit compare --survey FILE --wave YEAR=DATA.csv[@SURVEY] ... [options]"
        expectUsageError(["compare", "--survey", "s", "--wave", "data/sipas-2023.csv"], usageErrorText(
            "'--wave data/sipas-2023.csv' is not of the form YEAR=DATA.csv[@SURVEY]", usage: compareUsage,
            help: "satkit compare"))
    }

    @Test func optionsThatGoTogether() {
        expectUsageError(analyzeBase + ["--bootstrap", "2000"], usageErrorText(
            "'--bootstrap' needs '--seed S' so that the intervals can be reproduced", usage: analyzeUsage,
            help: "satkit analyze"))
        expectUsageError(analyzeBase + ["--seed", "7"], usageErrorText(
            "'--seed' applies only together with '--bootstrap N'", usage: analyzeUsage, help: "satkit analyze"))
    }

    @Test func waves() {
        let compareUsage = "satkit compare --survey FILE --wave YEAR=DATA.csv[@SURVEY] ... [options]"
        expectUsageError(["compare", "--survey", "s", "--wave", "2024=b.csv"], usageErrorText(
            "at least 2 waves are needed: give '--wave YEAR=DATA.csv[@SURVEY]' once for each",
            usage: compareUsage, help: "satkit compare"))
        expectUsageError(["compare", "--survey", "s", "--wave", "2024=a.csv", "--wave", "2024=b.csv"], usageErrorText(
            "wave 2024 is given more than once", usage: compareUsage, help: "satkit compare"))
    }

    @Test func outputOverAnInputIsRefusedBeforeTheCommandRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("sipas-2024.csv").path
        try "id\n1\n".write(toFile: data, atomically: false, encoding: .utf8)
        expectUsageError(["report", "--survey", "s.json5", data, "-o", data], usageErrorText(
            "'-o \(data)' would overwrite an input file; choose another path",
            usage: "satkit report --survey FILE -o FILE [options] DATA.csv", help: "satkit report"))
        expectUsageError(["check", "--survey", "s.json5", data, "--report", data], usageErrorText(
            "'--report \(data)' would overwrite an input file; choose another path",
            usage: "satkit check --survey FILE [options] DATA.csv", help: "satkit check"))
        expectUsageError(["compare", "--survey", "s.json5", "--wave", "2023=a.csv", "--wave", "2024=\(data)", "-o", data],
            usageErrorText("'-o \(data)' would overwrite an input file; choose another path",
                usage: "satkit compare --survey FILE --wave YEAR=DATA.csv[@SURVEY] ... [options]", help: "satkit compare"))
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "id\n1\n")
    }

    @Test func positionalValues() {
        #expect(UsageError.invalidValue(argument: "FILE", value: "", .empty).message == "FILE must not be empty")
        #expect(UsageError.invalidValue(argument: "YEAR", value: "x", .notAWholeNumber).message
            == "YEAR 'x' is not a whole number")
        expectUsageError(["survey", "check", ""], usageErrorText(
            "FILE must not be empty", usage: "satkit survey check [options] FILE", help: "satkit survey check"))
    }

    @Test func warningsAndNotes() {
        let standardError = MemorySink()
        let context = OutputContext(standardOutput: MemorySink(), standardError: standardError, isStandardErrorTerminal: false)
        context.warn("column 'ghi_chu' is not in the survey file and is kept as a grouping column")
        context.inform("3,000 rows read: 2,987 accepted, 13 quarantined")
        #expect(standardError.text == """
            satkit: warning: column 'ghi_chu' is not in the survey file and is kept as a grouping column
            3,000 rows read: 2,987 accepted, 13 quarantined

            """)
        #expect(standardError.writeCount == 2)
    }

    @Test func outputOverInput() {
        #expect(UsageError.outputOverwritesInput(option: "-o", path: "data/sipas-2024.csv").message
            == "'-o data/sipas-2024.csv' would overwrite an input file; choose another path")
    }
}
