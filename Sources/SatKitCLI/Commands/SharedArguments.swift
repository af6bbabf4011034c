/// Arguments that several commands share, declared once so that they read the same
/// everywhere.
enum SharedArguments {
    static let survey = Option(
        "survey", .text("FILE"), required: true,
        help: "The survey file (JSON5) that declares the questions, scales and index rules.")

    static let data = Positional(
        .text("DATA.csv"),
        help: "The answers: a CSV export with one row per respondent.")

    static let groupBy = Option(
        "by", .columns, repeatable: true,
        help: "Group the results by these columns, comma-separated (service, or "
            + "province,channel): any grouping column the survey file declares. May be repeated.")

    static let level = Option(
        "level", .confidenceLevel, defaultDescription: "the survey file's level",
        help: "Confidence level of the intervals, between 0 and 1 (0.95 for 95%).")

    static let lonelyUnits = Option(
        "lonely-units", ValueParser<LonelyUnitsName>.choice.named("RULE"),
        defaultDescription: "the survey file's design.lonelyUnits, else fail",
        help: "A stratum with a single PSU: fail (stop and name it), remove (it adds no variance), "
            + "adjust (its PSU is centred at the overall mean, conservative) or certainty (sampled "
            + "with certainty). R: options(survey.lonely.psu = ...).")

    static let language = Option(
        "lang", ValueParser<Language>.choice, defaultDescription: "the survey file's default language",
        help: "Language of labels and text: vi (Vietnamese) or en (English).")

    static let tableFormat = Option(
        "format", ValueParser<TableFormat>.choice, default: .table,
        help: "table for reading in a terminal, json (complete, with provenance) or csv (tidy, "
            + "one row per group and measure).")

    static let output = Option(
        "output", short: "o", .text("FILE"),
        help: "Write the result to FILE instead of standard output. FILE is replaced only once "
            + "the result is complete, and never when it is one of the inputs.")

    static let year = ValueParser<Int>.integer("YEAR", in: 1900...2100)
}

extension ValueParser where Value == [String] {
    /// Column names separated by commas: `province,channel`.
    static var columns: ValueParser<[String]> {
        ValueParser(valueName: "COLS") { (text: String) throws(ValueError) -> [String] in
            guard !text.isEmpty else { throw .empty }
            let names = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }
            guard !names.contains(where: \.isEmpty) else { throw .malformed(expected: "COLUMN[,COLUMN...]") }
            return names
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension SharedArguments {
    /// `--encoding`, `--delimiter` and `--invalid-cells`, for `check` and `analyze` (one data
    /// file) and for `compare` and `report` (every data file they read).
    static func encoding(of files: String, everyFile: Bool) -> Option<TextEncodingName> {
        Option(
            "encoding", ValueParser<TextEncodingName>.choice,
            defaultDescription: "from the byte-order mark, else utf-8",
            help: "Text encoding of \(files)\(everyFile ? " (all of them; a file with a byte-order mark is read by its mark)" : ""); "
                + "windows-1258 is the Vietnamese Windows code page of Excel's plain \"CSV\".")
    }

    static func delimiter(of files: String, everyFile: Bool) -> Option<Delimiter> {
        Option(
            "delimiter", ValueParser<Delimiter>.choice,
            defaultDescription: everyFile ? "detected from each file's header" : "detected from the header",
            help: "Field separator\(everyFile ? " of " + files : ""): ',' (or comma), ';' (or semicolon), or tab.")
    }

    static let invalidCells = Option(
        "invalid-cells", ValueParser<InvalidCellPolicyName>.choice, default: .quarantineRow,
        help: "A cell that is not a valid answer sends its whole row to the quarantine "
            + "(quarantine-row), or is counted as no answer in a row that is kept (as-missing).")

    static let encodingOfEveryFile = encoding(of: "the data files", everyFile: true)
    static let delimiterOfEveryFile = delimiter(of: "the data files", everyFile: true)
    static let invalidCellsOfEveryFile = invalidCells
}

extension ImportSettings {
    /// The reading options of a command that reads several data files.
    init(everyFile parsed: ParsedArguments) throws(UsageError) {
        self.init(encoding: try parsed.valueIfPresent(SharedArguments.encodingOfEveryFile),
                  delimiter: try parsed.valueIfPresent(SharedArguments.delimiterOfEveryFile),
                  invalidCells: try parsed.value(SharedArguments.invalidCellsOfEveryFile))
    }
}
