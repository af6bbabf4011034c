import SurveySchema

/// The candidate closest to `input` by `EditDistance.distance` (case-sensitive), if it is close enough to be
/// what the user meant; the first such candidate on a tie.
///
/// Close enough means at most a third of the candidate's length in edits (at least 1, at
/// most 3): `--bye` suggests `--by`, `analyse` suggests `analyze`, but `--xyz` suggests
/// nothing, and neither does anything for a one-character name (`|` for `,`).
/// Leading dashes take part in neither the distance nor the length, so `-output`
/// suggests `--output`.
func closestMatch(to input: String, among candidates: [String]) -> String? {
    func bare(_ name: String) -> String { String(name.drop(while: { $0 == "-" })) }
    let names = candidates.map(bare)
    // `-output` for `--output`: the same name with other dashes is the best suggestion.
    if let same = names.firstIndex(of: bare(input)), candidates[same] != input { return candidates[same] }
    // A one-character name is never "close": any other character is one edit away.
    guard let found = EditDistance.closest(to: bare(input), among: names, ignoringCase: false, allowedEdits: {
        _, nameLength in nameLength < 2 ? 0 : max(1, min(3, nameLength / 3))
    }) else { return nil }
    return candidates[names.firstIndex(of: found)!]
}
