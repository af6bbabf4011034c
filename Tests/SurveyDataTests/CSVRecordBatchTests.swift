import Testing
@testable import SurveyData

@Suite("CSVRecordBatch")
struct CSVRecordBatchTests {
    func batch(_ bytes: [UInt8], _ p: UnsafePointer<UInt8>, start: Int = 0, limit: Int? = nil, atEOF: Bool = true,
               maxRecords: Int = .max, check: Bool = false) -> CSVRecordBatch {
        CSVRecordBatch(base: p, start: start, limit: limit ?? bytes.count, end: bytes.count, atEOF: atEOF,
                       firstLine: 10, firstIndex: 0, parser: CSVRecordParser(delimiter: 0x2C), fileName: "b.csv",
                       options: CSVReadOptions(), maxRecords: maxRecords, utf8CheckOffset: check ? 100 : nil)
    }

    @Test func recordsStartingBeforeTheLimitBelongToTheBatch() throws {
        let bytes = Array("a,1\n\"b\nc\",2\nd,3\n".utf8)
        try bytes.withUnsafeBufferPointer { p in
            let b = batch(bytes, p.baseAddress!, limit: 5)  // the second record starts at 4, runs to 12
            var lines: [Int] = []
            try b.forEachRecord { lines.append($0.line) }
            #expect(lines == [10, 11])
            #expect(b.stop == 12 && b.lineAtStop == 13 && b.recordCount == 2 && !b.needsMore && !b.reachedEnd)
        }
    }

    @Test func needsMoreAndEnd() throws {
        let bytes = Array("a,1\n\nb,".utf8)
        try bytes.withUnsafeBufferPointer { p in
            let open = batch(bytes, p.baseAddress!, atEOF: false)
            try open.forEachRecord { _ in }
            #expect(open.needsMore && open.stop == 5 && open.blankLines == 1 && open.recordCount == 1)
            let closed = batch(bytes, p.baseAddress!)
            try closed.forEachRecord { _ in }
            #expect(closed.reachedEnd && closed.recordCount == 2)
        }
    }

    @Test func maxRecords() throws {
        let bytes = Array("\nh\n1\n".utf8)
        try bytes.withUnsafeBufferPointer { p in
            let b = batch(bytes, p.baseAddress!, maxRecords: 1)
            var seen: [Int] = []
            try b.forEachRecord { seen.append($0.line) }
            #expect(seen == [11] && b.stop == 3)
        }
    }

    @Test func checksUTF8WithLineAndOffset() throws {
        let bytes = Array("a\nb".utf8) + [0xC3]
        #expect(throws: CSVError.invalidUTF8(file: "b.csv", line: 11, byteOffset: 103)) {
            try bytes.withUnsafeBufferPointer { p in try batch(bytes, p.baseAddress!, check: true).forEachRecord { _ in } }
        }
        // Not at the end of the input: the cut character may be completed by the next chunk.
        try bytes.withUnsafeBufferPointer { p in try batch(bytes, p.baseAddress!, atEOF: false, check: true).forEachRecord { _ in } }
    }
}
