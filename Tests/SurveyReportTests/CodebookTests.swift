import Foundation
import Testing
import SurveySchema
import TestSupport
@testable import SurveyReport

@Suite struct CodebookTests {
    static let bundled = ["surveys/sipas.json5", "surveys/sdg-16-6-2.json5"]

    static func load(_ path: String) throws -> Survey {
        try Survey.load(from: TestPaths.file(path))
    }

    @Test(arguments: bundled, ["vi", "en"])
    func textFitsIn100ColumnsAndNamesEveryColumn(path: String, language: String) throws {
        let survey = try Self.load(path)
        let text = Codebook(survey: survey, language: language).text()
        for line in text.split(separator: "\n") {
            #expect(line.count <= 100, "line too wide: \(line)")
        }
        for requirement in survey.columnRequirements {
            #expect(text.contains("  \(requirement.name)  "), "column \(requirement.name) missing")
        }
    }

    @Test(arguments: bundled)
    func textShowsCriterionLabelsInTheLanguageAskedFor(path: String) throws {
        let survey = try Self.load(path)
        for language in survey.languages {
            let text = Codebook(survey: survey, language: language).text(width: 10_000)
            for criterion in survey.criteria {
                let label = try #require(criterion.label.byLanguage[language])
                #expect(text.contains(label), "\(criterion.id) label missing in \(language)")
            }
        }
    }

    @Test func treeCountsMatchTheSurvey() throws {
        let survey = try Self.load("surveys/sipas.json5")
        let text = Codebook(survey: survey, language: "en").text()
        // SIPAS.md: Part I has 2 + 2 + 9 + 10 criteria, Part II 3 + 4 + 3 + 3 + 3.
        #expect(survey.criteria.count == 2 + 2 + 9 + 10 + 3 + 4 + 3 + 3 + 3)
        #expect(text.contains("Indicator tree (\(survey.criteria.count) criteria"))
    }

    @Test(arguments: bundled)
    func jsonListsEveryColumnOnceWithItsRole(path: String) throws {
        let survey = try Self.load(path)
        let data = try Codebook(survey: survey, language: "en").json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["name"] as? String } == survey.columnRequirements.map(\.name))
        let tree = try #require(object["tree"] as? [String: Any])
        #expect(tree["id"] as? String == "overall")
        func criteria(_ node: [String: Any]) -> [String] {
            if node["kind"] as? String == "criterion" { return [node["column"] as? String ?? "?"] }
            return (node["children"] as? [[String: Any]] ?? []).flatMap(criteria)
        }
        #expect(criteria(tree) == survey.criteria.map(\.column))
    }

    @Test func markdownEscapesSurveyText() throws {
        var survey = try Self.load("surveys/sdg-16-6-2.json5")
        let hostile = "<script>alert(1)</script> [x](javascript:alert(1)) a|b"
        survey.title = LocalizedText(["en": hostile, "vi": hostile])
        let markdown = Codebook(survey: survey, language: "en").markdown()
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"# &lt;script&gt;alert(1)&lt;/script&gt; \[x\](javascript:alert(1)) a\|b"#))
    }
}

@Suite struct CodebookSummaryTests {
    @Test func summaryCountsTheSDGModule() throws {
        let survey = try Survey.load(from: TestPaths.file("surveys/sdg-16-6-2.json5"))
        let summary = Codebook(survey: survey, language: "en").summary(fileName: "sdg.json5")
        let lines = summary.split(separator: "\n")
        #expect(lines.first == "sdg.json5: valid survey file")
        // SIPAS.md: SDG 16.6.2 has five attributes under one root.
        #expect(summary.contains("Indicator tree: 5 criteria in 1 aggregate, 2 levels"))
        #expect(lines.count <= 24, "one screen")
    }
}
