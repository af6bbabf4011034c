/// The options of `satkit report`.
struct ReportOptions: CommandOptions, Equatable {
    var survey: String
    var data: String
    /// The earlier wave to compare with; nil: no comparison.
    var baseline: DataSource?
    var groupBy: [String]
    /// Nil: the survey file's default language.
    var language: Language?
    /// Given, or from the extension of `output`: `.md` or `.markdown` for Markdown, else HTML.
    var format: ReportFormat
    var output: String
    /// Whether free-text comments are shown (masked); off by default.
    var includeComments = false
    /// Nil: closed-form intervals and normal-draw rank intervals.
    var bootstrap: AnalyzeOptions.Bootstrap?
    /// Nil: each survey file's rule for strata with one PSU.
    var lonelyUnits: LonelyUnitsName?
    /// How the data files are read.
    var importSettings = ImportSettings()

    /// The files the command reads.
    var inputs: [String] {
        [survey, data] + (baseline.map { [$0.data] + ($0.survey.map { [$0] } ?? []) } ?? [])
    }

    /// The files the command writes.
    var outputs: [(option: String, path: String)] { [("-o", output)] }
}

extension ReportOptions {
    enum Arguments {
        static let survey = SharedArguments.survey
        static let data = SharedArguments.data
        static let baseline = Option(
            "baseline", DataSource.parser.named("OLD.csv[@SURVEY]"),
            help: "An earlier wave to compare with, and its own survey file after @ if the "
                + "questionnaire changed.")
        static let groupBy = SharedArguments.groupBy
        static let lonelyUnits = SharedArguments.lonelyUnits
        static let language = SharedArguments.language
        static let format = Option(
            "format", ValueParser<ReportFormat>.choice,
            defaultDescription: "markdown if FILE ends in .md, else html",
            help: "html (one self-contained file, printable to A4) or markdown.")
        static let output = Option(
            "output", short: "o", .text("FILE"), required: true,
            help: "The file to write. It is replaced only once the report is complete, and "
                + "never when it is one of the inputs.")
        static let includeComments = Flag(
            "include-comments",
            help: "Show respondents' free-text comments, with phone numbers, ID numbers and "
                + "e-mail addresses masked. Off by default: comments are personal data.")
        static let bootstrap = AnalyzeOptions.Arguments.bootstrap
        static let seed = AnalyzeOptions.Arguments.seed
        static let encoding = SharedArguments.encodingOfEveryFile
        static let delimiter = SharedArguments.delimiterOfEveryFile
        static let invalidCells = SharedArguments.invalidCellsOfEveryFile
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        data = try parsed.value(Arguments.data)
        baseline = try parsed.valueIfPresent(Arguments.baseline)
        groupBy = try parsed.values(Arguments.groupBy).flatMap { $0 }
        lonelyUnits = try parsed.valueIfPresent(Arguments.lonelyUnits)
        language = try parsed.valueIfPresent(Arguments.language)
        output = try parsed.value(Arguments.output)
        includeComments = parsed.isSet(Arguments.includeComments)
        bootstrap = try AnalyzeOptions.Bootstrap(parsed)
        importSettings = try ImportSettings(everyFile: parsed)
        let markdownFile = output.hasSuffix(".md") || output.hasSuffix(".markdown")
        format = try parsed.valueIfPresent(Arguments.format) ?? (markdownFile ? .markdown : .html)
    }

    static let command = Command(
        "report",
        abstract: "Write the summary for leadership, in HTML or Markdown.",
        discussion: "The overall index with its interval and n, the change since the baseline "
            + "with its verdict, the aspects as a chart, the weakest criteria, the league table "
            + "of groups, and a methods section. Groups below the survey's minimum n are shown "
            + "as suppressed. The HTML needs no network and no scripts to be read or printed.",
        arguments: [
            Arguments.survey, Arguments.data, Arguments.baseline, Arguments.groupBy,
            Arguments.lonelyUnits, Arguments.language, Arguments.format, Arguments.output, Arguments.includeComments,
            Arguments.bootstrap, Arguments.seed, Arguments.encoding, Arguments.delimiter,
            Arguments.invalidCells,
        ],
        examples: [
            .init(summary: "The 2024 SIPAS report per service, compared with 2023:",
                  commandLine: "satkit report --survey surveys/sipas.json5 data/sipas-2024.csv "
                      + "--baseline data/sipas-2023.csv --by service -o report.html"),
            .init(summary: "The same in English, as Markdown:",
                  commandLine: "satkit report --survey surveys/sipas.json5 data/sipas-2024.csv "
                      + "--baseline data/sipas-2023.csv --by service --lang en -o report.md"),
        ],
        run: report)
}
