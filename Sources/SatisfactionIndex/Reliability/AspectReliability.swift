import Dispatch
import SurveySchema
import SurveyStatistics

/// Internal consistency of one aspect's criteria: Cronbach's alpha with Feldt's interval,
/// each criterion's correlation with the sum of the others, and alpha without it.
///
/// Computed by SurveyStatistics' `CronbachAlpha` from the covariance of the keyed values of the
/// respondents who answered every criterion of the aspect (listwise, unweighted; ``ListwiseMoments``):
///
///     α = K/(K − 1) · (1 − tr C / 1ᵀC1)        (C the K × K sample covariance matrix)
///
/// with Feldt's (1965) F-based interval and psych's `r.drop` item-rest correlations.
/// Equivalent R: `a <- psych::alpha(na.omit(items)); a$total$raw_alpha; a$feldt;
/// a$item.stats$r.drop; a$alpha.drop$raw_alpha`.
///
/// Edge cases: fewer than 2 complete respondents, or a total score that does not vary, give
/// NaN with the interval's note saying why; aspects with fewer than two criteria are skipped.
///
/// Reference: Cronbach (1951), Psychometrika 16(3); Feldt (1965), Psychometrika 30(3).
public struct AspectReliability: Sendable, Hashable, Codable {
    /// The aspect's id.
    public var aspect: String
    /// Its criteria, in tree order.
    public var criteria: [String]
    /// Respondents with a valid answer to every criterion.
    public var n: Int
    /// Cronbach's (raw) alpha.
    public var alpha: Double
    /// Feldt's interval for alpha.
    public var interval: ConfidenceInterval
    /// Item-rest correlation of each criterion, in the order of ``criteria``.
    public var itemRestCorrelations: [Double]
    /// Alpha of the aspect without each criterion, in the order of ``criteria``.
    public var alphaIfDeleted: [Double]

    public init(
        aspect: String, criteria: [String], n: Int, alpha: Double, interval: ConfidenceInterval,
        itemRestCorrelations: [Double], alphaIfDeleted: [Double]
    ) {
        self.aspect = aspect
        self.criteria = criteria
        self.n = n
        self.alpha = alpha
        self.interval = interval
        self.itemRestCorrelations = itemRestCorrelations
        self.alphaIfDeleted = alphaIfDeleted
    }
}

extension EngineContext {
    /// Alpha for every aggregate whose children are two or more criteria.
    func reliability() -> [AspectReliability] {
        var aspects: [(id: String, criteria: [String], columns: [AnswerColumn])] = []
        func visit(_ node: Indicator) {
            guard case .aggregate(let aggregate) = node else { return }
            let children = aggregate.children
            let criteria = children.compactMap { child -> String? in
                if case .criterion(let c) = child { return c.id } else { return nil }
            }
            if criteria.count == children.count, criteria.count >= 2 {
                let columns = criteria.compactMap { plan.columnOfCriterion[$0] }.map { plan.columns[$0] }
                aspects.append((aggregate.id, criteria, columns))
            }
            for child in children { visit(child) }
        }
        visit(.aggregate(survey.root))
        // Aspects are independent: side by side on the available cores.
        let list = aspects
        let results = Slots<AspectReliability>(count: list.count)
        let rowCount = dataset.rowCount, level = settings.level
        DispatchQueue.concurrentPerform(iterations: list.count) { k in
            let aspect = list[k]
            let moments = ListwiseMoments(columns: aspect.columns, rowCount: rowCount)
            let alpha = CronbachAlpha(covariance: moments.covariance, respondentCount: moments.n, missingValues: .listwise)
            results.set(k, AspectReliability(
                aspect: aspect.id, criteria: aspect.criteria, n: alpha.respondentCount, alpha: alpha.raw,
                interval: alpha.feldtInterval(level: level), itemRestCorrelations: alpha.itemRestCorrelations,
                alphaIfDeleted: alpha.alphaIfDeleted))
        }
        return (0..<list.count).map { results.get($0) }
    }
}

/// The listwise (complete-case) covariance matrix of K answer columns, as
/// `cov(na.omit(items))` in R, from one contingency table per pair of columns.
///
/// Keyed values are whole numbers and valid codes are 1…11, so a pair's 16 × 16 table of
/// code counts over the complete rows holds everything: with n the complete rows,
/// S_a = Σ v_a, S_ab = Σ v_a v_b (integer sums, exact),
///
///     C_ab = (n · S_ab − S_a · S_b) / (n (n − 1))
///
/// is exact up to its final conversion and division (no cancellation, unlike one-pass sums in
/// floating point). No per-row or
/// per-item arrays of values are built; each pass reads two columns of one-byte codes.
///
/// Edge cases: fewer than two complete rows gives NaN entries (as the items-based computation);
/// sums too large for 64-bit integers fall back to the same formula in floating point.
struct ListwiseMoments {
    let n: Int
    let covariance: [[Double]]

    /// - Parameter byTables: force the code-pair tables (`true`) or the byte dot products
    ///   (`false`, only valid when keyed values are whole numbers in 0…255); by default the dot
    ///   products whenever they apply. Tests run both.
    init(columns: [AnswerColumn], rowCount: Int, byTables: Bool? = nil) {
        let k = columns.count
        // 1 where every column holds a valid answer.
        var keep = [UInt8](repeating: 1, count: rowCount)
        for column in columns {
            let validCode = (0..<256).map { UInt8(column.valid[$0] == 1 ? 1 : 0) }
            keep.withUnsafeMutableBufferPointer { keep in
                column.codes.withUnsafeBufferPointer { codes in
                    for i in 0..<rowCount { keep[i] &= validCode[Int(codes[i].rawValue)] }
                }
            }
        }
        // Keyed values by code (valid codes are 1…11, below 16).
        let values: [[Int64]] = columns.map { column in (0..<16).map { Int64(column.value[$0]) } }
        let small = columns.allSatisfy { column in
            (0..<256).allSatisfy { column.valid[$0] == 0 || (column.value[$0] >= 0 && column.value[$0] <= 255) }
        }
        if byTables.map({ !$0 }) ?? small {
            let moments = Self.byDotProducts(columns: columns, keep: keep, rowCount: rowCount)
            self.n = moments.n
            self.covariance = moments.covariance
            return
        }
        var tables = [[Int]](repeating: [], count: k * k)
        for a in 0..<k {
            for b in a..<k {
                var table = [Int](repeating: 0, count: 256)
                table.withUnsafeMutableBufferPointer { table in
                    keep.withUnsafeBufferPointer { keep in
                        columns[a].codes.withUnsafeBufferPointer { ca in
                            columns[b].codes.withUnsafeBufferPointer { cb in
                                for i in 0..<rowCount {
                                    let cell = (Int(ca[i].rawValue & 0xF) << 4) | Int(cb[i].rawValue & 0xF)
                                    table[cell] &+= Int(keep[i])
                                }
                            }
                        }
                    }
                }
                tables[a * k + b] = table
            }
        }
        let n = k > 0 ? tables[0].reduce(0, +) : 0
        self.n = n
        var c = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
        if n >= 2 {
            for a in 0..<k {
                for b in a..<k {
                    let v = Self.covariance(tables[a * k + b], values[a], values[b], n: n)
                    c[a][b] = v
                    c[b][a] = v
                }
            }
        }
        covariance = c
    }

    /// The same covariance when every keyed value is a whole number in 0…255: each complete
    /// row's keyed values as bytes (0 on incomplete rows, so they add nothing), and per pair the
    /// integer sums S_a, S_b, S_ab as dot products of two byte columns, which the compiler
    /// vectorizes: the same integers as the code-pair tables, so the same covariance.
    static func byDotProducts(columns: [AnswerColumn], keep: [UInt8], rowCount: Int) -> (n: Int, covariance: [[Double]]) {
        let k = columns.count
        let bytes: [[UInt8]] = columns.map { column in
            let value = (0..<256).map { column.valid[$0] == 1 ? UInt8(column.value[$0]) : 0 }
            var out = [UInt8](repeating: 0, count: rowCount)
            out.withUnsafeMutableBufferPointer { out in
                keep.withUnsafeBufferPointer { keep in
                    column.codes.withUnsafeBufferPointer { codes in
                        for i in 0..<rowCount { out[i] = value[Int(codes[i].rawValue)] & (0 &- keep[i]) }
                    }
                }
            }
            return out
        }
        var n = 0
        for i in 0..<rowCount { n &+= Int(keep[i]) }
        var c = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
        guard n >= 2 else { return (n, c) }
        let sums = bytes.map { Self.dot($0, nil) }
        for a in 0..<k {
            for b in a..<k {
                let v = Self.covariance(sa: sums[a], sb: sums[b], sab: Self.dot(bytes[a], bytes[b]), n: n)
                c[a][b] = v
                c[b][a] = v
            }
        }
        return (n, c)
    }

    /// Σ x_i y_i (Σ x_i when `y` is nil) over byte columns, in blocks of 2^16 rows whose 32-bit
    /// sums cannot overflow (255² · 2^16 < 2^32).
    static func dot(_ x: [UInt8], _ y: [UInt8]?) -> Int64 {
        var total: Int64 = 0
        x.withUnsafeBufferPointer { x in
            let count = x.count
            var lo = 0
            if let y {
                y.withUnsafeBufferPointer { y in
                    while lo < count {
                        let hi = min(count, lo + 1 << 16)
                        var s: UInt32 = 0
                        for i in lo..<hi { s &+= UInt32(x[i]) &* UInt32(y[i]) }
                        total += Int64(s)
                        lo = hi
                    }
                }
            } else {
                while lo < count {
                    let hi = min(count, lo + 1 << 16)
                    var s: UInt32 = 0
                    for i in lo..<hi { s &+= UInt32(x[i]) }
                    total += Int64(s)
                    lo = hi
                }
            }
        }
        return total
    }

    /// C_ab from the integer sums S_a, S_b, S_ab over n complete rows, as ``covariance(_:_:_:n:)``.
    static func covariance(sa: Int64, sb: Int64, sab: Int64, n: Int) -> Double {
        let m = Int64(n)
        let (left, o1) = m.multipliedReportingOverflow(by: sab)
        let (right, o2) = sa.multipliedReportingOverflow(by: sb)
        let (difference, o3) = left.subtractingReportingOverflow(right)
        if !(o1 || o2 || o3) { return Double(difference) / (Double(n) * Double(n - 1)) }
        return (Double(sab) - Double(sa) * Double(sb) / Double(n)) / Double(n - 1)
    }

    /// C_ab from the pair's table of code counts.
    static func covariance(_ table: [Int], _ va: [Int64], _ vb: [Int64], n: Int) -> Double {
        var sa: Int64 = 0, sb: Int64 = 0, sab: Int64 = 0
        var overflow = false
        for cell in 0..<256 where table[cell] != 0 {
            let count = Int64(table[cell])
            let x = va[cell >> 4], y = vb[cell & 0xF]
            let (cx, o1) = count.multipliedReportingOverflow(by: x)
            let (cxy, o2) = cx.multipliedReportingOverflow(by: y)
            let (s1, o3) = sa.addingReportingOverflow(cx)
            let (s2, o4) = sb.addingReportingOverflow(count &* y)
            let (s3, o5) = sab.addingReportingOverflow(cxy)
            overflow = overflow || o1 || o2 || o3 || o4 || o5
            sa = s1; sb = s2; sab = s3
        }
        let m = Int64(n)
        if !overflow {
            let (left, o1) = m.multipliedReportingOverflow(by: sab)
            let (right, o2) = sa.multipliedReportingOverflow(by: sb)
            let (difference, o3) = left.subtractingReportingOverflow(right)
            if !(o1 || o2 || o3) { return Double(difference) / (Double(n) * Double(n - 1)) }
        }
        var fa = 0.0, fb = 0.0, fab = 0.0
        for cell in 0..<256 where table[cell] != 0 {
            let count = Double(table[cell]), x = Double(va[cell >> 4]), y = Double(vb[cell & 0xF])
            fa += count * x; fb += count * y; fab += count * x * y
        }
        return (fab - fa * fb / Double(n)) / Double(n - 1)
    }
}
