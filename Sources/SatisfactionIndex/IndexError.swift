import SurveyStatistics

/// Why ``IndexEngine`` could not run. Each case names what is wrong and renders to a sentence
/// that says what to do next.
public enum IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A grouping column is neither a grouping of the survey nor a column of the data.
    case unknownGrouping(name: String, available: [String])
    /// A criterion of the tree has no answers in the dataset.
    case missingCriterion(id: String)
    /// The interval method is not one the engine knows.
    case unknownIntervalMethod(name: String, known: [String])
    /// A confidence level outside (0, 1).
    case invalidLevel(Double)
    /// A ranking asks for a node or question the survey does not have.
    case unknownNode(id: String)
    /// The dataset's columns do not match its row count.
    case columnLength(column: String, expected: Int, actual: Int)
    /// The sampling design could not be built.
    case design(DesignError)

    public var description: String {
        switch self {
        case let .unknownGrouping(name, available):
            let list = available.isEmpty ? "none" : available.map { "`\($0)`" }.joined(separator: ", ")
            return "cannot group by `\(name)`: it is neither a grouping of the survey nor a column of the data; available: \(list)."
        case let .missingCriterion(id):
            return "criterion `\(id)` has no answers in the data; import the file with the survey that declares it."
        case let .unknownIntervalMethod(name, known):
            return "unknown interval method `\(name)`; use one of \(known.joined(separator: ", "))."
        case let .invalidLevel(level):
            return "confidence level \(level) is not between 0 and 1; use e.g. 0.95."
        case let .unknownNode(id):
            return "`\(id)` is not a node or scored question of the survey; rank by `overall`, an aspect, a criterion or a question id."
        case let .columnLength(column, expected, actual):
            return "column `\(column)` has \(actual) values but the dataset has \(expected) rows; rebuild the dataset."
        case let .design(error):
            return "the sampling design cannot be used: \(error.description)"
        }
    }
}
