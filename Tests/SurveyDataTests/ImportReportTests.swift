import Foundation
import Testing
@testable import SurveyData

@Suite("ImportReport")
struct ImportReportTests {
    /// The text an analyst reads after importing `broken.csv`; every count can be checked
    /// against the fixture by eye (see `brokenFileReportReconciles`).
    @Test func textOfTheBrokenFixture() throws {
        let (result, _) = try ImportFixtures.importFixture("broken.csv")
        #expect(result.report.text == """
            broken.csv (survey import-test 2024)
            read as utf-8, comma-delimited, 544 bytes; invalid cells: quarantine-row

              rows read   10
              accepted     2
              quarantined  8
              blank lines  1  (skipped, not rows)

            Quarantined rows, by first reason:
              rows  reason                          first lines
                 1  wrong number of fields          4
                 1  invalid answer in column b1_2   5
                 1  unknown code in column dich_vu  6
                 1  invalid weight in column w      7
                 1  duplicate respondent id         8
                 1  invalid answer in column b1_1   9
                 1  unknown option in column kenh   10
                 1  unterminated quote              12

            Values that could not be coded (in accepted and quarantined rows):
              column   value        cells  closest known
              b1_1     "6"              1  –
              b1_2     "Hài lòngg"      1  "Hài lòng"
              dich_vu  "XX"             1  –
              kenh     "tv;fax"         1  –

            Answers in accepted rows, by column (all but "answered" are left out of the indices):
              column     answers         answered  no answer  don't know  not applicable  invalid
              b1_1       access_signs           2          0           0               0        0
              b1_2       access_seating         2          0           0               0        0
              b3_1       staff_polite           2          0           0               0        0
              q_overall  overall_sat            2          0           0               0        0

            Columns the survey does not declare: dieu_tra_vien (kept for grouping, 2 values)

            """)
    }

    @Test func reasonsListTheFirstFiveLinesThenAnEllipsis() {
        var report = ImportReport(
            file: "f.csv", survey: "s 1", encoding: "utf-8", byteOrderMark: true, delimiter: "semicolon",
            invalidCellPolicy: "as-missing", bytes: 1_234_567, rowsRead: 1_234_567, rowsAccepted: 1_234_560,
            rowsQuarantined: 7, blankLines: 0,
            reasons: [.init(reason: "duplicate respondent id", count: 7, firstLines: [2, 3, 4, 5, 6])],
            columns: [], unknownValues: [], unknownCellsNotListed: 0, extraColumns: [], absentOptionalColumns: ["y_kien"])
        #expect(report.text == """
            f.csv (survey s 1)
            read as utf-8 with byte-order mark, semicolon-delimited, 1.2 MB; invalid cells: as-missing

              rows read   1,234,567
              accepted    1,234,560
              quarantined         7
              blank lines         0  (skipped, not rows)

            Quarantined rows, by first reason:
              rows  reason                   first lines
                 7  duplicate respondent id  2, 3, 4, 5, 6, …

            Optional columns not in the file: y_kien

            """)
        #expect(report.isConsistent)
        report.rowsAccepted = 1_234_561
        #expect(report.inconsistencies == [
            "rows read (1234567) ≠ accepted (1234561) + quarantined (7)",
        ])
        #expect(report.text.contains("THE COUNTS DO NOT RECONCILE: rows read (1234567) ≠ accepted (1234561) + quarantined (7)"))
        report.rowsAccepted = 1_234_560
        report.rowsQuarantined = 8
        report.rowsRead = 1_234_568
        #expect(report.inconsistencies == ["reasons count 7 rows, but 8 were quarantined"])
    }

    @Test func jsonRoundTripsWithStableKeys() throws {
        let (result, _) = try ImportFixtures.importFixture("broken.csv")
        let data = try result.report.json()
        #expect(try JSONDecoder().decode(ImportReport.self, from: data) == result.report)
        #expect(try result.report.json() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"absentOptionalColumns\" : [\n\n  ],\n  \"blankLines\" : 1,\n  \"byteOrderMark\" : false,"))
    }

    @Test func sizesAndNumbers() {
        #expect(ImportReport.number(0) == "0")
        #expect(ImportReport.number(999) == "999")
        #expect(ImportReport.number(1000) == "1,000")
        #expect(ImportReport.number(1_234_567) == "1,234,567")
        #expect(ImportReport.size(999) == "999 bytes")
        #expect(ImportReport.size(125_000_000) == "125.0 MB")
        #expect(ImportReport.size(1_250_000_000) == "1.3 GB")
    }
}
