import Testing
@testable import SatKitCLI

/// Every command in the tree, with its path.
func allCommandPaths() -> [CommandPath] {
    var result: [CommandPath] = []
    func visit(_ path: CommandPath) {
        result.append(path)
        for subcommand in path.command.subcommands { visit(path.appending(subcommand)) }
    }
    visit(CommandPath(root: rootCommand))
    return result
}

/// The top-level help, pinned: what a new user reads first.
let expectedTopLevelHelp = """
    satkit: citizen-satisfaction surveys, from survey answers to satisfaction
    indices with confidence intervals, comparisons between years, and reports.

    Usage: satkit <command>

    Commands:
      survey check          Validate a survey file and summarise it.
      survey describe       Print a survey's codebook: questions, columns, scales.
      sample                Generate synthetic answers that look like a real export.
      check                 Import a CSV of answers and account for every row.
      analyze               Satisfaction indices with confidence intervals.
      compare               Compare waves (years): changes and their significance.
      report                Write the summary for leadership, in HTML or Markdown.
      help                  Show the help of a command.

    Options:
      -h, --help            Show this help.
      --version             Print the version (satkit 0.1.0).

    Examples:
      Check the bundled SIPAS survey file:
        satkit survey check surveys/sipas.json5
      Satisfaction indices per service in the bundled 2024 data:
        satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv --by service

    Exit status:
      0     Success.
      1     Failure: a file could not be read or written, or the command is not
            available.
      64    Usage error: the command line is wrong.
      65    Bad input data: a survey file or data file that cannot be used, or rows
            quarantined under --strict.

    Run 'satkit <command> --help' for the options and examples of a command.

    """

/// The help of the `survey` group, pinned.
let expectedSurveyHelp = """
    Check or describe a survey file.

    Usage: satkit survey <command>

    A survey file (JSON5) declares one survey: its scales, the indicator tree of
    parts, aspects and criteria with their CSV columns, the other questions, the
    grouping columns, and the rules of its indices. The bundled ones are in
    surveys/.

    Commands:
      check                 Validate a survey file and summarise it.
      describe              Print a survey's codebook: questions, columns, scales.
      help                  Show the help of a command.

    Options:
      -h, --help            Show this help.

    Examples:
      Check the bundled SIPAS survey file:
        satkit survey check surveys/sipas.json5
      Its codebook in English:
        satkit survey describe surveys/sipas.json5 --lang en

    Run 'satkit survey <command> --help' for the options and examples of a command.

    """

@Suite struct HelpTests {
    @Test func topLevel() {
        #expect(runInProcess(["--help"]) == InProcessRun(standardOutput: expectedTopLevelHelp, standardError: "", exitCode: .success))
        #expect(runInProcess([]).standardOutput == expectedTopLevelHelp)
        #expect(runInProcess(["help"]).standardOutput == expectedTopLevelHelp)
    }

    @Test func surveyGroup() {
        #expect(runInProcess(["survey", "--help"]).standardOutput == expectedSurveyHelp)
        #expect(runInProcess(["help", "survey"]).standardOutput == expectedSurveyHelp)
    }

    @Test func leafCommand() {
        #expect(runInProcess(["survey", "check", "--help"]) == InProcessRun(standardOutput: """
            Validate a survey file and summarise it.

            Usage: satkit survey check [options] FILE

            Checks the whole file and reports every problem at once, each with the path
            inside the file (indicators[1].children[0].scale) and what to do: unknown keys,
            duplicate ids or columns, undeclared scales, satisfied values outside their
            scale, empty aspects, missing labels. Exits with status 65 if there is any
            problem.

            Arguments:
              FILE                  The survey file (JSON5).

            Options:
              --lang vi|en          Language of labels and text: vi (Vietnamese) or en
                                    (English). Default: the survey file's default language.
              -h, --help            Show this help.

            Examples:
              Check the bundled SIPAS survey file:
                satkit survey check surveys/sipas.json5

            """, standardError: "", exitCode: .success))
    }

    @Test func usageLines() {
        let usages = Dictionary(uniqueKeysWithValues: allCommandPaths().map { ($0.fullName, usageLine(for: $0)) })
        #expect(usages == [
            "satkit": "satkit <command>",
            "satkit survey": "satkit survey <command>",
            "satkit survey check": "satkit survey check [options] FILE",
            "satkit survey describe": "satkit survey describe [options] FILE",
            "satkit sample": "satkit sample --survey FILE --respondents N --wave YEAR --seed S [options]",
            "satkit check": "satkit check --survey FILE [options] DATA.csv",
            "satkit analyze": "satkit analyze --survey FILE [options] DATA.csv",
            "satkit compare": "satkit compare --survey FILE --wave YEAR=DATA.csv[@SURVEY] ... [options]",
            "satkit report": "satkit report --survey FILE -o FILE [options] DATA.csv",
        ])
    }

    @Test(arguments: allCommandPaths().map(\.fullName))
    func everyHelpFitsIn80Columns(_ name: String) throws {
        let path = try #require(allCommandPaths().first { $0.fullName == name })
        let help = HelpFormatter.help(for: path)
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
            #expect(!line.hasSuffix(" "), "trailing space: \(line)")
        }
    }

    @Test(arguments: allCommandPaths().map(\.fullName))
    func everyCommandHasExamplesThatParse(_ name: String) throws {
        let path = try #require(allCommandPaths().first { $0.fullName == name })
        #expect(!path.command.examples.isEmpty)
        for example in path.command.examples {
            let words = example.commandLine.split(separator: " ").map(String.init)
            #expect(words.first == "satkit")
            // Every example is a command line the parser accepts and runs.
            let invocation = try CommandLineParser(root: rootCommand).parse(Array(words.dropFirst()))
            guard case .run = invocation else {
                Issue.record("example does not run: \(example.commandLine)")
                continue
            }
        }
    }

    @Test(arguments: allCommandPaths().map(\.fullName))
    func everyChoiceIsNamedInTheHelp(_ name: String) throws {
        let path = try #require(allCommandPaths().first { $0.fullName == name })
        let help = HelpFormatter.help(for: path)
        for definition in path.command.arguments where definition.kind == .option {
            // A choice option rejects a word with the list of its choices; each must appear in the help.
            do {
                try definition.validate("no-such-choice-xyz")
            } catch let ValueError.notOneOf(choices, _) {
                for choice in choices {
                    #expect(help.contains(choice), "\(definition.displayName) \(choice)")
                }
            } catch {}
        }
    }

    @Test(arguments: allCommandPaths().map(\.fullName))
    func everyOptionHasHelpThatEndsASentence(_ name: String) throws {
        let path = try #require(allCommandPaths().first { $0.fullName == name })
        for definition in path.command.arguments {
            #expect(definition.help.hasSuffix("."), "\(definition.displayName)")
        }
        #expect(path.command.abstract.hasSuffix("."))
    }
}
