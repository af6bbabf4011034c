import Foundation
import SurveySchema
import TestSupport

/// Small surveys written inline, for tests that need one mistake at a time.
enum SurveyFixtures {
    static let scales = """
        { yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2] } }
        """
    static let indicators = """
        [ { id: "aspect", label: { en: "Aspect" }, children: [
            { id: "crit", label: { en: "Criterion" }, column: "c1", scale: "yn" } ] } ]
        """

    /// A valid survey; each argument replaces one section (written as JSON5 text).
    static func survey(
        languages: String = #"["en"]"#, defaultLanguage: String = #""en""#,
        title: String = #"{ en: "Test" }"#, scales: String = scales, index: String? = nil,
        indicators: String = indicators, questions: String? = nil, columns: String? = nil,
        extra: String = ""
    ) -> String {
        var text = """
            { format: 1, id: "test", version: "1", title: \(title),
              languages: \(languages), defaultLanguage: \(defaultLanguage),
              scales: \(scales),
              indicators: \(indicators),
            """
        if let index { text += "  index: \(index),\n" }
        if let questions { text += "  questions: \(questions),\n" }
        if let columns { text += "  columns: \(columns),\n" }
        return text + extra + "}\n"
    }

    /// The messages loading `text` gives, or `[]` when it loads.
    static func messages(_ text: String) -> [String] {
        do {
            _ = try Survey(json5: Data(text.utf8), fileName: "t.json5")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// Loads `text`, which must be valid.
    static func load(_ text: String) throws -> Survey {
        try Survey(json5: Data(text.utf8), fileName: "t.json5")
    }

    static let sipasURL = TestPaths.file("surveys/sipas.json5")
    static let sdgURL = TestPaths.file("surveys/sdg-16-6-2.json5")
}
