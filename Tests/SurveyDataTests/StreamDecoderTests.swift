import Foundation
import Testing
@testable import SurveyData

@Suite("StreamDecoder")
struct StreamDecoderTests {
    func decodeAll(_ decoder: inout some StreamDecoder, _ input: [UInt8], window: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var pending: [UInt8] = []
        var next = 0
        while true {
            let take = min(window, input.count - next)
            pending += input[next..<next + take]
            next += take
            let final = next == input.count
            let consumed = try pending.withUnsafeBytes { p in try decoder.decode(p, final: final, into: &output) }
            pending.removeFirst(consumed)
            if final && pending.isEmpty { return output }
        }
    }

    @Test func windows1258ComposesToneMarks() throws {
        // "Lắk": L, ă (0xE3), combining acute (0xEC), k.
        var decoder = Windows1258Decoder()
        let out = try decodeAll(&decoder, [0x4C, 0xE3, 0xEC, 0x6B, 0x0A], window: 1)
        #expect(out == Array("Lắk\n".utf8))
        #expect(out.count == 6)  // "ắ" is one precomposed character, U+1EAF
    }

    @Test func utf16SurrogatePairAcrossWindows() throws {
        var decoder = UTF16Decoder(bigEndian: false)
        let text = "a😀\nb̀\n"  // b + combining grave has no precomposed form: stays two scalars
        let input = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for window in [1, 2, 3, 5, 100] {
            #expect(try decodeAll(&decoder, input, window: window) == Array(text.utf8))
        }
    }

    @Test func utf16ToNFC() throws {
        var decoder = UTF16Decoder(bigEndian: true)
        let decomposed = "Hài lòng".decomposedStringWithCanonicalMapping
        let input = Array(decomposed.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decodeAll(&decoder, input, window: 7) == Array("Hài lòng".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func unpairedSurrogateIsAnError() {
        // "a,b\n" then a lone high surrogate as the 6th code unit: byte 2 (BOM) + 5 × 2 = 12.
        let units: [UInt16] = [0x61, 0x2C, 0x62, 0x0A, 0x63, 0xD83D, 0x64, 0x0A]
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for size in chunkSizes {
            #expect(throws: CSVError.invalidUTF16(file: "data.csv", line: 2, byteOffset: 12)) {
                _ = try read(bytes: bytes, options: CSVReadOptions(chunkSize: size))
            }
        }
    }

    @Test func oddLengthIsAnError() {
        let bytes: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A, 0x00]
        #expect(throws: CSVError.invalidUTF16(file: "data.csv", line: 2, byteOffset: 6)) {
            _ = try read(bytes: bytes)
        }
    }

    @Test func longLineWithoutLineFeedIsCutAtASafeByte() throws {
        // Longer than the window, no line end: the decoder must still make progress.
        let long = String(repeating: "Lắk Lắk,", count: 20_000)
        var input: [UInt8] = []
        for _ in 0..<20_000 { input += [0x4C, 0xE3, 0xEC, 0x6B, 0x20, 0x4C, 0xE3, 0xEC, 0x6B, 0x2C] }
        var decoder = Windows1258Decoder()
        #expect(try decodeAll(&decoder, input, window: 1 << 17) == Array(long.utf8))
    }
}
