import Testing
@testable import SurveySchema

@Suite struct ScaleTests {
    static func fivePoint() -> Scale {
        Scale(
            id: "sat5",
            points: (1...5).map { ScalePoint(value: $0, label: LocalizedText(["en": "P\($0)"])) },
            satisfied: [4, 5], neutral: [3], dissatisfied: [1, 2],
            missing: MissingCodes(noAnswer: [""], dontKnow: ["98", "Không biết"], notApplicable: ["99"]))
    }

    /// Reverse keying maps v to min + max − v: on 1…5, 1 ↔ 5, 2 ↔ 4, 3 stays.
    @Test func reverseKeyingOnOneToFive() {
        let scale = Self.fivePoint()
        #expect((1...5).map(scale.reversed) == [5, 4, 3, 2, 1])
        #expect((1...5).map { scale.reversed(scale.reversed($0)) } == [1, 2, 3, 4, 5])
    }

    /// On a 0…10 scale min + max = 10: 0 ↔ 10, 3 ↔ 7.
    @Test func reverseKeyingOnZeroToTen() {
        let scale = Scale(id: "nps", points: (0...10).map { ScalePoint(value: $0, label: LocalizedText(["en": "\($0)"])) }, satisfied: [9, 10])
        #expect(scale.k == 11)
        #expect(scale.reversed(0) == 10)
        #expect(scale.reversed(3) == 7)
    }

    /// A reverse-keyed criterion's raw 1 ("strongly agree" with a negative statement) counts
    /// as 5, so it is satisfied; an ordinary criterion's raw 1 is not.
    @Test func reverseKeyedCriterion() {
        let scale = Self.fivePoint()
        let reversed = Criterion(id: "r", label: LocalizedText(["en": "R"]), column: "r", scale: "sat5", reverse: true)
        let plain = Criterion(id: "p", label: LocalizedText(["en": "P"]), column: "p", scale: "sat5")
        #expect(reversed.keyed(1, on: scale) == 5)
        #expect(scale.isSatisfied(reversed.keyed(1, on: scale)))
        #expect(plain.keyed(1, on: scale) == 1)
        #expect(!scale.isSatisfied(plain.keyed(1, on: scale)))
    }

    @Test func bandsAndFavourableValues() {
        let scale = Self.fivePoint()
        #expect(scale.favourableValues == [4, 5])
        #expect((1...5).map(scale.band) == [.dissatisfied, .dissatisfied, .neutral, .satisfied, .satisfied])
        #expect(scale.band(of: 7) == nil)
        #expect(scale.point(value: 3)?.label == LocalizedText(["en": "P3"]))
        #expect(scale.point(value: 0) == nil)
    }

    /// score100 = 100·(x − 1)/(k − 1) on 1…5: 0, 25, 50, 75, 100.
    @Test func score100() {
        let scale = Self.fivePoint()
        #expect((1...5).map(scale.score100) == [0, 25, 50, 75, 100])
    }

    @Test func missingCodes() {
        let missing = Self.fivePoint().missing
        #expect(missing.kind(of: "") == .noAnswer)
        #expect(missing.kind(of: "Không biết") == .dontKnow)
        #expect(missing.kind(of: "99") == .notApplicable)
        #expect(missing.kind(of: "4") == nil)
        #expect(missing.codes(.dontKnow) == ["98", "Không biết"])
    }
}
