import Foundation
import Testing
@testable import SurveySchema

/// The checks made before any parser sees a survey file: encoding, NUL, byte-order marks,
/// nesting depth; and the places the scanner now gives for numbers and lone-CR line ends.
/// Every message is pinned to its exact text.
@Suite struct JSON5PreflightTests {
    typealias F = SurveyFixtures

    static func messages(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try Survey(json5: Data(bytes), fileName: "t.json5")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    // MARK: Encoding

    /// The fuzzer's input that made Foundation trap: `{`, then bytes that are not UTF-8.
    @Test func invalidUTF8InAKeyIsLocated() {
        #expect(Self.messages([0x7B, 0xFD, 0x40, 0xF7, 0xFF, 0xFF, 0xFF]) == [
            "t.json5:1:2: the file is not valid UTF-8 (byte 0xFD here); save it as UTF-8, not in a Windows code page such as Windows-1258",
        ])
    }

    /// Columns count Unicode scalars: "ộ" (3 bytes) is one column, so the bad byte after
    /// `  a: "ộ` on line 2 is in column 8 (2 spaces, `a`, `:`, a space, `"`, `ộ`, then it).
    @Test func invalidUTF8AfterVietnameseText() {
        let bytes = Array("{\n  a: \"ộ".utf8) + [0xE1, 0x20, 0x22, 0x7D]
        #expect(Self.messages(bytes).first?.hasPrefix("t.json5:2:8: the file is not valid UTF-8 (byte 0xE1 here)") == true)
    }

    /// Table 3-7 of the Unicode Standard: what is and is not well-formed UTF-8.
    @Test(arguments: [
        ([0xC0, 0x80], false),              // overlong NUL
        ([0xE0, 0x80, 0x80], false),        // overlong
        ([0xED, 0xA0, 0x80], false),        // a surrogate, U+D800
        ([0xF4, 0x90, 0x80, 0x80], false),  // past U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], false),  // never a lead byte
        ([0x80], false),                    // a continuation byte alone
        ([0xE1, 0xBB], false),              // cut short at the end
        ([0xC3, 0xA0], true),               // à
        ([0xE1, 0xBB, 0x99], true),         // ộ
        ([0xED, 0x9F, 0xBF], true),         // U+D7FF
        ([0xF0, 0x9F, 0x98, 0x80], true),   // 😀
        ([0xF4, 0x8F, 0xBF, 0xBF], true),   // U+10FFFF
    ] as [([UInt8], Bool)])
    func wellFormedUTF8(_ sequence: [UInt8], _ valid: Bool) {
        #expect((JSON5Preflight.decodeScalar(sequence, at: 0) != nil) == valid, "\(sequence)")
        // And the same verdict as the standard library's decoder.
        #expect((String(validating: sequence, as: UTF8.self) != nil) == valid)
    }

    /// `  id: "a` is 8 columns, so the NUL is in column 9 of line 2.
    @Test func nulIsLocated() {
        #expect(Self.messages(Array("{\n  id: \"a\0b\" }".utf8)) == [
            "t.json5:2:9: the file contains a NUL character (byte 0x00); remove it (a whole file of them was saved as UTF-16: save it as UTF-8)",
        ])
    }

    @Test func byteOrderMarkAtTheStartIsRead() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(F.survey().utf8)
        #expect(Self.messages(bytes) == [])
    }

    @Test func byteOrderMarkElsewhereIsLocated() {
        #expect(Self.messages(Array("{\n  a\u{FEFF}: 1 }".utf8)) == [
            "t.json5:2:4: a byte-order mark (U+FEFF) is allowed only at the start of the file; remove this one (joining two files leaves one behind)",
        ])
        // A second one right after the first is not at the start either (column 1: the first is not counted).
        #expect(Self.messages([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D]).first?.hasPrefix("t.json5:1:1: a byte-order mark") == true)
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in F.survey().utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(Self.messages(bytes) == [])
    }

    /// A UTF-16 byte-order mark followed by a lone high surrogate (U+D800) and "A".
    @Test func brokenUTF16IsRefused() {
        #expect(Self.messages([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) == [
            "t.json5: cannot read the file: it starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8",
        ])
    }

    // MARK: Nesting

    /// `{ a: ` and n lists: the top object is level 1, so n = 63 reaches the limit of 64.
    static func lists(_ count: Int) -> [UInt8] {
        Array(("{ a: " + String(repeating: "[", count: count) + String(repeating: "]", count: count) + " }").utf8)
    }

    @Test func sixtyFourLevelsAreRead() {
        #expect(JSON5Preflight.check(Self.lists(63)) == nil)
        var scanner = JSON5Scanner(Self.lists(63))
        #expect(throws: Never.self) { try scanner.scan() }
    }

    /// The 64th `[` opens level 65; it is at column 6 + 63 = 69.
    @Test func sixtyFiveLevelsAreRefusedAtTheBracket() {
        #expect(Self.messages(Self.lists(64)) == [
            "t.json5:1:69: lists and objects are nested more than 64 levels deep here, satkit's limit; a survey needs far fewer: look for brackets that are never closed",
        ])
        // 100,000 open lists: refused at the same place, without recursing.
        #expect(JSON5Preflight.check(Array(("{ a: " + String(repeating: "[", count: 100_000)).utf8))
            == .nestedTooDeep(line: 1, column: 69, limit: 64))
    }

    /// The scanner has its own limit, for callers that skip the preflight.
    @Test func theScannerStopsAtTheLimitToo() {
        var scanner = JSON5Scanner(Array(("{ a: " + String(repeating: "[", count: 5_000)).utf8))
        #expect(throws: JSON5Scanner.SyntaxError(line: 1, column: 69, detail: "lists and objects are nested more than 64 levels deep here")) {
            try scanner.scan()
        }
    }

    /// Brackets in strings and comments do not count.
    @Test func bracketsInStringsAndCommentsAreText() {
        let deep = String(repeating: "[{", count: 100)
        let text = "// \(deep)\n/* \(deep) */ { a: \"\(deep)\", b: '\(deep)', c: \"\\\"\(deep)\" }"
        #expect(JSON5Preflight.check(Array(text.utf8)) == nil)
    }

    @Test func treeDeeperThanTwentyLevelsIsLocated() {
        func chain(_ depth: Int) -> String {
            (0..<depth).map { #"{ id: "n\#($0)", label: { en: "N" }, children: ["# }.joined()
                + #"{ id: "leaf", label: { en: "L" }, column: "c1", scale: "yn" }"# + String(repeating: "] }", count: depth)
        }
        #expect(F.messages(F.survey(indicators: "[" + chain(19) + "]")) == [])
        #expect(F.messages(F.survey(indicators: "[" + chain(20) + "]")) == [
            "t.json5: indicators[0]" + String(repeating: ".children[0]", count: 20)
                + ": this node is more than 20 levels deep in the indicator tree, satkit's limit; make the tree shallower",
        ])
    }

    // MARK: Places the scanner now gives

    @Test func numbersADoubleCannotHoldAreLocated() {
        #expect(F.messages("{\n  format: 1e400 }") == [
            "t.json5:2:11: not valid JSON5: the number 1e400 is too large (a number must be below 1.8e308 in size)",
        ])
        #expect(F.messages("{ a: [1, -1e-400] }") == [
            "t.json5:1:10: not valid JSON5: the number -1e-400 is too small to tell from 0 (below 5e-324 in size); write 0 if 0 is meant",
        ])
    }

    /// Lone CR, CRLF and LF each end one line.
    @Test func everyLineEndCounts() {
        #expect(F.messages("{\r  a: 1\r  b: 2 }") == [#"t.json5:3:3: not valid JSON5: expected "," or "}" after the value of "a", found "b""#])
        #expect(F.messages("{\r\n  a: 1\r\n  b: 2 }") == [#"t.json5:3:3: not valid JSON5: expected "," or "}" after the value of "a", found "b""#])
        #expect(F.messages("{\r\n\r  a: 1\n  b: 2 }") == [#"t.json5:4:3: not valid JSON5: expected "," or "}" after the value of "a", found "b""#])
    }
}
