import Foundation
import Testing
@testable import SurveyStatistics

@Suite struct CronbachAlphaTests {
    /// Oracle: R psych 2.2.9 `alpha()` (Tests/Fixtures/reference/reliability/make.R).
    /// Relative tolerance 1e-9.
    @Test(arguments: [("complete", CronbachAlpha.MissingValues.pairwise),
                      ("pairwise", .pairwise), ("listwise", .listwise)])
    func matchesPsych(_ name: String, _ missing: CronbachAlpha.MissingValues) throws {
        let f = try ReferenceFixture("reliability/\(name)")
        let items = (1...5).map { f.numbers("c\($0)") }
        let a = CronbachAlpha(items: items, missingValues: missing)
        let e = f.expected
        #expect(close(a.raw, number(e["raw_alpha"])!))
        #expect(close(a.standardized, number(e["std_alpha"])!))
        for (key, ours) in [("r_drop", a.itemRestCorrelations), ("alpha_drop_raw", a.alphaIfDeleted),
                            ("alpha_drop_std", a.standardizedAlphaIfDeleted)] {
            let r = (e[key] as! [NSNumber]).map(\.doubleValue)
            #expect(ours.count == r.count)
            for (x, y) in zip(ours, r) { #expect(close(x, y), "\(name) \(key)") }
        }
        #expect(a.respondentCount == Int(number(e["n"])!))
        // Feldt's bounds go through the F quantile (accurate to about 1e-12 relative).
        let feldt = a.feldtInterval(level: 0.95)
        #expect(close(feldt.lower, number(e["feldt_lower"])!))
        #expect(close(feldt.upper, number(e["feldt_upper"])!))
    }

    @Test func listwiseOnAllRowsEqualsAlphaOnCompleteRows() throws {
        let f = try ReferenceFixture("reliability/pairwise")
        let items = (1...5).map { f.numbers("c\($0)") }
        let listwise = CronbachAlpha(items: items, missingValues: .listwise)
        let g = try ReferenceFixture("reliability/listwise")
        #expect(close(listwise.raw, number(g.expected["raw_alpha"])!))
    }

    @Test func edgeCases() {
        // Identical items: C is all equal, alpha = k/(k − 1)(1 − k v/(k² v)) = 1.
        let same: [Double] = [1, 2, 3, 4, 5]
        let a = CronbachAlpha(items: [same, same, same])
        #expect(abs(a.raw - 1) < 1e-12)
        #expect(abs(a.standardized - 1) < 1e-12)
        // One item: no alpha.
        #expect(CronbachAlpha(items: [same]).raw.isNaN)
        // Two items: alpha if deleted is undefined.
        let two = CronbachAlpha(items: [same, [2, 1, 4, 3, 5]])
        let allNaN = two.alphaIfDeleted.allSatisfy { $0.isNaN }
        #expect(allNaN)
        // Hand arithmetic: items (1,2,3) and (1,3,2): var 1 and 1, cov 0.5;
        // alpha = 2 (1 − 2/3) = 2/3.
        let h = CronbachAlpha(items: [[1, 2, 3], [1, 3, 2]])
        #expect(abs(h.raw - 2.0 / 3) < 1e-12)
        // No rows.
        #expect(CronbachAlpha(items: [[], []]).raw.isNaN)
    }
}
