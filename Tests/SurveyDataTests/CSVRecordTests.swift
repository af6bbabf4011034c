import Testing
@testable import SurveyData

@Suite("CSVRecord")
struct CSVRecordTests {
    @Test func fieldsAsBytesAndStrings() throws {
        var seen = 0
        _ = try CSVReader(bytes: Array("id,y_kien,,\n7,\"Ha\u{0300}i\",x,\n".utf8), name: "t").forEachRecord { record in
            seen += 1
            #expect(record.count == 4)
            if record.index == 1 {
                #expect(Array(record[0]) == [0x37])
                #expect(record.field(4) == nil)
                #expect(record.field(-1) == nil)
                #expect(record.string(at: 1) == "Hài")
                #expect(record.string(at: 1).unicodeScalars.count == 3)  // composed to NFC
                #expect(record.countIgnoringTrailingEmptyFields == 3)
                #expect(record.line == 2)
            } else {
                #expect(record.strings == ["id", "y_kien", "", ""])
                #expect(record.countIgnoringTrailingEmptyFields == 2)
            }
        }
        #expect(seen == 2)
    }

    @Test func readAll() throws {
        let (records, summary) = try CSVReader(bytes: Array("a;b\n1;2\n".utf8), name: "t").readAll()
        #expect(records == [["a", "b"], ["1", "2"]])
        #expect(summary.delimiter == .semicolon)
    }
}
