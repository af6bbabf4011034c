/// One additive relation among published cells: a total and the parts it is made of
/// (the whole sample and its groups; a province and its province × channel cells; an aspect
/// and its criteria). If exactly one cell of a relation is hidden, the others give it away by
/// subtraction; complementary suppression hides a second one.
///
/// The rule (Cox 1980; Hundepool et al. 2012, §4.2): a relation may hold no hidden cell, or two
/// or more, never exactly one. When it holds exactly one:
/// - the smallest shown part is hidden (smallest `size`, then first in order), so that the
///   least information is lost and the total — the number people read first — stays;
/// - only when no part is left to hide is the total hidden, and never when the total may not
///   be hidden (the whole sample).
///
/// References: Cox, L. H. (1980), "Suppression methodology and statistical disclosure
/// control", JASA 75(370); Hundepool, A. et al. (2012), *Statistical Disclosure Control*,
/// Wiley, chapter 4.
struct SuppressionRelation {
    /// One cell of the relation, as the choice needs it.
    struct Cell {
        /// Whether the cell is already hidden.
        var hidden: Bool
        /// How much hiding it costs: respondents for a group, valid n for an entry.
        var size: Double
        /// The cell's share in [0, 1], for the bound rule; `nil` for a size, a mean or score,
        /// or a cell without valid answers.
        var share: Double? = nil
    }

    /// The cell a relation needs hidden next.
    enum Choice: Equatable {
        /// The part at this index of `parts`.
        case part(Int)
        /// The total.
        case total
    }

    /// The cell to hide so that no hidden cell of the relation can be worked out from the
    /// others, or `nil` when the relation is safe as it is (no hidden cell, or two or more) or
    /// cannot be made safe (its only other cell is a total that may not be hidden).
    static func choice(total: Cell, parts: [Cell], totalMayBeHidden: Bool) -> Choice? {
        let hiddenCount = parts.reduce(total.hidden ? 1 : 0) { $0 + ($1.hidden ? 1 : 0) }
        guard hiddenCount == 1 else { return nil }
        var best: Int?
        for (i, part) in parts.enumerated() where !part.hidden {
            if let b = best, parts[b].size <= part.size { continue }
            best = i
        }
        if let best { return .part(best) }
        return totalMayBeHidden && !total.hidden ? .total : nil
    }

    /// The part to hide when the hidden parts are pinned at a bound although there are two or
    /// more of them: with the total shown, the shown cells give the hidden parts' weighted sum,
    /// and when every hidden share is 0 (or every one is 1) that sum is 0 (or all of them), so
    /// each hidden share is known. Hiding a shown part whose share is not at that bound breaks
    /// this; the smallest such part is chosen. `nil` when no hidden share sits at a bound, when
    /// the total is hidden (the sum is then unknown), or when every shown part is at the same
    /// bound too (then the total is, and it alone says that every answer was on one side).
    static func boundChoice(total: Cell, parts: [Cell]) -> Int? {
        guard !total.hidden else { return nil }
        let hidden = parts.filter(\.hidden).compactMap(\.share)
        guard let bound = hidden.first, bound == 0 || bound == 1, hidden.allSatisfy({ $0 == bound }) else { return nil }
        var best: Int?
        for (i, part) in parts.enumerated() where !part.hidden {
            guard let share = part.share, share != bound else { continue }
            if let b = best, parts[b].size <= part.size { continue }
            best = i
        }
        return best
    }
}
