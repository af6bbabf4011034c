import Testing
@testable import SurveyData

@Suite("CSVDelimiter")
struct CSVDelimiterTests {
    func detect(_ text: String, complete: Bool = true) -> CSVDelimiter? {
        Array(text.utf8).withUnsafeBytes { CSVDelimiter.detect(in: $0, complete: complete) }
    }

    @Test func detectsFromTheHeaderLineOutsideQuotes() {
        #expect(detect("a,b,c\n1;2;3;4;5\n") == .comma)
        #expect(detect("a;b;c\n") == .semicolon)
        #expect(detect("a\tb\n") == .tab)
        #expect(detect("\"x;y;z\",b\n") == .comma)           // semicolons inside quotes do not count
        #expect(detect("a;b,c\n") == .comma)                 // a tie goes to comma
        #expect(detect("a\tb;c\n") == .semicolon)            // then to semicolon
        #expect(detect("only\n") == .comma)                  // one column
        #expect(detect("\n\r\na;b\n") == .semicolon)         // blank lines before the header
        #expect(detect("a;b", complete: true) == .semicolon) // no line end at the end of the file
    }

    @Test func waitsForTheEndOfTheHeaderLine() {
        #expect(detect("a;b", complete: false) == nil)
        #expect(detect("\"a\nb\";c", complete: false) == nil)
    }

    @Test(arguments: [(",", CSVDelimiter.comma), (";", .semicolon), ("tab", .tab), ("\\t", .tab),
                      ("\t", .tab), ("TAB", .tab), ("comma", .comma), ("semicolon", .semicolon)])
    func parsesWhatAUserTypes(text: String, delimiter: CSVDelimiter) throws {
        #expect(try CSVDelimiter(parsing: text) == delimiter)
    }

    @Test func pipeAndOthers() throws {
        #expect(try CSVDelimiter(parsing: "|").byte == 0x7C)
        #expect(try CSVDelimiter(parsing: "|").description == "`|`")
        #expect(CSVDelimiter.tab.description == "tab")
    }

    @Test(arguments: ["\"", "\n", "a", "7", "ab", "", "é"])
    func rejects(text: String) {
        #expect(throws: CSVError.invalidDelimiter(text)) { try CSVDelimiter(parsing: text) }
    }
}
