import Testing
@testable import SurveyData

/// The exact text of every message the CSV layer shows a user.
@Suite("CSVError messages")
struct CSVErrorTests {
    @Test func invalidUTF8() {
        #expect(CSVError.invalidUTF8(file: "data.csv", line: 12, byteOffset: 3456).description ==
            "data.csv: line 12, byte 3456: the file is not valid UTF-8; if it was saved by Excel as \"CSV\" on Vietnamese Windows, run again with --encoding windows-1258")
    }

    @Test func undefinedByte() {
        #expect(CSVError.undefinedByte(file: "data.csv", line: 2, byteOffset: 7, byte: 0x81, encoding: .windows1258).description ==
            "data.csv: line 2, byte 7: byte 0x81 has no character in windows-1258; check that the file was saved in windows-1258, or run again with the right --encoding")
    }

    @Test func invalidUTF16() {
        #expect(CSVError.invalidUTF16(file: "answers.txt", line: 4, byteOffset: 90).description ==
            "answers.txt: line 4, byte 90: the file is not valid UTF-16; save it again from the spreadsheet as \"CSV UTF-8\"")
    }

    @Test func fieldTooLarge() {
        #expect(CSVError.fieldTooLarge(file: "data.csv", line: 7, limit: 16 << 20).description ==
            "data.csv: line 7: a field starting here is longer than 16 MiB, the limit; if a quote opened here is never closed, close it, otherwise raise the field limit")
    }

    @Test func recordTooLarge() {
        #expect(CSVError.recordTooLarge(file: "data.csv", line: 9, limit: 64 << 20).description ==
            "data.csv: line 9: a record starting here is longer than 64 MiB, the limit; check the line ends and quotes there, otherwise raise the record limit")
    }

    @Test func cannotRead() {
        #expect(CSVError.cannotRead(file: "data.csv", reason: "No such file or directory").description ==
            "data.csv: cannot read the file (No such file or directory); check the path and its permissions")
    }

    @Test func unknownEncoding() {
        #expect(CSVError.unknownEncoding("latin9").description ==
            "unknown encoding `latin9`; use one of utf-8, utf-16le, utf-16be, windows-1258")
    }

    @Test func invalidDelimiter() {
        #expect(CSVError.invalidDelimiter("ab").description ==
            "`ab` cannot be a delimiter; use `,`, `;`, `tab` or another single ASCII symbol that is not a quote, a letter, a digit or a line end")
    }

    @Test func unterminatedQuote() {
        #expect(CSVRecordProblem.unterminatedQuote(line: 3).message(file: "data.csv") ==
            "data.csv: line 3: a quoted field opens here and is never closed, so the rest of the file was read into it; add the closing quote")
    }

    @Test func sizes() {
        #expect(size(16 << 20) == "16 MiB")
        #expect(size(4096) == "4 KiB")
        #expect(size(100) == "100 bytes")
        #expect(size(1) == "1 byte")
        #expect(size((1 << 20) + 1) == "1048577 bytes")
    }
}
