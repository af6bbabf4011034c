import Testing
@testable import SurveySchema

@Suite struct IndexRulesTests {
    /// The documented defaults (docs/survey-format.md, "Index rules").
    @Test func defaults() {
        let rules = IndexRules()
        #expect(rules.measure == .share)
        #expect(rules.combine == .meanOfChildren)
        #expect(rules.interval == "wilson")
        #expect(rules.level == 0.95)
        #expect(rules.minValidN == 30)
        #expect(rules.maxIntervalWidth == nil)
        #expect(rules.disclosureThreshold == 10)
    }

    @Test func names() {
        #expect(IndexMeasure.allCases.map(\.rawValue) == ["share", "mean", "score100"])
        #expect(CombineRule.allCases.map(\.rawValue) == ["meanOfChildren", "pooled", "meanOfRespondents"])
    }

    /// A file that sets every rule gets every rule.
    @Test func loadedRules() throws {
        let survey = try SurveyFixtures.load(SurveyFixtures.survey(index: """
            { measure: "score100", combine: "meanOfRespondents", interval: "jeffreys", level: 0.9,
              minValidN: 50, maxIntervalWidth: 0.1, disclosureThreshold: 5 }
            """))
        #expect(survey.index == IndexRules(
            measure: .score100, combine: .meanOfRespondents, interval: "jeffreys", level: 0.9,
            minValidN: 50, maxIntervalWidth: 0.1, disclosureThreshold: 5))
    }
}
