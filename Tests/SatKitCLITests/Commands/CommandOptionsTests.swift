import Testing
@testable import SatKitCLI

/// Parses a command line that must run and decodes its typed options.
private func decode<Options>(
    _ arguments: [String], _ make: (ParsedArguments) throws(UsageError) -> Options
) throws -> Options {
    guard case .run(_, let parsed) = try CommandLineParser(root: rootCommand).parse(arguments) else {
        Issue.record("\(arguments) does not run a command")
        throw UsageError.unexpectedArgument("")
    }
    return try make(parsed)
}

private func decodingError<Options>(
    _ arguments: [String], _ make: (ParsedArguments) throws(UsageError) -> Options
) -> UsageError? {
    do {
        _ = try decode(arguments, make)
        return nil
    } catch let error as UsageError {
        return error
    } catch {
        return nil
    }
}

@Suite struct CommandOptionsTests {
    @Test func surveyCheck() throws {
        #expect(try decode(["survey", "check", "surveys/sipas.json5"], SurveyCheckOptions.init)
            == SurveyCheckOptions(survey: "surveys/sipas.json5"))
    }

    @Test func surveyDescribe() throws {
        #expect(try decode(["survey", "describe", "s.json5"], SurveyDescribeOptions.init)
            == SurveyDescribeOptions(survey: "s.json5", language: nil, format: .text))
        #expect(try decode(["survey", "describe", "s.json5", "--lang", "en", "--format", "markdown"], SurveyDescribeOptions.init)
            == SurveyDescribeOptions(survey: "s.json5", language: .en, format: .markdown))
    }

    @Test func sample() throws {
        let arguments = ["sample", "--survey", "s.json5", "--respondents", "1000", "--wave", "2024", "--seed", "7"]
        #expect(try decode(arguments, SampleOptions.init) == SampleOptions(
            survey: "s.json5", respondents: 1000, wave: 2024, seed: 7, includeWeights: false, output: nil))
        #expect(try decode(arguments + ["--weights", "-o", "x.csv"], SampleOptions.init) == SampleOptions(
            survey: "s.json5", respondents: 1000, wave: 2024, seed: 7, includeWeights: true, output: "x.csv"))
    }

    @Test func check() throws {
        #expect(try decode(["check", "--survey", "s", "d.csv"], CheckOptions.init) == CheckOptions(
            survey: "s", data: "d.csv", quarantine: nil, report: nil, encoding: nil, delimiter: nil,
            invalidCells: .quarantineRow, strict: false))
        let all = ["check", "--survey", "s", "d.csv", "--quarantine", "q.csv", "--report", "r.json",
                   "--encoding", "windows-1258", "--delimiter", ";", "--invalid-cells", "as-missing", "--strict"]
        #expect(try decode(all, CheckOptions.init) == CheckOptions(
            survey: "s", data: "d.csv", quarantine: "q.csv", report: "r.json", encoding: .windows1258,
            delimiter: .semicolon, invalidCells: .asMissing, strict: true))
    }

    @Test func analyze() throws {
        #expect(try decode(["analyze", "--survey", "s", "d.csv"], AnalyzeOptions.init) == AnalyzeOptions(
            survey: "s", data: "d.csv", groupBy: [], level: nil, method: nil, language: nil, format: .table,
            output: nil, bootstrap: nil))
        let all = ["analyze", "--survey", "s", "d.csv", "--by", "province,channel", "--by=service",
                   "--level", "0.9", "--method", "clopper-pearson", "--lang", "vi", "--format", "csv",
                   "-o", "i.csv", "--bootstrap", "2000", "--seed", "7"]
        #expect(try decode(all, AnalyzeOptions.init) == AnalyzeOptions(
            survey: "s", data: "d.csv", groupBy: ["province", "channel", "service"], level: 0.9,
            method: .clopperPearson, language: .vi, format: .csv, output: "i.csv",
            bootstrap: .init(replicates: 2000, seed: 7)))
    }

    @Test func bootstrapAndSeedGoTogether() {
        let base = ["analyze", "--survey", "s", "d.csv"]
        #expect(decodingError(base + ["--bootstrap", "100"], AnalyzeOptions.init)
            == .requiresOption("--bootstrap", other: "--seed S", reason: "so that the intervals can be reproduced"))
        #expect(decodingError(base + ["--seed", "7"], AnalyzeOptions.init)
            == .onlyWithOption("--seed", other: "--bootstrap N"))
    }

    @Test func compare() throws {
        let arguments = ["compare", "--survey", "s.json5", "--wave", "2023=a.csv",
                         "--wave", "2024=b.csv@t.json5", "--by", "service"]
        let options = try decode(arguments, CompareOptions.init)
        #expect(options == CompareOptions(
            survey: "s.json5",
            waves: [WaveSource(year: 2023, source: DataSource(data: "a.csv", survey: nil)),
                    WaveSource(year: 2024, source: DataSource(data: "b.csv", survey: "t.json5"))],
            groupBy: ["service"], adjust: .holm, level: nil, language: nil, format: .table, output: nil))
        #expect(options.inputs == ["s.json5", "a.csv", "b.csv", "t.json5"])
        let reading = try decode(arguments + ["--encoding", "windows-1258", "--delimiter", ";", "--invalid-cells", "as-missing"],
                                 CompareOptions.init)
        #expect(reading.importSettings == ImportSettings(encoding: .windows1258, delimiter: .semicolon, invalidCells: .asMissing))
    }

    @Test func compareNeedsTwoDistinctWaves() {
        #expect(decodingError(["compare", "--survey", "s", "--wave", "2023=a.csv"], CompareOptions.init)
            == .tooFew(synopsis: "--wave YEAR=DATA.csv[@SURVEY]", minimum: 2, what: "waves"))
        #expect(decodingError(["compare", "--survey", "s", "--wave", "2023=a.csv", "--wave", "2023=b.csv"], CompareOptions.init)
            == .duplicateValue(what: "wave", value: "2023"))
    }

    @Test func reportFormatFollowsTheOutputFile() throws {
        let base = ["report", "--survey", "s", "d.csv"]
        #expect(try decode(base + ["-o", "r.html"], ReportOptions.init).format == .html)
        #expect(try decode(base + ["-o", "r.md"], ReportOptions.init).format == .markdown)
        #expect(try decode(base + ["-o", "r.md", "--format", "html"], ReportOptions.init).format == .html)
        let options = try decode(base + ["-o", "r.html", "--baseline", "old.csv@old.json5", "--lang", "en"], ReportOptions.init)
        #expect(options == ReportOptions(
            survey: "s", data: "d.csv", baseline: DataSource(data: "old.csv", survey: "old.json5"),
            groupBy: [], language: .en, format: .html, output: "r.html"))
        #expect(options.inputs == ["s", "d.csv", "old.csv", "old.json5"])
        let more = try decode(base + ["-o", "r.html", "--bootstrap", "500", "--seed", "9", "--encoding", "windows-1258"],
                              ReportOptions.init)
        #expect(more.bootstrap == .init(replicates: 500, seed: 9))
        #expect(more.importSettings == ImportSettings(encoding: .windows1258))
        #expect(decodingError(base + ["-o", "r.html", "--seed", "9"], ReportOptions.init)
            == .onlyWithOption("--seed", other: "--bootstrap N"))
    }
}
