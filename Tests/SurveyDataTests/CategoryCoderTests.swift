import Foundation
import Testing
import SurveySchema
@testable import SurveyData

@Suite("CategoryCoder")
struct CategoryCoderTests {
    @Test func levelsInOrderOfFirstAppearanceNFCAndTrimmed() {
        let coder = CategoryCoder()
        let codes = ["Huế", " Hà Nội ", "Huế".decomposedStringWithCanonicalMapping, "Hà Nội", "Huế"].map { text in
            withCell(text) { coder.code($0) }
        }
        #expect(codes == [0, 1, 0, 1, 0])
        #expect(coder.levels == ["Huế", "Hà Nội"])
    }

    @Test func dictionaryAcceptsCodesAndLabelsOnly() {
        let values = [CodeLabel(code: "HT", label: LocalizedText(["vi": "Hộ tịch", "en": "Civil registration"])),
                      CodeLabel(code: "DD", label: LocalizedText(["vi": "Đất đai", "en": "Land"]))]
        let coder = CategoryCoder(values: values)
        func code(_ text: String) -> UInt32 { withCell(text) { coder.code($0) } }
        #expect(code("HT") == 0)
        #expect(code("dd") == 1)
        #expect(code("Hộ tịch") == 0)
        #expect(code("LAND") == 1)
        #expect(code("XX") == CategoryCoder.unknown)
        #expect(code("XX") == CategoryCoder.unknown)
        #expect(coder.levels == ["HT", "DD"])
        #expect(coder.missingLevel() == 2)
        #expect(coder.missingLevel() == 2)
        #expect(coder.levels == ["HT", "DD", ""])
    }

    /// The byte path (one-byte table, raw-spelling cache, spellings that are their own display
    /// text looked up as bytes) codes every cell as the `String` path does: NFD input, letter
    /// case (a distinct level without a dictionary, the same code with one), spaces, tabs and
    /// no-break spaces around the value, lone spaces, one-byte cells.
    @Test func bytePathAndStringPathAgree() {
        let spellings = [
            "Thôn 00001", " Thôn 00001", "Thôn 00001\t", "Thôn 00001".decomposedStringWithCanonicalMapping,
            "thôn 00001", "THÔN 00001", "Dịch vụ 015", "Dịch vụ 015".decomposedStringWithCanonicalMapping,
            "\u{00A0}Dịch vụ 015\u{00A0}", "Huế", "Hue\u{0301}", "1", " 1", "1 ", "2", "a", "A", "online", "Online",
            "HT", "ht", " Hộ tịch ", "Hộ tịch".decomposedStringWithCanonicalMapping, "LAND", "x", "",
        ]
        // Without a dictionary: levels in order of appearance. The reference codes each cell by
        // `code(text:)` on a fresh coder, in the same order.
        let fast = CategoryCoder(), slow = CategoryCoder()
        for text in spellings + spellings.reversed() + spellings {
            let byBytes = withCell(text) { fast.code($0) }
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            let byText = trimmed.isEmpty ? CategoryCoder.empty : slow.code(text: text)
            #expect(byBytes == byText, "\(text.debugDescription)")
        }
        #expect(fast.levels == slow.levels)
        #expect(fast.levels.contains("Thôn 00001") && fast.levels.contains("thôn 00001") && fast.levels.contains("Huế"))
        // Levels are NFC: no level holds the decomposed bytes (String `==` would not tell).
        #expect(!fast.levels.contains { Array($0.utf8) == Array("Hue\u{0301}".utf8) })

        // With a dictionary: codes and labels in any case and normal form.
        let values = [CodeLabel(code: "HT", label: LocalizedText(["vi": "Hộ tịch", "en": "Civil registration"])),
                      CodeLabel(code: "1", label: LocalizedText(["vi": "Đất đai", "en": "Land"]))]
        let dictionaryFast = CategoryCoder(values: values), dictionarySlow = CategoryCoder(values: values)
        for text in spellings + spellings {
            let byBytes = withCell(text) { dictionaryFast.code($0) }
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            let byText = trimmed.isEmpty ? CategoryCoder.empty : dictionarySlow.code(text: text)
            #expect(byBytes == byText, "\(text.debugDescription)")
        }
        #expect(withCell("ht") { dictionaryFast.code($0) } == 0)
        #expect(withCell(" 1") { dictionaryFast.code($0) } == 1)
        #expect(withCell("land") { dictionaryFast.code($0) } == 1)
        #expect(withCell("2") { dictionaryFast.code($0) } == CategoryCoder.unknown)
    }
}
