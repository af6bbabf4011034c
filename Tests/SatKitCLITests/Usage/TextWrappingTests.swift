import Testing
@testable import SatKitCLI

@Suite struct TextWrappingTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(wrap("aa bb cc dd", width: 5) == "aa bb\ncc dd")
        #expect(wrap("aa bb cc", width: 4) == "aa\nbb\ncc")
    }

    @Test func aLongWordStandsAlone() {
        #expect(wrap("a verylongword b", width: 5) == "a\nverylongword\nb")
    }

    @Test func indentAndFirstLine() {
        #expect(wrap("aa bb cc", width: 7, indent: 2) == "  aa bb\n  cc")
        // The caller has already written 4 columns of the first line.
        #expect(wrap("aa bb cc", width: 9, indent: 4, firstLineUsed: 4) == "aa bb\n    cc")
    }

    @Test func keepsLineBreaksAndParagraphs() {
        #expect(wrap("one two\n\nthree", width: 80, indent: 2) == "  one two\n\n  three")
    }

    @Test func countsCharactersNotBytes() {
        // Ten characters, more than ten UTF-8 bytes: fits in 10 columns.
        #expect(wrap("hài lòng ạ", width: 10) == "hài lòng ạ")
    }

    @Test func commandLinesBreakBetweenArgumentsKeepingOptionsWithValues() {
        let line = "satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv --by province,channel --level 0.9"
        #expect(wrapCommandLine(line, width: 60, indent: 4) == [
            "    satkit analyze --survey surveys/sipas.json5 \\",
            "      data/sipas-2024.csv --by province,channel --level 0.9",
        ])
        #expect(wrapCommandLine("satkit --version", indent: 4) == ["    satkit --version"])
    }
}
