import SurveySchema

/// The file's header matched against the survey's columns: which field holds each column.
struct HeaderMatch {
    /// The header names, trimmed and in NFC, in file order.
    let names: [String]
    /// Field index by name (names that appear once).
    let index: [String: Int]
    /// Optional survey columns the header lacks.
    let absentOptional: [String]

    /// Matches `header` (fields as read) against `survey`.
    /// - Throws: ``ImportError/duplicateColumns(file:_:)`` when a name appears twice, else
    ///   ``ImportError/missingColumns(file:_:)`` listing every required column that is absent.
    init(header: [String], survey: Survey, file: String) throws(ImportError) {
        names = header.map(CellText.display)
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (i, name) in names.enumerated() where !name.isEmpty {
            if positions[name] == nil { order.append(name) }
            positions[name, default: []].append(i + 1)
        }
        let duplicates = order.compactMap { name in
            positions[name]!.count > 1 ? DuplicateColumn(name: name, positions: positions[name]!) : nil
        }
        if !duplicates.isEmpty { throw .duplicateColumns(file: file, duplicates) }
        index = positions.mapValues { $0[0] - 1 }

        let requirements = survey.columnRequirements
        let surveyColumns = Set(requirements.map(\.name))
        let unused = order.filter { !surveyColumns.contains($0) }
        var missing: [MissingColumn] = []
        var absent: [String] = []
        for requirement in requirements where index[requirement.name] == nil {
            if requirement.isRequired {
                missing.append(MissingColumn(
                    name: requirement.name, neededBy: Self.phrase(requirement.role),
                    suggestion: Suggestion.closest(to: requirement.name, among: unused)))
            } else {
                absent.append(requirement.name)
            }
        }
        if !missing.isEmpty { throw .missingColumns(file: file, missing) }
        absentOptional = absent
    }

    /// What needs a column, as the phrase after "needed".
    static func phrase(_ role: ColumnRequirement.Role) -> String {
        switch role {
        case .respondent: "as the respondent id"
        case .wave: "as the wave"
        case .group(let id): "by group \(id)"
        case .weight: "as the design weight"
        case .strata: "as the design strata"
        case .cluster: "as the design clusters"
        case .fpc: "as the finite-population correction"
        case .criterion(let id): "by criterion \(id)"
        case .question(let id): "by question \(id)"
        case let .option(question, code): "by option \(code) of question \(question)"
        }
    }
}
