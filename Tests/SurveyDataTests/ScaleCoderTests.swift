import Foundation
import Testing
import SurveySchema
@testable import SurveyData

@Suite("ScaleCoder")
struct ScaleCoderTests {
    let coder = ScaleCoder(scale: ImportFixtures.sat5)

    @Test func numericCodesTrimmedAndWithZeroFractions() {
        for (text, position) in [("1", 1), ("4", 4), ("5", 5), (" 4 ", 4), ("\t3", 3), ("04", 4),
                                 ("4.0", 4), ("4,0", 4), ("2.00", 2), (" 5,0 ", 5)] {
            #expect(coder.code(text) == .point(position), "\(text)")
        }
    }

    @Test func numbersOffTheScaleOrNotWholeAreInvalid() {
        for text in ["0", "6", "4.5", "4,5", "-4", "4.", "4e0", "+4", "1 2", "٤", "44"] {
            #expect(coder.code(text) == .invalid, "\(text)")
        }
    }

    @Test func labelsInEitherLanguageAnyCase() {
        #expect(coder.code("Hài lòng") == .point(4))
        #expect(coder.code("HÀI LÒNG") == .point(4))
        #expect(coder.code("  rất hài lòng ") == .point(5))
        #expect(coder.code("Satisfied") == .point(4))
        #expect(coder.code("very DISSATISFIED") == .point(1))
        #expect(coder.code("Bình thường") == .point(3))
    }

    @Test func decomposedUnicodeMatchesComposedLabels() {
        let decomposed = "Rất hài lòng".decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array("Rất hài lòng".utf8))
        #expect(coder.code(decomposed) == .point(5))
        #expect(coder.code("Không biết".decomposedStringWithCanonicalMapping) == .dontKnow)
    }

    @Test func missingCodesBecomeTheirKind() {
        #expect(coder.code("") == .noAnswer)
        #expect(coder.code("   ") == .noAnswer)
        #expect(coder.code("99") == .noAnswer)
        #expect(coder.code("98") == .dontKnow)
        #expect(coder.code("không biết") == .dontKnow)
        #expect(coder.code("97") == .notApplicable)
        #expect(coder.code("kad") == .notApplicable)
    }

    @Test func misspeltLabelsAreInvalid() {
        #expect(coder.code("Hài lòngg") == .invalid)
        #expect(coder.code("hai long") == .invalid)
        #expect(coder.code("#N/A") == .invalid)
    }

    /// The tables remember each spelling; a second look must give the same answer as the
    /// first, for short and long cells, valid and invalid.
    @Test func rememberedSpellingsGiveTheSameAnswer() {
        for text in ["4", " 4", "98", "x", "xy", "Hài lòng", "Hài lòngg", "4,0", "99"] {
            let first = coder.code(text)
            #expect(coder.code(text) == first, "\(text)")
            #expect(coder.code(text) == coder.code(text: text), "\(text)")
        }
    }

    @Test func scalesThatDoNotStartAtOneStorePositions() {
        let nps = Scale(id: "nps", points: (0...10).map { ScalePoint(value: $0, label: LocalizedText(["en": "\($0) points"])) },
                        satisfied: [9, 10])
        let coder = ScaleCoder(scale: nps)
        #expect(coder.code("0") == .point(1))
        #expect(coder.code("10") == .point(11))
        #expect(coder.code("11") == .invalid)
        #expect(coder.code("10 POINTS") == .point(11))
    }

    @Test func wholeNumberRule() {
        #expect(ScaleCoder.wholeNumber("-2") == -2)
        #expect(ScaleCoder.wholeNumber("007") == 7)
        #expect(ScaleCoder.wholeNumber("3,000") == 3)
        #expect(ScaleCoder.wholeNumber("3,001") == nil)
        #expect(ScaleCoder.wholeNumber("") == nil)
        #expect(ScaleCoder.wholeNumber("-") == nil)
        #expect(ScaleCoder.wholeNumber("1234567890") == nil)
        #expect(ScaleCoder.wholeNumber("123456789") == 123_456_789)
        // Read on bytes: a combining mark or a non-ASCII digit is not a digit.
        #expect(ScaleCoder.wholeNumber("4\u{0301}") == nil)
        #expect(ScaleCoder.wholeNumber("4.\u{0301}0") == nil)
        #expect(ScaleCoder.wholeNumber("\u{FF14}") == nil)
        #expect(ScaleCoder.wholeNumber("--4") == nil)
        #expect(ScaleCoder.wholeNumber("+4") == nil)
        #expect(ScaleCoder.wholeNumber("4.") == nil)
        #expect(ScaleCoder.wholeNumber(".0") == nil)
        // Long cells: any number of trailing zeros is still a whole number; a long run of
        // digits is not a scale value.
        #expect(ScaleCoder.wholeNumber("4." + String(repeating: "0", count: 100_000)) == 4)
        #expect(ScaleCoder.wholeNumber(String(repeating: "4", count: 100_000)) == nil)
    }

    @Test func longCellsAreCodedButNotRemembered() {
        let long = "4." + String(repeating: "0", count: 1000)
        #expect(coder.code(long) == .point(4))
        #expect(coder.code(long) == .point(4))
        #expect(coder.code(String(repeating: "4", count: 1000)) == .invalid)
    }

    @Test func knownSpellingsListValuesLabelsAndMissingCodes() {
        let known = coder.knownSpellings
        #expect(known.contains("4"))
        #expect(known.contains("Hài lòng"))
        #expect(known.contains("Satisfied"))
        #expect(known.contains("Không biết"))
        #expect(!known.contains(""))
    }
}
