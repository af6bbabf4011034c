import Testing
@testable import SurveyStatistics

/// Holm, Benjamini–Hochberg and Bonferroni against statsmodels `multipletests` and R
/// `p.adjust` (Tests/Fixtures/reference/multiplicity, made by make.py there).
@Suite("Multiplicity adjustment against statsmodels and R")
struct MultiplicityOracleTests {
    struct Case: Decodable {
        let method: String
        let source: String
        let pValues: [Double]
        let adjusted: [Double]
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = (try? loadReference(Fixture.self, "multiplicity/expected.json").cases) ?? []

    /// Relative 1e-12: a few multiplications and comparisons.
    @Test(arguments: [MultiplicityAdjustment.holm, .benjaminiHochberg, .bonferroni])
    func matches(method: MultiplicityAdjustment) {
        let cases = Self.cases.filter { $0.method == method.rawValue }
        #expect(cases.count == 12)
        for c in cases {
            let got = method.adjust(c.pValues)
            #expect(got.count == c.adjusted.count)
            for (g, e) in zip(got, c.adjusted) {
                #expect(agrees(g, e, rel: 1e-12), "\(c.source) on \(c.pValues): \(got)")
            }
        }
    }

    @Test("NaN p-values stay NaN and are not counted, as R p.adjust drops NA")
    func nanExcluded() {
        // p.adjust(c(0.01, NA, 0.04), "holm") = 0.02, NA, 0.04 (m = 2).
        let got = MultiplicityAdjustment.holm.adjust([0.01, .nan, 0.04])
        #expect(got[0] == 0.02 && got[1].isNaN && got[2] == 0.04)
        #expect(MultiplicityAdjustment.benjaminiHochberg.adjust([]) == [])
    }
}
