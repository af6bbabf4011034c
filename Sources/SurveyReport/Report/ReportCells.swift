import SatisfactionIndex

/// The text of the report's table cells, shared by the HTML and the Markdown renderers so that
/// both show the same numbers. Plain text; each renderer escapes.
struct ReportCells {
    let content: ReportContent
    var style: NumberStyle { content.style }
    var words: ReportWords { ReportWords(language: content.language) }

    /// `83.2%`.
    func value(_ e: IndexEntry) -> String { style.value(e.estimate.value, measure: e.measure) }

    /// `81.0–85.3` (in the measure's unit, no sign).
    func interval(_ e: IndexEntry) -> String {
        guard e.interval.lower.isFinite, e.interval.upper.isFinite else { return NumberStyle.missing }
        let scale = e.measure == .share || e.measure == .choice ? 100.0 : 1.0
        return style.range(e.interval.lower * scale, e.interval.upper * scale, digits: NumberStyle.digits(for: e.measure))
    }

    /// `+2.6 pp (−0.4 to 5.6)` for a tested change; `—` otherwise (never a number for a
    /// suppressed wave).
    func change(_ g: GroupChange?, measure: Measure) -> String {
        guard let g, g.status == .tested, let c = g.change,
              !(g.before?.isSuppressed ?? true), !(g.after?.isSuppressed ?? true) else { return NumberStyle.missing }
        switch measure {
        case .share, .choice:
            return style.percentagePoints(c.difference, lower: c.interval.lower, upper: c.interval.upper)
        case .mean, .score100:
            let d = NumberStyle.digits(for: measure)
            return style.decimal(c.difference, digits: d, signed: true) + " ("
                + style.range(c.interval.lower, c.interval.upper, digits: d) + ")"
        }
    }

    /// `+2.6 pp` alone (the first-screen card); `—` when there is no tested change.
    func changeHead(_ g: GroupChange?, measure: Measure) -> String {
        guard let g, g.status == .tested, let c = g.change,
              !(g.before?.isSuppressed ?? true), !(g.after?.isSuppressed ?? true) else { return NumberStyle.missing }
        switch measure {
        case .share, .choice: return style.percentagePoints(c.difference)
        case .mean, .score100: return style.decimal(c.difference, digits: NumberStyle.digits(for: measure), signed: true)
        }
    }

    func verdict(_ g: GroupChange?) -> String {
        guard let g else { return NumberStyle.missing }
        if g.status != .tested { return words.notCompared }
        return words.verdict(g.verdict)
    }

    /// `3`, and `2–5` with `≈` when the rank cannot be told apart from a neighbour's.
    func rank(_ r: RankEntry?) -> (String, String) {
        guard let r else { return (NumberStyle.missing, NumberStyle.missing) }
        let interval = r.rankLower == r.rankUpper ? style.count(r.rankLower)
            : style.range(Double(r.rankLower), Double(r.rankUpper), digits: 0)
        return (style.count(r.rank), r.indistinguishableFromNeighbours ? "\(interval) ≈" : interval)
    }

    /// Letters for the flags that need a note; suppression is shown in words instead.
    static func marker(_ flag: IndexFlag) -> String? {
        switch flag {
        case .belowMinimumN, .belowDisclosureThreshold, .complementarySuppression: nil
        case .lowEffectiveN: "n*"
        case .wideInterval: "±"
        case .shareAtZero, .shareAtOne: "0/1"
        case .noValidAnswers: "∅"
        case .partWithoutAnswers: "(∅)"
        }
    }

    func flags(_ e: IndexEntry?) -> String {
        guard let e else { return "" }
        var seen: [String] = []
        for f in e.flags { if let m = Self.marker(f), !seen.contains(m) { seen.append(m) } }
        return seen.joined(separator: " ")
    }

    /// The legend lines for the flags shown: `± interval wider than 20 points: read with care`.
    func legend() -> [String] {
        let s = content.settings
        var out: [String] = []
        var seen: Set<String> = []
        for flag in content.flagsShown {
            guard let m = Self.marker(flag), seen.insert(m).inserted else { continue }
            out.append("\(m) " + content.words.flagExplanation(flag.rawValue, minValidN: s.minValidN,
                disclosureThreshold: s.disclosureThreshold, maxIntervalWidth: s.maxIntervalWidth))
        }
        if content.league.contains(where: { $0.rank?.indistinguishableFromNeighbours ?? false }) {
            out.append(words.indistinguishableMark)
        }
        return out
    }

    /// The header of an index column: `Index (%)` is not used; values carry their unit.
    func groupKey(_ key: [String]) -> String { key.joined(separator: "|") }
}
