import Testing
@testable import SurveySchema

@Suite struct EditDistanceTests {
    /// Distances worked by hand: kitten → sitting is the textbook 3 (Levenshtein 1966).
    @Test func distances() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("abc", "") == 3)
        #expect(EditDistance.distance("sat_5", "sat5") == 1)
        #expect(EditDistance.distance("Label", "label") == 0)
        #expect(EditDistance.distance("lable", "label") == 1)  // a swap of adjacent letters is one edit
    }

    @Test func suggestions() {
        #expect(EditDistance.suggestion(for: "lable", among: ["id", "label", "column"]) == "label")
        #expect(EditDistance.suggestion(for: "sat_5", among: ["sat5", "sat4"]) == "sat5")
        // Too far to be a typo.
        #expect(EditDistance.suggestion(for: "foo", among: ["measure", "combine"]) == nil)
        // As many edits as characters: no suggestion ("fr" → "en" is 2 edits).
        #expect(EditDistance.suggestion(for: "fr", among: ["en"]) == nil)
        // Ties go to the earlier candidate.
        #expect(EditDistance.suggestion(for: "sat", among: ["sat4", "sat5"]) == "sat4")
        // The word itself is not suggested.
        #expect(EditDistance.suggestion(for: "label", among: ["label"]) == nil)
    }

    /// Words up to 64 characters are compared; longer ones get no suggestion (a bound on the
    /// work one unknown key can cause).
    @Test func longWordsAreNotCompared() {
        let key = String(repeating: "a", count: 63)
        #expect(EditDistance.suggestion(for: key + "b", among: [key + "c"]) == key + "c")
        #expect(EditDistance.suggestion(for: key + "bb", among: [key + "b"]) == nil)
    }
}
