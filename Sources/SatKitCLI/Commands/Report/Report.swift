import Foundation
import SatKit

/// `satkit report`: the leadership summary (``LeadershipReport``) of one wave, compared with
/// a baseline wave when one is given, as one self-contained HTML file or as Markdown.
func report(_ options: ReportOptions, context: OutputContext) throws {
    let grouping = options.groupBy
    func analyse(survey: String, data: String, keepTexts: Bool, fingerprint: Bool) throws -> (LoadedData, IndexResults) {
        var importOptions = ImportOptions(options.importSettings)
        importOptions.keepTexts = keepTexts
        importOptions.onlyGroupings = Set(grouping)  // the other columns are checked, not kept
        let loaded = try LoadedData.load(survey: survey, data: data, options: importOptions, context: context,
                                         fingerprint: fingerprint)
        context.inform(loaded.result.report.summaryLine)
        var engineOptions = IndexOptions(groupings: grouping.isEmpty ? [] : [grouping],
                                         lonelyUnitPolicy: options.lonelyUnits?.policy)
        if !grouping.isEmpty { engineOptions.rankings = [RankingRequest(by: grouping, node: Survey.rootID)] }
        options.bootstrap?.apply(to: &engineOptions)
        let results = try IndexEngine(survey: loaded.survey, dataset: loaded.result.dataset,
                                      options: engineOptions).run()
        return (loaded, results)
    }

    let (current, results) = try analyse(survey: options.survey, data: options.data,
                                         keepTexts: options.includeComments, fingerprint: true)
    var comparison: ComparisonResults?
    if let baseline = options.baseline {
        let (previous, baselineResults) = try analyse(
            survey: baseline.survey ?? options.survey, data: baseline.data, keepTexts: false, fingerprint: false)
        let before = waveLabel(previous, fallback: "baseline")
        var after = waveLabel(current, fallback: "current")
        if after == before { after += " (current)" }
        comparison = try WaveComparison(
            waves: [Wave(label: before, survey: previous.survey, results: baselineResults),
                    Wave(label: after, survey: current.survey, results: results)],
            options: ComparisonOptions(by: grouping)).run()
    }
    let comments = options.includeComments
        ? current.survey.questions(of: .text).flatMap { current.result.dataset.texts[$0.id] ?? [] }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        : []
    let leadership = LeadershipReport(
        survey: current.survey, results: results, comparison: comparison,
        provenance: try current.provenance(),
        language: options.language?.rawValue ?? current.survey.defaultLanguage,
        options: LeadershipReport.Options(
            by: grouping.isEmpty ? nil : grouping, includeComments: options.includeComments,
            comments: comments))
    let text = options.format == .html ? leadership.html() : leadership.markdown()
    try context.writeResult(text, to: options.output, protecting: options.inputs)
}

/// The wave a dataset holds, from its wave column when every row has the same value.
private func waveLabel(_ loaded: LoadedData, fallback: String) -> String {
    guard let wave = loaded.result.dataset.wave else { return fallback }
    let present = Set(wave.codes).map { wave.levels[Int($0)] }.filter { !$0.isEmpty }
    return present.count == 1 ? present[0] : fallback
}
