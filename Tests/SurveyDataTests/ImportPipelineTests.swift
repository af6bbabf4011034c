import Testing
@testable import SurveyData

/// Files of many rounds: each round's batches are coded while the round before is merged,
/// so duplicates, levels and dropped columns cross batch and round boundaries.
@Suite("Import pipeline: many rounds")
struct ImportPipelineTests {
    static let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,note\n"

    /// 3,000 rows; from row 1,000 on, every 100th repeats the id of the row 901 before it (a
    /// row that is not itself a repeat); the
    /// extra column `note` takes a new value every 10 rows.
    static let rows: [String] = (0..<3_000).map { i in
        let id = i >= 1_000 && i % 100 == 0 ? "R\(i - 901)" : "R\(i)"
        let place = ["Huế", "Hà Nội", "Đà Nẵng"][i / 700 % 3]
        let answers = (0..<4).map { k in ["1", "2", "3", "4", "5", "98", "Hài lòng"][(i * 7 + k * 3) % 7] }
        return "\(id),HT,\(place),X\(i / 50),1,\(answers.joined(separator: ",")),n\(i / 10)\n"
    }
    static let text = header + rows.joined()

    static func options(parallelism: Int) -> ImportOptions {
        var options = ImportOptions(extraColumnLevelLimit: 50, chunkSize: 4096, parallelism: parallelism)
        options.minimumBatch = 256
        return options
    }

    @Test func oneAndTwoWorkersAgreeAcrossRounds() throws {
        let (one, oneQuarantine) = try ImportFixtures.importText(Self.text, options: Self.options(parallelism: 1))
        let (two, twoQuarantine) = try ImportFixtures.importText(Self.text, options: Self.options(parallelism: 2))
        #expect(two.report == one.report)
        #expect(twoQuarantine.csvText == oneQuarantine.csvText)
        #expect(two.dataset.lineNumbers == one.dataset.lineNumbers)
        #expect(two.dataset.answers == one.dataset.answers)
        #expect(two.dataset.groups == one.dataset.groups)
        #expect(two.dataset.extraColumns == one.dataset.extraColumns)
    }

    /// A duplicate is found whichever batch and round its first occurrence was merged in.
    @Test func duplicatesInLaterBatchesAreQuarantinedWithTheirFirstLine() throws {
        for parallelism in [1, 2] {
            let (result, quarantine) = try ImportFixtures.importText(Self.text, options: Self.options(parallelism: parallelism))
            // Row i is on line i + 2 (the header is line 1).
            let duplicates = stride(from: 1_000, to: 3_000, by: 100).map { i in
                (line: i + 2, reason: "duplicate respondent id R\(i - 901), first seen on line \(i - 901 + 2)")
            }
            #expect(quarantine.rows.map(\.line) == duplicates.map(\.line))
            #expect(quarantine.rows.map(\.reason) == duplicates.map(\.reason))
            #expect(result.report.rowsAccepted == 3_000 - duplicates.count)
            #expect(result.report.rowsQuarantined == duplicates.count)
            #expect(result.dataset.lineNumbers.count == 3_000 - duplicates.count)
        }
    }

    /// `note` passes the limit of 50 values a few rounds in. It is dropped in that round, and
    /// its count is that of the rows coded up to the end of that round (the rounds are the
    /// chunks of the reader, listed here by the reader itself), not of the rows coded after.
    @Test func aDroppedColumnCountsTheRowsUpToItsRound() throws {
        // The reader's rounds: the last line of each chunk, as one worker reads the file.
        var roundEnds: [Int] = []
        _ = try CSVReader(bytes: Array(Self.text.utf8), name: "data.csv", options: CSVReadOptions(chunkSize: 4096))
            .forEachBatch(parallelism: 1, minimumBatch: 256, header: { _ in }, process: { batch in
                var last = 0
                try batch.forEachRecord { last = $0.line }
                return last
            }, consume: { if $0 > 0 { roundEnds.append($0) } })
        #expect(roundEnds.count > 5)
        // Every row is coded (duplicates too: they are found at the merge), so the values
        // seen by the end of a round are those of rows up to its last line.
        var expected: Int?
        var seen = Set<String>()
        var row = 0
        for end in roundEnds where expected == nil {
            while row < Self.rows.count && row + 2 <= end {
                seen.insert("n\(row / 10)")
                row += 1
            }
            if seen.count > 50 { expected = seen.count }
        }
        #expect(expected != nil && expected! < 300)
        for parallelism in [1, 2] {
            let (result, _) = try ImportFixtures.importText(Self.text, options: Self.options(parallelism: parallelism))
            #expect(result.report.extraColumns == [.init(name: "note", distinctValues: expected!, kept: false)])
            #expect(result.dataset.extraColumns.isEmpty)
        }
    }
}

/// The merge given batch results in the order the pipeline can produce them: a round coded
/// before the merge of the round before decided to drop a column.
@Suite("Import pipeline: levels of a dropped column")
struct ImportDropTests {
    @Test func levelsCodedAfterTheDropRoundAreNotCounted() throws {
        var options = ImportOptions(extraColumnLevelLimit: 3)
        options.quarantine = nil
        let run = ImportRun(survey: ImportFixtures.survey, options: options, file: "data.csv")
        _ = try CSVReader(bytes: Array(ImportPipelineTests.header.utf8), name: "data.csv").forEachRecord { try run.header($0) }
        let plan = run.coderSet.coders[0].plan
        let note = try #require(plan.categories.firstIndex { $0.target == .extra("note") })
        /// A result of no rows whose coder learnt `levels` for `note`, after `base` earlier ones.
        func batch(coder: Int, round: Int, base: Int, _ levels: [String]) -> BatchResult {
            var newLevels = Array(repeating: [String](), count: plan.categories.count)
            newLevels[note] = levels
            // Other columns: the levels the coder started with (a dictionary's), none new.
            var bases = run.coderSet.coders[coder].plan.categories.map(\.coder.levels.count)
            bases[note] = base
            var result = BatchResult(
                coder: coder,
                columns: BatchColumns(scales: plan.scales.count, categories: plan.categories.count, selections: plan.selections.count),
                round: round, newLevels: newLevels, texts: Array(repeating: [], count: plan.texts.count))
            result.levelBase = bases
            result.answerCounts = Array(repeating: 0, count: plan.scales.count * 4)
            return result
        }
        // Round 1: coder 0 passes the limit (5 values > 3), so `note` is dropped in round 1;
        // coder 1's batch of the same round still counts (2 more values, one seen already).
        try run.consume(batch(coder: 0, round: 1, base: 0, ["a", "b", "c", "d", "e"]))
        try run.consume(batch(coder: 1, round: 1, base: 0, ["a", "f", "g"]))
        // Round 2 was coded before that merge: its values are not counted, whatever they are.
        try run.consume(batch(coder: 0, round: 2, base: 5, ["h", "i"]))
        try run.consume(batch(coder: 1, round: 2, base: 3, ["j"]))
        run.discard(batch(coder: 0, round: 3, base: 7, ["k"]))
        let summary = CSVReadSummary(records: 1, blankLines: 0, lines: 1, bytesRead: 0, delimiter: .comma, encoding: .utf8,
                                     hadByteOrderMark: false)
        let result = try run.finish(summary, fetched: [:])
        #expect(result.report.extraColumns == [.init(name: "note", distinctValues: 7, kept: false)])
        // Coders start a round with the drops decided by then: round 1 codes `note`, round 2 not.
        #expect(run.drops.active(in: 1)[note] == true)
        #expect(run.drops.active(in: 2)[note] == false)
    }
}
