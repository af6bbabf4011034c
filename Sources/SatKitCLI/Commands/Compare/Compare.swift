import Foundation
import SatKit

/// `satkit compare`: each wave imported and analysed on its own (waves are independent
/// samples), then ``WaveComparison`` matches the criteria across survey editions, tests every
/// change, adjusts p-values across groups and writes the verdicts.
func compare(_ options: CompareOptions, context: OutputContext) throws {
    var waves: [Wave] = []
    var provenance: [Provenance] = []
    var importOptions = ImportOptions(options.importSettings)
    importOptions.onlyGroupings = Set(options.groupBy)  // the other columns are checked, not kept
    for wave in options.waves.sorted(by: { $0.year < $1.year }) {
        let loaded = try LoadedData.load(
            survey: wave.source.survey ?? options.survey, data: wave.source.data,
            options: importOptions, context: context, fingerprint: options.format == .json)
        context.inform(loaded.result.report.summaryLine)
        var engineOptions = IndexOptions(
            groupings: options.groupBy.isEmpty ? [] : [options.groupBy], level: options.level,
            lonelyUnitPolicy: options.lonelyUnits?.policy, reliability: false, priorities: false)
        if !options.groupBy.isEmpty {
            engineOptions.rankings = [RankingRequest(by: options.groupBy, node: Survey.rootID)]
        }
        let results = try IndexEngine(survey: loaded.survey, dataset: loaded.result.dataset,
                                      options: engineOptions).run()
        waves.append(Wave(label: String(wave.year), survey: loaded.survey, results: results,
                          time: Double(wave.year)))
        if options.format == .json { provenance.append(try loaded.provenance()) }
    }
    let adjustment: MultiplicityAdjustment = options.adjust == .bh ? .benjaminiHochberg : .holm
    let results = try WaveComparison(waves: waves, options: ComparisonOptions(
        by: options.groupBy, level: options.level, adjustment: adjustment)).run()
    let latest = waves[waves.count - 1].survey
    let language = options.language?.rawValue ?? latest.defaultLanguage
    let text: String = switch options.format {
    case .table: ComparisonTable(results: results, survey: latest, language: language).render(width: 100)
    case .json: ComparisonJSON(results: results, survey: latest, provenance: provenance, language: language).text() + "\n"
    case .csv: ComparisonCSV(results: results, survey: latest, language: language).render()
    }
    try context.writeResult(text, to: options.output, protecting: options.inputs)
}
