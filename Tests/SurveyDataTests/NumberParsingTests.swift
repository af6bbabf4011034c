import Testing
import SurveySchema
@testable import SurveyData

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
