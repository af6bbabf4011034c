import Testing

@testable import SurveySample

@Suite("ByteBuffer")
struct ByteBufferTests {
    static func text(_ body: (inout ByteBuffer) -> Void) -> String {
        var buffer = ByteBuffer(capacity: 4)
        body(&buffer)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    @Test("decimals, zero-padded to a width")
    func decimals() {
        #expect(Self.text { $0.appendDecimal(0) } == "0")
        #expect(Self.text { $0.appendDecimal(7, width: 3) } == "007")
        #expect(Self.text { $0.appendDecimal(12345, width: 3) } == "12345")
    }

    @Test("fixed-point numbers round half away from zero")
    func fixed() {
        #expect(Self.text { $0.appendFixed(1234.5678, decimals: 2) } == "1234.57")
        #expect(Self.text { $0.appendFixed(0.25, decimals: 1) } == "0.3")
        #expect(Self.text { $0.appendFixed(3, decimals: 2) } == "3.00")
        #expect(Self.text { $0.appendFixed(0.04, decimals: 2) } == "0.04")
        #expect(Self.text { $0.appendFixed(17.5, decimals: 0) } == "18")
    }

    @Test("the buffer grows past its first capacity")
    func growth() {
        let long = Self.text { buffer in
            for _ in 0..<100 { buffer.append(Array("abc".utf8)) }
        }
        #expect(long == String(repeating: "abc", count: 100))
    }

    @Test("CSV cells are quoted only when they hold a comma, quote or line break")
    func cells() {
        #expect(CSVCell.encoded("Hài lòng") == Array("Hài lòng".utf8))
        #expect(CSVCell.encoded("a,b") == Array("\"a,b\"".utf8))
        #expect(CSVCell.encoded("say \"hi\"") == Array("\"say \"\"hi\"\"\"".utf8))
        #expect(CSVCell.encoded("a\nb") == Array("\"a\nb\"".utf8))
    }
}
