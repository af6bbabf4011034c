import SurveySchema

/// Complementary (secondary) suppression: hides further numbers so that no suppressed number
/// can be worked out by subtraction from the numbers that are shown.
///
/// The engine suppresses an entry when its group has fewer respondents than the disclosure
/// threshold, when it has fewer valid answers than `minValidN`, or when it has none (the
/// *primary* cells). Published totals give such a cell away: with the whole sample at 40/48
/// satisfied and `land` at 40/40, the hidden `tiny` group is 0/8. This step finds every
/// additive relation among the published numbers (``SuppressionRelation``) and, while one of
/// them holds exactly one hidden cell, hides a second one:
///
/// 1. **Group sizes.** A group below the threshold has its counts withheld (respondents,
///    weighted respondents, degrees of freedom, every entry's n and answer counts:
///    ``GroupResult/countsWithheld``); outputs say only that it has fewer than the threshold.
///    The relations are the whole sample and the groups of each grouping, and for a crossed
///    grouping (province × channel) each published margin (a province of the `province`
///    grouping) and its cells. When exactly one group of a relation is withheld, the smallest
///    shown group (fewest respondents) is withheld *as a whole*: its counts and every entry.
/// 2. **Each entry across groups.** For every node and question, the same relations: when
///    exactly one group's entry is hidden, the entry of the smallest group where it is shown is
///    hidden too (so a group hidden for one entry tends to be the same group for every entry).
/// 3. **The tree within a group.** A parent and its children (an aspect and its criteria,
///    `overall` and its parts): when exactly one of them is hidden, the shown child with the
///    fewest valid answers is hidden; the parent only when it has no other child.
///
/// 4. **Shares pinned at a bound.** In rules 2 and 3, when the total is shown and every hidden
///    share of a relation is 0% (or every one is 100%), the shown numbers say so — the hidden
///    cells' sum is then none (or all) of their answers — and the smallest shown part whose
///    share is off that bound is hidden too (``SuppressionRelation/boundChoice(total:parts:)``).
///
/// An entry hidden only for having no valid answers, in a group whose counts are published,
/// is not a hidden cell of any relation (``isSecret(_:)``): its n of 0 is shown, so there is
/// nothing to work out.
///
/// The rules are repeated until nothing changes (each pass only hides, so it ends).
///
/// Cells hidden here carry ``IndexFlag/complementarySuppression``; their estimates and counts
/// stay in memory (compare and the reconciliation of counts need them), and every renderer
/// hides them as it hides primary cells.
///
/// The whole sample is never hidden to protect a group: its counts are the dataset's rows
/// (printed in the provenance anyway), and once two groups of a grouping are hidden the whole
/// sample gives only their sum. Within the whole sample, rule 3 still applies.
///
/// Limits (`docs/privacy.md`): the rules make every relation hold zero or at least two hidden
/// cells, not pinned at a bound, which is necessary but not always sufficient. Hidden cells
/// are still narrowed to an interval; in a crossed table a hidden cell that is a bridge between
/// otherwise separate hidden cycles can be solved; a total at 0% or 100% says every part is;
/// and `meanOfRespondents` parents are treated as if additive. No linear-programming audit is
/// done.
///
/// References: Cox (1980), "Suppression methodology and statistical disclosure control",
/// JASA 75(370); Hundepool et al. (2012), *Statistical Disclosure Control*, Wiley, ch. 4.
public enum DisclosureControl {
    /// Applies complementary suppression to `groupings` (the whole sample and every grouping
    /// of one run). The engine calls this before rankings and priorities read `isSuppressed`.
    public static func apply(to groupings: inout [GroupingResults], survey: Survey) {
        var table = DisclosureTable(groupings: groupings, survey: survey)
        table.run()
        groupings = table.groupings
    }

    /// Applies complementary suppression to finished results: the groupings as above, then
    /// rankings lose the groups now hidden on their node, and the weakest criteria lose the
    /// criteria now hidden in the whole sample. ``IndexEngine/run()`` already does this; use it
    /// on results built or edited by hand.
    public static func apply(to results: inout IndexResults, survey: Survey) {
        apply(to: &results.groupings, survey: survey)
        for r in results.rankings.indices {
            let ranking = results.rankings[r]
            guard let grouping = results.grouping(ranking.by) else { continue }
            results.rankings[r].entries.removeAll { entry in
                guard let group = grouping.group(entry.key) else { return false }
                let cell = group.node(ranking.node) ?? group.question(ranking.node)
                return cell?.isSuppressed ?? group.countsWithheld
            }
        }
        if let whole = results.wholeSample {
            results.priorities?.weakest.removeAll { whole.node($0)?.isSuppressed ?? false }
        }
    }
}

/// The published cells and their relations, with the rules of ``DisclosureControl``.
struct DisclosureTable {
    /// Where an entry sits in a group: in `nodes` or in `questions`, at `index`.
    struct EntryRef: Hashable {
        var isNode: Bool
        var index: Int
    }

    /// A group: grouping `gi`, group `g`.
    struct GroupRef: Hashable {
        var gi: Int
        var g: Int
    }

    /// A total and its parts.
    struct Relation {
        var total: GroupRef
        var parts: [GroupRef]
        var totalMayBeHidden: Bool
    }

    private(set) var groupings: [GroupingResults]
    /// For every group, its entries by (id, option, isNode).
    private var entryIndex: [GroupRef: [EntryKey: EntryRef]] = [:]
    private let relations: [Relation]
    /// Parents of the indicator tree with their children, root first.
    private let families: [(parent: String, children: [String])]

    struct EntryKey: Hashable {
        var id: String
        var option: String?
        var isNode: Bool
    }

    init(groupings: [GroupingResults], survey: Survey) {
        self.groupings = groupings
        relations = Self.relations(groupings)
        var families: [(String, [String])] = []
        func walk(_ node: Aggregate) {
            families.append((node.id, node.children.map(\.id)))
            for child in node.children { if case .aggregate(let a) = child { walk(a) } }
        }
        walk(survey.root)
        self.families = families
        for (gi, grouping) in groupings.enumerated() {
            for (g, group) in grouping.groups.enumerated() {
                var index: [EntryKey: EntryRef] = [:]
                for (i, e) in group.nodes.enumerated() { index[EntryKey(id: e.id, option: e.option, isNode: true)] = EntryRef(isNode: true, index: i) }
                for (i, e) in group.questions.enumerated() { index[EntryKey(id: e.id, option: e.option, isNode: false)] = EntryRef(isNode: false, index: i) }
                entryIndex[GroupRef(gi: gi, g: g)] = index
            }
        }
    }

    /// Every total-and-parts relation between published groupings: grouping A is a total of
    /// grouping B when A's columns are a proper subset of B's (the whole sample, `[]`, of every
    /// grouping; `province` of `province × channel`).
    static func relations(_ groupings: [GroupingResults]) -> [Relation] {
        var out: [Relation] = []
        for (ai, a) in groupings.enumerated() {
            for (bi, b) in groupings.enumerated() where ai != bi {
                let aColumns = Set(a.by)
                guard aColumns.count == a.by.count, aColumns.isStrictSubset(of: Set(b.by)) else { continue }
                let positions = a.by.map { column in b.by.firstIndex(of: column)! }
                var partsOf: [[String]: [GroupRef]] = [:]
                for (g, group) in b.groups.enumerated() where group.key.count == b.by.count {
                    partsOf[positions.map { group.key[$0] }, default: []].append(GroupRef(gi: bi, g: g))
                }
                for (g, group) in a.groups.enumerated() {
                    out.append(Relation(total: GroupRef(gi: ai, g: g), parts: partsOf[group.key] ?? [],
                                        totalMayBeHidden: !a.by.isEmpty))
                }
            }
        }
        return out
    }

    mutating func run() {
        // Primary: a group below the threshold withholds its counts (never the whole sample).
        for gi in groupings.indices where !groupings[gi].by.isEmpty {
            for g in groupings[gi].groups.indices where groupings[gi].groups[g].belowDisclosureThreshold {
                _ = withhold(GroupRef(gi: gi, g: g))
            }
        }
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                if protectSizes(relation) { changed = true }
                if protectEntries(relation) { changed = true }
            }
            for gi in groupings.indices {
                for g in groupings[gi].groups.indices where protectTree(GroupRef(gi: gi, g: g)) { changed = true }
            }
        }
    }

    func group(_ ref: GroupRef) -> GroupResult { groupings[ref.gi].groups[ref.g] }

    func entry(_ ref: GroupRef, _ key: EntryKey) -> IndexEntry? {
        guard let e = entryIndex[ref]?[key] else { return nil }
        let group = group(ref)
        return e.isNode ? group.nodes[e.index] : group.questions[e.index]
    }

    /// Rule 1: group sizes.
    mutating func protectSizes(_ relation: Relation) -> Bool {
        func cell(_ ref: GroupRef) -> SuppressionRelation.Cell {
            SuppressionRelation.Cell(hidden: group(ref).countsWithheld, size: Double(group(ref).respondents))
        }
        switch SuppressionRelation.choice(total: cell(relation.total), parts: relation.parts.map(cell),
                                          totalMayBeHidden: relation.totalMayBeHidden) {
        case .part(let i): return withhold(relation.parts[i])
        case .total: return withhold(relation.total)
        case nil: return false
        }
    }

    /// Rule 2: every entry across the groups of a relation. The cost of hiding a part is its
    /// group's size, so that one small group is hidden rather than several.
    mutating func protectEntries(_ relation: Relation) -> Bool {
        guard let keys = entryIndex[relation.total]?.keys else { return false }
        var changed = false
        for key in keys.sorted(by: { ($0.id, $0.option ?? "", $0.isNode ? 0 : 1) < ($1.id, $1.option ?? "", $1.isNode ? 0 : 1) }) {
            guard let total = entry(relation.total, key) else { continue }
            let parts = relation.parts.compactMap { ref in entry(ref, key).map { (ref, $0) } }
            let totalCell = SuppressionRelation.Cell(
                hidden: Self.isSecret(total), size: Double(group(relation.total).respondents), share: Self.share(total))
            let cells = parts.map {
                SuppressionRelation.Cell(hidden: Self.isSecret($0.1), size: Double(group($0.0).respondents), share: Self.share($0.1))
            }
            switch SuppressionRelation.choice(total: totalCell, parts: cells, totalMayBeHidden: relation.totalMayBeHidden) {
            case .part(let i): if hide(parts[i].0, key) { changed = true }
            case .total: if hide(relation.total, key) { changed = true }
            case nil:
                if let i = SuppressionRelation.boundChoice(total: totalCell, parts: cells), hide(parts[i].0, key) { changed = true }
            }
        }
        return changed
    }

    /// Rule 3: each parent and its children within one group. The cost of hiding a child is
    /// its n (valid answers; respondents for a parent).
    mutating func protectTree(_ ref: GroupRef) -> Bool {
        var changed = false
        for family in families {
            let parentKey = EntryKey(id: family.parent, option: nil, isNode: true)
            guard let parent = entry(ref, parentKey) else { continue }
            let children = family.children.compactMap { id -> (EntryKey, IndexEntry)? in
                let key = EntryKey(id: id, option: nil, isNode: true)
                return entry(ref, key).map { (key, $0) }
            }
            let totalCell = SuppressionRelation.Cell(
                hidden: Self.isSecret(parent), size: Double(parent.estimate.n), share: Self.share(parent))
            let cells = children.map {
                SuppressionRelation.Cell(hidden: Self.isSecret($0.1), size: Double($0.1.estimate.n), share: Self.share($0.1))
            }
            switch SuppressionRelation.choice(total: totalCell, parts: cells, totalMayBeHidden: true) {
            case .part(let i): if hide(ref, children[i].0) { changed = true }
            case .total: if hide(ref, parentKey) { changed = true }
            case nil:
                if let i = SuppressionRelation.boundChoice(total: totalCell, parts: cells), hide(ref, children[i].0) { changed = true }
            }
        }
        return changed
    }

    /// Whether a hidden entry holds something subtraction could reveal. An entry hidden only
    /// because it has no valid answers, in a group whose counts are published, holds nothing:
    /// its n of 0 is printed beside it and there is no share to work out. Hiding a sibling to
    /// protect it would only lose numbers (every criterion of a service marked "not
    /// applicable" would otherwise hide the service's other aspects).
    static func isSecret(_ entry: IndexEntry) -> Bool {
        entry.isSuppressed && !entry.isUnansweredInPublishedGroup
    }

    /// An entry's share for the bound rule: shares and multi-select choices with a value.
    static func share(_ entry: IndexEntry) -> Double? {
        guard entry.measure == .share || entry.measure == .choice, entry.estimate.value.isFinite else { return nil }
        return entry.estimate.value
    }

    /// Hides one entry by complementation; `false` if it was hidden already.
    mutating func hide(_ ref: GroupRef, _ key: EntryKey) -> Bool {
        guard let e = entryIndex[ref]?[key] else { return false }
        if e.isNode {
            return Self.hide(&groupings[ref.gi].groups[ref.g].nodes[e.index])
        }
        return Self.hide(&groupings[ref.gi].groups[ref.g].questions[e.index])
    }

    static func hide(_ entry: inout IndexEntry) -> Bool {
        guard !entry.isSuppressed else { return false }
        entry.isSuppressed = true
        entry.flags.append(.complementarySuppression)
        return true
    }

    /// Withholds a group's counts and hides every entry of it; `false` if already withheld.
    mutating func withhold(_ ref: GroupRef) -> Bool {
        guard !groupings[ref.gi].groups[ref.g].countsWithheld else { return false }
        var group = groupings[ref.gi].groups[ref.g]
        group.countsWithheld = true
        for i in group.nodes.indices {
            group.nodes[i].countsWithheld = true
            _ = Self.hide(&group.nodes[i])
        }
        for i in group.questions.indices {
            group.questions[i].countsWithheld = true
            _ = Self.hide(&group.questions[i])
        }
        groupings[ref.gi].groups[ref.g] = group
        return true
    }
}
