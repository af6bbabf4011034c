import Testing
import SurveySchema
@testable import SurveyData

@Suite("Suggestion")
struct SuggestionTests {
    @Test func closeEnoughToBeATypo() {
        #expect(Suggestion.closest(to: "b1_2", among: ["B1_2", "b1_3"]) == "B1_2")
        #expect(Suggestion.closest(to: "Hài lòngg", among: ["Không hài lòng", "Hài lòng"]) == "Hài lòng")
        #expect(Suggestion.closest(to: "w", among: ["weight"]) == nil)
        #expect(Suggestion.closest(to: "abc", among: ["xyz"]) == nil)
        #expect(Suggestion.closest(to: "access_seating_x", among: ["access_seating"]) == "access_seating")
        #expect(Suggestion.closest(to: String(repeating: "a", count: 300), among: [String(repeating: "a", count: 299)]) == nil)
    }
}
