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

    /// The workers check UTF-8 themselves; the error is the serial reader's, wherever the bad byte is.
    @Test func invalidUTF8IsFoundByTheWorkers() throws {
        let good = makeFile(rows: 3_000, quotedEvery: 7, seed: 12)
        var rng = SplitMix64(state: 13)
        for _ in 0..<12 {
            var bytes = good
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            bytes.insert(contentsOf: [[0xFF], [0xE1, 0xBA], [0xC3]].randomElement(using: &rng)!, at: at)
            for chunk in [1 << 17, 1 << 20] {
                let options = CSVReadOptions(chunkSize: chunk)
                var serialError: CSVError?
                do { _ = try serial(bytes, options: options) } catch let error as CSVError { serialError = error }
                var batchError: CSVError?
                do { _ = try batched(bytes, options: options) } catch let error as CSVError { batchError = error }
                #expect(serialError != nil)
                #expect(batchError == serialError, "bad byte at \(at), chunk \(chunk)")
            }
        }
        // Cut short at the very end of the file.
        // The file's CRs all stand before an LF: its line ends are its LFs.
        let cut = good + [0xE1, 0xBA]
        let line = 1 + good.filter { $0 == 0x0A }.count
        #expect(throws: CSVError.invalidUTF8(file: "data.csv", line: line, byteOffset: good.count)) {
            _ = try batched(cut, options: CSVReadOptions())
        }
    }

    /// Random bytes (quotes, line ends, delimiters, bytes that are not UTF-8): both readers give
    /// the same records, or the same error, at every chunk size.
    @Test func randomBytesReadAlikeSeriallyAndInBatches() throws {
        var rng = SplitMix64(state: 99)
        let alphabet: [[UInt8]] = [[0x22], [0x2C], [0x3B], [0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0x35],
                                   Array("ấ".utf8), [0xFF], [0xE1, 0xBA], [0x00], [0x20]]
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...3_000, using: &rng) { bytes += alphabet.randomElement(using: &rng)! }
            let options = CSVReadOptions(chunkSize: Int.random(in: 1...5_000, using: &rng),
                                         maxFieldBytes: Int.random(in: 50...5_000, using: &rng))
            var serialOutcome: Result<[SeenRecord], CSVError>
            do { serialOutcome = .success(try serial(bytes, options: options).0) } catch let e as CSVError { serialOutcome = .failure(e) }
            var batchOutcome: Result<[SeenRecord], CSVError>
            do {
                var seen: [SeenRecord] = []
                _ = try CSVReader(bytes: bytes, name: "data.csv", options: options).forEachBatch(
                    parallelism: 2, minimumBatch: 64, header: { seen.append(SeenRecord($0)) },
                    process: { batch in
                        var mine: [SeenRecord] = []
                        try batch.forEachRecord { mine.append(SeenRecord($0)) }
                        return mine
                    },
                    consume: { seen += $0 })
                batchOutcome = .success(seen)
            } catch let e as CSVError { batchOutcome = .failure(e) }
            #expect(batchOutcome == serialOutcome, "round \(round)")
        }
    }
}
