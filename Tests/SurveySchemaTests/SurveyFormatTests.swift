import Foundation
import Testing
import TestSupport
@testable import SurveySchema

/// `docs/survey.schema.json` and the loader accept the same keys and the same names.
@Suite struct SurveyFormatTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: TestPaths.file("docs/survey.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The object the schema describes for a key set: the root for `survey`, else `$defs/NAME`.
    static func definition(_ name: String, in schema: [String: Any]) throws -> [String: Any] {
        if name == "survey" { return schema }
        let defs = try #require(schema["$defs"] as? [String: Any])
        return try #require(defs[name] as? [String: Any], "no $defs/\(name) in the JSON Schema")
    }

    @Test(arguments: SurveyFormat.allKeySets)
    func schemaPropertiesMatchLoaderKeys(_ keySet: SurveyFormat.KeySet) throws {
        let definition = try Self.definition(keySet.name, in: Self.schema())
        let properties = try #require(definition["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(keySet.keys), "\(keySet.name)")
        #expect(definition["additionalProperties"] as? Bool == false, "\(keySet.name) must not allow other keys")
    }

    @Test func schemaNamesMatchLoaderNames() throws {
        let schema = try Self.schema()
        func enumValues(_ object: Any?) -> Set<String> {
            Set((object as? [String: Any])?["enum"] as? [String] ?? [])
        }
        let index = try Self.definition("index", in: schema)["properties"] as? [String: Any]
        #expect(enumValues(index?["measure"]) == Set(IndexMeasure.allCases.map(\.rawValue)))
        #expect(enumValues(try Self.definition("combineRule", in: schema)) == Set(CombineRule.allCases.map(\.rawValue)))
        let question = try Self.definition("question", in: schema)["properties"] as? [String: Any]
        #expect(enumValues(question?["kind"]) == Set(QuestionKind.allCases.map(\.rawValue)))
    }

    @Test func schemaRequiresWhatTheLoaderRequires() throws {
        let schema = try Self.schema()
        #expect(Set(schema["required"] as? [String] ?? []) == [
            "format", "id", "version", "title", "languages", "defaultLanguage", "scales", "indicators",
        ])
        // Each of those, left out, is reported missing by the loader; the others are not.
        let full = try #require(try JSONSerialization.jsonObject(with: try Survey.load(from: SurveyFixtures.sdgURL).canonicalJSON()) as? [String: Any])
        for key in SurveyFormat.survey.keys {
            var partial = full
            partial[key] = nil
            let data = try JSONSerialization.data(withJSONObject: partial)
            let messages = SurveyFixtures.messages(String(decoding: data, as: UTF8.self))
            let reported = messages.contains(#"t.json5: (top level): missing required key "\#(key)""#)
            #expect(reported == (schema["required"] as? [String] ?? []).contains(key), "\(key)")
        }
    }

    /// The documentation mentions every key of every key set.
    @Test func formatDocMentionsEveryKey() throws {
        let doc = try String(contentsOf: TestPaths.file("docs/survey-format.md"), encoding: .utf8)
        let names = SurveyFormat.allKeySets.flatMap(\.keys)
            + IndexMeasure.allCases.map(\.rawValue) + CombineRule.allCases.map(\.rawValue)
            + QuestionKind.allCases.map(\.rawValue)
        let unmentioned = names.filter { !doc.contains("`\($0)`") }
        #expect(unmentioned == [], "docs/survey-format.md does not mention these in backticks")
    }

    /// The complete example in the documentation loads without issues.
    @Test func formatDocExampleLoads() throws {
        let doc = try String(contentsOf: TestPaths.file("docs/survey-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```json5\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let example = String(doc[start.upperBound..<end.lowerBound])
        #expect(SurveyFixtures.messages(example) == [])
    }
}
