import SurveySchema

/// Reading generated cells back into answers, independently of the generator's code: a cell
/// is a point's code, a point's label in any language, a declared missing code, or unknown.
enum Answer: Equatable {
    case value(Int)
    case missing(MissingKind)
    case unknown(String)

    init(_ cell: String, scale: Scale) {
        if let kind = scale.missing.kind(of: cell) {
            self = .missing(kind)
        } else if let code = Int(cell), scale.point(value: code) != nil {
            self = .value(code)
        } else if let point = scale.points.first(where: { $0.label.byLanguage.values.contains(cell) }) {
            self = .value(point.value)
        } else {
            self = .unknown(cell)
        }
    }

    var value: Int? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// Counts of one criterion's answers.
struct CriterionTally {
    var satisfied = 0
    var valid = 0
    var missing = 0
    var unknown = 0

    /// Satisfied / valid.
    var share: Double { Double(satisfied) / Double(valid) }
    /// Missing / all cells.
    var missingRate: Double { Double(missing) / Double(valid + missing + unknown) }

    init(cells: [String], criterion: Criterion, scale: Scale) {
        for cell in cells {
            switch Answer(cell, scale: scale) {
            case .value(let v):
                valid += 1
                if scale.isSatisfied(criterion.keyed(v, on: scale)) { satisfied += 1 }
            case .missing:
                missing += 1
            case .unknown:
                unknown += 1
            }
        }
    }
}
