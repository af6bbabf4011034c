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
}
