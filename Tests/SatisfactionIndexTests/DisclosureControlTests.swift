import Testing
@testable import SatisfactionIndex
import SurveyData
import SurveySchema

/// Complementary suppression (issue 9), on small datasets whose numbers follow from the
/// arithmetic written beside them.
@Suite struct DisclosureControlTests {
    static let l = LocalizedText(["en": "x"])
    static let s5 = Scale(id: "s5", points: (1...5).map { ScalePoint(value: $0, label: l) }, satisfied: [4, 5])

    /// Aspect `A` (mean of its children) with criteria `c1`, `c2`, `c3`; disclosure threshold 10.
    static func survey(minValidN: Int) -> Survey {
        func c(_ id: String) -> Indicator { .criterion(Criterion(id: id, label: l, column: id, scale: "s5")) }
        return Survey(
            id: "t", version: "1", title: l, languages: ["en"], defaultLanguage: "en", scales: [s5],
            index: IndexRules(measure: .share, interval: "wilson", minValidN: minValidN, disclosureThreshold: 10),
            indicators: [.aggregate(Aggregate(id: "A", label: l, children: [c("c1"), c("c2"), c("c3")]))])
    }

    /// Rows of `service` sizes in order; `answer(row, criterion)` gives each cell.
    static func dataset(sizes: [(String, Int)], extra: [String: [(String, Int)]] = [:],
                        answer: (Int, String) -> AnswerCode) -> SurveyDataset {
        let n = sizes.reduce(0) { $0 + $1.1 }
        func column(_ id: String, _ sizes: [(String, Int)]) -> CategoryColumn {
            var codes: [UInt32] = []
            for (k, size) in sizes.enumerated() { codes += [UInt32](repeating: UInt32(k), count: size.1) }
            return CategoryColumn(id: id, levels: sizes.map(\.0), codes: codes)
        }
        var groups = ["service": column("service", sizes)]
        for (id, sizes) in extra { groups[id] = column(id, sizes) }
        var answers: [String: [AnswerCode]] = [:]
        for c in ["c1", "c2", "c3"] { answers[c] = (0..<n).map { answer($0, c) } }
        return SurveyDataset(rowCount: n, lineNumbers: (0..<n).map { UInt32($0 + 2) }, answers: answers, groups: groups)
    }

    /// Every additive relation of the published results holds zero or at least two hidden cells:
    /// the whole sample and each grouping's groups, a margin and its crossed cells, a parent and
    /// its children. Returns the relations that hold exactly one, described. A hidden cell with
    /// no valid answers whose n of 0 is published holds nothing to work out, so it is not counted.
    static func exposed(_ results: IndexResults, survey: Survey) -> [String] {
        var out: [String] = []
        func secret(_ e: IndexEntry) -> Bool { e.isSuppressed && !(e.estimate.n == 0 && !e.countsWithheld) }
        func families(_ node: Aggregate) -> [(String, [String])] {
            [(node.id, node.children.map(\.id))] + node.children.flatMap { child -> [(String, [String])] in
                if case .aggregate(let a) = child { return families(a) }
                return []
            }
        }
        let tree = families(survey.root)
        for grouping in results.groupings {
            for group in grouping.groups {
                for (parent, children) in tree {
                    let cells = ([parent] + children).compactMap { group.node($0) }
                    if cells.filter(secret).count == 1 { out.append("tree \(group.key) \(parent)") }
                }
            }
        }
        for total in results.groupings {
            for parts in results.groupings where Set(total.by).isStrictSubset(of: Set(parts.by)) {
                let positions = total.by.map { parts.by.firstIndex(of: $0)! }
                for t in total.groups {
                    let members = parts.groups.filter { g in positions.map { g.key[$0] } == t.key }
                    let sizes = [t.countsWithheld] + members.map(\.countsWithheld)
                    if sizes.filter({ $0 }).count == 1 { out.append("size \(t.key) of \(parts.by)") }
                    for entry in t.nodes + t.questions {
                        let cells = [entry] + members.compactMap { $0.nodes.first { $0.id == entry.id } ?? $0.question(entry.id, option: entry.option) }
                        if cells.filter(secret).count == 1 { out.append("entry \(entry.id) \(t.key) of \(parts.by)") }
                    }
                }
            }
        }
        return out
    }

    /// Cases 1 and 3: one group below the threshold. c1: big 40/40, mid 15/20, tiny 0/8, so the
    /// whole sample is 55/68. With only tiny hidden, 55 − 40 − 15 = 0 of 68 − 40 − 20 = 8 gives
    /// it away; with mid hidden as well, whole − big gives tiny and mid together, 15/28.
    static func threeServices() -> (Survey, SurveyDataset) {
        let survey = survey(minValidN: 5)
        let data = dataset(sizes: [("big", 40), ("mid", 20), ("tiny", 8)]) { row, c in
            guard c == "c1" else { return .point(4) }
            return row < 40 || (row >= 40 && row < 55) ? .point(5) : .point(2)
        }
        return (survey, data)
    }

    @Test func oneHiddenGroupHidesTheNextSmallestAsAWhole() throws {
        let (survey, data) = Self.threeServices()
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let services = try #require(r.grouping(["service"]))
        let big = try #require(services.group(["big"]))
        let mid = try #require(services.group(["mid"]))
        let tiny = try #require(services.group(["tiny"]))
        // Primary: tiny (8 < 10), counts withheld; its entries keep their reasons, no new flag.
        #expect(tiny.belowDisclosureThreshold && tiny.countsWithheld)
        for e in tiny.nodes + tiny.questions {
            #expect(e.isSuppressed && e.countsWithheld && !e.flags.contains(.complementarySuppression))
        }
        // Secondary: mid (20), the smallest other service, hidden as a whole.
        #expect(!mid.belowDisclosureThreshold && mid.countsWithheld)
        for e in mid.nodes + mid.questions {
            #expect(e.isSuppressed && e.countsWithheld && e.flags.contains(.complementarySuppression))
        }
        // big and the whole sample stay.
        #expect(!big.countsWithheld && (big.nodes + big.questions).allSatisfy { !$0.isSuppressed })
        let whole = try #require(r.wholeSample)
        #expect(!whole.countsWithheld && whole.nodes.allSatisfy { !$0.isSuppressed && !$0.flags.contains(.complementarySuppression) })
        // The arithmetic of case 1 from what is shown: whole − big = tiny + mid, 15/28, not tiny's 0/8.
        let c1 = try #require(whole.node("c1")), bigC1 = try #require(big.node("c1"))
        let x = c1.estimate.value * Double(c1.estimate.n) - bigC1.estimate.value * Double(bigC1.estimate.n)
        let n = Double(c1.estimate.n - bigC1.estimate.n)
        #expect(abs(x - 15) < 1e-9 && n == 28)
        #expect(tiny.node("c1")?.estimate.value == 0 && x / n != 0)
        // Case 3: respondents shown, 68 − 40 = 28 = tiny + mid, not tiny's 8.
        #expect(whole.respondents - big.respondents == 28)
        // The estimates stay in memory (compare needs them): mid's c1 is 15/20.
        #expect(mid.node("c1")?.estimate.value == 0.75)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }

    /// Two hidden shares that are both 100% are given away by whole − shown: c1 is big 10/40,
    /// mid 20/20, tiny 8/8, whole 38/68, and 38 − 10 = 28 of 68 − 40 = 28 means every hidden
    /// answer was satisfied. So big's c1 is hidden as well: 38 of 68 over three hidden groups
    /// no longer pins any of them. The aspect A is the same case (mid and tiny at 100%, big at
    /// (0.25 + 1 + 1)/3): big's A goes too.
    @Test func hiddenSharesPinnedAtABoundTakeAThirdCell() throws {
        let survey = Self.survey(minValidN: 5)
        let data = Self.dataset(sizes: [("big", 40), ("mid", 20), ("tiny", 8)]) { row, c in
            guard c == "c1" else { return .point(4) }
            return row >= 30 ? .point(5) : .point(2)
        }
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let services = try #require(r.grouping(["service"]))
        #expect(services.group(["mid"])?.node("c1")?.estimate.value == 1)
        #expect(services.group(["tiny"])?.node("c1")?.estimate.value == 1)
        let big = try #require(services.group(["big"]))
        #expect(big.node("c1")?.flags.contains(.complementarySuppression) == true)
        #expect(big.node("A")?.flags.contains(.complementarySuppression) == true)
        // In big's tree A and c1 are now both hidden: 3·A − c2 − c3 gives only A and c1 together.
        #expect(big.node("c2")?.isSuppressed == false && big.node("c3")?.isSuppressed == false)
        // c2 and c3 are 100% everywhere: the whole sample says so itself; nothing more to hide.
        #expect(r.wholeSample?.node("c2")?.estimate.value == 1 && r.wholeSample?.node("c2")?.isSuppressed == false)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }

    /// Rankings leave out the complement too, also for a grouping ranked but not asked for
    /// (its ranked values are published, so they are protected against the whole sample).
    @Test func rankingsLeaveOutTheComplement() throws {
        let (survey, data) = Self.threeServices()
        for groupings in [[["service"]], []] {
            let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(
                groupings: groupings, rankings: [RankingRequest(by: ["service"], node: "c1")],
                bootstrap: BootstrapSettings(replicates: 20, seed: 1))).run()
            #expect(r.rankings.first?.entries.map(\.key) == [["big"]], "groupings \(groupings)")
        }
    }

    /// Case 2: c3 has 20 valid answers (< minValidN 30) in a sample of 40; c1 has 40, c2 36. With
    /// A shown, 3·A − c1 − c2 would give c3: c2, the shown child with fewest answers, is hidden.
    @Test func oneHiddenChildHidesTheSmallestSibling() throws {
        let survey = Self.survey(minValidN: 30)
        let data = Self.dataset(sizes: [("all", 40)]) { row, c in
            switch c {
            case "c1": return .point(5)
            case "c2": return row < 36 ? .point(row % 2 == 0 ? 5 : 2) : .dontKnow
            default: return row < 20 ? .point(4) : .notApplicable
            }
        }
        let r = try IndexEngine(survey: survey, dataset: data).run()
        let whole = try #require(r.wholeSample)
        #expect(whole.node("c3")?.isSuppressed == true && whole.node("c3")?.flags.contains(.belowMinimumN) == true)
        #expect(whole.node("c2")?.isSuppressed == true && whole.node("c2")?.flags.contains(.complementarySuppression) == true)
        #expect(whole.node("c1")?.isSuppressed == false && whole.node("A")?.isSuppressed == false)
        #expect(whole.node("overall")?.isSuppressed == false)
        // 3·A − c1 = c2 + c3 = 18/36 + 20/20 = 1.5: the sum, not c3 alone.
        let a = try #require(whole.node("A")?.estimate.value), c1 = try #require(whole.node("c1")?.estimate.value)
        #expect(abs(3 * a - c1 - 1.5) < 1e-12)
        // Counts of a large group stay (they are not what is protected).
        #expect(!whole.countsWithheld && whole.node("c3")?.countsWithheld == false)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }

    /// A criterion nobody could answer in one service ("not applicable" for all 30 online
    /// respondents) is hidden for having no valid answers, but it hides nothing else: its n of
    /// 0 is printed, so there is no share to work out from c1, c2 or A, nor from the whole
    /// sample's c3 (all 30 desk answers) and desk's c3. Before, rule 3 hid online's c2.
    @Test func aCriterionWithNoValidAnswersHidesNoSibling() throws {
        let survey = Self.survey(minValidN: 10)
        let data = Self.dataset(sizes: [("desk", 30), ("online", 30)]) { row, c in
            if c == "c3" && row >= 30 { return .notApplicable }
            return .point(row % 3 == 0 ? 2 : 5)
        }
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let online = try #require(r.grouping(["service"])?.group(["online"]))
        let c3 = try #require(online.node("c3"))
        #expect(c3.isSuppressed && c3.estimate.n == 0 && c3.flags.contains(.noValidAnswers))
        #expect(!c3.flags.contains(.complementarySuppression))
        for id in ["c1", "c2"] {
            // 20 of 30 satisfied (rows with row % 3 == 0 answer 2).
            let entry = try #require(online.node(id))
            #expect(!entry.isSuppressed && abs(entry.estimate.value - 20.0 / 30) < 1e-15)
        }
        let desk = try #require(r.grouping(["service"])?.group(["desk"]))
        #expect(desk.nodes.allSatisfy { !$0.isSuppressed })
        #expect(r.wholeSample?.nodes.allSatisfy { !$0.isSuppressed } == true)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }

    /// Iteration: c3 is short of minValidN in both services (20 answers each). In g1 (60 rows)
    /// the tree rule hides c2 (55 answers, fewer than c1's 60); in g2 (50 rows) c1 (48, fewer
    /// than c2's 50). Each is then the only hidden cell of its criterion across the services,
    /// so the next pass hides g2's c2 and g1's c1: only a second pass makes every relation safe.
    @Test func suppressionIsRepeatedUntilStable() throws {
        let survey = Self.survey(minValidN: 30)
        let data = Self.dataset(sizes: [("g1", 60), ("g2", 50)]) { row, c in
            let inG1 = row < 60
            let k = inG1 ? row : row - 60
            switch c {
            case "c1": return inG1 || k < 48 ? .point(5) : .noAnswer
            case "c2": return !inG1 || k < 55 ? .point(4) : .noAnswer
            default: return k < 20 ? .point(4) : .notApplicable
            }
        }
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let services = try #require(r.grouping(["service"]))
        for key in ["g1", "g2"] {
            let g = try #require(services.group([key]))
            #expect(g.node("c3")?.flags.contains(.belowMinimumN) == true)
            for c in ["c1", "c2"] { #expect(g.node(c)?.flags.contains(.complementarySuppression) == true, "\(key) \(c)") }
            // A stays: three hidden children, one equation.
            #expect(g.node("A")?.isSuppressed == false)
        }
        // The whole sample (c3: 40 answers) shows everything.
        #expect(r.wholeSample?.nodes.allSatisfy { !$0.isSuppressed } == true)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }

    /// Nothing suppressed: nothing changes, and applying the control again changes nothing.
    @Test func nothingSuppressedNothingChanges() throws {
        let survey = Self.survey(minValidN: 5)
        let data = Self.dataset(sizes: [("a", 30), ("b", 20), ("c", 12)]) { row, _ in .point(row % 5 + 1) }
        var r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        for grouping in r.groupings {
            for group in grouping.groups {
                #expect(!group.countsWithheld)
                #expect((group.nodes + group.questions).allSatisfy { !$0.isSuppressed && !$0.countsWithheld })
            }
        }
        let before = r
        DisclosureControl.apply(to: &r, survey: survey)
        #expect(r == before)
    }

    /// The whole sample is never hidden to protect a group, even when every group is hidden:
    /// with two or more groups hidden it gives only their sum. Its size is the dataset's row
    /// count, printed in the provenance anyway, so it is never withheld.
    @Test func theWholeSampleIsNeverHiddenByComplementation() throws {
        let survey = Self.survey(minValidN: 5)
        let data = Self.dataset(sizes: [("a", 8), ("b", 9), ("c", 30)]) { row, _ in .point(row % 2 == 0 ? 5 : 1) }
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(groupings: [["service"]])).run()
        let services = try #require(r.grouping(["service"]))
        // Two primary groups: the relation already holds two hidden cells; c stays.
        #expect(services.groups.map(\.countsWithheld) == [true, true, false])
        #expect(services.group(["c"])?.nodes.allSatisfy { !$0.isSuppressed } == true)
        let whole = try #require(r.wholeSample)
        #expect(!whole.countsWithheld && whole.nodes.allSatisfy { !$0.isSuppressed })
        // A grouping of one group below the threshold equals the whole sample in rows, so the
        // whole is below the threshold too: its entries are suppressed, as primary cells.
        let small = Self.dataset(sizes: [("only", 8)]) { _, _ in .point(5) }
        let one = try IndexEngine(survey: survey, dataset: small, options: IndexOptions(groupings: [["service"]])).run()
        #expect(one.wholeSample?.nodes.allSatisfy { $0.isSuppressed && !$0.flags.contains(.complementarySuppression) } == true)
        #expect(one.wholeSample?.countsWithheld == false)
        // Its one group's size is the whole sample's, which is the dataset's row count: the
        // one relation that cannot be protected, and needs no protection (documented limit).
        #expect(Self.exposed(r, survey: survey).isEmpty)
        #expect(Self.exposed(one, survey: survey) == ["size [] of [\"service\"]"])
    }

    /// A crossed grouping with both margins published: (P1, B) has 5 respondents. Every
    /// province's cells and every channel's cells, and each margin against the whole sample,
    /// end with zero or two or more hidden cells; the margins themselves stay shown.
    @Test func crossedGroupingsAreProtectedAlongEachMargin() throws {
        let survey = Self.survey(minValidN: 5)
        // Rows in cell order (P1,A) 30, (P1,B) 5, (P2,A) 30, (P2,B) 20, (P3,A) 25, (P3,B) 25.
        let cells: [(String, String, Int)] = [("P1", "A", 30), ("P1", "B", 5), ("P2", "A", 30), ("P2", "B", 20),
                                              ("P3", "A", 25), ("P3", "B", 25)]
        let sizes = cells.map { ("\($0.0)\($0.1)", $0.2) }
        var data = Self.dataset(sizes: sizes) { row, c in .point(row % (c == "c1" ? 3 : 4) == 0 ? 2 : 5) }
        var province: [UInt32] = [], channel: [UInt32] = []
        for (p, ch, n) in cells {
            province += [UInt32](repeating: UInt32(Int(p.dropFirst())! - 1), count: n)
            channel += [UInt32](repeating: ch == "A" ? 0 : 1, count: n)
        }
        data.groups = ["province": CategoryColumn(id: "province", levels: ["P1", "P2", "P3"], codes: province),
                       "channel": CategoryColumn(id: "channel", levels: ["A", "B"], codes: channel)]
        let r = try IndexEngine(survey: survey, dataset: data, options: IndexOptions(
            groupings: [["province"], ["channel"], ["province", "channel"]])).run()
        let crossed = try #require(r.grouping(["province", "channel"]))
        #expect(crossed.group(["P1", "B"])?.belowDisclosureThreshold == true)
        // P1 = (P1,A) + (P1,B): (P1,A) must go.
        #expect(crossed.group(["P1", "A"])?.countsWithheld == true)
        #expect(r.grouping(["province"])?.groups.allSatisfy { !$0.countsWithheld } == true)
        #expect(r.grouping(["channel"])?.groups.allSatisfy { !$0.countsWithheld } == true)
        #expect(Self.exposed(r, survey: survey).isEmpty)
    }
}

/// The choice inside one relation, on its own.
@Suite struct SuppressionRelationTests {
    typealias Cell = SuppressionRelation.Cell

    @Test func exactlyOneHiddenPartTakesTheSmallestShownPart() {
        let parts = [Cell(hidden: false, size: 40), Cell(hidden: true, size: 8), Cell(hidden: false, size: 20),
                     Cell(hidden: false, size: 20)]
        // 20 and 20 tie: the first in order.
        #expect(SuppressionRelation.choice(total: Cell(hidden: false, size: 88), parts: parts, totalMayBeHidden: false) == .part(2))
    }

    @Test func noneOrTwoHiddenIsSafe() {
        let none = [Cell(hidden: false, size: 40), Cell(hidden: false, size: 8)]
        let two = [Cell(hidden: true, size: 40), Cell(hidden: true, size: 8), Cell(hidden: false, size: 3)]
        #expect(SuppressionRelation.choice(total: Cell(hidden: false, size: 48), parts: none, totalMayBeHidden: true) == nil)
        #expect(SuppressionRelation.choice(total: Cell(hidden: false, size: 51), parts: two, totalMayBeHidden: true) == nil)
        // A hidden total and one hidden part: two hidden, safe.
        #expect(SuppressionRelation.choice(total: Cell(hidden: true, size: 48), parts: [two[1], none[0]], totalMayBeHidden: true) == nil)
    }

    @Test func hiddenSharesAllAtOneBoundTakeAPartOffThatBound() {
        func cell(_ hidden: Bool, _ size: Double, _ share: Double?) -> Cell { Cell(hidden: hidden, size: size, share: share) }
        let total = cell(false, 68, 58.0 / 68)
        let parts = [cell(false, 40, 0.75), cell(true, 20, 1), cell(true, 8, 1), cell(false, 30, 1)]
        // The 30-respondent part is smaller but also at 100%: hiding it would not help.
        #expect(SuppressionRelation.boundChoice(total: total, parts: parts) == 0)
        // Not pinned: one hidden share off the bound.
        let mixed = [cell(false, 40, 0.75), cell(true, 20, 0.5), cell(true, 8, 1)]
        #expect(SuppressionRelation.boundChoice(total: total, parts: mixed) == nil)
        // A hidden total: the sum is unknown.
        #expect(SuppressionRelation.boundChoice(total: cell(true, 68, 0.9), parts: parts) == nil)
        // Everything at 0: the total says it all; nothing helps.
        let zeros = [cell(false, 40, 0), cell(true, 8, 0), cell(true, 9, 0)]
        #expect(SuppressionRelation.boundChoice(total: cell(false, 57, 0), parts: zeros) == nil)
    }

    @Test func aHiddenTotalTakesAPartAndALonePartTakesTheTotal() {
        let shown = [Cell(hidden: false, size: 40), Cell(hidden: false, size: 8)]
        #expect(SuppressionRelation.choice(total: Cell(hidden: true, size: 48), parts: shown, totalMayBeHidden: false) == .part(1))
        let lone = [Cell(hidden: true, size: 8)]
        #expect(SuppressionRelation.choice(total: Cell(hidden: false, size: 8), parts: lone, totalMayBeHidden: true) == .total)
        // The whole sample may not be hidden: nothing to do.
        #expect(SuppressionRelation.choice(total: Cell(hidden: false, size: 8), parts: lone, totalMayBeHidden: false) == nil)
    }
}
