import Foundation
import Testing
import TestSupport
@testable import SurveySchema

@Suite struct SurveyLoaderTests {
    @Test func bundledSurveysLoad() throws {
        for url in [SurveyFixtures.sipasURL, SurveyFixtures.sdgURL] {
            do {
                _ = try Survey.load(from: url)
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
            }
        }
    }
}

extension SurveyLoaderTests {
    /// Three independent mistakes in three sections give three messages, in walk order.
    @Test func reportsEveryProblemAtOnce() {
        let text = SurveyFixtures.survey(
            scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2, 5] } }"#,
            index: #"{ measure: "mean", levle: 0.9 }"#,
            indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "sat5" } ] } ]"#)
        #expect(SurveyFixtures.messages(text) == [
            #"t.json5: scales.yn.satisfied[1]: value 5 is not a point of this scale (1 to 2)"#,
            #"t.json5: index.levle: unknown key "levle"; did you mean "level"?"#,
            #"t.json5: indicators[0].children[0].scale: scale "sat5" is not declared; declare it under "scales" or use one of yn"#,
        ])
    }

    /// The error's description is the issues, one per line.
    @Test func loadErrorDescriptionListsEveryIssue() {
        let error = SurveyLoadError(issues: [
            SurveyIssue(file: "a.json5", path: SurveyPath([.key("version")]), problem: .emptyString),
            SurveyIssue(file: "a.json5", path: .root, problem: .missingKey("id")),
        ])
        #expect(error.description == """
            a.json5: version: must not be empty
            a.json5: (top level): missing required key "id"
            """)
    }

    /// JSON5 syntax the loader relies on: comments, unquoted keys, single quotes, trailing commas.
    @Test func acceptsJSON5Syntax() throws {
        let text = """
            // a comment
            { format: 1, id: 'j5', version: "1", /* block */ title: { en: 'T', },
              languages: ['en',], defaultLanguage: "en",
              scales: { yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" }, }, ], satisfied: [2,], }, },
              indicators: [ { id: "c", label: { en: "C" }, column: "c", scale: "yn", }, ], }
            """
        let survey = try SurveyFixtures.load(text)
        #expect(survey.id == "j5")
        #expect(survey.criteria.map(\.id) == ["c"])
    }

    /// Sections that may be left out take their documented defaults.
    @Test func defaultsForOmittedSections() throws {
        let survey = try SurveyFixtures.load(SurveyFixtures.survey())
        #expect(survey.index == IndexRules(
            measure: .share, combine: .meanOfChildren, interval: "wilson", level: 0.95,
            minValidN: 30, maxIntervalWidth: nil, disclosureThreshold: 10))
        #expect(survey.questions == [])
        #expect(survey.columns == Columns())
        #expect(survey.scale(id: "yn")?.missing == MissingCodes(noAnswer: [""], dontKnow: [], notApplicable: []))
        #expect(survey.description == nil)
    }

    /// The SIPAS file has the structure SIPAS.md describes (counts written out by hand there).
    @Test func sipasStructure() throws {
        let survey = try Survey.load(from: SurveyFixtures.sipasURL)
        let parts = survey.indicators.map(\.id)
        #expect(parts == ["policy", "services"])
        let counts = survey.indicators.map { part in part.children.map { ($0.id, $0.children.count) } }
        #expect(counts[0].map(\.0) == ["accountability", "participation", "implementation", "outcomes"])
        #expect(counts[0].map(\.1) == [2, 2, 9, 10])
        #expect(counts[1].map(\.0) == ["access", "procedures", "civil_servants", "results", "feedback"])
        #expect(counts[1].map(\.1) == [3, 4, 3, 3, 3])
        #expect(survey.criteria.count == 2 + 2 + 9 + 10 + 16)
        #expect(survey.languages == ["vi", "en"])
        #expect(Set(survey.questions.map(\.kind)) == Set(QuestionKind.allCases))
        #expect(survey.scale(id: "sat5")?.satisfied == [4, 5])
        #expect(survey.scale(id: "expect4")?.satisfied == [3, 4])
        #expect(survey.scale(id: "freq3")?.satisfied == [1])
        #expect(survey.columns.design == DesignColumns(weight: "weight", strata: "province", cluster: "village"))
        let demographics = survey.questions(of: .demographic).map(\.id)
        #expect(demographics == ["sex", "ethnicity", "age_band", "education", "occupation"])
        #expect(survey.columns.groups.map(\.id) == ["service", "province", "district", "commune", "village", "channel"])
    }

    /// The SDG 16.6.2 file: five attributes on a 4-point scale, top-2 share, simple mean.
    @Test func sdgStructure() throws {
        let survey = try Survey.load(from: SurveyFixtures.sdgURL)
        #expect(survey.criteria.map(\.id) == ["accessibility", "affordability", "equal_treatment", "simple_process", "timeliness"])
        #expect(survey.indicators.allSatisfy { if case .criterion = $0 { true } else { false } })
        let scale = try #require(survey.scale(id: "agree4"))
        #expect(scale.k == 4)
        #expect(scale.neutral == nil)
        #expect(scale.satisfied == [3, 4])
        #expect(scale.missing.kind(of: "Don't know") == .dontKnow)
        #expect(scale.missing.kind(of: "Refused") == .noAnswer)
        #expect(survey.index.measure == .share)
        #expect(survey.root.combine == .meanOfChildren)
        #expect(survey.questions(of: .overall).count == 1)
    }
}

extension SurveyLoaderTests {
    /// Messages name the file as the caller did (here relative to the package root).
    @Test func fixtureFileNamesItself() {
        let url = URL(fileURLWithPath: "Tests/Fixtures/schema/three-mistakes.json5", relativeTo: TestPaths.packageRoot)
        #expect(throws: SurveyLoadError.self) { try Survey.load(from: url) }
        do {
            _ = try Survey.load(from: url)
        } catch {
            #expect(error.description == """
                Tests/Fixtures/schema/three-mistakes.json5: index.level: must be above 0 and below 1, e.g. 0.95; found 95
                Tests/Fixtures/schema/three-mistakes.json5: indicators[1].children[0].scale: scale "sat_5" is not declared; did you mean "sat5"?
                Tests/Fixtures/schema/three-mistakes.json5: questions[0].column: column "b1_1" is already used at indicators[0].children[0].column; each CSV column may be used once
                """)
        }
    }

    /// The missing comma after `version: "1"` is reported where the next key starts.
    @Test func fixtureSyntaxError() {
        let url = URL(fileURLWithPath: "Tests/Fixtures/schema/syntax-error.json5", relativeTo: TestPaths.packageRoot)
        #expect(throws: SurveyLoadError(issues: [SurveyIssue(
            file: "Tests/Fixtures/schema/syntax-error.json5", path: .root,
            problem: .syntaxError(line: 5, column: 3, detail: #"expected "," or "}" after the value of "version", found "l""#))])) {
            try Survey.load(from: url)
        }
    }
}
