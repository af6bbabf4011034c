/// Why a value written on the command line was not accepted.
///
/// Each case renders to the end of a sentence that begins with the option and the value,
/// as in `'--format xml' is not one of table, json, csv`.
enum ValueError: Error, Equatable, Sendable {
    /// The value is empty where a name or a path is needed.
    case empty
    /// The value is not one of the choices; `suggestion` is the closest choice, if close.
    case notOneOf([String], suggestion: String?)
    /// The value is not a whole number.
    case notAWholeNumber
    /// The value is not a finite decimal number.
    case notANumber
    /// The value is a number outside the allowed range; `requirement` says what is allowed
    /// ("must be at least 1") and `hint` may say how to fix it.
    case outOfRange(requirement: String, hint: String?)
    /// The value does not have the expected shape, e.g. `YEAR=DATA.csv[@SURVEY]`.
    case malformed(expected: String)

    /// The end of the sentence: what is wrong with the value.
    var reason: String {
        switch self {
        case .empty:
            return "must not be empty"
        case .notOneOf(let choices, let suggestion):
            let list = "is not one of " + choiceList(choices)
            return list + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .notAWholeNumber:
            return "is not a whole number"
        case .notANumber:
            return "is not a number"
        case .outOfRange(let requirement, let hint):
            return requirement + (hint.map { "; \($0)" } ?? "")
        case .malformed(let expected):
            return "is not of the form \(expected)"
        }
    }
}

/// Choices as a reader sees them: `table, json, csv`; a choice made of punctuation is
/// quoted so that it cannot be mistaken for the list's own commas: `',', ';', tab`.
func choiceList(_ choices: [String]) -> String {
    choices.map { choice in
        choice.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) ? choice : "'\(choice)'"
    }.joined(separator: ", ")
}
