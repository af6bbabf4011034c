import Testing
@testable import SurveyData

@Suite("UnicodeNormalization")
struct UnicodeNormalizationTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func trivialCheck() {
        #expect(bytes("Hai long, 5").withUnsafeBytes { UnicodeNormalization.isTriviallyNFC($0) })
        #expect(bytes("Hài lòng").withUnsafeBytes { UnicodeNormalization.isTriviallyNFC($0) })     // à, ò < U+0300
        #expect(!bytes("Rất").withUnsafeBytes { UnicodeNormalization.isTriviallyNFC($0) })         // ấ is U+1EA5
        #expect(!bytes("a\u{0300}").withUnsafeBytes { UnicodeNormalization.isTriviallyNFC($0) })
    }

    @Test func composes() {
        let decomposed = bytes("Ha\u{0300}i lo\u{0300}ng")
        #expect(decomposed.withUnsafeBytes { UnicodeNormalization.nfcBytes($0) } == [0x48, 0xC3, 0xA0, 0x69, 0x20, 0x6C, 0xC3, 0xB2, 0x6E, 0x67])
        #expect(decomposed.withUnsafeBytes { UnicodeNormalization.nfcString($0) }.unicodeScalars.count == 8)
        #expect(bytes("Rất").withUnsafeBytes { UnicodeNormalization.nfcBytes($0) } == nil)  // already NFC
        #expect(bytes("plain").withUnsafeBytes { UnicodeNormalization.nfcBytes($0) } == nil)
    }
}
