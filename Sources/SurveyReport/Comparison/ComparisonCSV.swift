import Foundation
import SatisfactionIndex
import SurveyData
import SurveySchema

/// ``ComparisonResults`` as a tidy CSV: one row per step × node × group (kind `change`), one
/// row per node not compared (kind `match`, with the reason), and with three or more waves one
/// row per node × group for the trend (kind `trend`: `change` holds the slope per time unit,
/// `change_lower` and `change_upper` its interval with the variances known).
///
/// Numbers are shortest round-trip with a `.` decimal point, shares on the 0–1 scale, empty
/// when not finite or when suppressed. Text goes through ``CSVWriter`` with formula
/// neutralisation (a cell starting with `=`, `+`, `-`, `@` gets a leading `'`).
public struct ComparisonCSV: Sendable {
    /// The columns, in order.
    public static let columns = [
        "kind", "from", "to", "grouping", "group", "group_label", "id", "previous_id", "label", "role", "measure",
        "status", "reason", "value_before", "lower_before", "upper_before", "n_before", "value_after", "lower_after",
        "upper_after", "n_after", "change", "change_lower", "change_upper", "standard_error", "statistic", "p_value",
        "p_adjusted", "adjustment", "level", "verdict", "method", "rank_before", "rank_after", "rank_move",
    ]

    /// The comparison rendered.
    public let results: ComparisonResults
    /// The latest survey edition: labels of nodes, questions and groups.
    public let survey: Survey
    /// The language of labels and words (`vi` or `en`, default the survey's).
    public let language: String
    let labels: AnalysisLabels

    public init(results: ComparisonResults, survey: Survey, language: String? = nil) {
        self.results = results
        self.survey = survey
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return JSONTree.number(x)
    }

    /// The file's bytes: UTF-8, CRLF line ends; with `byteOrderMark`, a UTF-8 BOM first.
    public func data(byteOrderMark: Bool = false) -> Data {
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: byteOrderMark))
        writer.writeRecord(Self.columns)
        let words = UIText.forLanguage(language)
        let grouping = results.by.joined(separator: ",")
        let adjustment = results.adjustment.rawValue, level = Self.number(results.level)
        func value(_ v: WaveValue?) -> [String] {
            guard let v else { return ["", "", "", ""] }
            // A withheld group's n is an empty cell too (issue 9).
            if v.isSuppressed { return ["", "", "", v.countsWithheld ? "" : String(v.validN)] }
            return [Self.number(v.estimate.value), Self.number(v.interval.lower), Self.number(v.interval.upper), String(v.validN)]
        }
        for step in results.steps {
            for node in step.nodes {
                for g in node.groups {
                    let c = g.change
                    writer.writeRecord(
                        ["change", step.from, step.to, g.key.isEmpty ? "" : grouping, g.key.joined(separator: ","),
                         labels.groupLabel(g.key, by: results.by, words: words), node.id, node.previousID,
                         labels.label(ofID: node.id), node.role.rawValue, node.measure.rawValue, g.status.rawValue, ""]
                        + value(g.before) + value(g.after)
                        + [Self.number(c?.difference), Self.number(c?.interval.lower), Self.number(c?.interval.upper),
                           Self.number(c?.standardError), Self.number(c?.test.statistic), Self.number(c?.pValue),
                           Self.number(c?.adjustedPValue), adjustment, level, g.verdict.rawValue, c?.method ?? "",
                           g.rankBefore.map { String($0.rank) } ?? "", g.rankAfter.map { String($0.rank) } ?? "",
                           g.rankMove.map(String.init) ?? ""])
                }
            }
            for m in step.matches where m.status != .compared {
                writer.writeRecord(
                    ["match", step.from, step.to, "", "", "", m.id, m.previousID ?? "", labels.label(ofID: m.id), m.kind.rawValue,
                     "", m.status.rawValue, m.reason ?? ""] + Array(repeating: "", count: Self.columns.count - 13))
            }
        }
        if let first = results.waves.first?.label, let last = results.waves.last?.label {
            for node in results.trends {
                for g in node.groups {
                    let t = g.trend
                    var row = ["trend", first, last, g.key.isEmpty ? "" : grouping, g.key.joined(separator: ","),
                               labels.groupLabel(g.key, by: results.by, words: words), node.id, node.ids[0],
                               labels.label(ofID: node.id), "", "", t == nil ? "too-few-points" : "tested", ""]
                    row += Array(repeating: "", count: 8)
                    let interval = t?.interval(level: results.level)
                    row += [Self.number(t?.slope), Self.number(interval?.lower), Self.number(interval?.upper),
                            Self.number(t?.standardError), Self.number(t?.statistic),
                            Self.number(t?.pValue), Self.number(g.adjustedPValue), adjustment, level, g.verdict.rawValue,
                            t?.method ?? "", "", "", ""]
                    writer.writeRecord(row)
                }
            }
        }
        return Data(writer.takeBytes())
    }

    /// The file as text.
    public func render(byteOrderMark: Bool = false) -> String {
        String(decoding: data(byteOrderMark: byteOrderMark), as: UTF8.self)
    }
}
