/// Why a file could not be imported at all. (A row that cannot be used is not an error: it
/// goes to the quarantine.) Each case renders to sentences that say where and what to do.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The CSV layer could not read the file (encoding, limits, I/O).
    case csv(CSVError)
    /// The file has no header line.
    case emptyFile(file: String)
    /// Columns the survey needs are not in the header; every one is listed.
    case missingColumns(file: String, [MissingColumn])
    /// Header names used by more than one column; every one is listed.
    case duplicateColumns(file: String, [DuplicateColumn])
    /// The quarantine could not be written.
    case quarantineFailed(reason: String)

    /// The error as sentences for the user, one line per problem.
    public var description: String {
        switch self {
        case let .csv(error):
            return error.description
        case let .emptyFile(file):
            return "\(file): the file is empty; it needs a header line naming the columns"
        case let .missingColumns(file, columns):
            return columns.map { column in
                var line = "\(file): the header has no column \"\(column.name)\" (needed \(column.neededBy))"
                if let suggestion = column.suggestion { line += "; did you mean \"\(suggestion)\"?" }
                return line
            }.joined(separator: "\n")
        case let .duplicateColumns(file, columns):
            return columns.map { column in
                let positions = column.positions.map(String.init)
                let list = positions.count == 2
                    ? positions.joined(separator: " and ")
                    : positions.dropLast().joined(separator: ", ") + " and " + positions.last!
                return "\(file): line 1: the header names column \"\(column.name)\" more than once "
                    + "(columns \(list)); rename them so that each column has its own name"
            }.joined(separator: "\n")
        case let .quarantineFailed(reason):
            return "cannot write the quarantine file (\(reason)); check the path and free space"
        }
    }
}

/// A column the survey needs that the header lacks.
public struct MissingColumn: Sendable, Hashable {
    /// The column name the survey file gives.
    public var name: String
    /// What needs it, as a phrase after "needed": `by criterion access_seating`,
    /// `as the design weight`.
    public var neededBy: String
    /// The closest header name, when one is close enough to be a typo.
    public var suggestion: String?
}

/// A header name that appears more than once.
public struct DuplicateColumn: Sendable, Hashable {
    /// The name (trimmed, NFC).
    public var name: String
    /// The 1-based column numbers where it appears.
    public var positions: [Int]
}
