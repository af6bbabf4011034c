import Foundation
import Testing
import TestSupport
@testable import SurveyData

@Suite("TextEncoding")
struct TextEncodingTests {
    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf_8", .utf8),
        ("utf-16le", .utf16LittleEndian), ("UTF-16LE", .utf16LittleEndian), ("unicode", .utf16LittleEndian),
        ("utf-16be", .utf16BigEndian),
        ("windows-1258", .windows1258), ("cp1258", .windows1258), ("Windows1258", .windows1258),
    ])
    func namesAUserTypes(name: String, encoding: TextEncoding) throws {
        #expect(try TextEncoding(parsing: name) == encoding)
    }

    @Test func unknownName() {
        #expect(throws: CSVError.unknownEncoding("latin9")) { try TextEncoding(parsing: "latin9") }
    }

    @Test func byteOrderMarks() {
        func mark(_ bytes: [UInt8]) -> TextEncoding? {
            bytes.withUnsafeBytes { TextEncoding.byteOrderMark(at: $0)?.encoding }
        }
        #expect(mark([0xEF, 0xBB, 0xBF, 0x61]) == .utf8)
        #expect(mark([0xFF, 0xFE, 0x61, 0x00]) == .utf16LittleEndian)
        #expect(mark([0xFE, 0xFF, 0x00, 0x61]) == .utf16BigEndian)
        #expect(mark([0xEF, 0xBB]) == nil)
        #expect(mark([0x61, 0x62]) == nil)
    }
}

@Suite("Files saved in each encoding (Tests/Fixtures/csv/make.py, Python codecs)")
struct EncodedFileTests {
    let expected = [["ma", "tinh", "y_kien"],
                    ["1", "Hà Nội", "Rất hài lòng"],
                    ["2", "Thừa Thiên Huế", "Không hài lòng"],
                    ["3", "Đắk Lắk", "Bình thường"]]

    @Test func utf8() throws {
        let r = try readFixture("utf8.csv")
        #expect(r.fields == expected)
        #expect(r.summary?.encoding == .utf8)
    }

    @Test func utf16LittleEndianUnicodeText() throws {
        let r = try readFixture("utf16le-bom.txt")
        #expect(r.fields == expected)
        #expect(r.summary?.encoding == .utf16LittleEndian && r.summary?.delimiter == .tab)
        #expect(r.summary?.hadByteOrderMark == true && r.summary?.lines == 4)
    }

    @Test func utf16BigEndian() throws {
        let r = try readFixture("utf16be-bom.txt")
        #expect(r.fields == expected)
        #expect(r.summary?.encoding == .utf16BigEndian)
    }

    @Test func byteOrderMarkWinsOverTheDeclaredEncoding() throws {
        let r = try readFixture("utf16le-bom.txt", options: CSVReadOptions(encoding: .windows1258))
        #expect(r.fields == expected)
    }

    /// The code page stores "ấ" as "â" + U+0301; the reader hands over NFC bytes.
    @Test func windows1258IsDecodedToNFC() throws {
        var raw: [[[UInt8]]] = []
        let path = TestPaths.fixture("csv/windows-1258.csv").path
        let summary = try CSVReader(path: path, options: CSVReadOptions(encoding: .windows1258)).forEachRecord { record in
            raw.append(record.map { Array($0) })
        }
        #expect(raw.map { $0.map { String(decoding: $0, as: UTF8.self) } } == expected)
        #expect(raw[1][2] == Array("Rất hài lòng".precomposedStringWithCanonicalMapping.utf8))
        #expect(raw[1][2].count == 16)  // R ấ(3) t ␠ h à(2) i ␠ l ò(2) n g
        #expect(summary.encoding == .windows1258 && !summary.hadByteOrderMark && summary.lines == 4)
    }

    @Test func windows1258WithoutDeclaringItIsAnError() {
        // "ma,tinh,y_kien\r\n" is 16 bytes, "1,H" 3 more: the "à" (0xE0) is byte 19, on line 2.
        #expect(throws: CSVError.invalidUTF8(file: "windows-1258.csv", line: 2, byteOffset: 19)) {
            _ = try readFixture("windows-1258.csv")
        }
    }
}
