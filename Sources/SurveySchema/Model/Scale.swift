/// An answer scale: k ordered points (2 ≤ k ≤ 11) with consecutive integer values, the band
/// of values counted as satisfied, optional neutral and dissatisfied bands, and the raw
/// codes that are not answers.
///
/// Bands are stated in the keyed direction: for a reverse-keyed criterion the raw value is
/// first mapped with ``reversed(_:)`` and then looked up in the bands.
public struct Scale: Sendable, Hashable, Identifiable {
    /// The id the survey's criteria and questions refer to, e.g. `sat5`.
    public var id: String
    /// The points in increasing order of value; values are consecutive integers.
    public var points: [ScalePoint]
    /// The values counted in the share index (the top box). For an evaluation scale these
    /// are the favourable answers (e.g. "never" for a harassment question).
    public var satisfied: [Int]
    /// Values reported as neutral, if the survey declares such a band.
    public var neutral: [Int]?
    /// Values reported as dissatisfied, if the survey declares such a band.
    public var dissatisfied: [Int]?
    /// Raw codes or labels that are not answers, by kind.
    public var missing: MissingCodes

    /// A scale. The loader checks the invariants; this initialiser does not.
    public init(
        id: String, points: [ScalePoint], satisfied: [Int], neutral: [Int]? = nil,
        dissatisfied: [Int]? = nil, missing: MissingCodes = MissingCodes()
    ) {
        self.id = id
        self.points = points
        self.satisfied = satisfied
        self.neutral = neutral
        self.dissatisfied = dissatisfied
        self.missing = missing
    }

    /// The number of points, k.
    public var k: Int { points.count }
    /// The smallest point value (1 on a usual 1…k scale).
    public var minValue: Int { points.first?.value ?? 0 }
    /// The largest point value (k on a usual 1…k scale).
    public var maxValue: Int { points.last?.value ?? 0 }
    /// The point values in increasing order.
    public var values: [Int] { points.map(\.value) }

    /// The favourable values: those counted as satisfied (same as ``satisfied``).
    public var favourableValues: [Int] { satisfied }

    /// Whether `value` (in the keyed direction) is counted as satisfied / favourable.
    public func isSatisfied(_ value: Int) -> Bool { satisfied.contains(value) }

    /// The declared band that holds `value`, or `nil` when the value is in no band.
    public func band(of value: Int) -> ScaleBand? {
        if satisfied.contains(value) { return .satisfied }
        if neutral?.contains(value) == true { return .neutral }
        if dissatisfied?.contains(value) == true { return .dissatisfied }
        return nil
    }

    /// The point with `value`, or `nil` when `value` is not on the scale.
    public func point(value: Int) -> ScalePoint? { points.first { $0.value == value } }

    /// The value a reverse-keyed answer maps to: min + max − v (on 1…5, 1 ↔ 5, 2 ↔ 4, 3 ↔ 3).
    /// Applying it twice gives `v` back.
    public func reversed(_ value: Int) -> Int { minValue + maxValue - value }

    /// The position of `value` on 0…100: 100·(v − min)/(max − min), which is
    /// 100·(x − 1)/(k − 1) on a 1…k scale (the "score100" measure).
    public func score100(_ value: Int) -> Double {
        Double(100 * (value - minValue)) / Double(maxValue - minValue)
    }
}

/// One point of a ``Scale``: its integer value and its label in each language.
public struct ScalePoint: Sendable, Hashable {
    /// The code written in the data for this answer, e.g. 4.
    public var value: Int
    /// The answer's wording, e.g. `{ vi: "Hài lòng", en: "Satisfied" }`.
    public var label: LocalizedText

    /// A point with its value and label.
    public init(value: Int, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}

/// The band a value falls in.
public enum ScaleBand: String, Sendable, Hashable, CaseIterable {
    /// The scale's `satisfied` values (the favourable answers).
    case satisfied
    /// The scale's `neutral` values.
    case neutral
    /// The scale's `dissatisfied` values.
    case dissatisfied
}

/// The kinds of non-answer a raw cell can carry.
///
/// SDG 16.6.2 practice: all three are left out of the criterion's denominator and counted.
public enum MissingKind: String, Sendable, Hashable, CaseIterable {
    /// The cell is empty, skipped or refused.
    case noAnswer
    /// "Don't know".
    case dontKnow
    /// The question did not apply to this respondent.
    case notApplicable
}

/// The raw codes or labels that mean "not an answer", by kind. Matching is exact after the
/// data reader trims surrounding spaces; the empty string is the usual `noAnswer` code.
public struct MissingCodes: Sendable, Hashable {
    /// Codes that mean no answer, e.g. `[""]`.
    public var noAnswer: [String]
    /// Codes that mean "don't know", e.g. `["98", "Không biết"]`.
    public var dontKnow: [String]
    /// Codes that mean "not applicable", e.g. `["99", "Không áp dụng"]`.
    public var notApplicable: [String]

    /// Missing codes; by default only the empty cell is a non-answer.
    public init(noAnswer: [String] = [""], dontKnow: [String] = [], notApplicable: [String] = []) {
        self.noAnswer = noAnswer
        self.dontKnow = dontKnow
        self.notApplicable = notApplicable
    }

    /// The codes of one kind.
    public func codes(_ kind: MissingKind) -> [String] {
        switch kind {
        case .noAnswer: noAnswer
        case .dontKnow: dontKnow
        case .notApplicable: notApplicable
        }
    }

    /// The kind of non-answer `raw` stands for, or `nil` when it is not a missing code.
    public func kind(of raw: String) -> MissingKind? {
        MissingKind.allCases.first { codes($0).contains(raw) }
    }
}
