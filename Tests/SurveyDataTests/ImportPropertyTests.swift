import Testing
import SurveySchema
@testable import SurveyData

/// Invariants on random broken input: every record after the header is accepted or
/// quarantined, exactly once, and the report's counts say so.
@Suite("Import properties")
struct ImportPropertyTests {
    /// SplitMix64, written here so the test depends on nothing it checks.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,kenh,nop_tructiep,nop_tructuyen,y_kien,gioi_tinh,dieu_tra_vien"
    static let pieces = ["4", "5", " 3 ", "Hài lòng", "98", "", "x", "\"", "\"\"", ",", ";", "\n", "\r\n", "\r",
                         "Huế", "ế", "tv;web", "1", "0", "-1", "0.5", "HT", "DD", "XX", "=1+1", "#N/A", "😀"]

    func randomFile(_ g: inout Generator) -> String {
        var lines = [Self.header]
        let rows = g.below(60)
        for r in 0..<rows {
            if g.below(8) == 0 {
                // A row built from random pieces: quotes, delimiters, line ends, multi-byte text.
                lines.append((0..<g.below(30)).map { _ in g.pick(Self.pieces) }.joined())
                continue
            }
            var fields = ["P\(g.below(rows + 1))", g.pick(["HT", "DD", "XX", ""]), g.pick(["Huế", "Hà Nội", ""]),
                          g.pick(["X1", "X2"]), g.pick(["1", "0.5", "2", "abc", "0"])]
            for _ in 0..<4 { fields.append(g.pick(["1", "2", "3", "4", "5", "98", "97", "", "Hài lòng", "6", "hai long"])) }
            fields += [g.pick(["tv", "tv;web", "", "fax"]), g.pick(["1", "0", "", "2"]), g.pick(["1", "0"]),
                       g.pick(["", "\"có, dấu phẩy\"", "ok"]), g.pick(["1", "2", "3"]), g.pick(["NV\(r % 3)", "=cmd"])]
            if g.below(10) == 0 { fields.removeLast(g.below(5) + 1) }
            if g.below(10) == 0 { fields.append("extra") }
            lines.append(fields.joined(separator: ","))
        }
        var text = lines.joined(separator: g.pick(["\n", "\r\n"]))
        if g.below(2) == 0 { text += "\n" }
        if g.below(6) == 0 { text += "P99,HT,\"never closed" }
        return text
    }

    @Test func everyRowIsAcceptedOrQuarantinedExactlyOnce() throws {
        var g = Generator(state: 20_240_601)
        var totalAccepted = 0, totalQuarantined = 0
        for round in 0..<300 {
            let text = randomFile(&g)
            let policy: InvalidCellPolicy = round % 2 == 0 ? .quarantineRow : .asMissing
            let result: ImportResult, quarantine: QuarantineMemory
            do {
                (result, quarantine) = try ImportFixtures.importText(text, options: ImportOptions(invalidCells: policy, parallelism: 1))
            } catch ImportError.missingColumns, ImportError.duplicateColumns {
                continue
            }
            // Two workers on batches cut small give the same dataset, report and quarantine.
            var parallel = ImportOptions(invalidCells: policy, parallelism: 2)
            parallel.minimumBatch = 64
            let (other, otherQuarantine) = try ImportFixtures.importText(text, options: parallel)
            #expect(other.report == result.report, "round \(round)")
            #expect(otherQuarantine.csvText == quarantine.csvText, "round \(round)")
            #expect(other.dataset.lineNumbers == result.dataset.lineNumbers)
            #expect(other.dataset.answers == result.dataset.answers)
            #expect(other.dataset.groups == result.dataset.groups)
            #expect(other.dataset.extraColumns == result.dataset.extraColumns)
            #expect(other.dataset.weights == result.dataset.weights)

            // The CSV reader, asked on its own, says which records follow the header.
            let reader = CSVReader(bytes: Array(text.utf8), name: "data.csv")
            var lines: [Int] = []
            _ = try reader.forEachRecord { record in if record.index > 0 { lines.append(record.line) } }

            let report = result.report
            #expect(report.rowsRead == lines.count)
            #expect(report.rowsRead == report.rowsAccepted + report.rowsQuarantined)
            #expect(report.isConsistent, "\(report.inconsistencies)")
            #expect(quarantine.rows.count == report.rowsQuarantined)
            #expect(result.dataset.rowCount == report.rowsAccepted)
            let seen = result.dataset.lineNumbers.map(Int.init) + quarantine.rows.map(\.line)
            #expect(seen.sorted() == lines, "round \(round)")
            for (_, column) in result.dataset.answers { #expect(column.count == result.dataset.rowCount) }
            for (_, column) in result.dataset.groups { #expect(column.codes.count == result.dataset.rowCount) }
            #expect(result.dataset.weights?.count == result.dataset.rowCount)
            #expect(result.dataset.weights?.allSatisfy { $0 > 0 && $0.isFinite } == true)
            // The report's per-column counts are the dataset's, counted here directly.
            for column in report.columns {
                let codes = result.dataset.answers[column.id]!
                #expect(column.answered == codes.filter(\.isValid).count)
                #expect(column.noAnswer == codes.filter { $0 == .noAnswer }.count)
                #expect(column.dontKnow == codes.filter { $0 == .dontKnow }.count)
                #expect(column.notApplicable == codes.filter { $0 == .notApplicable }.count)
                #expect(column.invalidAsMissing == codes.filter { $0 == .invalid }.count)
            }
            totalAccepted += report.rowsAccepted
            totalQuarantined += report.rowsQuarantined
        }
        // The generator must exercise both outcomes, or this test proves nothing.
        #expect(totalAccepted > 100)
        #expect(totalQuarantined > 100)
    }
}
