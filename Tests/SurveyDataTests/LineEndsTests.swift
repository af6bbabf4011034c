import Testing
@testable import SurveyData

@Suite("countLineEnds")
struct LineEndsTests {
    @Test func lineEndCountMatchesAPlainCount() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...[80, 5_000].randomElement(using: &rng)!, using: &rng)).map { _ in [0x0A, 0x0D, 0x61, 0x22][Int.random(in: 0...3, using: &rng)] as UInt8 }
            var plain = 0
            for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { plain += 1 }
            let from = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            var expected = 0
            for i in from..<bytes.count where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { expected += 1 }
            bytes.withUnsafeBufferPointer { p in
                #expect(countLineEnds(p.baseAddress!, from: 0, to: bytes.count) == plain)
                #expect(countLineEnds(p.baseAddress!, from: from, to: bytes.count) == expected)
            }
        }
    }

    /// A range that ends anywhere, also between the CR and the LF of a pair (the CR then ends
    /// a line inside the range); long runs cross the 255-block tallies of the 16-byte path.
    @Test func rangesEndingAnywhere() {
        var rng = SplitMix64(state: 12)
        for _ in 0..<200 {
            let count = Int.random(in: 0...[40, 9_000].randomElement(using: &rng)!, using: &rng)
            let bytes = (0..<count).map { _ in [0x0A, 0x0D, 0x0D, 0x61, 0x0A][Int.random(in: 0...4, using: &rng)] as UInt8 }
            let from = Int.random(in: 0...count, using: &rng), to = Int.random(in: from...count, using: &rng)
            var expected = 0
            for i in from..<to where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == to || bytes[i + 1] != 0x0A)) { expected += 1 }
            bytes.withUnsafeBufferPointer { p in
                #expect(countLineEnds(p.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: from, to: to) == expected)
            }
        }
        let crlf = [UInt8](repeating: 0x61, count: 15) + [0x0D, 0x0A] + [UInt8](repeating: 0x61, count: 20)
        crlf.withUnsafeBufferPointer { p in
            #expect(countLineEnds(p.baseAddress!, from: 0, to: 16) == 1)  // the CR alone
            #expect(countLineEnds(p.baseAddress!, from: 0, to: 17) == 1)  // CRLF, once
            #expect(countLineEnds(p.baseAddress!, from: 0, to: crlf.count) == 1)
        }
    }

    @Test func examples() {
        for (text, expected) in [("", 0), ("a", 0), ("\n", 1), ("\r\n", 1), ("\r", 1), ("\n\r", 2), ("\r\r\n\n", 3),
                                 ("0123456\r\n89", 1), ("01234567\r\n", 1), ("0123456\r", 1)] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { p in
                #expect(countLineEnds(p.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: 0, to: bytes.count) == expected, "\(text.debugDescription)")
            }
        }
    }
}
