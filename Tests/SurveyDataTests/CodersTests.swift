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

@Suite("NumberParsing")
struct NumberParsingTests {
    func parse(_ text: String) -> Double? { withCell(text) { NumberParsing.double($0) } }

    @Test func decimalsExactly() {
        #expect(parse("1.5") == 1.5)
        #expect(parse(" 2 ") == 2)
        #expect(parse("0.1") == 0.1)
        #expect(parse("1,25") == 1.25)
        #expect(parse("-3") == -3)
        #expect(parse("+3") == 3)
        #expect(parse(".5") == 0.5)
        #expect(parse("123.456") == 123.456)
        #expect(parse("3e2") == 300)
        #expect(parse("1.5E-3") == 0.0015)
        #expect(parse("12345678901234567890") == 12345678901234567890.0)
        #expect(parse("0.1234567890123456789") == 0.1234567890123456789)
    }

    @Test func notNumbers() {
        for text in ["", " ", "abc", "1.2.3", "1,2,3", "inf", "nan", "-", ".", "1e", "1,5.2", "0x10", "1e400"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}

@Suite("ByteTable")
struct ByteTableTests {
    @Test func storesFindsAndGrows() {
        var table = ByteTable(capacity: 2)
        for i in 0..<5000 { withCell("key-\(i)") { _ = table.insert(UInt32(i), for: $0) } }
        #expect(table.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) { #expect(withCell("key-\(i)") { table.value(for: $0) } == UInt32(i)) }
        #expect(withCell("key-5000") { table.value(for: $0) } == nil)
        #expect(withCell("") { table.value(for: $0) } == nil)
        #expect(withCell("key-3") { table.insertIfAbsent(9, for: $0) } == (3, false))
        #expect(withCell("") { table.insertIfAbsent(9, for: $0) } == (9, true))
        #expect(withCell("") { table.value(for: $0) } == 9)
    }
}

@Suite("Suggestion")
struct SuggestionTests {
    @Test func closeEnoughToBeATypo() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "b1_2", among: ["B1_2", "b1_3"]) == "B1_2")
        #expect(Suggestion.closest(to: "Hài lòngg", among: ["Không hài lòng", "Hài lòng"]) == "Hài lòng")
        #expect(Suggestion.closest(to: "w", among: ["weight"]) == nil)
        #expect(Suggestion.closest(to: "abc", among: ["xyz"]) == nil)
    }
}
