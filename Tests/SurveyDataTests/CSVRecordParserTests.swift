import Testing
@testable import SurveyData

@Suite("CSVRecordParser: the grammar, one record at a time")
struct CSVRecordParserTests {
    /// Parses `text` as one buffer and returns the outcome with the fields found.
    func parse(_ text: String, from start: Int = 0, atEOF: Bool = true) -> (CSVRecordParser.Outcome, [String]) {
        let bytes = Array(text.utf8)
        let parser = CSVRecordParser(delimiter: 0x2C)
        return bytes.withUnsafeBufferPointer { p in
            let outcome = parser.parse(p.baseAddress!, from: start, end: bytes.count, atEOF: atEOF, line: 1)
            var fields: [String] = []
            if case .record = outcome {
                fields = (0..<parser.count).map { String(decoding: parser.fields[$0], as: UTF8.self) }
            }
            return (outcome, fields)
        }
    }

    /// `fieldBytes` (worked out from the record's span, not added up per field) is the sum
    /// of the fields' lengths, for records of random pieces: quoted, doubled quotes, text
    /// after a closing quote, a quote never closed, multi-byte text, fields past eight bytes.
    @Test func fieldBytesAreTheFieldsLengthsAddedUp() {
        var rng = SplitMix64(state: 17)
        let pieces = ["a", "5", "ấ", ",", ",", "\"", "\"\"", "\"x,y\"", " ", "0123456789", "\n", "\r\n"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let parser = CSVRecordParser(delimiter: 0x2C)
            bytes.withUnsafeBufferPointer { p in
                var start = 0
                while start < bytes.count {
                    let outcome = parser.parse(p.baseAddress!, from: start, end: bytes.count, atEOF: true, line: 1)
                    switch outcome {
                    case let .record(next, _):
                        let sum = (0..<parser.count).reduce(0) { $0 + parser.fields[$1].count }
                        #expect(parser.fieldBytes == sum, "\(text.debugDescription)")
                        start = next
                    case let .blank(next, _):
                        start = next
                    case .needMore, .end:
                        start = bytes.count
                    }
                }
            }
        }
    }

    @Test func recordEnds() {
        #expect(parse("a,b\nc").0 == .record(next: 4, line: 2))
        #expect(parse("a,b\r\nc").0 == .record(next: 5, line: 2))
        #expect(parse("a,b\rc").0 == .record(next: 4, line: 2))
        #expect(parse("a,b").0 == .record(next: 3, line: 1))
        #expect(parse("a,b\r").0 == .record(next: 4, line: 2))
    }

    @Test func needsMoreWhereTheBufferCouldContinueTheRecord() {
        #expect(parse("a,b", atEOF: false).0 == .needMore(fieldStart: 2, fieldLine: 1))
        #expect(parse("a,b\r", atEOF: false).0 == .needMore(fieldStart: 2, fieldLine: 1))  // CR or CRLF?
        #expect(parse("a,\"b\nc", atEOF: false).0 == .needMore(fieldStart: 2, fieldLine: 1))
        #expect(parse("a,\"b\"", atEOF: false).0 == .needMore(fieldStart: 2, fieldLine: 1))  // "" or the end?
        #expect(parse("a,", atEOF: false).0 == .needMore(fieldStart: 2, fieldLine: 1))
        #expect(parse("", atEOF: false).0 == .needMore(fieldStart: 0, fieldLine: 1))
        #expect(parse("\r", atEOF: false).0 == .needMore(fieldStart: 0, fieldLine: 1))
    }

    @Test func blankLinesAndTheEnd() {
        #expect(parse("\nx").0 == .blank(next: 1, line: 2))
        #expect(parse("\r\nx").0 == .blank(next: 2, line: 2))
        #expect(parse("\rx").0 == .blank(next: 1, line: 2))
        #expect(parse("").0 == .end)
        #expect(parse("x\n", from: 2).0 == .end)
    }

    @Test func fields() {
        #expect(parse("a,,\"\",\"q\"\"q\",\"x,y\"\n").1 == ["a", "", "", "q\"q", "x,y"])
        #expect(parse("a,b,\n").1 == ["a", "b", ""])
        #expect(parse("a,b,").1 == ["a", "b", ""])
        #expect(parse(",").1 == ["", ""])
        #expect(parse(" \"a\" ,b").1 == [" \"a\" ", "b"])    // a quote after a space is literal
        #expect(parse("\"a\"\"\"x\"y,b").1 == ["a\"x\"y", "b"]) // text after the closing quote is kept
        #expect(parse("\"\"\"\"").1 == ["\""])
    }

    @Test func linesInsideQuotes() {
        #expect(parse("\"a\r\nb\rc\nd\",e\nx").0 == .record(next: 13, line: 5))  // 13 bytes: " a CR LF b CR c LF d " , e LF
        #expect(parse("\"a\r\nb\rc\nd\",e\nx").1 == ["a\r\nb\rc\nd", "e"])
    }

    @Test func unterminatedQuote() {
        let bytes = Array("a,\"b\nc,d\n".utf8)
        let parser = CSVRecordParser(delimiter: 0x2C)
        let outcome = bytes.withUnsafeBufferPointer { parser.parse($0.baseAddress!, from: 0, end: bytes.count, atEOF: true, line: 4) }
        #expect(outcome == .record(next: bytes.count, line: 6))
        #expect(parser.problem == .unterminatedQuote(line: 4))
        #expect(parser.count == 2)
        #expect(Array(parser.fields[1]) == Array("b\nc,d\n".utf8))
    }

    @Test func manyFields() {
        let text = (0..<100_000).map(String.init).joined(separator: ",")
        let (outcome, fields) = parse(text)
        #expect(outcome == .record(next: text.utf8.count, line: 1))
        #expect(fields.count == 100_000 && fields.last == "99999")
    }
}
