import Foundation
import Testing
@testable import SurveySchema

@Suite struct JSONValueTests {
    func decode(_ text: String) throws -> JSONValue {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try decoder.decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Each JSON kind decodes to its own case; 1 stays a number and "true" a string.
    @Test func decodesEveryKind() throws {
        #expect(try decode("{ a: [1, 'x', true, null, { b: 2.5 }], c: \"true\" }") == .object([
            "a": .array([.number(1), .string("x"), .bool(true), .null, .object(["b": .number(2.5)])]),
            "c": .string("true"),
        ]))
    }

    /// Whole numbers are written without a fraction, others as they are.
    @Test func encodesWholeNumbersWhole() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(JSONValue.object(["n": .number(30), "x": .number(0.95), "z": .null]))
        #expect(String(decoding: data, as: UTF8.self) == #"{"n":30,"x":0.95,"z":null}"#)
    }

    @Test func kindNames() {
        #expect([JSONValue.object([:]), .array([]), .string(""), .number(0), .bool(false), .null].map(\.kindName)
            == ["an object", "a list", "a string", "a number", "true or false", "null"])
    }
}
