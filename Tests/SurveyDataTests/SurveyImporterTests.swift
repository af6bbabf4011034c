import Foundation
import Testing
import SurveySchema
import TestSupport
@testable import SurveyData

@Suite("SurveyImporter")
struct SurveyImporterTests {
    func codes(_ dataset: SurveyDataset, _ id: String) -> [UInt8] { dataset.answers[id]!.map(\.rawValue) }

    @Test func goodFileIsCodedCellByCell() throws {
        let (result, quarantine) = try ImportFixtures.importFixture("good.csv", options: ImportOptions(keepTexts: true))
        let data = result.dataset
        #expect(quarantine.rows.isEmpty)
        #expect(data.rowCount == 4)
        #expect(data.lineNumbers == [2, 3, 4, 5])
        // Row by row: numeric, label (vi / en / upper case / decomposed), missing codes, 4.0 and "4,0".
        #expect(codes(data, "access_signs") == [4, 4, 0xFD, 4])
        #expect(codes(data, "access_seating") == [5, 5, 0xFD, 5])
        #expect(codes(data, "staff_polite") == [3, 2, 0xFE, 0])
        #expect(codes(data, "overall_sat") == [4, 4, 4, 0])
        #expect(data.selections["channels"] == [0b101, 0b010, 0, 0b101])
        #expect(data.selections["apply"] == [0b01, 0b10, 0b01, 0b10])
        #expect(data.demographics["sex"] == CategoryColumn(id: "sex", levels: ["1", "2"], codes: [0, 1, 1, 0]))
        #expect(data.groups["service"] == CategoryColumn(id: "service", levels: ["HT", "DD"], codes: [0, 1, 0, 0]))
        #expect(data.groups["province"] == CategoryColumn(id: "province", levels: ["Hà Nội", "Huế"], codes: [0, 0, 1, 1]))
        #expect(data.strata == CategoryColumn(id: "strata", levels: ["Hà Nội", "Huế"], codes: [0, 0, 1, 1]))
        #expect(data.clusters == CategoryColumn(id: "cluster", levels: ["X1", "X2"], codes: [0, 0, 1, 1]))
        #expect(data.weights == [1.5, 2, 0.5, 1])
        #expect(data.fpc == nil)
        #expect(data.extraColumns == ["dieu_tra_vien": CategoryColumn(id: "dieu_tra_vien", levels: ["NV1", "NV2"], codes: [0, 0, 1, 1])])
        #expect(data.texts["comment"] == ["Tốt", "", "Có ý kiến, dài", ""])
    }

    @Test func freeTextIsDroppedUnlessAsked() throws {
        let (result, _) = try ImportFixtures.importFixture("good.csv")
        #expect(result.dataset.texts.isEmpty)
    }

    @Test func goodFileReport() throws {
        let (result, _) = try ImportFixtures.importFixture("good.csv")
        let report = result.report
        #expect(report.rowsRead == 4 && report.rowsAccepted == 4 && report.rowsQuarantined == 0 && report.blankLines == 0)
        #expect(report.isConsistent)
        #expect(report.encoding == "utf-8" && report.delimiter == "comma" && !report.byteOrderMark)
        #expect(report.columns.map(\.column) == ["b1_1", "b1_2", "b3_1", "q_overall"])
        let signs = report.columns[0], polite = report.columns[2], overall = report.columns[3]
        #expect((signs.answered, signs.noAnswer, signs.dontKnow, signs.notApplicable, signs.invalidAsMissing) == (3, 0, 1, 0, 0))
        #expect((polite.answered, polite.noAnswer, polite.dontKnow, polite.notApplicable) == (2, 1, 0, 1))
        #expect((overall.answered, overall.noAnswer, overall.excluded) == (3, 1, 1))
        #expect(report.extraColumns == [ImportReport.ExtraColumn(name: "dieu_tra_vien", distinctValues: 2, kept: true)])
        #expect(report.unknownValues.isEmpty)
    }

    static let quarantineHeader = "line,reason,ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,kenh,nop_tructiep,nop_tructuyen,y_kien,gioi_tinh,dieu_tra_vien\r\n"

    @Test func brokenRowsGoToTheQuarantineExactlyAsRead() throws {
        let (result, quarantine) = try ImportFixtures.importFixture("broken.csv")
        #expect(quarantine.finished)
        #expect(result.dataset.lineNumbers == [2, 11])
        let expected = Self.quarantineHeader
            + "4,\"the row has 7 fields, the header has 15\",P02,HT,Hà Nội,X1,1,4,5\r\n"
            + "5,\"column b1_2: \"\"Hài lòngg\"\" is not a value, label or missing code of scale sat5 (did you mean \"\"Hài lòng\"\"?)\",P03,HT,Hà Nội,X1,1,4,Hài lòngg,3,4,tv,1,0,,1,NV1\r\n"
            + "6,\"column dich_vu: unknown service code \"\"XX\"\"\",P04,XX,Hà Nội,X1,1,4,5,3,4,tv,1,0,,1,NV1\r\n"
            + "7,\"column w: weight \"\"abc\"\" is not a positive finite number\",P05,HT,Hà Nội,X1,abc,4,5,3,4,tv,1,0,,1,NV1\r\n"
            + "8,\"duplicate respondent id P01, first seen on line 2\",P01,DD,Huế,X2,1,4,5,3,4,tv,1,0,,2,NV2\r\n"
            + "9,\"column b1_1: \"\"6\"\" is not a value, label or missing code of scale sat5; column w: weight \"\"-1\"\" is not a positive finite number\",P06,HT,Huế,X2,-1,6,5,3,4,tv,1,0,,2,NV2\r\n"
            + "10,\"column kenh: \"\"fax\"\" is not an option of question channels\",P07,HT,Huế,X2,1,4,5,3,4,tv;fax,1,0,,2,'=1+1\r\n"
            + "12,\"a quoted field opens on line 12 and is never closed, so the rest of the file was read into it\",P09,HT,Huế,X2,1,4,4,4,4,tv,1,0,\"chưa đóng\n\"\r\n"
        #expect(quarantine.csvText == expected)
    }

    @Test func brokenFileReportReconciles() throws {
        let (result, _) = try ImportFixtures.importFixture("broken.csv")
        let report = result.report
        // 11 records after the header minus... : lines 2, 4–12 are rows (line 3 is blank).
        #expect(report.rowsRead == 10)
        #expect(report.rowsAccepted == 2)
        #expect(report.rowsQuarantined == 8)
        #expect(report.blankLines == 1)
        #expect(report.isConsistent)
        #expect(report.reasons.map(\.reason) == [
            "wrong number of fields", "invalid answer in column b1_2", "unknown code in column dich_vu",
            "invalid weight in column w", "duplicate respondent id", "invalid answer in column b1_1",
            "unknown option in column kenh", "unterminated quote",
        ])
        #expect(report.reasons.map(\.firstLines) == [[4], [5], [6], [7], [8], [9], [10], [12]])
        #expect(report.unknownValues == [
            .init(column: "b1_1", value: "6", count: 1, closest: nil),
            .init(column: "b1_2", value: "Hài lòngg", count: 1, closest: "Hài lòng"),
            .init(column: "dich_vu", value: "XX", count: 1, closest: nil),
            .init(column: "kenh", value: "tv;fax", count: 1, closest: nil),
        ])
    }

    @Test func asMissingKeepsRowsWithInvalidCellsOnly() throws {
        let (result, quarantine) = try ImportFixtures.importFixture("broken.csv", options: ImportOptions(invalidCells: .asMissing))
        let data = result.dataset, report = result.report
        #expect(data.lineNumbers == [2, 5, 6, 10, 11])
        #expect(quarantine.rows.map(\.line) == [4, 7, 8, 9, 12])
        #expect(codes(data, "access_seating") == [5, 0xFF, 5, 5, 3])
        #expect(data.groups["service"] == CategoryColumn(id: "service", levels: ["HT", "DD", ""], codes: [0, 0, 2, 0, 1]))
        #expect(data.selections["channels"] == [0b001, 0b001, 0b001, 0, 0b100])
        #expect(report.columns[1].invalidAsMissing == 1)
        #expect(report.columns[1].excluded == 1)
        #expect(report.columns[0].invalidAsMissing == 0)
        #expect(report.invalidCellPolicy == "as-missing")
        #expect(report.reasons.map(\.reason) == [
            "invalid weight in column w", "wrong number of fields", "duplicate respondent id", "unterminated quote",
        ])
        #expect(report.reasons[0].count == 2 && report.reasons[0].firstLines == [7, 9])
        #expect(report.isConsistent)
    }

    @Test func duplicateRespondentsFirstKeptLaterOnesQuarantined() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n"
        let text = header + "A,HT,T,X,1,4,4,4,4\nB,HT,T,X,1,4,4,4,4\n A ,HT,T,X,1,4,4,4,4\nA,HT,T,X,1,9,4,4,4\nB,HT,T,X,1,4,4,4,4\n"
        let (result, quarantine) = try ImportFixtures.importText(text)
        #expect(result.dataset.lineNumbers == [2, 3])
        // Line 5 has an invalid cell: it is quarantined for that, not as a duplicate.
        #expect(quarantine.rows.map(\.reason) == [
            "duplicate respondent id A, first seen on line 2",
            "column b1_1: \"9\" is not a value, label or missing code of scale sat5",
            "duplicate respondent id B, first seen on line 3",
        ])
    }

    @Test func raggedRowsButTrailingDelimitersAreFine() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,\n"
        let text = header + "A,HT,T,X,1,4,4,4,4\nB,HT,T,X,1,4,4,4,4,,,\nC,HT,T,X,1,4,4,4\nD,HT,T,X,1,4,4,4,4,x,y\n"
        let (result, quarantine) = try ImportFixtures.importText(text)
        #expect(result.dataset.lineNumbers == [2, 3])
        #expect(quarantine.rows.map(\.reason) == ["the row has 8 fields, the header has 9", "the row has 11 fields, the header has 9"])
    }

    @Test func weightsMustBePositiveFiniteNumbers() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n"
        let weights = ["1", "0.25", "\"1,5\"", "0", "-2", "", "inf", "nan", "1e400", "x"]
        let text = header + weights.enumerated().map { "R\($0.offset),HT,T,X,\($0.element),4,4,4,4\n" }.joined()
        let (result, quarantine) = try ImportFixtures.importText(text)
        #expect(result.dataset.weights == [1, 0.25, 1.5])
        #expect(quarantine.rows.map(\.reason) == ["0", "-2", "", "inf", "nan", "1e400", "x"].map {
            "column w: weight \"\($0)\" is not a positive finite number"
        })
    }

    @Test func emptyDesignIDsAndGroupValues() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n"
        let text = header + "A,,T,X,1,4,4,4,4\nB,HT,,X,1,4,4,4,4\nC,HT,T, ,1,4,4,4,4\n,HT,T,X,1,4,4,4,4\n"
        let (_, quarantine) = try ImportFixtures.importText(text)
        #expect(quarantine.rows.map(\.reason) == [
            "column dich_vu: no service code",
            "column tinh: no province code; column tinh: the stratum is empty",
            "column xa: the cluster is empty",
            "column ma_phieu: the respondent id is empty",
        ])
    }

    @Test func unansweredDemographicsAreTheLevelEmpty() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,gioi_tinh\n"
        let (result, quarantine) = try ImportFixtures.importText(header + "A,HT,T,X,1,4,4,4,4,\nB,HT,T,X,1,4,4,4,4,2\nC,HT,T,X,1,4,4,4,4, \n")
        #expect(quarantine.rows.isEmpty)
        #expect(result.dataset.demographics["sex"] == CategoryColumn(id: "sex", levels: ["1", "2", ""], codes: [2, 1, 2]))
    }

    @Test func aHugeCellIsShownCutInMessagesAndKeptWholeInTheQuarantine() throws {
        let huge = String(repeating: "Hài lòng ", count: 200_000)  // 2 MB
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\n"
        let (result, quarantine) = try ImportFixtures.importText(header + "A,HT,T,X,1,\(huge),4,4,4\n")
        let shown = String(huge.prefix(100)) + "…"
        #expect(result.report.unknownValues.map(\.value) == [shown])
        #expect(result.report.unknownValues.map(\.closest) == [nil])
        #expect(quarantine.rows.first?.reason == "column b1_1: \"\(shown)\" is not a value, label or missing code of scale sat5")
        #expect(quarantine.rows.first?.fields[5] == huge)
    }

    @Test func extraColumnsWithTooManyValuesOrTooManyColumnsAreNotKept() throws {
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,note,enumerator\n"
        let rows = (0..<5).map { "R\($0),HT,T,X,1,4,4,4,4,note \($0),E\($0 % 2)\n" }.joined()
        let (result, _) = try ImportFixtures.importText(header + rows, options: ImportOptions(extraColumnLevelLimit: 3))
        #expect(result.report.extraColumns == [
            .init(name: "note", distinctValues: 5, kept: false), .init(name: "enumerator", distinctValues: 2, kept: true),
        ])
        #expect(Array(result.dataset.extraColumns.keys) == ["enumerator"])
        #expect(result.report.text.contains("Columns the survey does not declare: note (not kept: 5 distinct values, too many for grouping), enumerator (kept for grouping, 2 values)"))

        let wide = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall," + (0..<100_000).map { "x\($0)" }.joined(separator: ",") + "\n"
        let row = "A,HT,T,X,1,4,4,4,4," + String(repeating: "v,", count: 99_999) + "v\n"
        let (wideResult, _) = try ImportFixtures.importText(wide + row)
        #expect(wideResult.dataset.rowCount == 1)
        #expect(wideResult.dataset.extraColumns.count == 1000)
        #expect(wideResult.report.extraColumns.filter(\.kept).count == 1000)
        #expect(wideResult.report.extraColumns.count == 100_000)
        #expect(wideResult.report.text.contains("x99999") == false)
        #expect(wideResult.report.text.contains(", and 99,980 more (listed in the JSON report)"))
    }

    @Test func semicolonFilesAndExplicitDelimiters() throws {
        let text = "ma_phieu;dich_vu;tinh;xa;w;b1_1;b1_2;b3_1;q_overall\nA;HT;T;X;1,5;4;4,0;4;4\n"
        let (result, _) = try ImportFixtures.importText(text)
        #expect(result.report.delimiter == "semicolon")
        #expect(result.dataset.weights == [1.5])
        #expect(result.dataset.answers["access_seating"] == [.point(4)])
    }

    @Test func windows1258FilesDecodeToTheSameLabels() throws {
        // "Hài lòng" in Windows-1258 with the tone mark as a combining byte (0xCC, grave).
        let header = Array("ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall\nA,HT,T,X,1,".utf8)
        let label: [UInt8] = [0x48, 0x61, 0xCC, 0x69, 0x20, 0x6C, 0x6F, 0xCC, 0x6E, 0x67]  // H a ̀ i   l o ̀ n g
        let bytes = header + label + Array(",4,4,4\n".utf8)
        let survey = ImportFixtures.survey
        let result = try SurveyImporter(survey: survey, options: ImportOptions(encoding: .windows1258)).importBytes(bytes, name: "cp.csv")
        #expect(result.report.encoding == "windows-1258")
        #expect(result.dataset.answers["access_signs"] == [.point(4)])
    }

    @Test func quarantineFileIsWrittenAndRenamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("q.csv").path
        let importer = SurveyImporter(survey: ImportFixtures.survey, options: ImportOptions(quarantine: QuarantineFile(path: path)))
        let result = try importer.importFile(at: TestPaths.fixture("import/broken.csv").path, name: "broken.csv")
        #expect(result.report.rowsQuarantined == 8)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let (_, memory) = try ImportFixtures.importFixture("broken.csv")
        #expect(written == memory.csvText)
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func progressIsReportedPerBatchAndAtTheEnd() throws {
        final class Box: @unchecked Sendable { var calls: [ImportProgress] = [] }
        let box = Box()
        let options = ImportOptions(progress: { box.calls.append($0) }, progressInterval: 2)
        _ = try ImportFixtures.importFixture("good.csv", options: options)
        // The file is one batch: one call after it, one at the end.
        #expect(box.calls.map(\.rows) == [4, 4])
        #expect(box.calls.map(\.finished) == [false, true])
        // Field bytes plus one per field, i.e. the rows' bytes with quotes removed:
        // good.csv has 4 quotes in its rows, and each row ends with one line feed.
        let text = try String(contentsOf: TestPaths.fixture("import/good.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst()
        #expect(box.calls[0].bytes == rows.reduce(0) { $0 + $1.utf8.count + 1 } - 4)
    }
}

/// Imported category columns are stored in one, two or four bytes per row by their number of
/// levels, and read back the same values.
@Suite("Import: narrow category codes")
struct NarrowCategoryCodesTests {
    @Test func columnsWidenAsLevelsAppearAndKeepEveryValue() throws {
        // 70,000 rows: the commune (the cluster) takes a new value on every row, so its codes
        // pass 255 and then 65,535; an undeclared column takes 300 values; the province 2.
        let header = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,enumerator\n"
        var text = header
        text.reserveCapacity(70_000 * 40)
        for i in 0..<70_000 { text += "R\(i),\(i % 2 == 0 ? "HT" : "DD"),T\(i % 2),X\(i),1,4,4,4,4,E\(i % 300)\n" }
        let (result, _) = try ImportFixtures.importText(text)
        let data = result.dataset
        #expect(data.rowCount == 70_000)
        let commune = try #require(data.clusters)
        #expect(commune.codes.bytesPerCode == 4)
        #expect(commune.levels.count == 70_000)
        #expect(commune.value(at: 0) == "X0" && commune.value(at: 255) == "X255" && commune.value(at: 65_536) == "X65536"
                && commune.value(at: 69_999) == "X69999")
        let enumerator = try #require(data.extraColumns["enumerator"])
        #expect(enumerator.codes.bytesPerCode == 2)
        #expect(enumerator.levels.count == 300)
        #expect((0..<70_000).allSatisfy { enumerator.value(at: $0) == "E\($0 % 300)" })
        #expect(try #require(data.groups["service"]).codes == CategoryCodes((0..<70_000).map { UInt32($0 % 2) }))
        let province = try #require(data.groups["province"])
        #expect(province.codes.bytesPerCode == 1)
        #expect(Array(province.codes.prefix(4)) == [0, 1, 0, 1])
    }
}

/// `keepsRows: false` (what `satkit check` uses) reports exactly what a full import reports,
/// keeping no column.
@Suite("Import: report without keeping rows")
struct ReportWithoutRowsTests {
    func both(_ text: String, _ options: ImportOptions = ImportOptions()) throws -> (kept: ImportResult, counted: ImportResult) {
        var counting = options
        counting.keepsRows = false
        return (try ImportFixtures.importText(text, options: options).0, try ImportFixtures.importText(text, options: counting).0)
    }

    @Test func theFixturesReportTheSameWithoutTheirRows() throws {
        for name in ["good.csv", "broken.csv"] {
            for policy in InvalidCellPolicy.allCases {
                var counting = ImportOptions(invalidCells: policy)
                counting.keepsRows = false
                let kept = try ImportFixtures.importFixture(name, options: ImportOptions(invalidCells: policy))
                let counted = try ImportFixtures.importFixture(name, options: counting)
                #expect(counted.0.report == kept.0.report, "\(name) \(policy)")
                #expect(counted.0.report.text == kept.0.report.text)
                #expect(counted.1.rows == kept.1.rows)   // the same quarantine
                #expect(counted.0.dataset.rowCount == 0 && counted.0.dataset.answers.isEmpty && counted.0.dataset.groups.isEmpty)
                #expect(kept.0.dataset.rowCount == kept.0.report.rowsAccepted)
            }
        }
    }

    @Test func extraColumnsCountTheValuesOfAcceptedRowsOnly() throws {
        // Three values of "enumerator", one of them only on a duplicate respondent's row (line
        // 4, quarantined): the report counts the two of accepted rows; 3 rows accepted, with
        // "answered" 3 - 1 no answer = 2 for b1_1. Another column passes the level limit.
        let text = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,enumerator,note\n"
            + "A,HT,T,X,1,4,4,4,4,E1,n1\nB,HT,T,X,1,,4,4,4,E2,n2\nA,HT,T,X,1,4,4,4,4,E3,n3\nC,HT,T,X,1,5,4,4,4,E1,n4\n"
        let (kept, counted) = try both(text, ImportOptions(extraColumnLevelLimit: 3))
        #expect(counted.report == kept.report)
        #expect(counted.report.rowsAccepted == 3 && counted.report.rowsQuarantined == 1)
        #expect(counted.report.extraColumns == [
            .init(name: "enumerator", distinctValues: 2, kept: true), .init(name: "note", distinctValues: 4, kept: false),
        ])
        #expect(counted.report.columns.first { $0.column == "b1_1" }?.answered == 2)
    }
}

/// `onlyGroupings` (what `satkit analyze` uses): the dataset keeps what the engine reads to
/// group by the columns named, the report and the quarantine are those of a full import.
@Suite("Import: only the columns the engine reads")
struct OnlyGroupingsTests {
    func projected(_ names: Set<String>) -> ImportOptions {
        var options = ImportOptions()
        options.onlyGroupings = names
        return options
    }

    @Test func theFixturesKeepWhatTheEngineReadsAndReportTheSame() throws {
        for name in ["good.csv", "broken.csv"] {
            for policy in InvalidCellPolicy.allCases {
                var options = projected(["service"])
                options.invalidCells = policy
                let (full, fullQuarantine) = try ImportFixtures.importFixture(name, options: ImportOptions(invalidCells: policy))
                let (only, onlyQuarantine) = try ImportFixtures.importFixture(name, options: options)
                #expect(only.report == full.report, "\(name) \(policy)")
                #expect(onlyQuarantine.rows == fullQuarantine.rows)
                let a = only.dataset, b = full.dataset
                #expect(a.rowCount == b.rowCount && a.rowCount == full.report.rowsAccepted)
                #expect(a.answers == b.answers && a.selections == b.selections && a.weights == b.weights)
                #expect(Array(a.groups.keys) == ["service"] && a.groups["service"] == b.groups["service"])
                // The stratum is the province column, whose codes the province grouping holds in
                // a full import: it is kept although the province grouping is not.
                #expect(a.strata == b.strata && a.strata != nil && a.clusters == b.clusters && a.clusters != nil)
                #expect(a.lineNumbers.isEmpty && !b.lineNumbers.isEmpty)
                #expect(a.demographics.isEmpty && !b.demographics.isEmpty)
                #expect(a.wave == b.wave)
                #expect(a.extraColumns.isEmpty && !b.extraColumns.isEmpty)
            }
        }
    }

    @Test func anExtraColumnNamedIsKeptAndTheOthersAreStillCounted() throws {
        // As in `extraColumnsCountTheValuesOfAcceptedRowsOnly`: "enumerator" has two values on
        // accepted rows (the third is on a quarantined duplicate), "note" passes the level limit.
        let text = "ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,enumerator,note\n"
            + "A,HT,T,X,1,4,4,4,4,E1,n1\nB,HT,T,X,1,,4,4,4,E2,n2\nA,HT,T,X,1,4,4,4,4,E3,n3\nC,HT,T,X,1,5,4,4,4,E1,n4\n"
        var options = projected(["province"])
        options.extraColumnLevelLimit = 3
        let only = try ImportFixtures.importText(text, options: options).0
        #expect(only.report.extraColumns == [
            .init(name: "enumerator", distinctValues: 2, kept: true), .init(name: "note", distinctValues: 4, kept: false),
        ])
        #expect(only.dataset.extraColumns.isEmpty && Array(only.dataset.groups.keys) == ["province"])
        options.onlyGroupings = ["enumerator"]
        let named = try ImportFixtures.importText(text, options: options).0
        #expect(named.report == only.report)
        #expect(named.dataset.extraColumns == ["enumerator": CategoryColumn(id: "enumerator", levels: ["E1", "E2"], codes: [0, 1, 0])])
        #expect(named.dataset.groups.isEmpty)
    }

    @Test func theWaveIsKept() throws {
        // The bundled SIPAS sample: its wave column `year` names the wave in `satkit report`.
        let survey = try Survey.load(from: TestPaths.file("surveys/sipas.json5"))
        var options = ImportOptions()
        options.onlyGroupings = ["channel"]
        let only = try SurveyImporter(survey: survey, options: options).importFile(at: TestPaths.file("data/sipas-2024.csv").path)
        let full = try SurveyImporter(survey: survey).importFile(at: TestPaths.file("data/sipas-2024.csv").path)
        #expect(only.dataset.wave == full.dataset.wave && only.dataset.wave?.levels == ["2024"])
        #expect(Array(only.dataset.groups.keys) == ["channel"] && full.dataset.groups.count > 1)
        #expect(only.report == full.report)
    }

    @Test func aNameThatIsNoColumnKeepsEverything() throws {
        // So that the engine's error can list the groupings the file has.
        let (full, _) = try ImportFixtures.importFixture("good.csv")
        let (only, _) = try ImportFixtures.importFixture("good.csv", options: projected(["service", "servise"]))
        #expect(only.dataset.groups == full.dataset.groups && only.dataset.lineNumbers == full.dataset.lineNumbers)
        #expect(only.dataset.demographics == full.dataset.demographics && only.dataset.extraColumns == full.dataset.extraColumns)
    }
}
