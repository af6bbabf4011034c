import Testing
import SatisfactionIndex
import SurveySchema
import SurveyStatistics

/// Matching across survey editions: a renamed criterion (`continues`), a dropped one, an added
/// one, `comparable: false`, and aggregates whose children changed.
@Suite struct ComparisonMatchingTests {
    static func criterion(_ id: String, column: String? = nil, continues: String? = nil, comparable: Bool = true,
                          reverse: Bool = false) -> Indicator {
        .criterion(Criterion(id: id, label: FixtureSurvey.label(id), column: column ?? id, scale: "sat5", reverse: reverse,
                             continues: continues, comparable: comparable))
    }

    /// The 2024 edition: a3 renamed a3_new; in B, b2 dropped and b3 added (read from column q0).
    static func edited(a: [Indicator]? = nil, aContinues: String? = nil, b: [Indicator]? = nil) -> Survey {
        var s = ComparisonFixture.survey(complex: false, version: "2024")
        s.indicators = [
            .aggregate(Aggregate(id: "A", label: FixtureSurvey.label("A"),
                                 children: a ?? [criterion("a1"), criterion("a2"), criterion("a3_new", column: "a3", continues: "a3")],
                                 continues: aContinues)),
            .aggregate(Aggregate(id: "B", label: FixtureSurvey.label("B"),
                                 children: b ?? [criterion("b1"), criterion("b3", column: "q0")])),
        ]
        return s
    }

    func compare(_ later: Survey, declared: Set<String> = []) throws -> ComparisonStep {
        let earlier = ComparisonFixture.survey(complex: false, version: "2023")
        let options = IndexOptions(groupings: [["service"]], reliability: false, priorities: false)
        let waves = try [("2023", earlier), ("2024", later)].map { label, survey in
            Wave(label: label, survey: survey, results: try IndexEngine(
                survey: survey, dataset: ComparisonFixture.dataset(
                    "unweighted", wave: label, complex: false, aliases: ["a3_new": "a3", "b3": "q0", "a9": "a3", "q0_new": "q0"]), options: options).run())
        }
        let results = try WaveComparison(waves: waves, options: ComparisonOptions(by: ["service"], declaredComparable: declared)).run()
        return results.steps[0]
    }

    @Test func renamedDroppedAdded() throws {
        let step = try compare(Self.edited())
        let renamed = try #require(step.match("a3_new"))
        #expect(renamed.status == .compared && renamed.previousID == "a3" && renamed.kind == .criterion)
        #expect(step.match("b3")?.status == .added && step.match("b3")?.previousID == nil)
        #expect(step.match("b2")?.status == .dropped)
        #expect(step.match("a3") == nil, "a3 is renamed, not dropped")
        #expect(step.match("A")?.status == .compared)
        #expect(step.match("B")?.status == .notComparable)
        #expect(step.match("B")?.reason == "children changed: added b3; dropped b2")
        #expect(step.match("overall")?.status == .notComparable)
        #expect(step.match("overall")?.reason == "children changed: not comparable B")
        #expect(step.node("B") == nil && step.node("overall") == nil && step.node("b3") == nil)
        // The renamed criterion is compared with the old one's numbers: a3 in 2023, a3_new (column a3) in 2024.
        let national = try #require(step.node("a3_new")?.national)
        let before = try #require(national.before).estimate.value, after = try #require(national.after).estimate.value
        #expect(national.change?.difference == after - before)
        // Counted from Tests/Fixtures/compare/unweighted/expected-py.json (statsmodels' input counts).
        let py = try ComparisonFixture.json("unweighted", "expected-py.json")["steps"][1]["groups"][0]["items"]["a3"]
        #expect(national.before?.validN == py["n0"].int && national.after?.validN == py["n1"].int)
        #expect(close(national.change?.pValue ?? .nan, py["p"].double))
        // Every node and question of either edition is accounted for exactly once.
        let ids = step.matches.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == ["overall", "A", "a1", "a2", "a3_new", "B", "b1", "b3", "b2", "q0", "s1"])
    }

    @Test func notComparableCriterionChangesItsAspect() throws {
        let step = try compare(Self.edited(a: [Self.criterion("a1"), Self.criterion("a2", comparable: false), Self.criterion("a3")]))
        #expect(step.match("a2")?.status == .notComparable)
        #expect(step.match("a2")?.reason == "declared not comparable (comparable: false) in survey fixture 2024")
        #expect(step.match("a2")?.previousID == "a2")
        #expect(step.match("A")?.reason == "children changed: not comparable a2")
        #expect(step.node("a2") == nil && step.node("a1") != nil && step.node("a3") != nil)
    }

    @Test func aggregateDeclaredByContinues() throws {
        let later = Self.edited(a: [Self.criterion("a1"), Self.criterion("a2")], aContinues: "A")
        let step = try compare(later)
        let a = try #require(step.match("A"))
        #expect(a.status == .compared)
        #expect(a.reason == "children changed: dropped a3; compared because the survey fixture 2024 declares it continues \"A\"")
        #expect(step.node("A")?.national?.change != nil)
        // Without the declaration the same change blocks the comparison.
        let blocked = try compare(Self.edited(a: [Self.criterion("a1"), Self.criterion("a2")]))
        #expect(blocked.match("A")?.status == .notComparable && blocked.match("A")?.reason == "children changed: dropped a3")
        // The caller may declare it instead.
        let declared = try compare(Self.edited(a: [Self.criterion("a1"), Self.criterion("a2")]), declared: ["A", "overall"])
        #expect(declared.match("A")?.status == .compared)
        #expect(declared.match("A")?.reason == "children changed: dropped a3; compared because the caller declares it comparable")
        #expect(declared.match("overall")?.status == .compared)
    }

    @Test func continuesToAnUnknownIdIsAdded() throws {
        let step = try compare(Self.edited(a: [Self.criterion("a1"), Self.criterion("a2"), Self.criterion("a9", column: "a3", continues: "a_old")]))
        #expect(step.match("a9")?.status == .added)
        #expect(step.match("a9")?.reason == "continues \"a_old\", which the earlier edition does not have")
        #expect(step.match("a3")?.status == .dropped)
    }

    /// Questions match like nodes: q0 renamed q0_new (continues), s1 declared not comparable.
    @Test func questionsRenamedAndNotComparable() throws {
        var later = ComparisonFixture.survey(complex: false, version: "2024")
        later.questions = later.questions.map { q in
            var q = q
            if q.id == "q0" { q.id = "q0_new"; q.continues = "q0" }
            if q.id == "s1" { q.comparable = false }
            return q
        }
        let step = try compare(later)
        #expect(step.match("q0_new")?.status == .compared && step.match("q0_new")?.previousID == "q0")
        #expect(step.match("q0_new")?.kind == .question && step.match("q0") == nil)
        #expect(step.match("s1")?.status == .notComparable)
        #expect(step.match("s1")?.reason == "declared not comparable (comparable: false) in survey fixture 2024")
        let national = try #require(step.node("q0_new")?.national)
        let py = try ComparisonFixture.json("unweighted", "expected-py.json")["steps"][1]["groups"][0]["items"]["q0"]
        #expect(national.before?.validN == py["n0"].int && close(national.change?.pValue ?? .nan, py["p"].double))
        #expect(step.node("s1") == nil && step.match("overall")?.status == .compared)
    }

    @Test func sameEditionComparesEverything() throws {
        let step = try compare(ComparisonFixture.survey(complex: false, version: "2024"))
        #expect(step.matches.allSatisfy { $0.status == .compared && $0.reason == nil && $0.previousID == $0.id })
        #expect(step.nodes.map(\.id) == ["overall", "A", "a1", "a2", "a3", "B", "b1", "b2", "q0", "s1"])
    }
}
