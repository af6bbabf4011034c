/// "Did you mean" suggestions by edit distance, for every place satkit names a near miss:
/// unknown keys and scale ids in survey files, header names and labels in data files,
/// options and commands on the command line.
public enum EditDistance {
    /// Words longer than this get no "did you mean" in a survey file: no key or name of the
    /// format comes close.
    static let longestWordCompared = 64

    /// The optimal-string-alignment distance between `a` and `b`: insertions, deletions,
    /// substitutions and swaps of two adjacent characters, each one edit (so the common typo
    /// `lable` is one edit from `label`; plain Levenshtein distance counts two). Characters
    /// are Swift `Character`s, so `é` typed either way is one character.
    ///
    /// Edge cases: an empty string is `count` edits from the other; equal strings are 0.
    public static func distance(_ a: String, _ b: String, ignoringCase: Bool = true) -> Int {
        let a = Array(ignoringCase ? a.lowercased() : a), b = Array(ignoringCase ? b.lowercased() : b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows of the dynamic-programming table: two back (for swaps), one back, current.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var oneBack = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(oneBack[j] + 1, current[j - 1] + 1, oneBack[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
            }
            (twoBack, oneBack, current) = (oneBack, current, twoBack)
        }
        return oneBack[b.count]
    }

    /// The candidate closest to `word` that is close enough to be a likely typo of it, or
    /// `nil`. Close enough: at most `allowedEdits(word.count, candidate.count)` edits, and
    /// fewer edits than `word` has characters. A candidate equal to `word` is skipped; ties go
    /// to the earlier candidate.
    ///
    /// Cost is bounded: a candidate whose length differs by more than its allowance cannot be
    /// close and is skipped before the distance is computed, and a word longer than
    /// `longestWord` characters (a pasted sentence, not a typo) gets no suggestion.
    public static func closest(
        to word: String, among candidates: some Sequence<String>, ignoringCase: Bool = true,
        longestWord: Int = 200, allowedEdits: (_ wordLength: Int, _ candidateLength: Int) -> Int
    ) -> String? {
        let length = word.count
        guard length <= longestWord else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let allowed = allowedEdits(length, candidate.count)
            guard abs(candidate.count - length) <= allowed else { continue }
            let d = distance(word, candidate, ignoringCase: ignoringCase)
            if d <= allowed, d < length, d < (best?.distance ?? .max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// The survey loader's rule: at most 2 edits, words up to ``longestWordCompared``
    /// characters (so one suggestion costs at most candidates × 64 × 66 steps, however many
    /// keys a file has).
    static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates, longestWord: longestWordCompared) { _, _ in 2 }
    }
}
