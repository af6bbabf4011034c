/// The optimal-string-alignment distance between two strings: the number of insertions,
/// deletions, substitutions and swaps of adjacent characters that turn one into the other.
///
/// A swap counts as one edit, so the common typo `sruvey` is one edit from `survey`
/// (plain Levenshtein distance would count two). Characters are compared as Swift
/// `Character`s, so `é` written either way is one character.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
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

/// The candidate closest to `input` by ``editDistance(_:_:)``, if it is close enough to be
/// what the user meant; the first such candidate on a tie.
///
/// Close enough means at most a third of the candidate's length in edits (at least 1, at
/// most 3): `--bye` suggests `--by`, `analyse` suggests `analyze`, but `--xyz` suggests
/// nothing, and neither does anything for a one-character name (`|` for `,`). Leading dashes take part in neither the distance nor the length, so `-output`
/// suggests `--output`.
func closestMatch(to input: String, among candidates: [String]) -> String? {
    func bare(_ name: String) -> String { String(name.drop(while: { $0 == "-" })) }
    let target = bare(input)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let name = bare(candidate)
        let distance = editDistance(target, name)
        // A one-character name is never "close": any other character is one edit away.
        let allowed = name.count < 2 ? 0 : max(1, min(3, name.count / 3))
        guard distance <= allowed, candidate != input else { continue }
        if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.candidate
}
