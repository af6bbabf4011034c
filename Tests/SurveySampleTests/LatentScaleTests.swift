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

    @Test("non-answer thresholds skip kinds without codes")
    func missingThresholds() {
        let latent = LatentScale(scale: Self.scale(4, satisfied: [3, 4]), languages: ["en"], defaultLanguage: "en")
        // noAnswer 1.2% of 2³², dontKnow 1.5% more, no notApplicable code.
        #expect(latent.noAnswerBelow == UInt64(0.012 * 4_294_967_296.0))
        #expect(latent.dontKnowBelow == latent.noAnswerBelow + UInt64(0.015 * 4_294_967_296.0))
        #expect(latent.notApplicableBelow == latent.dontKnowBelow)
    }
}
