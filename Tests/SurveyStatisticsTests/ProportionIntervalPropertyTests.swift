import Testing
@testable import SurveyStatistics

/// Invariants every proportion interval keeps, over counts that include 0, n, n = 1 and
/// shares near 1, and over design-based estimates with a design effect.
@Suite("Proportion interval properties")
struct ProportionIntervalPropertyTests {
    static let counts: [(Int, Int)] = [(0, 1), (1, 1), (0, 2), (1, 2), (0, 7), (3, 7), (7, 7), (0, 30), (1, 30),
                                       (28, 30), (29, 30), (30, 30), (481, 580), (579, 580), (580, 580),
                                       (33210, 36525), (1, 36525)]
    static let levels: [Double] = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999]

    /// Design-based shares: n = 580 answers in 18 villages, design effect 2.5, df = 17.
    static let estimates: [Estimate] = [0.0, 0.003, 0.03, 0.5, 0.83, 0.97, 0.999, 1.0].map { p in
        let se = (2.5 * p * (1 - p) / 580).squareRoot()
        return Estimate(value: p, standardError: se, degreesOfFreedom: 17, n: 580, effectiveN: 232,
                        designEffect: 2.5, method: "proportion")
    }

    static func check(_ ci: ConfidenceInterval, estimate p: Double, _ label: String) {
        #expect(ci.lower >= 0 && ci.upper <= 1, "\(label): [\(ci.lower), \(ci.upper)] leaves [0, 1]")
        #expect(ci.lower <= p && p <= ci.upper, "\(label): [\(ci.lower), \(ci.upper)] misses \(p)")
    }

    @Test("contains the estimate and stays in [0, 1]", arguments: ProportionIntervalMethod.allCases)
    func containsAndBounded(method: ProportionIntervalMethod) {
        for (x, n) in Self.counts {
            for level in Self.levels {
                let ci = method.interval(successes: x, trials: n, level: level)
                Self.check(ci, estimate: Double(x) / Double(n), "\(method) \(x)/\(n) at \(level)")
            }
        }
        for e in Self.estimates {
            for level in Self.levels {
                Self.check(method.interval(for: e, level: level), estimate: e.value, "\(method) p = \(e.value) at \(level)")
            }
        }
    }

    @Test("a wider level gives a wider interval", arguments: ProportionIntervalMethod.allCases)
    func widerLevelWider(method: ProportionIntervalMethod) {
        for (x, n) in Self.counts {
            let p = Double(x) / Double(n)
            for (a, b) in zip(Self.levels, Self.levels.dropFirst()) {
                let narrow = method.interval(successes: x, trials: n, level: a)
                let wide = method.interval(successes: x, trials: n, level: b)
                #expect(wide.lower <= narrow.lower && wide.upper >= narrow.upper, "\(method) \(x)/\(n): \(a) → \(b)")
                let degenerate = method == .wald && (p == 0 || p == 1)
                if !degenerate && narrow.width < 1 {
                    #expect(wide.width > narrow.width, "\(method) \(x)/\(n): \(a) → \(b)")
                }
            }
        }
        for e in Self.estimates {
            for (a, b) in zip(Self.levels, Self.levels.dropFirst()) {
                let narrow = method.interval(for: e, level: a), wide = method.interval(for: e, level: b)
                #expect(wide.lower <= narrow.lower && wide.upper >= narrow.upper, "\(method) p = \(e.value): \(a) → \(b)")
            }
        }
    }

    @Test("a design effect widens the interval", arguments: ProportionIntervalMethod.allCases)
    func designEffectWidens(method: ProportionIntervalMethod) {
        let srs = Estimate(value: 0.83, standardError: (0.83 * 0.17 / 580).squareRoot(), degreesOfFreedom: 579, n: 580)
        let clustered = Estimate(value: 0.83, standardError: (2.5 * 0.83 * 0.17 / 580).squareRoot(), degreesOfFreedom: 17, n: 580)
        #expect(method.interval(for: clustered).width > method.interval(for: srs).width)
    }

    @Test("the t interval of an Estimate widens with the level and with fewer df")
    func tInterval() {
        let e = Estimate(value: 3.7, standardError: 0.12, degreesOfFreedom: 9, n: 10)
        for (a, b) in zip(Self.levels, Self.levels.dropFirst()) {
            #expect(e.interval(level: b).width > e.interval(level: a).width)
            #expect(e.interval(level: a).contains(3.7))
        }
        var normal = e
        normal.degreesOfFreedom = nil
        #expect(e.interval(level: 0.95).width > normal.interval(level: 0.95).width)
    }

    @Test("Newcombe's interval contains the difference and stays in [−1, 1]")
    func newcombe() {
        for (x1, n1) in Self.counts {
            for (x2, n2) in Self.counts.prefix(8) {
                let ci = ProportionDifference.newcombeInterval(successes1: x1, trials1: n1, successes2: x2, trials2: n2)
                let d = Double(x1) / Double(n1) - Double(x2) / Double(n2)
                #expect(ci.lower >= -1 && ci.upper <= 1 && ci.lower <= d && d <= ci.upper, "\(x1)/\(n1) − \(x2)/\(n2)")
            }
        }
    }
}
