import Foundation
import Testing
@testable import SurveySchema

/// Every validation message, pinned to its exact text. Each case is a small survey with one
/// mistake (built from `SurveyFixtures.survey`, which is valid as it stands).
@Suite struct SurveyIssueTests {
    typealias F = SurveyFixtures

    static let twoLanguageScales = """
        { yn: { points: [ { value: 1, label: { en: "No", vi: "Không" } }, { value: 2, label: { en: "Yes", vi: "Có" } } ], satisfied: [2] } }
        """

    static let cases: [(name: String, text: String, expected: [String])] = [
        ("top level not an object", "[1, 2]",
         [#"t.json5: (top level): expected an object, found a list"#]),
        ("unsupported format", F.survey().replacingOccurrences(of: "format: 1", with: "format: 2"),
         [#"t.json5: format: format 2 is not supported; this satkit reads format 1"#]),
        ("unknown key with a suggestion",
         F.survey(indicators: #"[ { id: "aspect", lable: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].lable: unknown key "lable"; did you mean "label"?"#,
          #"t.json5: indicators[0]: missing required key "label""#]),
        ("unknown key without a suggestion", F.survey(index: "{ foo: 1 }"),
         [#"t.json5: index.foo: unknown key "foo"; the keys allowed here are measure, combine, interval, level, minValidN, maxIntervalWidth, disclosureThreshold"#]),
        ("missing key", F.survey().replacingOccurrences(of: #"version: "1","#, with: ""),
         [#"t.json5: (top level): missing required key "version""#]),
        ("wrong type", F.survey().replacingOccurrences(of: #"version: "1""#, with: "version: 2022"),
         [#"t.json5: version: expected a string, found a number"#]),
        ("label not an object", F.survey(title: #""Test""#),
         [#"t.json5: title: expected an object of texts by language, like { en: "…" }, found a string"#]),
        ("empty string", F.survey().replacingOccurrences(of: #"version: "1""#, with: #"version: """#),
         [#"t.json5: version: must not be empty"#]),
        ("empty list", F.survey(languages: "[]"),
         [#"t.json5: languages: the list is empty; give at least one entry"#]),
        ("not a whole number", F.survey(index: "{ minValidN: 2.5 }"),
         [#"t.json5: index.minValidN: expected a whole number, found 2.5"#]),
        ("below the minimum", F.survey(index: "{ minValidN: 0 }"),
         [#"t.json5: index.minValidN: must be at least 1; found 0"#]),
        ("level outside (0, 1)", F.survey(index: "{ level: 95 }"),
         [#"t.json5: index.level: must be above 0 and below 1, e.g. 0.95; found 95"#]),
        ("level of exactly 1", F.survey(index: "{ level: 1 }"),
         [#"t.json5: index.level: must be above 0 and below 1, e.g. 0.95; found 1"#]),
        ("interval width out of range", F.survey(index: "{ maxIntervalWidth: 20 }"),
         [#"t.json5: index.maxIntervalWidth: must be above 0 and at most 1, e.g. 0.2; found 20"#]),
        ("id with non-ASCII letters",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "hài_lòng", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].id: id "hài_lòng" may contain only ASCII letters, digits, "_" and "-""#]),
        ("invalid id",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "a b", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].id: id "a b" may contain only ASCII letters, digits, "_" and "-""#]),
        ("invalid scale id",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2] }, "y n": { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2] } }"#),
         [#"t.json5: scales["y n"]: id "y n" may contain only ASCII letters, digits, "_" and "-""#]),
        ("reserved id",
         F.survey(indicators: #"[ { id: "overall", label: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].id: id "overall" is reserved for the root of the indicator tree; choose another id"#]),
        ("duplicate id", F.survey(questions: #"[ { id: "crit", kind: "text", column: "t1", label: { en: "T" } } ]"#),
         [#"t.json5: questions[0].id: id "crit" is already used at indicators[0].children[0].id; ids must be unique across indicators and questions"#]),
        ("duplicate column", F.survey(questions: #"[ { id: "note", kind: "text", column: "c1", label: { en: "T" } } ]"#),
         [#"t.json5: questions[0].column: column "c1" is already used at indicators[0].children[0].column; each CSV column may be used once"#]),
        ("duplicate language", F.survey(languages: #"["en", "en"]"#),
         [#"t.json5: languages[1]: "en" is already listed at languages[0]; remove the repeat"#]),
        ("default language with a suggestion", F.survey(defaultLanguage: #""eng""#),
         [#"t.json5: defaultLanguage: language "eng" is not in "languages"; did you mean "en"?"#]),
        ("default language without a suggestion", F.survey(defaultLanguage: #""fr""#),
         [#"t.json5: defaultLanguage: language "fr" is not in "languages" (en); add it there or use one of those"#]),
        ("text in an undeclared language", F.survey(title: #"{ en: "Test", fr: "Essai" }"#),
         [#"t.json5: title.fr: language "fr" is not in "languages" (en); add it there or use one of those"#]),
        ("missing text for a declared language",
         F.survey(languages: #"["en", "vi"]"#, title: #"{ en: "Test", vi: "Thử" }"#, scales: twoLanguageScales,
                  indicators: #"[ { id: "aspect", label: { en: "A", vi: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].label: no text in "vi", which "languages" declares; add vi: "…""#]),
        ("undeclared scale with a suggestion",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "y_n" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].scale: scale "y_n" is not declared; did you mean "yn"?"#]),
        ("undeclared scale without a suggestion",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "sat5" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].scale: scale "sat5" is not declared; declare it under "scales" or use one of yn"#]),
        ("no scales", F.survey(scales: "{}"),
         [#"t.json5: scales: no scales are declared; declare at least one, e.g. sat5: { points: [ … ], satisfied: [4, 5] }"#,
          #"t.json5: indicators[0].children[0].scale: scale "yn" is not declared; declare it under "scales""#]),
        ("undeclared scale in a question",
         F.survey(questions: #"[ { id: "q", kind: "overall", column: "q1", scale: "YN", label: { en: "Q" } } ]"#),
         [#"t.json5: questions[0].scale: scale "YN" is not declared; did you mean "yn"?"#]),
        ("unknown measure with a suggestion", F.survey(index: #"{ measure: "shares" }"#),
         [#"t.json5: index.measure: unknown measure "shares"; did you mean "share"?"#]),
        ("unknown combine rule", F.survey(index: #"{ combine: "average" }"#),
         [#"t.json5: index.combine: unknown combine rule "average"; use one of meanOfChildren, pooled, meanOfRespondents"#]),
        ("unknown lonely-unit rule with a suggestion", F.survey(columns: #"{ design: { strata: "s", cluster: "v", lonelyUnits: "adjst" } }"#),
         [#"t.json5: columns.design.lonelyUnits: unknown lonely-unit rule "adjst"; did you mean "adjust"?"#]),
        ("unknown lonely-unit rule", F.survey(columns: #"{ design: { lonelyUnits: "average" } }"#),
         [#"t.json5: columns.design.lonelyUnits: unknown lonely-unit rule "average"; use one of fail, remove, adjust, certainty"#]),
        ("unknown question kind", F.survey(questions: #"[ { id: "q", kind: "likert", column: "q1", label: { en: "Q" } } ]"#),
         [#"t.json5: questions[0].kind: unknown question kind "likert"; use one of overall, evaluation, expectation, screener, multiSelect, text, demographic"#]),
        ("too few points", F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "One" } } ], satisfied: [1] } }"#),
         [#"t.json5: scales.yn.points: a scale needs 2 to 11 points; this one has 1"#]),
        ("too many points",
         F.survey(scales: "{ yn: { points: [" + (0...11).map { #"{ value: \#($0), label: { en: "P\#($0)" } }"# }.joined(separator: ", ") + "], satisfied: [2] } }"),
         [#"t.json5: scales.yn.points: a scale needs 2 to 11 points; this one has 12"#]),
        ("duplicate point value",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 1, label: { en: "Yes" } } ], satisfied: [1] } }"#),
         [#"t.json5: scales.yn.points[1].value: point value 1 is already used at scales.yn.points[0].value; give each point its own value"#]),
        ("points not consecutive",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 3, label: { en: "Yes" } } ], satisfied: [3] } }"#),
         [#"t.json5: scales.yn.points[1].value: point values must be consecutive whole numbers in increasing order; 3 follows 1"#]),
        ("satisfied value outside the scale",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2, 3] } }"#),
         [#"t.json5: scales.yn.satisfied[1]: value 3 is not a point of this scale (1 to 2)"#]),
        ("overlapping bands",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2], dissatisfied: [1, 2] } }"#),
         [#"t.json5: scales.yn.dissatisfied[1]: value 2 is in both "satisfied" and "dissatisfied"; a value belongs to one band at most"#]),
        ("repeated band value",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2, 2] } }"#),
         [#"t.json5: scales.yn.satisfied[1]: "2" is already listed at scales.yn.satisfied[0]; remove the repeat"#]),
        ("missing code that is a point",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2], missing: { dontKnow: ["2"] } } }"#),
         [#"t.json5: scales.yn.missing.dontKnow[0]: missing code "2" is also a point value of this scale; a code is either an answer or missing"#]),
        ("missing code that is a point label",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2], missing: { dontKnow: ["yes"] } } }"#),
         [#"t.json5: scales.yn.missing.dontKnow[0]: missing code "yes" is also a point label of this scale; a code is either an answer or missing"#]),
        ("two points with one label",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "Fine" } }, { value: 2, label: { en: "fine" } } ], satisfied: [2] } }"#),
         [#"t.json5: scales.yn.points[1].label.en: label "fine" is already used at scales.yn.points[0].label.en; answers written as labels in "en" could not be told apart"#]),
        ("missing code of two kinds",
         F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2], missing: { dontKnow: ["98"], notApplicable: ["98"] } } }"#),
         [#"t.json5: scales.yn.missing.notApplicable[0]: "98" is already listed at scales.yn.missing.dontKnow[0]; remove the repeat"#]),
        ("node with children and column",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, column: "c0", children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0]: a node has "children" (an aggregate) or "column" (a criterion), not both"#]),
        ("node with neither children nor column", F.survey(indicators: #"[ { id: "aspect", label: { en: "A" } } ]"#),
         [#"t.json5: indicators[0]: a node needs "children" (an aggregate) or "column" and "scale" (a criterion)"#]),
        ("aggregate without children", F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [] } ]"#),
         [#"t.json5: indicators[0].children: aggregate "aspect" has no children; add at least one, or make it a criterion with "column" and "scale""#]),
        ("criterion key on an aggregate",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, reverse: true, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn" } ] } ]"#),
         [#"t.json5: indicators[0].reverse: "reverse" applies only to criteria (nodes with "column"); remove it"#]),
        ("aggregate key on a criterion",
         F.survey(indicators: #"[ { id: "aspect", label: { en: "A" }, children: [ { id: "crit", label: { en: "C" }, column: "c1", scale: "yn", combine: "pooled" } ] } ]"#),
         [#"t.json5: indicators[0].children[0].combine: "combine" applies only to aggregates (nodes with "children"); remove it"#]),
        ("key that does not apply to the question kind",
         F.survey(questions: #"[ { id: "note", kind: "text", column: "t1", scale: "yn", label: { en: "T" } } ]"#),
         [#"t.json5: questions[0].scale: "scale" does not apply to a question of kind "text"; remove it"#]),
        ("separator without a column",
         F.survey(questions: #"[ { id: "ch", kind: "multiSelect", separator: ",", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" }, column: "ch_a" } ] } ]"#),
         [#"t.json5: questions[0].separator: "separator" applies only to a multiSelect question with one "column"; remove it"#]),
        ("multiSelect without columns",
         F.survey(questions: #"[ { id: "ch", kind: "multiSelect", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" } } ] } ]"#),
         [#"t.json5: questions[0]: multiSelect question "ch" has no columns; give it one "column" (codes separated by "separator") or a "column" on every option"#]),
        ("option without a column",
         F.survey(questions: #"[ { id: "ch", kind: "multiSelect", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" }, column: "ch_a" }, { code: "b", label: { en: "B" } } ] } ]"#),
         [#"t.json5: questions[0].options[1]: this option has no "column" while other options do; give every option its own column"#]),
        ("question and option columns",
         F.survey(questions: #"[ { id: "ch", kind: "multiSelect", column: "ch", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" }, column: "ch_a" } ] } ]"#),
         [#"t.json5: questions[0]: multiSelect question "ch" has a "column" and option columns; use one or the other"#]),
        ("duplicate option code",
         F.survey(questions: #"[ { id: "ch", kind: "multiSelect", column: "ch", label: { en: "Ch" }, options: [ { code: "a", label: { en: "A" } }, { code: "a", label: { en: "B" } } ] } ]"#),
         [#"t.json5: questions[0].options[1].code: "a" is already listed at questions[0].options[0].code; remove the repeat"#]),
        ("duplicate group id",
         F.survey(columns: #"{ groups: [ { id: "g", column: "g1", label: { en: "G" } }, { id: "g", column: "g2", label: { en: "G" } } ] }"#),
         [#"t.json5: columns.groups[1].id: "g" is already listed at columns.groups[0].id; remove the repeat"#]),
    ]

    @Test(arguments: cases.indices)
    func message(_ index: Int) {
        let (name, text, expected) = Self.cases[index]
        #expect(F.messages(text) == expected, "\(name)")
    }

    @Test func fixtureSurveyIsValid() {
        #expect(F.messages(F.survey()) == [])
    }

    /// A syntax error the scanner can place is reported with line and column.
    @Test func syntaxError() {
        #expect(F.messages("{\n  id: \"x\",,\n}") == [
            #"t.json5:2:11: not valid JSON5: expected a key or "}", found ",""#,
        ])
    }

    /// An error only Foundation sees (here the digits of a number) has no position.
    @Test func notJSON5() {
        #expect(F.messages("{ id: 1.2.3 }") == [
            "t.json5: the file is not valid JSON5; check for a missing comma, bracket or quote (Foundation's parser does not say where)",
        ])
    }

    @Test func repeatedKey() {
        let text = F.survey(scales: #"{ yn: { points: [ { value: 1, label: { en: "No" } }, { value: 2, label: { en: "Yes" } } ], satisfied: [2], satisfied: [2] } }"#)
        #expect(F.messages(text) == [
            #"t.json5: scales.yn.satisfied: key "satisfied" appears more than once in this object; keep one (the JSON5 reader would silently use only one of them)"#,
        ])
    }

    @Test func unreadableFile() {
        let url = URL(fileURLWithPath: "/nonexistent/missing.json5")
        #expect(throws: SurveyLoadError(issues: [
            SurveyIssue(file: "/nonexistent/missing.json5", path: .root, problem: .unreadable(reason: "there is no such file")),
        ])) {
            try Survey.load(from: url)
        }
        #expect(SurveyIssue(file: "x.json5", path: .root, problem: .unreadable(reason: "there is no such file")).description
            == "x.json5: cannot read the file: there is no such file")
    }
}
