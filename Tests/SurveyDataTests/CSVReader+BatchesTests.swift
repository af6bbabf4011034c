import Testing
@testable import SurveyData

/// A record as the tests compare it: its line, its problem and its fields.
struct SeenRecord: Equatable, Sendable {
    var line: Int
    var problem: CSVRecordProblem?
    var fields: [[UInt8]]
    init(_ record: CSVRecord) {
        line = record.line
        problem = record.problem
        fields = record.map { Array($0) }
    }
}

@Suite("CSVReader.forEachBatch: two workers, same records")
struct CSVReaderBatchTests {
    /// A file of `rows` records; every `quotedEvery`-th row holds a quoted field with many line
    /// ends, so that some cuts fall inside quotes.
    func makeFile(rows: Int, quotedEvery: Int, seed: UInt64, lineEnd: [UInt8] = [0x0D, 0x0A]) -> [UInt8] {
        var rng = SplitMix64(state: seed)
        var writer = CSVWriter(options: CSVWriter.Options(lineEnd: lineEnd, neutralizesFormulas: false))
        writer.writeRecord(["id", "tinh", "y_kien", "c1", "c2"])
        for i in 0..<rows {
            var comment = ["Hài lòng", "", "Rất \"tốt\"", "x,y"].randomElement(using: &rng)!
            if i % quotedEvery == 0 {
                comment = (0..<Int.random(in: 1...100, using: &rng)).map { "dòng \($0)" }.joined(separator: "\n")
            }
            writer.writeRecord(["\(i)", "Hà Nội", comment, "\(Int.random(in: 1...5, using: &rng))", ""])
            if i % 97 == 0 { writer.writeField(""); writer.endRecord() }  // a record with one empty field
        }
        return writer.bytes
    }

    func serial(_ bytes: [UInt8], options: CSVReadOptions) throws -> ([SeenRecord], CSVReadSummary) {
        var seen: [SeenRecord] = []
        let summary = try CSVReader(bytes: bytes, name: "data.csv", options: options).forEachRecord { seen.append(SeenRecord($0)) }
        return (seen, summary)
    }

    func batched(_ bytes: [UInt8], options: CSVReadOptions, parallelism: Int = 2) throws -> ([SeenRecord], CSVReadSummary, Int) {
        var seen: [SeenRecord] = []
        var batches = 0
        let summary = try CSVReader(bytes: bytes, name: "data.csv", options: options).forEachBatch(
            parallelism: parallelism, minimumBatch: 4096,
            header: { seen.append(SeenRecord($0)) },
            process: { batch in
                var mine: [SeenRecord] = []
                try batch.forEachRecord { mine.append(SeenRecord($0)) }
                return mine
            },
            consume: { seen += $0; batches += 1 })
        return (seen, summary, batches)
    }

    @Test(arguments: [(UInt64(1), 3), (2, 50), (3, 1_000_000), (4, 1)])
    func sameRecordsAsTheSerialReader(seed: UInt64, quotedEvery: Int) throws {
        let bytes = makeFile(rows: 3_000, quotedEvery: quotedEvery, seed: seed)
        for chunk in [1 << 17, 300_000, 1 << 20] {
            let options = CSVReadOptions(chunkSize: chunk)
            let (expected, expectedSummary) = try serial(bytes, options: options)
            let (got, summary, batches) = try batched(bytes, options: options)
            #expect(got == expected, "seed \(seed), chunk \(chunk)")
            #expect(summary == expectedSummary)
            #expect(batches >= 2)  // the header's chunk was cut at least once
            let (one, _, _) = try batched(bytes, options: options, parallelism: 1)
            #expect(one == expected)
        }
    }

    @Test func smallFilesAndEmptyFiles() throws {
        for text in ["", "\n\n", "id,c\n", "id,c\n1,2", "\nid,c\n\n1,\"a\nb\"\n"] {
            let bytes = Array(text.utf8)
            let (expected, expectedSummary) = try serial(bytes, options: CSVReadOptions(chunkSize: 3))
            let (got, summary, _) = try batched(bytes, options: CSVReadOptions(chunkSize: 3))
            #expect(got == expected, "\(text.debugDescription)")
            #expect(summary == expectedSummary)
        }
    }

    @Test func unterminatedQuoteBeforeTheCut() throws {
        let rows = (0..<20_000).map { "\($0),Hà Nội,5\n" }
        let bytes = Array((rows[..<6_000].joined() + "1,\"open\n" + rows[6_000...].joined()).utf8)
        let options = CSVReadOptions(chunkSize: 1 << 20)
        let (expected, _) = try serial(bytes, options: options)
        let (got, _, _) = try batched(bytes, options: options)
        #expect(got == expected)
        #expect(got.last?.problem != nil)
    }

    @Test func errorsComeInFileOrder() {
        struct Stop: Error, Equatable { var line: Int }
        let bytes = makeFile(rows: 6_000, quotedEvery: 1_000_000, seed: 5, lineEnd: [0x0A])
        // Every batch throws at its first record; the error seen is the first batch's.
        #expect(throws: Stop(line: 2)) {
            _ = try CSVReader(bytes: bytes, name: "data.csv").forEachBatch(
                parallelism: 2, minimumBatch: 4096,
                header: { _ in },
                process: { batch in
                    var first = 0
                    try batch.forEachRecord { if first == 0 { first = $0.line } }
                    throw Stop(line: first)
                },
                consume: { (_: Int) in })
        }
    }

    @Test func lineEndCountMatchesAPlainCount() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...80, using: &rng)).map { _ in [0x0A, 0x0D, 0x61, 0x22][Int.random(in: 0...3, using: &rng)] as UInt8 }
            var plain = 0
            for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { plain += 1 }
            let from = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            var expected = 0
            for i in from..<bytes.count where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { expected += 1 }
            bytes.withUnsafeBufferPointer { p in
                #expect(countLineEnds(p.baseAddress!, from: 0, to: bytes.count) == plain)
                #expect(countLineEnds(p.baseAddress!, from: from, to: bytes.count) == expected)
            }
        }
    }
}
