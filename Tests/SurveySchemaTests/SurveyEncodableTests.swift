import Foundation
import Testing
@testable import SurveySchema

@Suite struct SurveyEncodableTests {
    /// load → encode → load gives an equal survey, and encoding is stable.
    @Test(arguments: [SurveyFixtures.sipasURL, SurveyFixtures.sdgURL])
    func roundTrip(_ url: URL) throws {
        let survey = try Survey.load(from: url)
        let json = try survey.canonicalJSON()
        let again = try Survey(json5: json, fileName: "canonical.json")
        #expect(again == survey)
        #expect(try again.canonicalJSON() == json)
    }

    /// `design.lonelyUnits` is read, written and read back; absent, it stays absent.
    @Test(arguments: LonelyUnits.allCases)
    func lonelyUnitsRoundTrip(_ rule: LonelyUnits) throws {
        let survey = try SurveyFixtures.load(SurveyFixtures.survey(
            columns: #"{ design: { strata: "s", cluster: "v", lonelyUnits: "\#(rule.rawValue)" } }"#))
        #expect(survey.columns.design == DesignColumns(strata: "s", cluster: "v", lonelyUnits: rule))
        let again = try Survey(json5: try survey.canonicalJSON(), fileName: "canonical.json")
        #expect(again.columns.design.lonelyUnits == rule)
        let plain = try SurveyFixtures.load(SurveyFixtures.survey(columns: #"{ design: { strata: "s" } }"#))
        #expect(plain.columns.design.lonelyUnits == nil)
        #expect(!String(decoding: try plain.canonicalJSON(), as: UTF8.self).contains("lonelyUnits"))
    }

    /// The canonical form writes defaults explicitly and keeps whole numbers whole.
    @Test func canonicalFormIsExplicit() throws {
        let survey = try SurveyFixtures.load(SurveyFixtures.survey())
        let text = String(decoding: try survey.canonicalJSON(), as: UTF8.self)
        #expect(text.contains(#""format" : 1,"#))
        #expect(text.contains(#""reverse" : false"#))
        #expect(text.contains(#""minValidN" : 30"#))
        #expect(text.contains(#""level" : 0.95"#))
        #expect(!text.contains("maxIntervalWidth"))
    }

    /// Optional parts survive the round trip: reverse keying, per-option columns, continues.
    @Test func roundTripOfOptionalParts() throws {
        let text = SurveyFixtures.survey(
            index: "{ maxIntervalWidth: 0.15, combine: \"pooled\" }",
            indicators: #"[ { id: "aspect", label: { en: "A" }, combine: "meanOfRespondents", continues: "old", children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn", reverse: true, comparable: false } ] } ]"#,
            questions: #"[ { id: "ch", kind: "multiSelect", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" }, column: "ch_a" } ] } ]"#,
            columns: #"{ respondent: "rid", groups: [ { id: "g", column: "g", label: { en: "G" }, values: [ { code: "1", label: { en: "One" } } ] } ], design: { fpc: "N" } }"#)
        let survey = try SurveyFixtures.load(text)
        let again = try Survey(json5: try survey.canonicalJSON(), fileName: "canonical.json")
        #expect(again == survey)
        #expect(again.criteria.first?.reverse == true)
        #expect(again.criteria.first?.comparable == false)
        #expect(again.node(id: "aspect")?.continues == "old")
        #expect(again.question(id: "ch")?.options.first?.column == "ch_a")
        #expect(again.index.maxIntervalWidth == 0.15)
    }
}
