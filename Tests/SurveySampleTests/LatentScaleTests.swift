import SurveySchema
import Testing

@testable import SurveySample

@Suite("LatentScale")
struct LatentScaleTests {
    static func scale(_ k: Int, satisfied: [Int]) -> Scale {
        Scale(id: "s", points: (1...k).map { ScalePoint(value: $0, label: LocalizedText(["en": "p\($0)"])) },
              satisfied: satisfied, missing: MissingCodes(noAnswer: [""], dontKnow: ["98"]))
    }

    @Test("5 points, top two satisfied: cuts −1.5, −0.8, 0, 1.1")
    func fivePoints() {
        let latent = LatentScale(scale: Self.scale(5, satisfied: [4, 5]), languages: ["en"], defaultLanguage: "en")
        // b = 5 − 2 = 3: τ₃ = 0, τ₂ = −0.8, τ₁ = −0.8 − 0.7 = −1.5, τ₄ = 1.1.
        #expect(latent.cuts == [-1.5, -0.8, 0, 1.1])
        #expect(latent.value(at: -2) == 1)
        #expect(latent.value(at: -1) == 2)
        #expect(latent.value(at: -0.1) == 3)
        #expect(latent.value(at: 0.1) == 4)
        #expect(latent.value(at: 2) == 5)
    }

    @Test("a favourable band at the bottom turns the order round")
    func favourableLow() {
        let latent = LatentScale(scale: Self.scale(3, satisfied: [1]), languages: ["en"], defaultLanguage: "en")
        // b = 3 − 1 = 2: τ₂ = 0, τ₁ = −0.8; positions 0, 1, 2 are values 3, 2, 1.
        #expect(latent.cuts == [-0.8, 0])
        #expect(latent.value(at: 0.5) == 1)
        #expect(latent.value(at: -0.5) == 2)
        #expect(latent.value(at: -1) == 3)
    }

    @Test("the cell's fate on 16 bits: non-answer kinds without codes are skipped")
    func fateThresholds() {
        let latent = LatentScale(scale: Self.scale(4, satisfied: [3, 4]), languages: ["en", "vi"], defaultLanguage: "en")
        // noAnswer 1.2% of 2¹⁶ = 786, dontKnow 1.5% = 983 more, no notApplicable code; then
        // 1.5% default-language labels (983) and 0.5% other-language labels (327).
        #expect(latent.noAnswerBelow == 786)
        #expect(latent.dontKnowBelow == 786 + 983)
        #expect(latent.notApplicableBelow == 786 + 983)
        #expect(latent.defaultLabelBelow == 786 + 983 + 983)
        #expect(latent.otherLabelBelow == 786 + 983 + 983 + 327)
        let oneLanguage = LatentScale(scale: Self.scale(4, satisfied: [3, 4]), languages: ["en"], defaultLanguage: "en")
        #expect(oneLanguage.otherLabelBelow == oneLanguage.defaultLabelBelow)
    }
}
