import Foundation
import SatKit

/// `satkit analyze`: import the data (its report to standard error), compute the indices
/// with ``IndexEngine``, and write them as a terminal table, JSON or tidy CSV.
func analyze(_ options: AnalyzeOptions, context: OutputContext) throws {
    let quarantine = options.quarantine.map { _ in QuarantineMemory() }
    var importOptions = ImportOptions(options.importSettings, quarantine: quarantine)
    importOptions.onlyGroupings = Set(options.groupBy)  // the other columns are checked, not kept
    let loaded = try LoadedData.load(
        survey: options.survey, data: options.data,
        options: importOptions, context: context,
        fingerprint: options.format == .json)
    try writeQuarantine(quarantine, to: options.quarantine, options: options, context: context)
    context.inform(loaded.result.report.summaryLine)

    var engineOptions = IndexOptions(
        groupings: options.groupBy.isEmpty ? [] : [options.groupBy], level: options.level,
        shareInterval: options.method?.rawValue, lonelyUnitPolicy: options.lonelyUnits?.policy)
    if !options.groupBy.isEmpty {
        engineOptions.rankings = [RankingRequest(by: options.groupBy, node: Survey.rootID)]
    }
    options.bootstrap?.apply(to: &engineOptions)
    // The tidy CSV holds the indices and ranks only: reliability and priorities, which the
    // table and JSON show, are not computed for it.
    if options.format == .csv {
        engineOptions.reliability = false
        engineOptions.priorities = false
    }
    let results = try IndexEngine(survey: loaded.survey, dataset: loaded.result.dataset,
                                  options: engineOptions).run()
    let language = options.language?.rawValue ?? loaded.survey.defaultLanguage
    switch options.format {
    case .table:
        let text = AnalysisTable(results: results, survey: loaded.survey, language: language).render(width: 100)
        try context.writeResult(text, to: options.output, protecting: options.inputs)
    case .json:
        var bytes = [UInt8](AnalysisJSON.encode(results: results, survey: loaded.survey,
                                                provenance: try loaded.provenance(), language: language))
        bytes.append(0x0A)
        try context.writeResult(bytes: bytes, to: options.output, protecting: options.inputs)
    case .csv:
        let text = AnalysisCSV(results: results, survey: loaded.survey, language: language).render()
        try context.writeResult(text, to: options.output, protecting: options.inputs)
    }
}

/// Writes the rows the import quarantined, when `--quarantine FILE` was given.
func writeQuarantine(_ quarantine: QuarantineMemory?, to path: String?, options: some CommandOptions,
                     context: OutputContext) throws {
    guard let path, let quarantine else { return }
    try context.writeResult(QuarantineCSV.text(header: quarantine.header, rows: quarantine.rows),
                            to: path, option: "--quarantine", protecting: options.inputs)
}

extension LonelyUnitsName {
    /// The statistics module's policy of the same name.
    var policy: LonelyUnitPolicy { LonelyUnitPolicy(rawValue: rawValue)! }
}

extension ImportReport {
    /// One line for commands that go on to compute: rows read, accepted, quarantined.
    var summaryLine: String {
        let style = NumberStyle.english
        var line = "\(file): \(style.count(rowsRead)) rows read, \(style.count(rowsAccepted)) accepted"
        if rowsQuarantined > 0 {
            line += ", \(style.count(rowsQuarantined)) quarantined (run 'satkit check' for the reasons)"
        }
        return line
    }
}
