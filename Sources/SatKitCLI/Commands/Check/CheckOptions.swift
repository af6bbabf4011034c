/// The options of `satkit check`.
struct CheckOptions: CommandOptions, Equatable {
    var survey: String
    var data: String
    /// Where to write the rejected rows as CSV; nil: not written.
    var quarantine: String?
    /// Where to write the import report as JSON; nil: not written.
    var report: String?
    /// Nil: from the byte-order mark, else UTF-8.
    var encoding: TextEncodingName?
    /// Nil: detected from the header.
    var delimiter: Delimiter?
    var invalidCells: InvalidCellPolicyName
    /// Exit with status 65 when any row was quarantined.
    var strict: Bool

    /// The files the command reads.
    var inputs: [String] { [survey, data] }

    /// The files the command writes.
    var outputs: [(option: String, path: String)] {
        (quarantine.map { [("--quarantine", $0)] } ?? []) + (report.map { [("--report", $0)] } ?? [])
    }
}

extension CheckOptions {
    enum Arguments {
        static let survey = SharedArguments.survey
        static let data = SharedArguments.data
        static let quarantine = Option(
            "quarantine", .text("FILE"),
            help: "Write the rejected rows to FILE as CSV: their fields exactly as read, with the "
                + "line number and the reason.")
        static let report = Option(
            "report", .text("FILE"),
            help: "Write the import report to FILE as JSON.")
        static let encoding = SharedArguments.encoding(of: "DATA.csv", everyFile: false)
        static let delimiter = SharedArguments.delimiter(of: "DATA.csv", everyFile: false)
        static let invalidCells = SharedArguments.invalidCells
        static let strict = Flag(
            "strict", help: "Exit with status 65 if any row was quarantined.")
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        data = try parsed.value(Arguments.data)
        quarantine = try parsed.valueIfPresent(Arguments.quarantine)
        report = try parsed.valueIfPresent(Arguments.report)
        encoding = try parsed.valueIfPresent(Arguments.encoding)
        delimiter = try parsed.valueIfPresent(Arguments.delimiter)
        invalidCells = try parsed.value(Arguments.invalidCells)
        strict = parsed.isSet(Arguments.strict)
    }

    static let command = Command(
        "check",
        abstract: "Import a CSV of answers and account for every row.",
        discussion: "Every row is accepted, or quarantined with its reason. Prints the import "
            + "report: rows read, accepted and quarantined; each reason "
            + "with its count and first lines; no-answer counts per column; unknown labels with "
            + "the closest known one. Shows progress on standard error when it is a terminal. "
            + "Exits with status 65 if the data cannot be read, or under --strict if any row was "
            + "quarantined.",
        arguments: [
            Arguments.survey, Arguments.data, Arguments.quarantine, Arguments.report,
            Arguments.encoding, Arguments.delimiter, Arguments.invalidCells, Arguments.strict,
        ],
        examples: [
            .init(summary: "Check the bundled 2024 SIPAS data:",
                  commandLine: "satkit check --survey surveys/sipas.json5 data/sipas-2024.csv"),
            .init(summary: "Keep the rejected rows and a JSON report, and fail if any row was rejected:",
                  commandLine: "satkit check --survey surveys/sipas.json5 data/sipas-2024.csv "
                      + "--quarantine rejected.csv --report import.json --strict"),
        ],
        run: check)
}
