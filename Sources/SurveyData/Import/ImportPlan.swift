import SurveySchema

/// The per-row work of an import, decided once from the survey and the header: which field
/// feeds which coder and where the result goes. Only the columns the survey reads (and the
/// extra columns kept) are touched.
final class ImportPlan {
    /// A column answered on a scale (a criterion or a scored question).
    struct ScaleSlot {
        let field: Int
        let coder: ScaleCoder
        let id: String
        let column: String
    }

    /// Where a categorical column's codes go.
    enum CategoryTarget: Equatable {
        case group(String), demographic(String), strata, cluster, wave, extra(String)
    }

    /// A categorical column.
    struct CategorySlot {
        let field: Int
        let coder: CategoryCoder
        let column: String
        let target: CategoryTarget
        /// The word messages use for one of its values: the group or question id, `stratum`...
        let noun: String
        /// The dictionary, for suggestions.
        let values: [CodeLabel]?
        /// Whether an empty cell is a problem.
        let emptyIsProblem: Bool
    }

    struct SelectionSlot {
        let id: String
        /// One-cell shape.
        let cell: (field: Int, coder: MultiSelectCoder, column: String)?
        /// One-column-per-option shape: field, coder, option bit, column, option code.
        let options: [(field: Int, coder: OptionColumnCoder, bit: Int, column: String, code: String)]
        let knownSpellings: [String]
    }

    let scales: [ScaleSlot]
    var categories: [CategorySlot]
    let selections: [SelectionSlot]
    let texts: [(field: Int, id: String)]
    let weight: (field: Int, column: String)?
    let fpc: (field: Int, column: String)?
    let respondent: (field: Int, column: String)?
    /// Extra columns past ``extraColumnCountLimit``, not kept.
    var notKeptExtras: [String] = []
    /// The most extra columns kept.
    static let extraColumnCountLimit = 1000

    init(survey: Survey, header: HeaderMatch, options: ImportOptions) {
        var coders: [String: ScaleCoder] = [:]
        func coder(_ scaleID: String) -> ScaleCoder? {
            if let existing = coders[scaleID] { return existing }
            guard let scale = survey.scale(id: scaleID) else { return nil }
            let made = ScaleCoder(scale: scale)
            coders[scaleID] = made
            return made
        }
        var scales: [ScaleSlot] = []
        for criterion in survey.criteria {
            if let field = header.index[criterion.column], let coder = coder(criterion.scale) {
                scales.append(ScaleSlot(field: field, coder: coder, id: criterion.id, column: criterion.column))
            }
        }
        var categories: [CategorySlot] = []
        var selections: [SelectionSlot] = []
        var texts: [(Int, String)] = []
        for question in survey.questions {
            switch question.kind {
            case .overall, .evaluation, .expectation, .screener:
                if let column = question.column, let field = header.index[column],
                   let scaleID = question.scale, let coder = coder(scaleID) {
                    scales.append(ScaleSlot(field: field, coder: coder, id: question.id, column: column))
                }
            case .multiSelect:
                let known = question.options.flatMap { option in
                    [option.code] + option.label.languages.map { option.label.byLanguage[$0]! }
                }
                if let column = question.column {
                    if let field = header.index[column] {
                        let coder = MultiSelectCoder(options: question.options, separator: question.separator ?? SurveyFormat.defaultSeparator)
                        selections.append(SelectionSlot(id: question.id, cell: (field, coder, column), options: [], knownSpellings: known))
                    }
                } else {
                    var optionSlots: [(Int, OptionColumnCoder, Int, String, String)] = []
                    for (bit, option) in question.options.enumerated().prefix(64) {
                        if let column = option.column, let field = header.index[column] {
                            optionSlots.append((field, OptionColumnCoder(option: option), bit, column, option.code))
                        }
                    }
                    if !optionSlots.isEmpty {
                        selections.append(SelectionSlot(id: question.id, cell: nil, options: optionSlots, knownSpellings: known))
                    }
                }
            case .text:
                if options.keepTexts, let column = question.column, let field = header.index[column] {
                    texts.append((field, question.id))
                }
            case .demographic:
                if let column = question.column, let field = header.index[column] {
                    let coder = question.values.map(CategoryCoder.init(values:)) ?? CategoryCoder()
                    categories.append(CategorySlot(
                        field: field, coder: coder, column: column, target: .demographic(question.id),
                        noun: question.id, values: question.values, emptyIsProblem: false))
                }
            }
        }
        let columns = survey.columns
        for group in columns.groups {
            if let field = header.index[group.column] {
                let coder = group.values.map(CategoryCoder.init(values:)) ?? CategoryCoder()
                categories.append(CategorySlot(
                    field: field, coder: coder, column: group.column, target: .group(group.id),
                    noun: group.id, values: group.values, emptyIsProblem: true))
            }
        }
        // A design column that is also a grouping column without a dictionary shares its coder:
        // the same cells give the same levels, and the row loop codes them once.
        func sharedCoder(_ field: Int) -> CategoryCoder {
            categories.first { $0.field == field && $0.values == nil && !$0.coder.hasDictionary }?.coder ?? CategoryCoder()
        }
        if let column = columns.design.strata, let field = header.index[column] {
            categories.append(CategorySlot(field: field, coder: sharedCoder(field), column: column, target: .strata,
                                           noun: "stratum", values: nil, emptyIsProblem: true))
        }
        if let column = columns.design.cluster, let field = header.index[column] {
            categories.append(CategorySlot(field: field, coder: sharedCoder(field), column: column, target: .cluster,
                                           noun: "cluster", values: nil, emptyIsProblem: true))
        }
        if let column = columns.wave, let field = header.index[column] {
            categories.append(CategorySlot(field: field, coder: CategoryCoder(), column: column, target: .wave,
                                           noun: "wave", values: nil, emptyIsProblem: false))
        }
        if options.keepExtraColumns {
            let used = Set(survey.columnRequirements.map(\.name))
            // At most `extraColumnCountLimit` extra columns are kept (a file with 100,000
            // columns must not cost 100,000 coders); the rest are reported as not kept.
            var kept = 0
            for (field, name) in header.names.enumerated() where !name.isEmpty && !used.contains(name) {
                kept += 1
                if kept > Self.extraColumnCountLimit {
                    notKeptExtras.append(name)
                    continue
                }
                categories.append(CategorySlot(field: field, coder: CategoryCoder(), column: name, target: .extra(name),
                                               noun: name, values: nil, emptyIsProblem: false))
            }
        }
        self.scales = scales
        self.categories = categories
        self.selections = selections
        self.texts = texts
        weight = columns.design.weight.flatMap { column in header.index[column].map { ($0, column) } }
        fpc = columns.design.fpc.flatMap { column in header.index[column].map { ($0, column) } }
        respondent = columns.respondent.flatMap { column in header.index[column].map { ($0, column) } }
    }
}
