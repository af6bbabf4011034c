import Foundation
import Testing
@testable import SurveyReport

@Suite struct JSONTreeTests {
    @Test func keysSortedNonFiniteAsNullAndShortestNumbers() {
        let tree = JSONTree.object([
            "b": .finite(Double.nan), "a": .array([.number(0.1), .number(36525), .number(-0.0), .finite(Double.infinity)]),
            "c": .object([:]), "d": .string("x"),
        ])
        #expect(tree.serialized() == """
            {
              "a": [
                0.1,
                36525,
                0,
                null
              ],
              "b": null,
              "c": {},
              "d": "x"
            }

            """)
    }

    /// Arrays of 16 values or more are written in runs side by side: the text is the same as
    /// one by one, runs of one value and of several, the first run's first value without a comma.
    @Test func longArraysAreWrittenInOrder() {
        for count in [15, 16, 17, 40] {
            let tree = JSONTree.object(["items": .array((0..<count).map { i in
                .object(["i": .int(i), "list": .array(i % 2 == 0 ? [] : [.int(i)])])
            })])
            var expected = "{\n  \"items\": [\n"
            expected += (0..<count).map { i in
                "    {\n      \"i\": \(i),\n      \"list\": " + (i % 2 == 0 ? "[]" : "[\n        \(i)\n      ]") + "\n    }"
            }.joined(separator: ",\n")
            expected += "\n  ]\n}\n"
            #expect(tree.serialized() == expected, "\(count) items")
        }
    }

    @Test func hostileStringsStayStrings() throws {
        let hostile = "</script><script>alert(1)</script>\"\\\n\u{0}\u{2028}=HYPERLINK(\"x\")"
        let text = JSONTree.object(["label": .string(hostile)]).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["label"] == hostile)
        #expect(!text.contains("\u{2028}"))
    }

    /// Every escape, spelled out: quote, backslash, LF, CR, tab, U+0001, DEL, U+2028, U+2029;
    /// other text (Vietnamese, a three-byte sequence that starts like U+2028) as it is.
    @Test func escapesAreExactlyThese() {
        let text = JSONTree.string("a\"b\\c\nd\re\tf\u{1}g\u{7F}h\u{2028}i\u{2029}j Hài lòng \u{2027}").serialized()
        #expect(text == #""a\"b\\c\nd\re\tf\u0001g\u007fh\u2028i\u2029j Hài lòng \#u{2027}""# + "\n")
    }

    @Test func numbersRoundTripExactly() throws {
        let values = [0.832_412_345_678_901_2, 1e-300, 123_456_789.123, Double.leastNonzeroMagnitude, 0.1 + 0.2]
        let text = JSONTree.array(values.map(JSONTree.number)).serialized()
        // Parsed with the standard library's correctly rounded `Double(String)`: Foundation's
        // JSON parser may be off by one unit in the last place (0.30000000000000004).
        let parsed = text.split(separator: "\n").dropFirst().dropLast()
            .map { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))) }
        #expect(parsed == values)
    }
}
