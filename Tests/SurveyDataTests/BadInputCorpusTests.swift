import Foundation
import Testing
import TestSupport
import SurveySchema
import SurveyData

/// Walks the CSV files of the bad-input corpus (`Tests/Fixtures/bad/`, written by its `make.py`)
/// through the importer with `reference-survey.json5`: each must stop with a clear error that
/// names the file and the line (or byte), or finish with the expected rows quarantined, the
/// first on its line with its reason; never crash, and finish within 5 seconds (a bound on
/// hangs, not a speed test). See docs/robustness.md.
@Suite("Bad CSV files")
struct BadInputCorpusTests {
    static let entries = BadInputCorpus.entries.filter { $0.input == "csv" }

    static let survey: Survey? = try? Survey.load(from: TestPaths.fixture("bad/reference-survey.json5"))

    @Test func theCorpusIsThere() throws {
        #expect(Self.entries.count >= 30)
        _ = try #require(Self.survey, "Tests/Fixtures/bad/reference-survey.json5 must load")
    }

    @Test(arguments: entries.filter { $0.bug == nil && $0.generated == nil })
    func importGivesALocatedErrorOrQuarantineInTime(_ entry: BadInputCorpus.Entry) throws {
        try check(entry)
    }

    /// The big generated inputs one at a time, so that their times are not inflated by each other.
    @Test(.serialized, arguments: entries.filter { $0.bug == nil && $0.generated != nil })
    func bigInputsGiveALocatedErrorOrQuarantineInTime(_ entry: BadInputCorpus.Entry) throws {
        try check(entry)
    }

    private func check(_ entry: BadInputCorpus.Entry) throws {
        let survey = try #require(Self.survey)
        let bytes = try entry.bytes()
        let quarantine = QuarantineMemory()
        let importer = SurveyImporter(survey: survey, options: ImportOptions(quarantine: quarantine))
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = Result { () throws(ImportError) -> ImportResult in try importer.importBytes(bytes, name: entry.file) }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "\(entry.file) took \(elapsed); an input that takes this long is a hang")

        switch outcome {
        case .failure(let error):
            let text = error.description
            #expect(entry.outcome == "error", "\(entry.file) fails: \(text.prefix(300))")
            #expect(entry.exitCode == 65)
            #expect(text.hasPrefix(entry.file), "the message names the file: \(text.prefix(300))")
            #expect(text.contains(entry.message), "\(text.prefix(300))")
        case .success(let result):
            let report = result.report
            #expect(report.isConsistent, "\(report.inconsistencies)")
            #expect(report.rowsQuarantined == quarantine.rows.count)
            if entry.outcome == "accepted" {
                #expect(entry.exitCode == 0)
                #expect(report.rowsQuarantined == 0, "\(quarantine.rows.first.map(\.reason) ?? "")")
                return
            }
            #expect(entry.outcome == "quarantine", "\(entry.file) is read, but the corpus expects \(entry.outcome): \(entry.message)")
            #expect(entry.exitCode == 65)
            let first = try #require(quarantine.rows.first, "\(entry.file): no row was quarantined")
            if let quarantined = entry.quarantined {
                #expect(report.rowsQuarantined == quarantined)
            }
            if let line = entry.line {
                #expect(first.line == line)
            }
            #expect(first.reason.contains(entry.message), "\(first.reason.prefix(300))")
        }
    }

    /// Issue 9, finding 4 (docs/robustness.md): a quote never closed in a 17 MB file stops at
    /// the field limit, naming the line where the quote opened. It took 9 s in a debug build;
    /// now well under a second (measured, not asserted: a test does not time the machine).
    @Test func anUnterminatedQuoteInABigFileStopsAtTheFieldLimit() throws {
        let survey = try #require(Self.survey)
        let entry = try #require(BadInputCorpus.entries.first { $0.file == "csv/unterminated-quote-17mb.csv" })
        let bytes = try entry.bytes()
        #expect(throws: ImportError.csv(.fieldTooLarge(file: entry.file, line: 2, limit: 16 << 20))) {
            try SurveyImporter(survey: survey).importBytes(bytes, name: entry.file)
        }
    }

    /// Issue 9, finding 3: a 10 MB unknown answer cell is quarantined with its value cut short.
    /// It took 4.3 s in a debug build; now well under a second (measured, not asserted).
    @Test func aHugeUnknownCellIsQuarantined() throws {
        let survey = try #require(Self.survey)
        let entry = try #require(BadInputCorpus.entries.first { $0.file == "csv/field-10mb.csv" })
        let quarantine = QuarantineMemory()
        let result = try SurveyImporter(survey: survey, options: ImportOptions(quarantine: quarantine))
            .importBytes(try entry.bytes(), name: entry.file)
        #expect(result.report.rowsQuarantined == 1)
        let first = try #require(quarantine.rows.first)
        #expect(first.line == 2)
        #expect(first.reason.contains(entry.message))
        // The value is shown cut to 100 characters and "…".
        #expect(first.reason.contains(String(repeating: "4", count: 100) + "…"))
    }
}

extension BadInputCorpus.Entry: CustomTestStringConvertible {
    public var testDescription: String { file }
}

