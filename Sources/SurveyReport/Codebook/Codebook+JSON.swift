import Foundation
import SurveySchema

extension Codebook {
    /// The codebook as JSON (pretty-printed, keys sorted): `columns` (one entry per CSV
    /// column with its role and label), `tree` (the index tree) and `scales`, labels in
    /// ``language``. `codebookVersion` changes when the shape does.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document())
    }

    struct Document: Encodable {
        let codebookVersion = 1
        let survey: SurveyInfo
        let columns: [Column]
        let tree: Node
        let scales: [ScaleEntry]
    }
    struct SurveyInfo: Encodable {
        let id, version, title, language: String
        let languages: [String]
    }
    struct Column: Encodable {
        let name, role: String
        let id: String?
        let required: Bool
        let label: String
        let kind, scale: String?
    }
    final class Node: Encodable {
        let id, label, kind: String
        let combine, column, scale: String?
        let reverse: Bool?
        let children: [Node]?
        init(id: String, label: String, kind: String, combine: String? = nil, column: String? = nil,
             scale: String? = nil, reverse: Bool? = nil, children: [Node]? = nil) {
            (self.id, self.label, self.kind, self.combine) = (id, label, kind, combine)
            (self.column, self.scale, self.reverse, self.children) = (column, scale, reverse, children)
        }
    }
    struct ScaleEntry: Encodable {
        struct Point: Encodable { let value: Int; let label: String }
        struct Missing: Encodable { let noAnswer, dontKnow, notApplicable: [String] }
        let id: String
        let points: [Point]
        let satisfied: [Int]
        let neutral, dissatisfied: [Int]?
        let missing: Missing
    }

    func document() -> Document {
        func node(_ indicator: Indicator) -> Node {
            switch indicator {
            case .aggregate(let aggregate):
                Node(id: aggregate.id, label: text(aggregate.label), kind: "aggregate",
                     combine: (aggregate.combine ?? survey.index.combine).rawValue,
                     children: aggregate.children.map(node))
            case .criterion(let criterion):
                Node(id: criterion.id, label: text(criterion.label), kind: "criterion",
                     column: criterion.column, scale: criterion.scale, reverse: criterion.reverse)
            }
        }
        let columns = survey.columnRequirements.map { requirement -> Column in
            let (role, id, kind, scale): (String, String?, String?, String?)
            switch requirement.role {
            case .respondent: (role, id, kind, scale) = ("respondent", nil, nil, nil)
            case .wave: (role, id, kind, scale) = ("wave", nil, nil, nil)
            case .group(let group): (role, id, kind, scale) = ("group", group, nil, nil)
            case .weight: (role, id, kind, scale) = ("weight", nil, nil, nil)
            case .strata: (role, id, kind, scale) = ("strata", nil, nil, nil)
            case .cluster: (role, id, kind, scale) = ("cluster", nil, nil, nil)
            case .fpc: (role, id, kind, scale) = ("fpc", nil, nil, nil)
            case .criterion(let criterion):
                let scaleID = survey.criteria.first { $0.id == criterion }?.scale
                (role, id, kind, scale) = ("criterion", criterion, nil, scaleID)
            case .question(let question):
                let found = survey.question(id: question)
                (role, id, kind, scale) = ("question", question, found?.kind.rawValue, found?.scale)
            case .option(let question, let code):
                (role, id, kind, scale) = ("option", "\(question).\(code)", "multiSelect", nil)
            }
            return Column(name: requirement.name, role: role, id: id, required: requirement.isRequired,
                          label: roleDescription(requirement.role), kind: kind, scale: scale)
        }
        let scales = survey.scales.map { scale in
            ScaleEntry(
                id: scale.id,
                points: scale.points.map { .init(value: $0.value, label: text($0.label)) },
                satisfied: scale.satisfied, neutral: scale.neutral, dissatisfied: scale.dissatisfied,
                missing: .init(noAnswer: scale.missing.noAnswer, dontKnow: scale.missing.dontKnow,
                               notApplicable: scale.missing.notApplicable))
        }
        return Document(
            survey: SurveyInfo(id: survey.id, version: survey.version, title: text(survey.title),
                               language: language, languages: survey.languages),
            columns: columns, tree: node(.aggregate(survey.root)), scales: scales)
    }
}
