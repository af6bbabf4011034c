import Foundation
import Testing
import TestSupport
@testable import SurveyData

@Suite("Windows1258")
struct Windows1258Tests {
    /// Every byte 0x80–0xFF against Python's cp1258 codec (`cp1258-table.txt`, from make.py).
    @Test func tableMatchesPythonCodecs() throws {
        let text = try String(contentsOf: TestPaths.fixture("csv/cp1258-table.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 128)
        for line in lines {
            let parts = line.split(separator: " ")
            let byte = try #require(UInt8(parts[0].dropFirst(2), radix: 16))
            if parts[1] == "undefined" {
                #expect(Windows1258.scalar(for: byte) == nil, "byte \(parts[0])")
            } else {
                #expect(Windows1258.scalar(for: byte) == UInt32(parts[1].dropFirst(2), radix: 16), "byte \(parts[0])")
            }
        }
    }

    @Test func asciiIsItself() {
        for byte in UInt8(0)..<0x80 { #expect(Windows1258.scalar(for: byte) == UInt32(byte)) }
    }

    @Test func undefinedByteIsAnError() {
        // "a,b\r\n" (5) + "c," (2): 0x81 is byte 7, line 2.
        let bytes = Array("a,b\r\nc,".utf8) + [0x81] + Array("\r\n".utf8)
        let error = CSVError.undefinedByte(file: "data.csv", line: 2, byteOffset: 7, byte: 0x81, encoding: .windows1258)
        for size in chunkSizes {
            #expect(throws: error) {
                _ = try read(bytes: bytes, options: CSVReadOptions(encoding: .windows1258, chunkSize: size))
            }
        }
    }
}
