import Foundation
import Testing
@testable import SurveySchema

@Suite struct JSON5ScannerTests {
    func syntaxError(_ text: String) -> JSON5Scanner.SyntaxError? {
        var scanner = JSON5Scanner(Array(text.utf8))
        do {
            try scanner.scan()
            return nil
        } catch {
            return error
        }
    }

    static let errors: [(text: String, line: Int, column: Int, detail: String)] = [
        ("{ id: \"x\",, }", 1, 11, #"expected a key or "}", found ",""#),
        ("{\n  a: 1\n  b: 2 }", 3, 3, #"expected "," or "}" after the value of "a", found "b""#),
        ("{ scale: sat5 }", 1, 10, #"expected a value, found sat5 (text values need quotes: "sat5")"#),
        ("{ a: \"abc }", 1, 6, #"this string is not closed; end it with " on the same line"#),
        ("{ a: 'abc\n }", 1, 6, #"this string is not closed; end it with ' on the same line"#),
        ("{ /* x }", 1, 3, "this /* comment is not closed; end it with */"),
        ("{ a: [1, 2 }", 1, 12, #"expected "," or "]" after a list entry, found "}""#),
        ("{ a: 1", 1, 7, "the file ends inside an object; close it with }"),
        ("{ a: [1,", 1, 9, "the file ends inside a list; close it with ]"),
        ("{ a: ", 1, 6, "the file ends where a value should be; close every { and ["),
        ("{} x", 1, 4, #"unexpected "x" after the end of the top-level value"#),
        ("{ a 1 }", 1, 5, #"expected ":" after the key "a", found "1""#),
        ("{ a: \"hài\", b c }", 1, 15, #"expected ":" after the key "b", found "c""#),
        ("{ a: }", 1, 6, #"expected a value, found "}""#),
        ("{ a: \"x\"\n\"b\": 1 }", 2, 1, #"expected "," or "}" after the value of "a", found '"'"#),
    ]

    @Test(arguments: errors.indices)
    func locatesSyntaxErrors(_ index: Int) {
        let (text, line, column, detail) = Self.errors[index]
        #expect(syntaxError(text) == JSON5Scanner.SyntaxError(line: line, column: column, detail: detail), "\(text)")
    }

    /// Everything JSON5 allows passes, and Foundation agrees that it is valid.
    @Test func acceptsValidJSON5() throws {
        let text = "\u{FEFF}// comment\n{ a: 1, 'b': [0x1F, +1, .5, 5., -Infinity, NaN, true, false, null,], $c: \"line\\\ncontinued\", /* x */ d_e: { \"f\": 'g\\'h' }, }\n"
        #expect(syntaxError(text) == nil)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        _ = try decoder.decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func findsRepeatedKeysWithTheirPaths() throws {
        var scanner = JSON5Scanner(Array("{ a: 1, b: { c: 1, 'c': 2 }, l: [{ x: 1, x: 1 }], a: 3 }".utf8))
        try scanner.scan()
        #expect(scanner.repeatedKeys == [
            .init(key: "c", path: SurveyPath([.key("b"), .key("c")])),
            .init(key: "x", path: SurveyPath([.key("l"), .index(0), .key("x")])),
            .init(key: "a", path: SurveyPath([.key("a")])),
        ])
    }

    /// A byte-order mark does not count as a column.
    @Test func byteOrderMarkIsNotAColumn() {
        #expect(syntaxError("\u{FEFF}{ a 1 }")?.column == 5)
    }
}
