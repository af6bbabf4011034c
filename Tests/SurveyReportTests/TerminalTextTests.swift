import Testing
@testable import SurveyReport

@Suite struct TerminalTextTests {
    @Test func controlAndBidiCharactersAreRemoved() {
        #expect(TerminalText.clean("a\u{1B}[2Jb") == "a[2Jb")
        #expect(TerminalText.clean("line\none\r\ttwo") == "line one two")
        #expect(TerminalText.clean("\u{202E}evil\u{202C} 12") == "evil 12")
        #expect(TerminalText.clean("  spaced   out ") == "spaced out")
        #expect(TerminalText.clean("Hài lòng") == "Hài lòng")
    }

    @Test func widthCountsWideCharactersTwiceAndCombiningMarksNever() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("满意度") == 6)
        // "ệ" written as e + combining circumflex + combining dot below: one column.
        #expect(TerminalText.width("e\u{0302}\u{0323}") == 1)
    }

    @Test func wrappedLinesNeverExceedTheWidth() {
        let text = "Công chức hướng dẫn đầy đủ, dễ hiểu, hoàn thiện hồ sơ trong một lần averyveryverylongwordwithoutspaces 满意度满意度满意度"
        for width in [2, 5, 10, 17, 40] {
            let lines = TerminalText.wrap(text, width: width)
            for line in lines { #expect(TerminalText.width(line) <= width, "\(width): \(line)") }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func truncationEndsInAnEllipsis() {
        #expect(TerminalText.truncate("Thành phố Hồ Chí Minh", to: 10) == "Thành phố…")
        #expect(TerminalText.truncate("short", to: 10) == "short")
        #expect(TerminalText.width(TerminalText.truncate("满意度满意度", to: 5)) <= 5)
    }
}
