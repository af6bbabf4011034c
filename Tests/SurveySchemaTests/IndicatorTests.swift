import Testing
@testable import SurveySchema

@Suite struct IndicatorTests {
    static func criterion(_ id: String, reverse: Bool = false) -> Indicator {
        .criterion(Criterion(id: id, label: LocalizedText(["en": id]), column: "col_\(id)", scale: "s", reverse: reverse))
    }

    static let tree = Indicator.aggregate(Aggregate(
        id: "part", label: LocalizedText(["en": "Part"]), children: [
            .aggregate(Aggregate(id: "a1", label: LocalizedText(["en": "A1"]), combine: .pooled, children: [criterion("c1"), criterion("c2")])),
            criterion("c3"),
        ], continues: "old_part", comparable: false))

    @Test func criteriaDepthFirst() {
        #expect(Self.tree.criteria.map(\.id) == ["c1", "c2", "c3"])
        #expect(Self.tree.criteria.map(\.column) == ["col_c1", "col_c2", "col_c3"])
    }

    @Test func commonProperties() {
        #expect(Self.tree.id == "part")
        #expect(Self.tree.label == LocalizedText(["en": "Part"]))
        #expect(Self.tree.children.map(\.id) == ["a1", "c3"])
        #expect(Self.tree.continues == "old_part")
        #expect(Self.tree.comparable == false)
        #expect(Self.criterion("x").children == [])
        #expect(Self.criterion("x").comparable == true)
        #expect(Self.criterion("x").continues == nil)
    }

    /// keyed(_:on:) reverses only reverse-keyed criteria: on 1…4, 1 → 4 and 3 → 2.
    @Test func keyedValues() {
        let scale = Scale(id: "s", points: (1...4).map { ScalePoint(value: $0, label: LocalizedText(["en": "\($0)"])) }, satisfied: [3, 4])
        guard case .criterion(let reversed) = Self.criterion("r", reverse: true),
              case .criterion(let plain) = Self.criterion("p") else {
            Issue.record("not criteria")
            return
        }
        #expect([1, 2, 3, 4].map { reversed.keyed($0, on: scale) } == [4, 3, 2, 1])
        #expect([1, 2, 3, 4].map { plain.keyed($0, on: scale) } == [1, 2, 3, 4])
    }
}
