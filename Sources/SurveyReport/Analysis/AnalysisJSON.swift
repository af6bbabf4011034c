import Foundation
import SatisfactionIndex
import SurveySchema
import SurveyStatistics

/// ``IndexResults`` as a complete, versioned JSON document: what `satkit analyze --format
/// json` writes. The shape, every field, is described in `docs/output-format.md`.
///
/// - Every number carries what produced it: the estimator, the interval method and level,
///   n, the answers left out by kind, weighted N, effective n, design effect and flags; the
///   document carries the applied settings, the design with its R equivalent, and the
///   ``Provenance``.
/// - A suppressed entry has no `estimate`, `interval` or `meanScore` keys at all: a number
///   that must not be published cannot be read from the file. Its counts and flags remain,
///   except in a group whose counts are withheld (`countsWithheld`: below the disclosure
///   threshold, or hidden beside such a group), where sizes, `n` and `counts` are null.
///   The same holds in `rankings` (suppressed groups are not ranked) and in `priorities`.
/// - Non-finite numbers are `null`; keys are sorted; the same results give the same bytes.
///
/// ```swift
/// let data = AnalysisJSON.encode(results: results, survey: survey, provenance: provenance)
/// ```
public struct AnalysisJSON: Sendable {
    /// The version of the document's shape; raised when a field changes meaning or goes away.
    public static let schemaVersion = 1

    public let results: IndexResults
    public let survey: Survey
    public let provenance: Provenance
    /// The language of the labels written beside ids.
    public let language: String
    let labels: AnalysisLabels

    /// The document for `results` of `survey`, labels in `language` (default: the survey's).
    public init(results: IndexResults, survey: Survey, provenance: Provenance, language: String? = nil) {
        self.results = results
        self.survey = survey
        self.provenance = provenance
        self.labels = AnalysisLabels(survey: survey, language: language)
        self.language = labels.language
    }

    /// The document as UTF-8 bytes, pretty-printed with sorted keys, ending in a line break.
    public static func encode(results: IndexResults, survey: Survey, provenance: Provenance, language: String? = nil) -> Data {
        AnalysisJSON(results: results, survey: survey, provenance: provenance, language: language).data()
    }

    /// The document as UTF-8 bytes.
    public func data() -> Data { Data(document().bytes()) }

    /// The document as text.
    public func text() -> String { document().serialized() }

    func document() -> JSONTree {
        .object([
            "schemaVersion": .int(Self.schemaVersion),
            "kind": .string("satkit.analysis"),
            "language": .string(language),
            "provenance": provenanceTree(),
            "survey": .object([
                "id": .string(results.surveyID), "version": .string(results.surveyVersion),
                "title": .string(labels.label(ofID: Survey.rootID)),
            ]),
            "rowCount": .int(results.rowCount),
            "settings": settingsTree(),
            "design": designTree(),
            "groupings": .array(results.groupings.map(groupingTree)),
            "rankings": .array(results.rankings.map(rankingTree)),
            "reliability": .array(results.reliability.map(reliabilityTree)),
            "priorities": results.priorities.map(prioritiesTree) ?? .null,
        ])
    }

    func provenanceTree() -> JSONTree {
        let p = provenance
        return .object([
            "tool": .string(p.tool),
            "toolVersion": .string(p.toolVersion),
            "survey": .object([
                "id": .string(p.survey.id), "version": .string(p.survey.version),
                "fileName": .string(p.survey.fileName), "sha256": .string(p.survey.sha256),
            ]),
            "data": p.data.map { d in
                .object([
                    "fileName": .string(d.fileName), "sha256": .string(d.sha256), "rowsRead": .int(d.rowsRead),
                    "rowsAccepted": .int(d.rowsAccepted), "rowsQuarantined": .int(d.rowsQuarantined),
                ])
            } ?? .null,
        ])
    }

    func settingsTree() -> JSONTree {
        let s = results.settings
        return .object([
            "measure": .string(s.measure.rawValue), "combine": .string(s.combine.rawValue),
            "shareInterval": .string(s.shareInterval), "aggregateShareInterval": .string(s.aggregateShareInterval),
            "treeIntervals": s.treeIntervals.map(JSONTree.string) ?? .null,
            "meanInterval": .string(s.meanInterval), "level": .finite(s.level), "minValidN": .int(s.minValidN),
            "maxIntervalWidth": .finite(s.maxIntervalWidth), "disclosureThreshold": .int(s.disclosureThreshold),
        ])
    }

    func designTree() -> JSONTree {
        let d = results.design
        return .object([
            "weights": .string(d.weights), "strata": .string(d.strata), "clusters": .string(d.clusters),
            "fpc": .string(d.fpc), "lonelyUnitPolicy": .string(d.lonelyUnitPolicy.rawValue),
            "strataCount": .int(d.strataCount), "psuCount": .int(d.psuCount), "variance": .string(d.variance),
            "rDesign": .string(d.rDesign), "isComplex": .bool(d.isComplex),
        ])
    }

    func groupingTree(_ grouping: GroupingResults) -> JSONTree {
        .object([
            "by": .array(grouping.by.map(JSONTree.string)),
            "byLabels": .array(grouping.by.map { .string(labels.groupingName($0)) }),
            "groups": .array(grouping.groups.map { groupTree($0, by: grouping.by) }),
        ])
    }

    func groupTree(_ group: GroupResult, by: [String]) -> JSONTree {
        .object([
            "key": .array(group.key.map(JSONTree.string)),
            "label": .string(labels.groupLabel(group.key, by: by, words: UIText.forLanguage(language))),
            // Sizes withheld by disclosure control (issue 9) are null.
            "respondents": group.countsWithheld ? .null : .int(group.respondents),
            "weightedRespondents": group.countsWithheld ? .null : .finite(group.weightedRespondents),
            "degreesOfFreedom": group.countsWithheld ? .null : .int(group.degreesOfFreedom),
            "countsWithheld": .bool(group.countsWithheld),
            "belowDisclosureThreshold": .bool(group.belowDisclosureThreshold),
            "nodes": .array(group.nodes.map(entryTree)),
            "questions": .array(group.questions.map(entryTree)),
        ])
    }

    func entryTree(_ entry: IndexEntry) -> JSONTree {
        let info = labels.node(entry.id)
        var object: [String: JSONTree] = [
            "id": .string(entry.id),
            "option": .string(entry.option),
            "role": .string(entry.role.rawValue),
            "label": .string(labels.label(of: entry)),
            "measure": .string(entry.measure.rawValue),
            "combine": .string(entry.combine?.rawValue),
            "n": entry.countsWithheld ? .null : .int(entry.estimate.n),
            "counts": entry.countsWithheld ? .null : countsTree(entry.counts),
            "flags": .array(entry.publishedFlags.map { .string($0.rawValue) }),
            "suppressed": .bool(entry.isSuppressed),
        ]
        if let info {
            object["depth"] = .int(info.depth)
            object["parent"] = .string(info.parent)
        }
        if let question = survey.question(id: entry.id) {
            object["kind"] = .string(question.kind.rawValue)
        }
        guard !entry.isSuppressed else { return .object(object) }
        object["estimate"] = estimateTree(entry.estimate)
        object["interval"] = intervalTree(entry.interval)
        if let mean = entry.meanScore {
            object["meanScore"] = .object([
                "estimate": estimateTree(mean.estimate),
                "interval": intervalTree(mean.interval),
            ])
        }
        return .object(object)
    }

    func estimateTree(_ e: Estimate) -> JSONTree {
        .object([
            "value": .finite(e.value), "standardError": .finite(e.standardError), "estimator": .string(e.method),
            "n": .int(e.n), "degreesOfFreedom": .finite(e.degreesOfFreedom), "weightedN": .finite(e.weightedN),
            "effectiveN": .finite(e.effectiveN), "designEffect": .finite(e.designEffect),
        ])
    }

    func intervalTree(_ i: ConfidenceInterval) -> JSONTree {
        .object([
            "lower": .finite(i.lower), "upper": .finite(i.upper), "level": .finite(i.level),
            "method": .string(i.method), "note": .string(i.note),
        ])
    }

    func countsTree(_ c: AnswerCounts) -> JSONTree {
        .object([
            "valid": .int(c.valid), "noAnswer": .int(c.noAnswer), "dontKnow": .int(c.dontKnow),
            "notApplicable": .int(c.notApplicable), "invalid": .int(c.invalid), "excluded": .int(c.excluded),
        ])
    }

    func rankingTree(_ ranking: Ranking) -> JSONTree {
        let grouping = results.grouping(ranking.by)
        func suppressed(_ key: [String]) -> Bool {
            guard let group = grouping?.group(key) else { return false }
            let entry = group.node(ranking.node) ?? group.question(ranking.node)
            return entry?.isSuppressed ?? group.belowDisclosureThreshold
        }
        let measure = grouping?.groups.first.flatMap { $0.node(ranking.node) ?? $0.question(ranking.node) }?.measure
        return .object([
            "by": .array(ranking.by.map(JSONTree.string)),
            "node": .string(ranking.node),
            "label": .string(labels.label(ofID: ranking.node)),
            "measure": .string(measure?.rawValue),
            "method": .string(ranking.method.rawValue),
            "replicates": .int(ranking.replicates),
            "seed": .string(String(ranking.seed)),
            "scheme": .string(ranking.scheme.rawValue),
            "level": .finite(ranking.level),
            "entries": .array(ranking.entries.filter { !suppressed($0.key) }.map { e in
                .object([
                    "key": .array(e.key.map(JSONTree.string)),
                    "label": .string(labels.groupLabel(e.key, by: ranking.by, words: UIText.forLanguage(language))),
                    "value": .finite(e.value), "rank": .int(e.rank), "rankLower": .int(e.rankLower),
                    "rankUpper": .int(e.rankUpper),
                    "indistinguishableFromNeighbours": .bool(e.indistinguishableFromNeighbours),
                ])
            }),
        ])
    }

    func reliabilityTree(_ r: AspectReliability) -> JSONTree {
        .object([
            "aspect": .string(r.aspect),
            "label": .string(labels.label(ofID: r.aspect)),
            "n": .int(r.n),
            "alpha": .finite(r.alpha),
            "interval": intervalTree(r.interval),
            "criteria": .array(zip(r.criteria, r.itemRestCorrelations).map { id, correlation in
                .object(["id": .string(id), "label": .string(labels.label(ofID: id)), "itemRest": .finite(correlation)])
            }),
        ])
    }

    func prioritiesTree(_ p: Priorities) -> JSONTree {
        let whole = results.wholeSample
        return .object([
            "weakest": .array(p.weakest.map { .object(["id": .string($0), "label": .string(labels.label(ofID: $0))]) }),
            "importanceTarget": .string(p.importanceTarget),
            "table": .array(p.table.map { row in
                var object: [String: JSONTree] = [
                    "criterion": .string(row.criterion), "label": .string(labels.label(ofID: row.criterion)),
                    "aspect": .string(row.aspect), "importance": .finite(row.importance), "n": .int(row.n),
                ]
                let hidden = whole?.node(row.criterion)?.isSuppressed ?? false
                object["suppressed"] = .bool(hidden)
                if !hidden {
                    object["performance"] = .finite(row.performance)
                    object["quadrant"] = .string(row.quadrant?.rawValue)
                }
                return .object(object)
            }),
        ])
    }
}
