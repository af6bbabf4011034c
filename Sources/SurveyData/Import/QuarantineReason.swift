/// Why a row went to the quarantine. ``message`` is the sentence written in the quarantine
/// file's `reason` column; ``category`` is what the import report counts rows by.
public enum QuarantineReason: Sendable, Hashable {
    /// The row has a different number of fields from the header (trailing empty fields
    /// beyond the header are not counted).
    case raggedRow(fields: Int, expected: Int)
    /// A quoted field opens on `line` and is never closed.
    case unterminatedQuote(line: Int)
    /// A cell that is not a value, label or missing code of the column's scale.
    case invalidAnswer(column: String, value: String, scale: String, closest: String?)
    /// A grouping or demographic value outside its dictionary (or empty).
    case unknownGroupValue(column: String, group: String, value: String, closest: String?)
    /// A multi-select cell naming something that is not an option.
    case invalidSelection(column: String, value: String, question: String)
    /// A 0/1 option cell holding something else.
    case invalidOptionCell(column: String, value: String, question: String, option: String)
    /// A weight that is not a positive finite number.
    case invalidWeight(column: String, value: String)
    /// A finite-population correction that is not a positive finite number.
    case invalidFPC(column: String, value: String)
    /// An empty stratum or cluster id.
    case emptyDesignID(column: String, role: String)
    /// An empty respondent id.
    case emptyRespondentID(column: String)
    /// A respondent id already seen on an accepted row.
    case duplicateRespondent(id: String, firstLine: Int)

    /// One sentence for the quarantine file.
    public var message: String {
        switch self {
        case let .raggedRow(fields, expected):
            return "the row has \(fields) \(fields == 1 ? "field" : "fields"), the header has \(expected)"
        case let .unterminatedQuote(line):
            return "a quoted field opens on line \(line) and is never closed, so the rest of the file was read into it"
        case let .invalidAnswer(column, value, scale, closest):
            return "column \(column): \"\(value)\" is not a value, label or missing code of scale \(scale)"
                + (closest.map { " (did you mean \"\($0)\"?)" } ?? "")
        case let .unknownGroupValue(column, group, value, closest):
            if value.isEmpty { return "column \(column): no \(group) code" }
            return "column \(column): unknown \(group) code \"\(value)\"" + (closest.map { " (did you mean \"\($0)\"?)" } ?? "")
        case let .invalidSelection(column, value, question):
            return "column \(column): \"\(value)\" is not an option of question \(question)"
        case let .invalidOptionCell(column, value, question, option):
            return "column \(column): \"\(value)\" is not 0 or 1 (option \(option) of question \(question))"
        case let .invalidWeight(column, value):
            return "column \(column): weight \"\(value)\" is not a positive finite number"
        case let .invalidFPC(column, value):
            return "column \(column): finite-population correction \"\(value)\" is not a positive finite number"
        case let .emptyDesignID(column, role):
            return "column \(column): the \(role) is empty"
        case let .emptyRespondentID(column):
            return "column \(column): the respondent id is empty"
        case let .duplicateRespondent(id, firstLine):
            return "duplicate respondent id \(id), first seen on line \(firstLine)"
        }
    }

    /// What the report counts rows by: the kind of problem and its column.
    public var category: String {
        switch self {
        case .raggedRow: "wrong number of fields"
        case .unterminatedQuote: "unterminated quote"
        case let .invalidAnswer(column, _, _, _): "invalid answer in column \(column)"
        case let .unknownGroupValue(column, _, _, _): "unknown code in column \(column)"
        case let .invalidSelection(column, _, _): "unknown option in column \(column)"
        case let .invalidOptionCell(column, _, _, _): "invalid option cell in column \(column)"
        case let .invalidWeight(column, _): "invalid weight in column \(column)"
        case let .invalidFPC(column, _): "invalid finite-population correction in column \(column)"
        case let .emptyDesignID(column, role): "empty \(role) in column \(column)"
        case let .emptyRespondentID(column): "empty respondent id in column \(column)"
        case .duplicateRespondent: "duplicate respondent id"
        }
    }

    /// Whether the reason is an invalid cell, which ``InvalidCellPolicy/asMissing`` keeps.
    var isInvalidCell: Bool {
        switch self {
        case .invalidAnswer, .unknownGroupValue, .invalidSelection, .invalidOptionCell: true
        default: false
        }
    }
}
