import Testing
@testable import SurveySchema

@Suite struct LocalizedTextTests {
    let text = LocalizedText(["vi": "Hài lòng", "en": "Satisfied"])

    @Test func textInTheAskedLanguage() {
        #expect(text.text(in: "en", fallback: "vi") == "Satisfied")
        #expect(text.text(in: "vi", fallback: "en") == "Hài lòng")
    }

    @Test func fallsBackToTheFallbackLanguage() {
        #expect(text.text(in: "fr", fallback: "vi") == "Hài lòng")
    }

    /// With neither language present, the first language in code order ("en" < "vi").
    @Test func fallsBackToAnyText() {
        #expect(text.text(in: "fr", fallback: "de") == "Satisfied")
        #expect(LocalizedText([:]).text(in: "en", fallback: "vi") == "")
    }

    @Test func languagesInCodeOrder() {
        #expect(text.languages == ["en", "vi"])
    }
}
