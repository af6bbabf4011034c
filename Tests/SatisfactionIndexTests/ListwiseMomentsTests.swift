import Testing
@testable import SatisfactionIndex
import SurveyData
import SurveySchema
import SurveyStatistics

/// ``ListwiseMoments`` by byte dot products and by code-pair tables, against the textbook
/// two-pass covariance of the complete rows computed here (`cov(na.omit(items))`).
@Suite struct ListwiseMomentsTests {
    static func columns(rows n: Int, seed: UInt64, scale: Scale, reverse: [Bool]) -> [AnswerColumn] {
        var rng = SeededGenerator(seed: seed)
        return reverse.enumerated().map { j, reverse in
            let codes: [AnswerCode] = (0..<n).map { _ in
                let u = rng.nextInt(below: 100)
                if u < 3 { return .noAnswer }
                if u < 5 { return .dontKnow }
                if u < 6 { return .notApplicable }
                if u < 7 { return .invalid }
                return .point(1 + rng.nextInt(below: scale.points.count))
            }
            return AnswerColumn(id: "c\(j)", codes: codes, scale: scale, reverse: reverse, measure: .share)
        }
    }

    /// The sample covariance over rows where every column is valid, in two passes in Double.
    static func naive(_ columns: [AnswerColumn], rows n: Int) -> (Int, [[Double]]) {
        let complete = (0..<n).filter { i in columns.allSatisfy { $0.valid[Int($0.codes[i].rawValue)] == 1 } }
        let x = columns.map { c in complete.map { c.value[Int(c.codes[$0].rawValue)] } }
        let m = complete.count
        let means = x.map { $0.reduce(0, +) / Double(m) }
        let k = columns.count
        var c = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for a in 0..<k {
            for b in 0..<k {
                var s = 0.0
                for r in 0..<m { s += (x[a][r] - means[a]) * (x[b][r] - means[b]) }
                c[a][b] = s / Double(m - 1)
            }
        }
        return (m, c)
    }

    @Test(arguments: [(5, 1000), (11, 70_000), (2, 40)])
    func bothWaysEqualTheTwoPassCovariance(_ points: Int, _ rows: Int) {
        let l = LocalizedText(["en": "x"])
        // Values 0…points−1 (a 0–10 scale when points = 11); the second column reverse-keyed.
        let scale = Scale(id: "s", points: (0..<points).map { ScalePoint(value: $0, label: l) }, satisfied: [points - 1])
        let columns = Self.columns(rows: rows, seed: UInt64(rows), scale: scale, reverse: [false, true, false, false])
        let (n, expected) = Self.naive(columns, rows: rows)
        for byTables in [true, false] {
            let moments = ListwiseMoments(columns: columns, rowCount: rows, byTables: byTables)
            #expect(moments.n == n)
            for a in 0..<columns.count {
                for b in 0..<columns.count {
                    let (x, y) = (moments.covariance[a][b], expected[a][b])
                    #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "byTables \(byTables) [\(a)][\(b)]: \(x) vs \(y)")
                }
            }
        }
    }

    /// Negative keyed values cannot be bytes: the default takes the tables, which still match.
    @Test func negativeValuesTakeTheTables() {
        let l = LocalizedText(["en": "x"])
        let scale = Scale(id: "s", points: (-2...2).map { ScalePoint(value: $0, label: l) }, satisfied: [1, 2])
        let columns = Self.columns(rows: 500, seed: 3, scale: scale, reverse: [false, true, false])
        let (n, expected) = Self.naive(columns, rows: 500)
        let moments = ListwiseMoments(columns: columns, rowCount: 500)
        #expect(moments.n == n)
        for a in 0..<3 {
            for b in 0..<3 { #expect(abs(moments.covariance[a][b] - expected[a][b]) <= 1e-12) }
        }
    }
}
