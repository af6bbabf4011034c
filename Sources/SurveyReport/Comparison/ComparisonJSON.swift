import Foundation
import SatisfactionIndex
import SurveySchema
import SurveyStatistics

/// ``ComparisonResults`` as a complete, versioned JSON document: what `satkit compare
/// --format json` writes (`docs/methods-compare.md`, "Output").
///
/// - Every change names its method, the interval method and level, and carries both the raw
///   and the adjusted p-value, the adjustment and its family; the document states the
///   independence assumption and each wave's design and provenance.
/// - A value suppressed in a wave has no `value` or interval keys, and a change involving it
///   has no numbers at all: what must not be published cannot be read from the file.
/// - Values and changes stay on the measure's scale (shares 0–1); `unit` says how reports
///   print a change (`pp` for shares, `points` otherwise). Non-finite numbers are `null`.
public struct ComparisonJSON: Sendable {
    /// The version of the document's shape.
    public static let schemaVersion = 1

    /// The comparison rendered.
    public let results: ComparisonResults
    /// The latest survey edition (labels).
    public let survey: Survey
    /// One provenance per wave, oldest first (may be empty for a library caller).
    public let provenance: [Provenance]
    /// The language of labels and words (`vi` or `en`, default the survey's).
    public let language: String
    let labels: AnalysisLabels

    public init(results: ComparisonResults, survey: Survey, provenance: [Provenance] = [], language: String? = nil) {
        self.results = results
        self.survey = survey
        self.provenance = provenance
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
    }

    /// The document as UTF-8 bytes.
    public func data() -> Data { Data(document().bytes()) }

    /// The document as text (sorted keys, ends in a line break).
    public func text() -> String { document().serialized() }

    func document() -> JSONTree {
        .object([
            "schemaVersion": .int(Self.schemaVersion),
            "kind": .string("satkit.comparison"),
            "language": .string(language),
            "survey": .object(["id": .string(survey.id), "version": .string(survey.version),
                               "title": .string(labels.label(ofID: Survey.rootID))]),
            "by": .array(results.by.map(JSONTree.string)),
            "level": .finite(results.level),
            "adjustment": .string(results.adjustment.rawValue),
            "family": .string(results.family),
            "independence": .string(results.independence),
            "waves": .array(results.waves.enumerated().map { i, w in waveTree(w, provenance: i < provenance.count ? provenance[i] : nil) }),
            "steps": .array(results.steps.map(stepTree)),
            "trends": .array(results.trends.map(trendTree)),
        ])
    }

    func waveTree(_ w: WaveSummary, provenance p: Provenance?) -> JSONTree {
        .object([
            "label": .string(w.label), "surveyID": .string(w.surveyID), "surveyVersion": .string(w.surveyVersion),
            "rowCount": .int(w.rowCount), "time": .finite(w.time),
            "design": .object(["rDesign": .string(w.design.rDesign), "variance": .string(w.design.variance),
                               "isComplex": .bool(w.design.isComplex), "weights": .string(w.design.weights),
                               "strata": .string(w.design.strata), "clusters": .string(w.design.clusters)]),
            "settings": .object(["measure": .string(w.settings.measure.rawValue), "combine": .string(w.settings.combine.rawValue),
                                 "shareInterval": .string(w.settings.shareInterval), "level": .finite(w.settings.level),
                                 "minValidN": .int(w.settings.minValidN), "disclosureThreshold": .int(w.settings.disclosureThreshold)]),
            "provenance": p.map { p in
                .object([
                    "tool": .string(p.tool), "toolVersion": .string(p.toolVersion),
                    "survey": .object(["id": .string(p.survey.id), "version": .string(p.survey.version),
                                       "fileName": .string(p.survey.fileName), "sha256": .string(p.survey.sha256)]),
                    "data": p.data.map { d in
                        .object(["fileName": .string(d.fileName), "sha256": .string(d.sha256), "rowsRead": .int(d.rowsRead),
                                 "rowsAccepted": .int(d.rowsAccepted), "rowsQuarantined": .int(d.rowsQuarantined)])
                    } ?? .null,
                ])
            } ?? .null,
        ])
    }

    func stepTree(_ step: ComparisonStep) -> JSONTree {
        .object([
            "from": .string(step.from), "to": .string(step.to),
            "matches": .array(step.matches.map { m in
                .object(["id": .string(m.id), "previousID": .string(m.previousID), "kind": .string(m.kind.rawValue),
                         "label": .string(labels.label(ofID: m.id)), "status": .string(m.status.rawValue),
                         "reason": .string(m.reason)])
            }),
            "nodes": .array(step.nodes.map(nodeTree)),
        ])
    }

    static func unit(_ measure: Measure) -> String { measure == .share || measure == .choice ? "pp" : "points" }

    func nodeTree(_ node: NodeChange) -> JSONTree {
        var object: [String: JSONTree] = [
            "id": .string(node.id), "previousID": .string(node.previousID), "role": .string(node.role.rawValue),
            "measure": .string(node.measure.rawValue), "unit": .string(Self.unit(node.measure)),
            "label": .string(labels.label(ofID: node.id)),
            "groups": .array(node.groups.map { groupTree($0) }),
        ]
        if let s = node.summary {
            func values(_ list: [GroupValue]) -> JSONTree {
                .array(list.map { .object(["key": .array($0.key.map(JSONTree.string)), "label": .string(groupLabel($0.key)),
                                            "value": .finite($0.value), "change": .finite($0.difference)]) })
            }
            object["summary"] = .object([
                "minimum": s.minimum.map { values([$0]) } ?? .null, "maximum": s.maximum.map { values([$0]) } ?? .null,
                "top": values(s.top), "bottom": values(s.bottom),
                "improved": .int(s.improved), "declined": .int(s.declined),
                "noSignificantChange": .int(s.noSignificantChange), "notTested": .int(s.notTested),
                "rose": .int(s.rose), "fell": .int(s.fell),
            ])
        }
        return .object(object)
    }

    func groupLabel(_ key: [String]) -> String {
        labels.groupLabel(key, by: results.by, words: UIText.forLanguage(language))
    }

    func valueTree(_ v: WaveValue?) -> JSONTree {
        guard let v else { return .null }
        // A withheld group's n is null (issue 9).
        var object: [String: JSONTree] = ["n": v.countsWithheld ? .null : .int(v.validN), "suppressed": .bool(v.isSuppressed)]
        if !v.isSuppressed {
            object["value"] = .finite(v.estimate.value)
            object["standardError"] = .finite(v.estimate.standardError)
            object["lower"] = .finite(v.interval.lower)
            object["upper"] = .finite(v.interval.upper)
            object["estimator"] = .string(v.estimate.method)
            object["intervalMethod"] = .string(v.interval.method)
        }
        return .object(object)
    }

    func groupTree(_ g: GroupChange) -> JSONTree {
        var object: [String: JSONTree] = [
            "key": .array(g.key.map(JSONTree.string)), "label": .string(groupLabel(g.key)),
            "before": valueTree(g.before), "after": valueTree(g.after),
            "status": .string(g.status.rawValue), "verdict": .string(g.verdict.rawValue),
            "rankBefore": .optional(g.rankBefore?.rank), "rankAfter": .optional(g.rankAfter?.rank), "rankMove": .optional(g.rankMove),
        ]
        if let r = g.rankAfter { object["rankIntervalAfter"] = .array([.int(r.rankLower), .int(r.rankUpper)]) }
        if let r = g.rankBefore { object["rankIntervalBefore"] = .array([.int(r.rankLower), .int(r.rankUpper)]) }
        if let c = g.change {
            object["change"] = .object([
                "difference": .finite(c.difference), "standardError": .finite(c.standardError),
                "lower": .finite(c.interval.lower), "upper": .finite(c.interval.upper),
                "level": .finite(c.interval.level), "intervalMethod": .string(c.interval.method),
                "statistic": .finite(c.test.statistic), "degreesOfFreedom": .finite(c.test.degreesOfFreedom),
                "test": .string(c.test.method), "pValue": .finite(c.pValue), "adjustedPValue": .finite(c.adjustedPValue),
                "method": .string(c.method), "note": .string(c.test.note ?? c.interval.note),
            ])
        }
        return .object(object)
    }

    func trendTree(_ t: NodeTrend) -> JSONTree {
        .object([
            "id": .string(t.id), "ids": .array(t.ids.map(JSONTree.string)), "label": .string(labels.label(ofID: t.id)),
            "groups": .array(t.groups.map { g in
                .object([
                    "key": .array(g.key.map(JSONTree.string)), "label": .string(groupLabel(g.key)),
                    "series": .array(g.series.map(valueTree)), "verdict": .string(g.verdict.rawValue),
                    "trend": g.trend.map { tr in
                        let interval = tr.interval(level: results.level)
                        return .object([
                            "lower": .finite(interval.lower), "upper": .finite(interval.upper),
                            "slope": .finite(tr.slope), "intercept": .finite(tr.intercept),
                            "standardError": .finite(tr.standardError), "statistic": .finite(tr.statistic),
                            "pValue": .finite(tr.pValue), "adjustedPValue": .finite(g.adjustedPValue),
                            "residualQ": .finite(tr.residualQ), "residualDegreesOfFreedom": .int(tr.residualDegreesOfFreedom),
                            "lmStandardError": .finite(tr.lmStandardError), "lmPValue": .finite(tr.lmPValue),
                            "points": .int(tr.points), "method": .string(tr.method),
                        ])
                    } ?? .null,
                ])
            }),
        ])
    }
}

extension JSONTree {
    /// An optional integer: `null` when absent.
    static func optional(_ i: Int?) -> JSONTree { i.map(JSONTree.int) ?? .null }
}
