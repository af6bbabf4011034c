import SurveySchema

/// "Did you mean" for header names and unknown labels: ``EditDistance`` with the data
/// files' rule, which allows more edits for longer labels (`max(2, length / 4)`, so a
/// Vietnamese label missing a tone mark or two is still found) and ignores case.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        EditDistance.closest(to: word, among: candidates) { wordLength, _ in max(2, wordLength / 4) }
    }
}
