import Testing
import SurveySchema
@testable import SurveyData

@Suite("MultiSelectCoder")
struct MultiSelectCoderTests {
    let options = [Option(code: "tv", label: LocalizedText(["vi": "Truyền hình", "en": "Television"])),
                   Option(code: "radio", label: LocalizedText(["vi": "Phát thanh", "en": "Radio"])),
                   Option(code: "web", label: LocalizedText(["vi": "Trang web", "en": "Website"]))]

    @Test func oneCellWithSeparator() {
        let coder = MultiSelectCoder(options: options, separator: ";")
        func code(_ text: String) -> UInt64 { withCell(text) { coder.code($0) } }
        #expect(code("tv;web") == 0b101)
        #expect(code(" web ; tv ") == 0b101)
        #expect(code("radio") == 0b010)
        #expect(code("") == 0)
        #expect(code("tv;;") == 0b001)
        #expect(code("Truyền hình;Website") == 0b101)
        #expect(code("tv;fax") == MultiSelectCoder.invalid)
        #expect(code("tv;fax") == MultiSelectCoder.invalid)
        #expect(coder.firstUnknownPart("tv; fax ;web") == "fax")
        #expect(coder.firstUnknownPart("tv;web") == nil)
    }

    @Test func oneColumnPerOption() {
        let coder = OptionColumnCoder(option: options[2])
        func chosen(_ text: String) -> Bool? { withCell(text) { coder.isChosen($0) } }
        for text in ["1", " 1 ", "x", "X", "yes", "TRUE", "web", "Website", "Trang web", "1.0"] { #expect(chosen(text) == true, "\(text)") }
        for text in ["0", "", "  ", "no", "False", "0,0"] { #expect(chosen(text) == false, "\(text)") }
        for text in ["2", "maybe", "tv"] { #expect(chosen(text) == nil, "\(text)") }
    }
}
