/// One CSV column a survey reads, what it holds, and whether an export must have it.
public struct ColumnRequirement: Sendable, Hashable {
    /// What a column holds.
    public enum Role: Sendable, Hashable {
        /// The respondent id.
        case respondent
        /// The wave (year or period).
        case wave
        /// A grouping column, by group id.
        case group(String)
        /// Sampling weights.
        case weight
        /// Strata.
        case strata
        /// Clusters (primary sampling units).
        case cluster
        /// Finite-population correction.
        case fpc
        /// A criterion's answers, by criterion id.
        case criterion(String)
        /// A question's answers (one cell), by question id.
        case question(String)
        /// One 0/1 option column of a multiSelect question.
        case option(question: String, code: String)
    }

    /// The column's header name.
    public var name: String
    /// What the column holds. A design column that is also a grouping column is listed
    /// once, under its first role.
    public var role: Role
    /// Whether an export without this column cannot be analysed.
    public var isRequired: Bool

    /// A column requirement.
    public init(name: String, role: Role, isRequired: Bool) {
        self.name = name
        self.role = role
        self.isRequired = isRequired
    }
}

extension Survey {
    /// Every CSV column the survey reads, each once, in this order: respondent, wave,
    /// groups, design, criteria (tree order), questions (file order).
    ///
    /// Required: the respondent and wave columns if declared, groups, design columns,
    /// criteria and `overall` questions — without them the indices or their intervals
    /// cannot be computed as declared. Optional: the other questions (evaluation,
    /// expectation, screener, multiSelect, text, demographic), which an export may leave out.
    public var columnRequirements: [ColumnRequirement] {
        var result: [ColumnRequirement] = []
        var seen: Set<String> = []
        func add(_ name: String?, _ role: ColumnRequirement.Role, required: Bool) {
            guard let name, seen.insert(name).inserted else { return }
            result.append(ColumnRequirement(name: name, role: role, isRequired: required))
        }
        add(columns.respondent, .respondent, required: true)
        add(columns.wave, .wave, required: true)
        for group in columns.groups { add(group.column, .group(group.id), required: true) }
        add(columns.design.weight, .weight, required: true)
        add(columns.design.strata, .strata, required: true)
        add(columns.design.cluster, .cluster, required: true)
        add(columns.design.fpc, .fpc, required: true)
        for criterion in criteria { add(criterion.column, .criterion(criterion.id), required: true) }
        for question in questions {
            let required = question.kind == .overall
            add(question.column, .question(question.id), required: required)
            for option in question.options {
                add(option.column, .option(question: question.id, code: option.code), required: required)
            }
        }
        return result
    }

    /// The names of the columns an export must have.
    public var requiredColumns: [String] { columnRequirements.filter(\.isRequired).map(\.name) }

    /// The names of the columns an export may leave out.
    public var optionalColumns: [String] { columnRequirements.filter { !$0.isRequired }.map(\.name) }
}
