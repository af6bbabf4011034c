/// The options of `satkit survey check FILE`.
struct SurveyCheckOptions: CommandOptions, Equatable {
    /// The survey file to validate.
    var survey: String
    /// Nil: the survey file's default language.
    var language: Language?

    /// The files the command reads.
    var inputs: [String] { [survey] }

    /// Writes to standard output only.
    var outputs: [(option: String, path: String)] { [] }
}

extension SurveyCheckOptions {
    enum Arguments {
        static let survey = Positional(.text("FILE"), help: "The survey file (JSON5).")
        static let language = SharedArguments.language
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        language = try parsed.valueIfPresent(Arguments.language)
    }

    static let command = Command(
        "check",
        abstract: "Validate a survey file and summarise it.",
        discussion: "Checks the whole file and reports every problem at once, each with the "
            + "path inside the file (indicators[1].children[0].scale) and what to do: unknown keys, "
            + "duplicate ids or columns, undeclared scales, satisfied values outside their scale, "
            + "empty aspects, missing labels. Exits with status 65 if there is any problem.",
        arguments: [Arguments.survey, Arguments.language],
        examples: [
            .init(summary: "Check the bundled SIPAS survey file:",
                  commandLine: "satkit survey check surveys/sipas.json5"),
        ],
        run: surveyCheck)
}
