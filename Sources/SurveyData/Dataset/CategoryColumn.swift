/// A categorical column (service, province, stratum, cluster) stored as one integer per row
/// into a table of distinct values.
///
/// `levels` holds each distinct value once, NFC-normalised and trimmed, in order of first
/// appearance in the file (or in the survey's dictionary order when the grouping declares
/// `values`). `codes[row]` is the index into `levels`, stored in one, two or four bytes
/// (``CategoryCodes``).
public struct CategoryColumn: Sendable, Hashable {
    /// The survey's id for this column (a grouping id, or `strata` / `cluster`).
    public var id: String
    /// The distinct values, each once.
    public var levels: [String]
    /// For every accepted row, the index of its value in `levels`.
    public var codes: CategoryCodes

    public init(id: String, levels: [String], codes: CategoryCodes) {
        self.id = id
        self.levels = levels
        self.codes = codes
    }

    /// A column from four-byte codes, stored in the narrowest width that holds them.
    public init(id: String, levels: [String], codes: [UInt32]) {
        self.init(id: id, levels: levels, codes: CategoryCodes(codes))
    }

    /// The value in row `row`.
    @inlinable public func value(at row: Int) -> String { levels[Int(codes[row])] }
}
