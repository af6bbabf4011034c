/// The options of `satkit survey describe FILE`.
struct SurveyDescribeOptions: CommandOptions, Equatable {
    /// The survey file to describe.
    var survey: String
    /// Nil: the survey file's default language.
    var language: Language?
    var format: CodebookFormat

    /// The files the command reads.
    var inputs: [String] { [survey] }

    /// Writes to standard output only.
    var outputs: [(option: String, path: String)] { [] }
}

extension SurveyDescribeOptions {
    enum Arguments {
        static let survey = Positional(.text("FILE"), help: "The survey file (JSON5).")
        static let language = SharedArguments.language
        static let format = Option(
            "format", ValueParser<CodebookFormat>.choice, default: .text,
            help: "text for reading in a terminal, markdown for documents, json for programs.")
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        language = try parsed.valueIfPresent(Arguments.language)
        format = try parsed.value(Arguments.format)
    }

    static let command = Command(
        "describe",
        abstract: "Print a survey's codebook: questions, columns, scales.",
        discussion: "Lists every question with its CSV column, its scale with the label of each "
            + "point and which answers count as satisfied, and then the index tree (parts, "
            + "aspects, criteria) with the rule that combines each level.",
        arguments: [Arguments.survey, Arguments.language, Arguments.format],
        examples: [
            .init(summary: "The codebook of the bundled SIPAS survey:",
                  commandLine: "satkit survey describe surveys/sipas.json5"),
            .init(summary: "The same in English, as Markdown:",
                  commandLine: "satkit survey describe surveys/sipas.json5 --lang en --format markdown"),
        ],
        run: surveyDescribe)
}
