/// "Did you mean" suggestions by edit distance.
enum EditDistance {
    /// Words longer than this get no "did you mean": no key or name of the format comes close.
    static let longestWordCompared = 64

    /// The Levenshtein distance between `a` and `b` (insertions, deletions, substitutions),
    /// compared case-insensitively.
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

    /// The candidate closest to `word`, if it is close enough to be a likely typo: at most
    /// 2 edits, and fewer edits than the word has characters. Ties go to the earlier candidate.
    ///
    /// A candidate whose length differs by more than 2 cannot be within 2 edits, so it is
    /// skipped before the distance is computed; and a word longer than
    /// ``longestWordCompared`` gets no suggestion. One suggestion thus costs at most
    /// candidates × 64 × (64 + 2) steps, however many keys or characters a file has.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let length = word.count
        guard length <= longestWordCompared else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word && abs(candidate.count - length) <= 2 {
            let d = distance(word, candidate)
            if d <= 2, d < word.count, d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }
}
