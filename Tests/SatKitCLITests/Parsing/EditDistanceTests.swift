import SurveySchema
import Testing
@testable import SatKitCLI

@Suite struct EditDistanceTests {
    @Test func classicExamples() {
        // Levenshtein's textbook pair: k→s, e→i, insert g.
        #expect(EditDistance.distance("kitten", "sitting", ignoringCase: false) == 3)
        #expect(EditDistance.distance("", "abc", ignoringCase: false) == 3)
        #expect(EditDistance.distance("abc", "", ignoringCase: false) == 3)
        #expect(EditDistance.distance("same", "same", ignoringCase: false) == 0)
    }

    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(EditDistance.distance("sruvey", "survey", ignoringCase: false) == 1)
        #expect(EditDistance.distance("fromat", "format", ignoringCase: false) == 1)
    }

    @Test func charactersNotBytes() {
        // "hài" and "hai" differ in one character (two UTF-8 bytes against one).
        #expect(EditDistance.distance("hài", "hai", ignoringCase: false) == 1)
    }

    @Test func suggestsTheClosestNameWhenCloseEnough() {
        #expect(closestMatch(to: "--bye", among: ["--survey", "--by", "--level"]) == "--by")
        #expect(closestMatch(to: "analyse", among: ["sample", "check", "analyze", "compare"]) == "analyze")
        #expect(closestMatch(to: "-output", among: ["--by", "--output"]) == "--output")
        #expect(closestMatch(to: "--xyz", among: ["--by", "--level"]) == nil)
        #expect(closestMatch(to: "frobnicate", among: ["survey", "sample", "check"]) == nil)
    }

    @Test func aTieGoesToTheFirstCandidate() {
        #expect(closestMatch(to: "--lat", among: ["--lax", "--lag"]) == "--lax")
    }

    @Test func oneCharacterNamesAreNeverSuggested() {
        #expect(closestMatch(to: "|", among: [",", ";", "tab"]) == nil)
    }

    @Test func anExactNameIsNotSuggested() {
        #expect(closestMatch(to: "--by", among: ["--by"]) == nil)
    }
}
