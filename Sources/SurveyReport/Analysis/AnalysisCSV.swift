import Foundation
import SatisfactionIndex
import SurveyData
import SurveySchema

/// ``IndexResults`` as a tidy CSV: one row per group × entry (a node of the tree, a question,
/// a multi-select option), one column per statistic, in the fixed order of ``columns``. What
/// `satkit analyze --format csv` writes; `docs/output-format.md` describes every column.
///
/// - Numbers are written in their shortest round-trip form with a `.` decimal point and no
///   grouping (`0.8324`, `36525`), so that spreadsheets and R read them as numbers; shares stay
///   on the 0–1 scale. A number that is not finite is an empty cell.
/// - Text (labels, group codes) goes through ``CSVWriter`` with formula neutralisation: a label
///   starting with `=`, `+`, `-`, `@`, tab or CR is written with a leading `'` (OWASP).
/// - A suppressed entry has empty estimate cells (value, standard error, bounds, mean score,
///   weighted N, effective n, design effect), `suppressed` = `true`, and its flags; counts remain
///   unless its group's counts are withheld (`countsWithheld`), then they are empty too.
/// - Rank columns are filled on the rows of a ranked node in a ranked grouping.
public struct AnalysisCSV: Sendable {
    /// The columns, in order.
    public static let columns = [
        "grouping", "group", "group_label", "respondents", "id", "option", "role", "depth", "parent", "label",
        "measure", "combine", "suppressed", "flags", "value", "standard_error", "lower", "upper", "level",
        "estimator", "interval_method", "mean_score", "mean_lower", "mean_upper", "n", "n_valid",
        "n_no_answer", "n_dont_know", "n_not_applicable", "n_invalid", "n_excluded", "weighted_n",
        "effective_n", "design_effect", "rank", "rank_lower", "rank_upper", "rank_indistinguishable",
    ]

    public let results: IndexResults
    public let survey: Survey
    /// The language of labels.
    public let language: String
    let labels: AnalysisLabels

    /// The CSV of `results` of `survey`, labels in `language` (default: the survey's).
    public init(results: IndexResults, survey: Survey, language: String? = nil) {
        self.results = results
        self.survey = survey
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
    }

    /// The file's bytes: UTF-8, CRLF line ends (RFC 4180); with `byteOrderMark`, a UTF-8 BOM
    /// first so that Excel on Windows reads Vietnamese correctly.
    public func data(byteOrderMark: Bool = false) -> Data {
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: byteOrderMark))
        writer.writeRecord(Self.columns)
        var bytes = writer.takeBytes()
        let words = UIText.forLanguage(language)
        // node → group key → rank entry per grouping, looked up once per row.
        let ranks = results.groupings.map { grouping in
            var ranks: [String: [[String]: RankEntry]] = [:]
            for ranking in results.rankings where ranking.by == grouping.by && ranks[ranking.node] == nil {
                ranks[ranking.node] = Dictionary(ranking.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return ranks
        }
        // Groups are written in runs side by side (200 services' rows take 60 ms on one core),
        // and the runs' bytes joined in order.
        let groups = results.groupings.indices.flatMap { k in results.groupings[k].groups.indices.map { (k, $0) } }
        let runs = min(groups.count, 16)
        let parts = Slots<[UInt8]>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var writer = CSVWriter()
            for (k, g) in groups[(groups.count * run / runs)..<(groups.count * (run + 1) / runs)] {
                let grouping = results.groupings[k], group = grouping.groups[g]
                let head = [
                    grouping.by.joined(separator: ","), group.key.joined(separator: ","),
                    labels.groupLabel(group.key, by: grouping.by, words: words),
                    group.countsWithheld ? "" : String(group.respondents),  // withheld: issue 9
                ]
                for entry in group.nodes + group.questions {
                    let rank = entry.option == nil ? ranks[k][entry.id]?[group.key] : nil
                    writer.writeRecord(head + row(entry, rank: entry.isSuppressed ? nil : rank))
                }
            }
            parts.set(run, writer.takeBytes())
        }
        for run in 0..<runs { bytes += parts.get(run) }
        return Data(bytes)
    }

    /// The file as text.
    public func render(byteOrderMark: Bool = false) -> String {
        String(decoding: data(byteOrderMark: byteOrderMark), as: UTF8.self)
    }

    func row(_ entry: IndexEntry, rank: RankEntry?) -> [String] {
        let info = labels.node(entry.id)
        let hidden = entry.isSuppressed
        let e = entry.estimate
        func number(_ x: Double?) -> String { hidden ? "" : Self.number(x) }
        let c = entry.counts
        // Counts of a group withheld by disclosure control are empty cells (issue 9).
        func count(_ x: Int) -> String { entry.countsWithheld ? "" : String(x) }
        return [
            entry.id, entry.option ?? "", entry.role.rawValue, info.map { String($0.depth) } ?? "",
            info?.parent ?? "", labels.label(of: entry), entry.measure.rawValue, entry.combine?.rawValue ?? "",
            hidden ? "true" : "false", entry.publishedFlags.map(\.rawValue).joined(separator: ";"),
            number(e.value), number(e.standardError), number(entry.interval.lower), number(entry.interval.upper),
            Self.number(entry.interval.level), e.method, entry.interval.method,
            number(entry.meanScore?.estimate.value), number(entry.meanScore?.interval.lower),
            number(entry.meanScore?.interval.upper), count(e.n), count(c.valid), count(c.noAnswer),
            count(c.dontKnow), count(c.notApplicable), count(c.invalid), count(c.excluded),
            number(e.weightedN), number(e.effectiveN), number(e.designEffect),
            rank.map { String($0.rank) } ?? "", rank.map { String($0.rankLower) } ?? "",
            rank.map { String($0.rankUpper) } ?? "", rank.map { $0.indistinguishableFromNeighbours ? "true" : "false" } ?? "",
        ]
    }

    /// Shortest round-trip decimal with `.`; integral values without `.0`; empty when absent or
    /// not finite.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return JSONTree.number(x)
    }
}
