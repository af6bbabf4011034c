import Foundation
import Testing
import TestSupport
@testable import SurveyData

/// What a file read to the end gave: fields as strings, the line of each record, its problem.
struct ReadResult {
    var fields: [[String]] = []
    var lines: [Int] = []
    var problems: [CSVRecordProblem?] = []
    var summary: CSVReadSummary?
}

func read(bytes: [UInt8], name: String = "data.csv", options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    var result = ReadResult()
    result.summary = try CSVReader(bytes: bytes, name: name, options: options).forEachRecord { record in
        result.fields.append(record.strings)
        result.lines.append(record.line)
        result.problems.append(record.problem)
    }
    return result
}

func read(_ text: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    try read(bytes: Array(text.utf8), options: options)
}

func readFixture(_ name: String, options: CSVReadOptions = CSVReadOptions()) throws -> ReadResult {
    var result = ReadResult()
    let path = TestPaths.fixture("csv/" + name).path
    result.summary = try CSVReader(path: path, name: name, options: options).forEachRecord { record in
        result.fields.append(record.strings)
        result.lines.append(record.line)
        result.problems.append(record.problem)
    }
    return result
}

/// Chunk sizes that put chunk ends everywhere in small files, and the default.
let chunkSizes = [1, 2, 3, 5, 7, 16, 1 << 20]

@Suite("CSVReader: the reading cases of issue 3, from files")
struct CSVReaderTests {
    @Test func basic() throws {
        let r = try readFixture("basic.csv")
        #expect(r.fields == [["id", "tinh", "cau1"], ["1", "Hà Nội", "5"], ["2", "Huế", "4"]])
        #expect(r.lines == [1, 2, 3])
        let s = try #require(r.summary)
        #expect(s.records == 3 && s.blankLines == 0 && s.lines == 3)
        #expect(s.delimiter == .comma && s.encoding == .utf8 && !s.hadByteOrderMark)
        #expect(s.bytesRead == 37)
    }

    @Test(arguments: ["crlf.csv", "cr.csv", "mixed-line-ends.csv"])
    func lineEnds(file: String) throws {
        let r = try readFixture(file)
        #expect(Array(r.fields.prefix(3)) == [["id", "cau1"], ["1", "5"], ["2", "4"]])
        #expect(r.lines == Array(1...r.fields.count))
        #expect(r.summary?.lines == r.fields.count)
    }

    @Test func quotedFields() throws {
        let r = try readFixture("quoted.csv")
        #expect(r.fields == [
            ["id", "comment", "cau1"],
            ["1", "She said \"fine\"", "5"],
            ["2", "line one\nline two", "4"],
            ["3", "a, b; c", "3"],
            ["4", "", "2"],
        ])
        // The record with a line end inside quotes takes lines 3 and 4.
        #expect(r.lines == [1, 2, 3, 5, 6])
        #expect(r.summary?.lines == 6)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let r = try readFixture("bom-utf8.csv")
        #expect(r.fields == [["id", "tinh", "y_kien"], ["1", "Đà Nẵng", "Rất hài lòng"]])
        #expect(r.summary?.hadByteOrderMark == true)
        #expect(r.summary?.encoding == .utf8)
    }

    @Test func missingFinalNewline() throws {
        let r = try readFixture("no-final-newline.csv")
        #expect(r.fields == [["id", "cau1"], ["1", "5"], ["2", "4"]])
        #expect(r.summary?.lines == 3)
    }

    @Test func blankLinesAreSkippedCountedAndKeepLineNumbersTrue() throws {
        // "\nid,cau1\n\n1,5\r\n\r\n2,4\n\n": lines 1, 3, 5 and 7 are blank.
        let r = try readFixture("blank-lines.csv")
        #expect(r.fields == [["id", "cau1"], ["1", "5"], ["2", "4"]])
        #expect(r.lines == [2, 4, 6])
        #expect(r.summary?.blankLines == 4)
        #expect(r.summary?.lines == 7)
    }

    @Test func trailingDelimiterGivesATrailingEmptyField() throws {
        let r = try readFixture("trailing-delimiter.csv")
        #expect(r.fields == [["id", "cau1", ""], ["1", "5", ""], ["2", "4", ""]])
        var trimmed: [Int] = []
        _ = try CSVReader(path: TestPaths.fixture("csv/trailing-delimiter.csv").path).forEachRecord {
            trimmed.append($0.countIgnoringTrailingEmptyFields)
        }
        #expect(trimmed == [2, 2, 2])
    }

    @Test func semicolonIsDetected() throws {
        let r = try readFixture("semicolon.csv")
        #expect(r.summary?.delimiter == .semicolon)
        #expect(r.fields == [["id", "tinh", "cau1"], ["1", "Hà Nội; trung tâm", "4,5"]])
    }

    @Test func tabIsDetected() throws {
        let r = try readFixture("tab.tsv")
        #expect(r.summary?.delimiter == .tab)
        #expect(r.fields == [["id", "tinh", "cau1"], ["1", "Hà Nội", "5"]])
    }

    @Test func delimiterCanBeGiven() throws {
        let r = try readFixture("semicolon.csv", options: CSVReadOptions(delimiter: .comma))
        #expect(r.summary?.delimiter == .comma)
        #expect(r.fields == [["id;tinh;cau1"], ["1;\"Hà Nội; trung tâm\";4", "5"]])
    }

    @Test func strayQuotesAreKeptLiterally() throws {
        // `5"` keeps its quote; `ab"c` too; `"x"y` reads `xy`.
        let r = try readFixture("stray-quote.csv")
        #expect(r.fields == [["id", "size", "note"], ["1", "5\"", "ab\"c"], ["2", "xy", "z"]])
        #expect(r.problems.allSatisfy { $0 == nil })
    }

    @Test func unterminatedQuoteIsARecordProblem() throws {
        let r = try readFixture("unterminated.csv")
        #expect(r.fields == [["id", "comment"], ["1", "ok"], ["2", "never closed\n3,lost\n"]])
        #expect(r.problems == [nil, nil, .unterminatedQuote(line: 3)])
        #expect(r.lines == [1, 2, 3])
        #expect(r.summary?.lines == 4)
    }

    @Test func raggedRowsAreHandedOver() throws {
        let r = try readFixture("ragged.csv")
        #expect(r.fields.map(\.count) == [3, 2, 4])
    }

    @Test func emptyFileAndHeaderOnly() throws {
        let empty = try readFixture("empty.csv")
        #expect(empty.fields.isEmpty)
        #expect(empty.summary?.lines == 0 && empty.summary?.records == 0)
        let header = try readFixture("header-only.csv")
        #expect(header.fields == [["id", "cau1"]])
        #expect(header.summary?.lines == 1)
    }

    /// The same file read through chunks of every small size gives the same records.
    @Test(arguments: ["quoted.csv", "blank-lines.csv", "mixed-line-ends.csv", "stray-quote.csv",
                      "unterminated.csv", "bom-utf8.csv", "cr.csv", "utf16le-bom.txt", "windows-1258.csv"])
    func chunkBoundariesDoNotMatter(file: String) throws {
        let encoding: TextEncoding? = file.hasPrefix("windows") ? .windows1258 : nil
        let whole = try readFixture(file, options: CSVReadOptions(encoding: encoding))
        for size in chunkSizes {
            let r = try readFixture(file, options: CSVReadOptions(encoding: encoding, chunkSize: size))
            #expect(r.fields == whole.fields, "chunk size \(size)")
            #expect(r.lines == whole.lines, "chunk size \(size)")
            #expect(r.summary == whole.summary, "chunk size \(size)")
        }
    }

    @Test func readsFromAFileDescriptor() throws {
        let path = TestPaths.fixture("csv/basic.csv").path
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        var rows = 0
        let summary = try CSVReader(fileDescriptor: handle.fileDescriptor, name: "basic.csv").forEachRecord { _ in rows += 1 }
        #expect(rows == 3 && summary.records == 3)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError.cannotRead(file: "nope.csv", reason: "No such file or directory")) {
            _ = try CSVReader(path: "/nonexistent/nope.csv", name: "nope.csv")
        }
    }

    @Test func errorsFromTheCallbackAreRethrown() {
        struct Stop: Error, Equatable {}
        #expect(throws: Stop()) {
            _ = try CSVReader(bytes: Array("a\nb\n".utf8), name: "x").forEachRecord { _ in throw Stop() }
        }
    }
}

@Suite("CSVReader: limits")
struct CSVReaderLimitTests {
    @Test func fieldPastTheLimit() {
        let text = "id,comment\n1,\"" + String(repeating: "x", count: 200) + "\"\n"
        for size in [7, 64, 1 << 20] {
            #expect(throws: CSVError.fieldTooLarge(file: "data.csv", line: 2, limit: 100)) {
                _ = try read(text, options: CSVReadOptions(chunkSize: size, maxFieldBytes: 100))
            }
        }
    }

    @Test func unterminatedQuoteRunsIntoTheFieldLimitAtItsLine() {
        let text = "id,comment\n1,ok\n2,\"never closed\n" + String(repeating: "3,x\n", count: 100)
        #expect(throws: CSVError.fieldTooLarge(file: "data.csv", line: 3, limit: 64)) {
            _ = try read(text, options: CSVReadOptions(chunkSize: 16, maxFieldBytes: 64))
        }
    }

    @Test func recordPastTheLimit() {
        let text = "a,b\n" + Array(repeating: "xxxxxxxxx", count: 30).joined(separator: ",") + "\n"
        for size in [7, 64, 1 << 20] {
            #expect(throws: CSVError.recordTooLarge(file: "data.csv", line: 2, limit: 200)) {
                _ = try read(text, options: CSVReadOptions(chunkSize: size, maxRecordBytes: 200))
            }
        }
    }

    @Test func recordsAtTheLimitPass() throws {
        let row = String(repeating: "x", count: 99)
        let r = try read("a\n" + row + "\n", options: CSVReadOptions(chunkSize: 8, maxFieldBytes: 99, maxRecordBytes: 100))
        #expect(r.fields == [["a"], [row]])
    }
}

@Suite("CSVReader: hostile input (issue 9) neither crashes nor hangs")
struct CSVReaderHostileTests {
    @Test func tenMegabyteField() throws {
        let bytes = Array("id,comment\n1,\"".utf8) + [UInt8](repeating: 0x78, count: 10 << 20) + Array("\"\n2,ok\n".utf8)
        var sizes: [Int] = [], lines: [Int] = []
        _ = try CSVReader(bytes: bytes, name: "t", options: CSVReadOptions(chunkSize: 1 << 16)).forEachRecord {
            sizes.append($0.last!.count)
            lines.append($0.line)
        }
        #expect(sizes == [7, 10 << 20, 2] && lines == [1, 2, 3])
    }

    @Test func hundredThousandColumns() throws {
        let row = Array(Array(repeating: "5", count: 100_000).joined(separator: ",").utf8) + [0x0A]
        var counts: [Int] = []
        _ = try CSVReader(bytes: row + row, name: "t", options: CSVReadOptions(chunkSize: 4096)).forEachRecord { counts.append($0.count) }
        #expect(counts == [100_000, 100_000])
    }

    @Test func nulBytesAndAMarkInTheMiddleAreData() throws {
        let r = try read(bytes: Array("a,b\n".utf8) + [0x00, 0x2C] + [0xEF, 0xBB, 0xBF] + Array("x\n".utf8))
        #expect(r.fields == [["a", "b"], ["\u{0}", "\u{FEFF}x"]])
    }

    @Test(arguments: [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x22], [0x22, 0x22, 0x22], [0x0D], [0x2C], [0x0A, 0x0D, 0x0A]] as [[UInt8]])
    func tinyFiles(bytes: [UInt8]) throws {
        for size in chunkSizes {
            _ = try read(bytes: bytes, options: CSVReadOptions(chunkSize: size))
        }
    }

    @Test func quoteOnlyFileIsAnUnterminatedQuote() throws {
        let r = try read("\"")
        #expect(r.fields == [[""]])
        #expect(r.problems == [.unterminatedQuote(line: 1)])
    }
}
