import Testing
@testable import SatKitCLI

/// The path of the command a command line selects, or of the help it asks for.
private enum Outcome: Equatable {
    case help(String)
    case version
    case run(String)
    case error(UsageError, in: String)
}

private func outcome(_ arguments: [String]) -> Outcome {
    do {
        switch try CommandLineParser(root: rootCommand).parse(arguments) {
        case .help(let path): return .help(path.fullName)
        case .version: return .version
        case .run(let path, _): return .run(path.fullName)
        }
    } catch {
        return .error(error.error, in: error.path.fullName)
    }
}

/// The parsed arguments of a command line that must run.
private func parsed(_ arguments: [String]) throws -> ParsedArguments {
    let invocation = try CommandLineParser(root: rootCommand).parse(arguments)
    guard case .run(_, let parsed) = invocation else {
        Issue.record("\(arguments) does not run a command")
        return ParsedArguments()
    }
    return parsed
}

@Suite struct CommandLineParserTests {
    @Test func subcommandsNest() {
        #expect(outcome(["survey", "check", "s.json5"]) == .run("satkit survey check"))
        #expect(outcome(["analyze", "--survey", "s.json5", "d.csv"]) == .run("satkit analyze"))
    }

    @Test func helpOnEveryLevel() {
        #expect(outcome([]) == .help("satkit"))
        #expect(outcome(["--help"]) == .help("satkit"))
        #expect(outcome(["-h"]) == .help("satkit"))
        #expect(outcome(["help"]) == .help("satkit"))
        #expect(outcome(["survey"]) == .help("satkit survey"))
        #expect(outcome(["survey", "-h"]) == .help("satkit survey"))
        #expect(outcome(["help", "survey"]) == .help("satkit survey"))
        #expect(outcome(["help", "survey", "check"]) == .help("satkit survey check"))
        #expect(outcome(["survey", "help", "check"]) == .help("satkit survey check"))
        #expect(outcome(["survey", "check", "--help"]) == .help("satkit survey check"))
        #expect(outcome(["--help", "survey", "check"]) == .help("satkit survey check"))
        #expect(outcome(["analyze", "-h"]) == .help("satkit analyze"))
        // Help wins over errors elsewhere on the line, so that it is always reachable.
        #expect(outcome(["analyze", "--bye", "x", "--help"]) == .help("satkit analyze"))
        #expect(outcome(["help", "analyze", "--by"]) == .help("satkit analyze"))
    }

    @Test func helpAfterDoubleDashIsAnArgument() {
        #expect(outcome(["survey", "check", "--", "--help"]) == .run("satkit survey check"))
    }

    @Test func version() {
        #expect(outcome(["--version"]) == .version)
        #expect(outcome(["analyze", "--version"])
            == .error(.unknownOption("--version", suggestion: nil), in: "satkit analyze"))
    }

    @Test func unknownCommandsAndTopics() {
        #expect(outcome(["analyse"]) == .error(.unknownCommand("analyse", suggestion: "analyze"), in: "satkit"))
        #expect(outcome(["hlep"]) == .error(.unknownCommand("hlep", suggestion: "help"), in: "satkit"))
        #expect(outcome(["survey", "chek"]) == .error(.unknownCommand("chek", suggestion: "check"), in: "satkit survey"))
        #expect(outcome(["help", "analyse"]) == .error(.unknownCommand("analyse", suggestion: "analyze"), in: "satkit"))
        #expect(outcome(["help", "analyze", "more"]) == .error(.unexpectedArgument("more"), in: "satkit analyze"))
        #expect(outcome(["--verison"]) == .error(.unknownOption("--verison", suggestion: "--version"), in: "satkit"))
        #expect(outcome(["survey", "--by"]) == .error(.unknownOption("--by", suggestion: nil), in: "satkit survey"))
    }

    @Test func optionValuesInEveryForm() throws {
        let base = ["analyze", "--survey", "s.json5", "d.csv"]
        let by = AnalyzeOptions.Arguments.groupBy
        #expect(try parsed(base + ["--by", "service"]).values(by) == [["service"]])
        #expect(try parsed(base + ["--by=service"]).values(by) == [["service"]])
        #expect(try parsed(base + ["--by", "province,channel", "--by", "district"]).values(by)
            == [["province", "channel"], ["district"]])
        let output = AnalyzeOptions.Arguments.output
        #expect(try parsed(base + ["-o", "out.csv"]).valueIfPresent(output) == "out.csv")
        #expect(try parsed(base + ["--output", "out.csv"]).valueIfPresent(output) == "out.csv")
        #expect(try parsed(base + ["--output=out.csv"]).valueIfPresent(output) == "out.csv")
        #expect(try parsed(base + ["-o", "-"]).valueIfPresent(output) == "-")
        // An `=` inside the value belongs to the value.
        #expect(try parsed(["compare", "--survey", "s", "--wave=2023=a.csv", "--wave", "2024=b.csv"])
            .values(CompareOptions.Arguments.wave).map(\.year) == [2023, 2024])
    }

    @Test func positionalsAnywhereAndAfterDoubleDash() throws {
        let data = AnalyzeOptions.Arguments.data
        #expect(try parsed(["analyze", "d.csv", "--survey", "s.json5"]).value(data) == "d.csv")
        #expect(try parsed(["analyze", "--survey", "s.json5", "--", "-odd.csv"]).value(data) == "-odd.csv")
        #expect(try parsed(["analyze", "--survey", "s.json5", "-"]).value(data) == "-")
    }

    @Test func aNegativeNumberIsAValueNotAnOption() {
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--level", "-0.5"]) == .error(
            .invalidValue(argument: "--level", value: "-0.5",
                          .outOfRange(requirement: "must be between 0 and 1, exclusive", hint: nil)),
            in: "satkit analyze"))
    }

    @Test func usageErrors() {
        let analyze = "satkit analyze"
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--bye", "service"])
            == .error(.unknownOption("--bye", suggestion: "--by"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--by"])
            == .error(.missingValue(synopsis: "--by COLS"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--by", "--level", "0.9"])
            == .error(.missingValue(synopsis: "--by COLS"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "-o"])
            == .error(.missingValue(synopsis: "-o FILE"), in: analyze))
        #expect(outcome(["analyze", "d.csv"]) == .error(.missingOption(synopsis: "--survey FILE"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s"]) == .error(.missingArgument("DATA.csv"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s", "a.csv", "b.csv"])
            == .error(.unexpectedArgument("b.csv"), in: analyze))
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--level", "0.9", "--level=0.8"])
            == .error(.repeatedOption("--level"), in: analyze))
        #expect(outcome(["check", "--survey", "s", "d.csv", "--help=yes"])
            == .error(.flagTakesNoValue("--help"), in: "satkit check"))
        #expect(outcome(["check", "--survey", "s", "d.csv", "--strict=yes"])
            == .error(.flagTakesNoValue("--strict"), in: "satkit check"))
        #expect(outcome(["analyze", "--survey", "s", "d.csv", "--format", "xml"]) == .error(
            .invalidValue(argument: "--format", value: "xml", .notOneOf(["table", "json", "csv"], suggestion: nil)),
            in: analyze))
        #expect(outcome(["survey", "check", ""])
            == .error(.invalidValue(argument: "FILE", value: "", .empty), in: "satkit survey check"))
    }

    @Test func errorsComeInCommandLineOrder() {
        // The bad choice comes before the unknown option, and both before the missing --survey.
        #expect(outcome(["analyze", "--format", "xml", "--bye", "d.csv"]) == .error(
            .invalidValue(argument: "--format", value: "xml", .notOneOf(["table", "json", "csv"], suggestion: nil)),
            in: "satkit analyze"))
    }

    @Test func requiredOptionsAreReportedInDeclarationOrder() {
        #expect(outcome(["sample", "--seed", "7"])
            == .error(.missingOption(synopsis: "--survey FILE"), in: "satkit sample"))
        #expect(outcome(["sample", "--survey", "s", "--seed", "7"])
            == .error(.missingOption(synopsis: "--respondents N"), in: "satkit sample"))
    }

    @Test func flags() throws {
        let strict = CheckOptions.Arguments.strict
        #expect(try parsed(["check", "--survey", "s", "d.csv", "--strict"]).isSet(strict))
        #expect(try !parsed(["check", "--survey", "s", "d.csv"]).isSet(strict))
    }
}
