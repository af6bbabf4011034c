import Foundation
import SatKit

/// `satkit check`: import the data, print the import report, and write the quarantine and
/// the JSON report when asked. Under `--strict`, any quarantined row makes the run fail (65).
func check(_ options: CheckOptions, context: OutputContext) throws {
    let quarantine = options.quarantine.map { _ in QuarantineMemory() }
    var importOptions = ImportOptions(options.importSettings, quarantine: quarantine)
    importOptions.keepsRows = false  // the report is all `check` prints: no column is kept
    let loaded = try LoadedData.load(
        survey: options.survey, data: options.data, options: importOptions, context: context)
    let report = loaded.result.report
    try context.writeResult(report.text, to: nil, protecting: options.inputs)
    try writeQuarantine(quarantine, to: options.quarantine, options: options, context: context)
    if let path = options.report {
        try context.writeResult(String(decoding: try report.json(), as: UTF8.self) + "\n",
                                to: path, option: "--report", protecting: options.inputs)
    }
    if options.strict && report.rowsQuarantined > 0 {
        throw CommandFailure.badInput(message: "\(report.rowsQuarantined) of \(report.rowsRead) rows were "
            + "quarantined (--strict)")
    }
}

/// The reading settings every command that reads answers shares (`check`, `analyze`,
/// `compare`, `report`): `--encoding`, `--delimiter`, `--invalid-cells`.
struct ImportSettings: Equatable, Sendable {
    var encoding: TextEncodingName?
    var delimiter: Delimiter?
    var invalidCells: InvalidCellPolicyName = .quarantineRow

    init(encoding: TextEncodingName? = nil, delimiter: Delimiter? = nil, invalidCells: InvalidCellPolicyName = .quarantineRow) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.invalidCells = invalidCells
    }

    /// The three options as parsed.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        self.init(encoding: try parsed.valueIfPresent(CheckOptions.Arguments.encoding),
                  delimiter: try parsed.valueIfPresent(CheckOptions.Arguments.delimiter),
                  invalidCells: try parsed.value(CheckOptions.Arguments.invalidCells))
    }
}

extension ImportOptions {
    /// Import options from the command line's names.
    init(_ settings: ImportSettings, quarantine: (any QuarantineSink)? = nil) {
        let encoding: TextEncoding? = switch settings.encoding {
        case nil: nil
        case .utf8: .utf8
        case .utf16: .utf16LittleEndian  // a byte-order mark, when present, decides instead
        case .windows1258: .windows1258
        }
        let delimiter: CSVDelimiter? = switch settings.delimiter {
        case nil: nil
        case .comma: .comma
        case .semicolon: .semicolon
        case .tab: .tab
        }
        self.init(encoding: encoding, delimiter: delimiter,
                  invalidCells: settings.invalidCells == .asMissing ? .asMissing : .quarantineRow,
                  quarantine: quarantine)
    }
}

extension CheckOptions {
    var importSettings: ImportSettings {
        ImportSettings(encoding: encoding, delimiter: delimiter, invalidCells: invalidCells)
    }
}
