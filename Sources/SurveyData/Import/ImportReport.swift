import Foundation

/// What an import found, reconciled: every row read is either accepted or quarantined, and
/// the report says why each quarantined row was. Codable as JSON for tools; ``text`` for people.
public struct ImportReport: Codable, Sendable, Hashable {
    /// The data file, as named in messages.
    public var file: String
    /// The survey's id and version, e.g. `sipas 2024`.
    public var survey: String
    /// The encoding used (`utf-8`, `utf-16le`, `utf-16be`, `windows-1258`).
    public var encoding: String
    /// Whether the file started with a byte-order mark.
    public var byteOrderMark: Bool
    /// The delimiter used (`comma`, `semicolon`, `tab`, or the symbol).
    public var delimiter: String
    /// The invalid-cell policy (`quarantine-row` or `as-missing`).
    public var invalidCellPolicy: String
    /// Bytes read from the file.
    public var bytes: Int
    /// Data rows read: records after the header, blank lines not counted.
    public var rowsRead: Int
    /// Rows in the dataset.
    public var rowsAccepted: Int
    /// Rows sent to the quarantine.
    public var rowsQuarantined: Int
    /// Empty lines skipped (they are not rows).
    public var blankLines: Int
    /// Quarantined rows by their first reason, most frequent first.
    public var reasons: [ReasonCount]
    /// Per answer column, how the accepted rows' cells were coded.
    public var columns: [ColumnCounts]
    /// Cell values that could not be coded, over all rows read, most frequent first.
    public var unknownValues: [UnknownValue]
    /// Unknown cells whose value is not listed in ``unknownValues`` because more distinct
    /// values were seen than ``ImportReport/unknownValuesListed``.
    public var unknownCellsNotListed: Int
    /// Columns in the file the survey does not declare.
    public var extraColumns: [ExtraColumn]
    /// Optional survey columns (questions an export may leave out) the file does not have.
    public var absentOptionalColumns: [String]

    /// Rows counted under one reason.
    public struct ReasonCount: Codable, Sendable, Hashable {
        /// The kind of problem and its column, e.g. `invalid answer in column b1_2`.
        public var reason: String
        /// Rows quarantined with this as their first reason.
        public var count: Int
        /// The first few lines where it happened (at most ``ImportReport/firstLinesShown``).
        public var firstLines: [Int]
    }

    /// How one answer column's cells were coded in the accepted rows.
    public struct ColumnCounts: Codable, Sendable, Hashable {
        /// The CSV column.
        public var column: String
        /// The criterion or question it answers.
        public var id: String
        /// Cells holding a point of the scale.
        public var answered: Int
        /// Empty cells and the scale's no-answer codes.
        public var noAnswer: Int
        /// The scale's don't-know codes.
        public var dontKnow: Int
        /// The scale's not-applicable codes.
        public var notApplicable: Int
        /// Invalid cells kept as missing (``InvalidCellPolicy/asMissing`` only).
        public var invalidAsMissing: Int

        /// Cells left out of the index: every kind of missing.
        public var excluded: Int { noAnswer + dontKnow + notApplicable + invalidAsMissing }
    }

    /// A cell value no scale, dictionary or option list knows.
    public struct UnknownValue: Codable, Sendable, Hashable {
        /// The CSV column.
        public var column: String
        /// The value, trimmed and in NFC.
        public var value: String
        /// Cells holding it.
        public var count: Int
        /// The closest known value or label, when one is close enough to be a typo.
        public var closest: String?
    }

    /// A column in the file that the survey does not declare.
    public struct ExtraColumn: Codable, Sendable, Hashable {
        /// The header name.
        public var name: String
        /// Distinct values in accepted rows; for a column not kept, distinct values seen
        /// until it was dropped.
        public var distinctValues: Int
        /// Whether it is in ``SurveyDataset/extraColumns``.
        public var kept: Bool
    }

    /// How many distinct unknown values are tracked and listed at most.
    public static let unknownValuesListed = 1000

    /// How many first lines each reason lists.
    public static let firstLinesShown = 5

    /// The problems with the report's own arithmetic; empty when it reconciles:
    /// rows read = accepted + quarantined, and the reasons' counts add up to the quarantined rows.
    public var inconsistencies: [String] {
        var problems: [String] = []
        if rowsRead != rowsAccepted + rowsQuarantined {
            problems.append("rows read (\(rowsRead)) ≠ accepted (\(rowsAccepted)) + quarantined (\(rowsQuarantined))")
        }
        let counted = reasons.reduce(0) { $0 + $1.count }
        if counted != rowsQuarantined {
            problems.append("reasons count \(counted) rows, but \(rowsQuarantined) were quarantined")
        }
        return problems
    }

    /// Whether every row read is accounted for.
    public var isConsistent: Bool { inconsistencies.isEmpty }

    /// The report as JSON: keys sorted and indented, so that the same import gives the
    /// same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
