import Testing
import SurveySchema
@testable import SurveyData

/// The exact text of every error that stops an import.
@Suite("ImportError")
struct ImportErrorTests {
    func error(_ name: String) throws -> ImportError? {
        do {
            _ = try ImportFixtures.importFixture(name)
            return nil
        } catch let error as ImportError {
            return error
        }
    }

    @Test func everyMissingColumnIsListedWithNearMisses() throws {
        #expect(try error("missing-columns.csv")?.description == """
            missing-columns.csv: the header has no column "w" (needed as the design weight)
            missing-columns.csv: the header has no column "b1_2" (needed by criterion access_seating); did you mean "B1_2"?
            missing-columns.csv: the header has no column "q_overall" (needed by question overall_sat)
            """)
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let (result, _) = try ImportFixtures.importText("ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n")
        #expect(result.report.absentOptionalColumns == ["kenh", "nop_tructiep", "nop_tructuyen", "y_kien", "gioi_tinh"])
        #expect(result.report.rowsRead == 0)
        #expect(result.dataset.rowCount == 0)
    }

    @Test func headerNamesAreTrimmedAndNFC() throws {
        let header = " ma_phieu ,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,\("Ý kiến".decomposedStringWithCanonicalMapping)\n"
        let (result, _) = try ImportFixtures.importText(header + "A,HT,T,X,1,4,4,4,4,z\n")
        #expect(result.dataset.rowCount == 1)
        #expect(Array(result.dataset.extraColumns.keys) == ["Ý kiến"])
    }

    @Test func duplicatedHeaderNames() throws {
        #expect(try error("duplicate-header.csv")?.description == """
            duplicate-header.csv: line 1: the header names column "tinh" more than once (columns 3 and 17); rename them so that each column has its own name
            duplicate-header.csv: line 1: the header names column "b1_1" more than once (columns 6 and 16); rename them so that each column has its own name
            """)
        let three = ImportError.duplicateColumns(file: "f.csv", [DuplicateColumn(name: "a", positions: [1, 4, 9])])
        #expect(three.description == "f.csv: line 1: the header names column \"a\" more than once (columns 1, 4 and 9); rename them so that each column has its own name")
    }

    @Test func emptyFile() throws {
        #expect(try error("empty.csv")?.description == "empty.csv: the file is empty; it needs a header line naming the columns")
        #expect(try error("empty.csv") == .emptyFile(file: "empty.csv"))
    }

    @Test func readerErrorsPassThrough() throws {
        let bytes = Array("ma_phieu,w\n".utf8) + [0x41, 0xFF, 0x0A]
        #expect(throws: ImportError.csv(.invalidUTF8(file: "bad.csv", line: 2, byteOffset: 12))) {
            _ = try SurveyImporter(survey: ImportFixtures.survey).importBytes(bytes, name: "bad.csv")
        }
    }

    @Test func quarantineFailure() {
        #expect(ImportError.quarantineFailed(reason: "disk full").description
            == "cannot write the quarantine file (disk full); check the path and free space")
    }

    @Test func everyQuarantineReasonsWording() {
        let cases: [(QuarantineReason, String, String)] = [
            (.raggedRow(fields: 1, expected: 3), "the row has 1 field, the header has 3", "wrong number of fields"),
            (.unterminatedQuote(line: 7), "a quoted field opens on line 7 and is never closed, so the rest of the file was read into it", "unterminated quote"),
            (.invalidAnswer(column: "c", value: "x", scale: "s", closest: "y"), "column c: \"x\" is not a value, label or missing code of scale s (did you mean \"y\"?)", "invalid answer in column c"),
            (.unknownGroupValue(column: "c", group: "service", value: "x", closest: nil), "column c: unknown service code \"x\"", "unknown code in column c"),
            (.unknownGroupValue(column: "c", group: "service", value: "", closest: nil), "column c: no service code", "unknown code in column c"),
            (.invalidSelection(column: "c", value: "x", question: "q"), "column c: \"x\" is not an option of question q", "unknown option in column c"),
            (.invalidOptionCell(column: "c", value: "2", question: "q", option: "o"), "column c: \"2\" is not 0 or 1 (option o of question q)", "invalid option cell in column c"),
            (.invalidWeight(column: "w", value: "0"), "column w: weight \"0\" is not a positive finite number", "invalid weight in column w"),
            (.invalidFPC(column: "f", value: "0"), "column f: finite-population correction \"0\" is not a positive finite number", "invalid finite-population correction in column f"),
            (.emptyDesignID(column: "x", role: "cluster"), "column x: the cluster is empty", "empty cluster in column x"),
            (.emptyRespondentID(column: "id"), "column id: the respondent id is empty", "empty respondent id in column id"),
            (.duplicateRespondent(id: "X", firstLine: 4), "duplicate respondent id X, first seen on line 4", "duplicate respondent id"),
        ]
        for (reason, message, category) in cases {
            #expect(reason.message == message)
            #expect(reason.category == category)
        }
    }
}
