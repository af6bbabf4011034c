/// The options of `satkit compare`.
struct CompareOptions: CommandOptions, Equatable {
    var survey: String
    /// Two or more waves, in command-line order, each year once.
    var waves: [WaveSource]
    var groupBy: [String]
    var adjust: PValueAdjustment
    /// Nil: the survey file's level.
    var level: Double?
    /// Nil: each survey file's rule for strata with one PSU.
    var lonelyUnits: LonelyUnitsName?
    /// Nil: the survey file's default language.
    var language: Language?
    var format: TableFormat
    /// Nil: standard output.
    var output: String?
    /// How every wave's CSV is read.
    var importSettings = ImportSettings()

    /// The files the command reads: the survey files and every wave's data.
    var inputs: [String] {
        [survey] + waves.flatMap { [$0.source.data] + ($0.source.survey.map { [$0] } ?? []) }
    }

    /// The files the command writes.
    var outputs: [(option: String, path: String)] { output.map { [("-o", $0)] } ?? [] }
}

extension CompareOptions {
    enum Arguments {
        static let survey = SharedArguments.survey
        static let wave = Option(
            "wave", WaveSource.parser, required: true, repeatable: true,
            help: "One wave: its year and data file, and its own survey file after @ if the "
                + "questionnaire changed. Give two or more.")
        static let groupBy = SharedArguments.groupBy
        static let adjust = Option(
            "adjust", ValueParser<PValueAdjustment>.choice, default: .holm,
            help: "Adjustment of p-values for comparing many groups at once: holm (Holm 1979, "
                + "family-wise error rate) or bh (Benjamini-Hochberg 1995, false discovery rate).")
        static let level = SharedArguments.level
        static let lonelyUnits = SharedArguments.lonelyUnits
        static let language = SharedArguments.language
        static let format = SharedArguments.tableFormat
        static let output = SharedArguments.output
        static let encoding = SharedArguments.encodingOfEveryFile
        static let delimiter = SharedArguments.delimiterOfEveryFile
        static let invalidCells = SharedArguments.invalidCellsOfEveryFile
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        waves = try parsed.values(Arguments.wave)
        guard waves.count >= 2 else {
            throw .tooFew(synopsis: Arguments.wave.definition.synopsis, minimum: 2, what: "waves")
        }
        var years: Set<Int> = []
        for wave in waves where !years.insert(wave.year).inserted {
            throw .duplicateValue(what: "wave", value: String(wave.year))
        }
        groupBy = try parsed.values(Arguments.groupBy).flatMap { $0 }
        adjust = try parsed.value(Arguments.adjust)
        level = try parsed.valueIfPresent(Arguments.level)
        lonelyUnits = try parsed.valueIfPresent(Arguments.lonelyUnits)
        language = try parsed.valueIfPresent(Arguments.language)
        format = try parsed.value(Arguments.format)
        output = try parsed.valueIfPresent(Arguments.output)
        importSettings = try ImportSettings(everyFile: parsed)
    }

    static let command = Command(
        "compare",
        abstract: "Compare waves (years): changes and their significance.",
        discussion: "For every node of the indicator tree and every group: each wave's index, "
            + "the change in percentage points with its interval and p-value, and a verdict "
            + "(improved, declined, or no significant change) from p-values adjusted for the "
            + "number of comparisons. Criteria are matched across survey versions through the "
            + "survey files' 'continues' declarations; what cannot be compared is listed "
            + "with the reason.",
        arguments: [
            Arguments.survey, Arguments.wave, Arguments.groupBy, Arguments.adjust, Arguments.level,
            Arguments.lonelyUnits, Arguments.language, Arguments.format, Arguments.output, Arguments.encoding,
            Arguments.delimiter, Arguments.invalidCells,
        ],
        examples: [
            .init(summary: "2024 against 2023 per service, in the bundled SIPAS data:",
                  commandLine: "satkit compare --survey surveys/sipas.json5 --wave 2023=data/sipas-2023.csv "
                      + "--wave 2024=data/sipas-2024.csv --by service"),
        ],
        run: compare)
}
