/// One coded answer, stored in one byte.
///
/// A valid answer is the 1-based position of the chosen point in its scale's `points`
/// (so a 1…5 scale stores 1…5 and a 0…10 scale stores 1…11), before any reverse keying:
/// the index engine applies reverse keying and the satisfied band through the scale.
/// The remaining byte values name why there is no answer, so that every excluded answer
/// can be counted by kind (the SDG 16.6.2 practice).
///
/// Edge cases: a scale has at most 11 points, so valid codes never reach the reserved range.
public struct AnswerCode: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The cell was empty or held one of the scale's `noAnswer` codes.
    public static let noAnswer = AnswerCode(rawValue: 0)
    /// One of the scale's `dontKnow` codes.
    public static let dontKnow = AnswerCode(rawValue: 0xFD)
    /// One of the scale's `notApplicable` codes.
    public static let notApplicable = AnswerCode(rawValue: 0xFE)
    /// A cell that could not be coded, kept as missing under `--invalid-cells as-missing`.
    public static let invalid = AnswerCode(rawValue: 0xFF)

    /// The valid answer at 1-based scale position `position` (1...11).
    @inlinable public static func point(_ position: Int) -> AnswerCode {
        precondition((1...11).contains(position), "scale positions run from 1 to 11")
        return AnswerCode(rawValue: UInt8(position))
    }

    /// Whether this is an answer (a scale point) rather than a kind of missing.
    @inlinable public var isValid: Bool { rawValue >= 1 && rawValue <= 11 }

    /// The 1-based scale position of a valid answer; `nil` for a missing kind.
    @inlinable public var position: Int? { isValid ? Int(rawValue) : nil }
}
