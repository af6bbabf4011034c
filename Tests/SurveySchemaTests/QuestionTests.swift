import Testing
@testable import SurveySchema

@Suite struct QuestionTests {
    @Test func scoredKinds() {
        let scored = QuestionKind.allCases.filter(\.isScored)
        #expect(scored == [.overall, .evaluation, .expectation, .screener])
    }

    @Test func optionColumns() {
        let label = LocalizedText(["en": "Q"])
        let perOption = Question(id: "a", kind: .multiSelect, label: label, options: [Option(code: "x", label: label, column: "a_x")])
        let oneCell = Question(id: "b", kind: .multiSelect, label: label, column: "b", options: [Option(code: "x", label: label)], separator: ";")
        let text = Question(id: "c", kind: .text, label: label, column: "c")
        #expect(perOption.hasOptionColumns)
        #expect(!oneCell.hasOptionColumns)
        #expect(!text.hasOptionColumns)
    }

    /// The kinds in the SIPAS file use each field as the kind table says.
    @Test func bundledQuestionsFollowTheKindTable() throws {
        let survey = try Survey.load(from: SurveyFixtures.sipasURL)
        for question in survey.questions {
            #expect((question.scale != nil) == question.kind.isScored, "\(question.id)")
            #expect(question.options.isEmpty == (question.kind != .multiSelect), "\(question.id)")
            #expect(question.column != nil, "\(question.id)")
        }
        let channels = try #require(survey.question(id: "info_channels"))
        #expect(channels.separator == ";")
        #expect(channels.options.count == 8)
        #expect(survey.scale(of: try #require(survey.question(id: "harassment")))?.favourableValues == [1])
    }
}
