/// "Did you mean" suggestions by edit distance, for header names and unknown labels.
enum Suggestion {
    /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions
    /// of characters), compared case-insensitively.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word` when it is close enough to be a likely typo: at most
    /// `max(2, word.count / 4)` edits and fewer edits than `word` has characters. Ties go to
    /// the earlier candidate; a candidate equal to `word` is skipped.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 4)
        var best: (candidate: String, distance: Int)?
        let length = word.count
        guard length <= 200 else { return nil }  // a long text is no typo of a short label
        for candidate in candidates where candidate != word {
            // The distance is at least the difference in length: skip what cannot be close.
            guard abs(candidate.count - length) <= limit else { continue }
            let d = distance(word, candidate)
            if d <= limit, d < word.count, d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }
}
