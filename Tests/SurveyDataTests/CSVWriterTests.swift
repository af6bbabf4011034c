import Testing
@testable import SurveyData

@Suite("CSVWriter")
struct CSVWriterTests {
    func written(_ records: [[String]], _ options: CSVWriter.Options = CSVWriter.Options()) -> String {
        var writer = CSVWriter(options: options)
        for record in records { writer.writeRecord(record) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func quotesOnlyWhatNeedsIt() {
        #expect(written([["a", "b c", "x,y", "say \"hi\"", "l1\nl2", "cr\r"]]) ==
            "a,b c,\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"cr\r\"\r\n")
        #expect(written([["x;y", "x,y"]], CSVWriter.Options(delimiter: .semicolon, lineEnd: [0x0A])) == "\"x;y\";x,y\n")
    }

    @Test func aLoneEmptyFieldIsWrittenQuoted() {
        #expect(written([[""], ["", ""], []]) == "\"\"\r\n,\r\n\"\"\r\n")
    }

    @Test func formulasAreNeutralised() {
        #expect(written([["=1+2", "+cmd", "-x", "@SUM(A1)", "\tx", "\rx", "a=b", "'"]]) ==
            "'=1+2,'+cmd,'-x,'@SUM(A1),'\tx,\"'\rx\",a=b,'\r\n")
        #expect(written([["=HYPERLINK(\"http://x\",\"a\")"]]) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"\r\n")
    }

    @Test func numbersStayNumbers() {
        #expect(written([["-3", "+84", "-1.5", "-0,5", "+1e5", "-2E-3", "-.5", "5"]]) ==
            "-3,+84,-1.5,\"-0,5\",+1e5,-2E-3,-.5,5\r\n")
        #expect(written([["-", "+", "-e5", "-1e", "+84 912 345 678", "-1-2"]]) ==
            "'-,'+,'-e5,'-1e,'+84 912 345 678,'-1-2\r\n")
    }

    @Test func neutralisationCanBeTurnedOff() {
        #expect(written([["=1+2", "@x"]], CSVWriter.Options(neutralizesFormulas: false)) == "=1+2,@x\r\n")
    }

    @Test func byteOrderMarkAndTakeBytes() {
        var writer = CSVWriter(options: CSVWriter.Options(byteOrderMark: true))
        writer.writeRecord(["a"])
        #expect(writer.takeBytes() == [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A])
        #expect(writer.bytes.isEmpty)
        writer.writeField("b")
        writer.writeField("c")
        writer.endRecord()
        #expect(writer.takeBytes() == Array("b,c\r\n".utf8))
    }

    @Test func writesARecordAsRead() throws {
        var writer = CSVWriter(options: CSVWriter.Options(lineEnd: [0x0A], neutralizesFormulas: false))
        _ = try CSVReader(bytes: Array("id;c\n1;\"a \"\"q\"\" b\n\"\n".utf8), name: "t").forEachRecord { writer.writeRecord($0) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "id,c\n1,\"a \"\"q\"\" b\n\"\n")
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, so the test is repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("CSV round trip (property)")
struct CSVRoundTripTests {
    static let pieces = ["\"", ",", ";", "\t", "\n", "\r", "\r\n", " ", "a", "7", "=", "-", "'",
                         "ấ", "Đ", "😀", "\"\"", "lòng", "\u{00A0}"]

    func randomRecords(_ rng: inout SplitMix64) -> [[String]] {
        (0..<Int.random(in: 1...12, using: &rng)).map { _ in
            (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            }
        }
    }

    /// Random fields written by the writer and read back give the same bytes, for every
    /// delimiter, line end and chunk size.
    @Test func writtenThenReadGivesTheSameFields() throws {
        var rng = SplitMix64(state: 20_261_122)
        for round in 0..<500 {
            let records = randomRecords(&rng)
            let delimiter = [CSVDelimiter.comma, .semicolon, .tab].randomElement(using: &rng)!
            let lineEnd: [UInt8] = Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
            var writer = CSVWriter(options: CSVWriter.Options(delimiter: delimiter, lineEnd: lineEnd, neutralizesFormulas: false))
            for record in records { writer.writeRecord(record) }
            let options = CSVReadOptions(delimiter: delimiter, chunkSize: Int.random(in: 1...64, using: &rng))
            var back: [[[UInt8]]] = []
            let summary = try CSVReader(bytes: writer.bytes, name: "round \(round)", options: options).forEachRecord { record in
                #expect(record.problem == nil)
                back.append(record.map { Array($0) })
            }
            let expected = records.map { $0.map { Array($0.utf8) } }
            #expect(back == expected, "round \(round)")
            #expect(summary.records == records.count && summary.blankLines == 0)
            if back != expected { return }
        }
    }

    /// The same, through UTF-16 and back: transcoding keeps every field.
    @Test func throughUTF16() throws {
        var rng = SplitMix64(state: 7)
        for round in 0..<100 {
            let records = randomRecords(&rng)
            var writer = CSVWriter(options: CSVWriter.Options(delimiter: .tab, neutralizesFormulas: false))
            for record in records { writer.writeRecord(record) }
            let text = String(decoding: writer.bytes, as: UTF8.self)
            let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let (back, _) = try CSVReader(bytes: bytes, name: "round \(round)",
                                          options: CSVReadOptions(delimiter: .tab, chunkSize: Int.random(in: 1...64, using: &rng))).readAll()
            #expect(back == records, "round \(round)")
            if back != records { return }
        }
    }
}
