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
}
