import Testing
@testable import SurveySchema

@Suite struct SurveyQueriesTests {
    /// Three levels: part → aspect → criterion, and a criterion directly under the root.
    static let tree = """
        [ { id: "part", label: { en: "Part", vi: "Phần" }, children: [
              { id: "aspect1", label: { en: "Aspect 1", vi: "Khía cạnh 1" }, children: [
                  { id: "c11", label: { en: "C11", vi: "T11" }, column: "x11", scale: "yn" },
                  { id: "c12", label: { en: "C12" , vi: "T12" }, column: "x12", scale: "yn" } ] },
              { id: "aspect2", label: { en: "Aspect 2", vi: "Khía cạnh 2" }, children: [
                  { id: "c21", label: { en: "C21", vi: "T21" }, column: "x21", scale: "yn" } ] } ] },
          { id: "c0", label: { en: "C0", vi: "T0" }, column: "x0", scale: "yn" } ]
        """
    static let scales = """
        { yn: { points: [ { value: 1, label: { en: "No", vi: "Không" } }, { value: 2, label: { en: "Yes", vi: "Có" } } ], satisfied: [2] } }
        """

    func survey() throws -> Survey {
        try SurveyFixtures.load(SurveyFixtures.survey(
            languages: #"["vi", "en"]"#, defaultLanguage: #""vi""#, title: #"{ en: "Test", vi: "Thử" }"#,
            scales: Self.scales, indicators: Self.tree,
            questions: """
                [ { id: "q_all", kind: "overall", column: "qo", scale: "yn", label: { en: "Overall", vi: "Chung" } },
                  { id: "note", kind: "text", column: "note", label: { en: "Note", vi: "Ghi chú" } },
                  { id: "ch", kind: "multiSelect", label: { en: "Ch", vi: "Kênh" }, options: [
                      { code: "a", label: { en: "A", vi: "A" }, column: "ch_a" }, { code: "b", label: { en: "B", vi: "B" }, column: "ch_b" } ] } ]
                """,
            columns: """
                { respondent: "rid", wave: "year",
                  groups: [ { id: "province", column: "prov", label: { en: "Province", vi: "Tỉnh" } } ],
                  design: { weight: "w", strata: "prov", cluster: "vil" } }
                """))
    }

    @Test func criteriaInTreeOrder() throws {
        #expect(try survey().criteria.map(\.id) == ["c11", "c12", "c21", "c0"])
    }

    @Test func nodeLookup() throws {
        let survey = try survey()
        #expect(survey.node(id: "aspect2")?.children.map(\.id) == ["c21"])
        #expect(survey.node(id: "c12")?.criteria.map(\.column) == ["x12"])
        #expect(survey.node(id: "overall")?.children.map(\.id) == ["part", "c0"])
        #expect(survey.node(id: "nope") == nil)
        #expect(survey.question(id: "note")?.kind == .text)
        #expect(survey.scale(id: "yn")?.k == 2)
        #expect(survey.scale(id: "nope") == nil)
    }

    /// Nearest parent first, ending at the root.
    @Test func parentChain() throws {
        let survey = try survey()
        #expect(survey.parentChain(of: "c12").map(\.id) == ["aspect1", "part", "overall"])
        #expect(survey.parentChain(of: "aspect2").map(\.id) == ["part", "overall"])
        #expect(survey.parentChain(of: "c0").map(\.id) == ["overall"])
        #expect(survey.parentChain(of: "overall") == [])
        #expect(survey.parentChain(of: "nope") == [])
    }

    /// The root is `overall`, labelled with the title and combining by the index rule.
    @Test func root() throws {
        let root = try survey().root
        #expect(root.id == "overall")
        #expect(root.label == LocalizedText(["en": "Test", "vi": "Thử"]))
        #expect(root.combine == .meanOfChildren)
        #expect(root.criteria.count == 4)
    }

    @Test func labelsWithDefaultLanguageFallback() throws {
        let survey = try survey()
        #expect(survey.label(of: "aspect1", in: "en") == "Aspect 1")
        #expect(survey.label(of: "aspect1") == "Khía cạnh 1")
        #expect(survey.label(of: "aspect1", in: "fr") == "Khía cạnh 1")
        #expect(survey.label(of: "note", in: "en") == "Note")
        #expect(survey.label(of: "nope") == nil)
        #expect(survey.text(survey.title, in: "en") == "Test")
    }

    /// Columns once each, in documented order; the strata column is the province group's.
    @Test func columnRequirements() throws {
        let survey = try survey()
        #expect(survey.requiredColumns == ["rid", "year", "prov", "w", "vil", "x11", "x12", "x21", "x0", "qo"])
        #expect(survey.optionalColumns == ["note", "ch_a", "ch_b"])
        let roles = survey.columnRequirements.map(\.role)
        #expect(roles.contains(.option(question: "ch", code: "b")))
        #expect(roles.contains(.group("province")))
        #expect(!roles.contains(.strata))
    }

    @Test func bundledSipasColumns() throws {
        let survey = try Survey.load(from: SurveyFixtures.sipasURL)
        let required = survey.requiredColumns
        #expect(required.prefix(9) == ["respondent_id", "year", "service", "province", "district", "commune", "village", "channel", "weight"])
        #expect(required.contains("b5_3"))
        #expect(survey.parentChain(of: "access_signs").map(\.id) == ["access", "services", "overall"])
        #expect(required.contains("q_overall"))
        #expect(survey.optionalColumns.contains("comment"))
        #expect(Set(survey.columnRequirements.map(\.name)).count == survey.columnRequirements.count)
    }
}
