import Testing
@testable import SurveyStatistics

@Suite("Estimate")
struct EstimateTests {
    @Test("normal interval is value ± 1.959963984540054 · se (SciPy norm.ppf(0.975))")
    func normalInterval() {
        let e = Estimate(value: 0.8, standardError: 0.01, n: 500)
        let ci = e.interval(level: 0.95)
        #expect(ci.method == "normal")
        #expect(abs(ci.lower - (0.8 - 1.959963984540054 * 0.01)) < 1e-15)
        #expect(abs(ci.upper - (0.8 + 1.959963984540054 * 0.01)) < 1e-15)
        #expect(ci.note == nil)
    }

    @Test("t interval uses t(10) quantile 2.228138851986274 (SciPy t.ppf(0.975, 10))")
    func tInterval() {
        let e = Estimate(value: 3.5, standardError: 0.2, degreesOfFreedom: 10, n: 11)
        let ci = e.interval(level: 0.95)
        #expect(ci.method == "t")
        #expect(abs(ci.upper - (3.5 + 2.228138851986274 * 0.2)) < 1e-14)
    }

    @Test("zero standard error gives a degenerate interval with a note")
    func zeroSE() {
        let ci = Estimate(value: 1, standardError: 0, n: 20).interval(level: 0.95)
        #expect(ci.lower == 1 && ci.upper == 1)
        #expect(ci.note != nil)
    }

    @Test("df ≤ 0 and n = 0 give NaN bounds with a note")
    func undefined() {
        let a = Estimate(value: 1, standardError: 0.1, degreesOfFreedom: 0, n: 3).interval(level: 0.9)
        #expect(a.lower.isNaN && a.upper.isNaN && a.note != nil)
        let b = Estimate(value: .nan, standardError: .nan, n: 0).interval(level: 0.9)
        #expect(b.lower.isNaN && b.note != nil)
    }
}
