import SurveySchema
import Testing

@testable import SurveySample

@Suite("WaveDrift")
struct WaveDriftTests {
    @Test("aspects in tree order; the middle one declines by 0.30, the others rise by 0.05·(1 + a mod 3)")
    func rule() throws {
        let drift = WaveDrift(survey: try TestSurveys.smallSurvey())
        // Two aspects: desk (a = 0) and online (a = 1); the declining one is 2 / 2 = 1.
        #expect(drift.aspects.map(\.id) == ["desk", "online"])
        #expect(drift.aspects.map(\.perWave) == [0.05, -0.30])
        #expect(drift.perWave(criterion: "desk_rude") == 0.05)
        #expect(drift.perWave(criterion: "online_problems") == -0.30)
        #expect(abs(drift.meanPerWave - (-0.125)) < 1e-15)
    }

    @Test("SIPAS: nine aspects; access (the fifth) declines")
    func sipas() throws {
        let drift = WaveDrift(survey: try TestSurveys.bundled("surveys/sipas.json5"))
        #expect(drift.aspects.map(\.id) == [
            "accountability", "participation", "implementation", "outcomes",
            "access", "procedures", "civil_servants", "results", "feedback",
        ])
        // a mod 3 = 0, 1, 2, 0, –, 2, 0, 1, 2 → 0.05, 0.10, 0.15, 0.05, −0.30, 0.15, 0.05, 0.10, 0.15.
        let expected = [0.05, 0.10, 0.15, 0.05, -0.30, 0.15, 0.05, 0.10, 0.15]
        for (aspect, delta) in zip(drift.aspects, expected) {
            #expect(abs(aspect.perWave - delta) < 1e-15, "\(aspect.id)")
        }
    }

    @Test("a top-level criterion is its own aspect")
    func flat() {
        let scale = Scale(
            id: "s", points: (1...4).map { ScalePoint(value: $0, label: LocalizedText(["en": "\($0)"])) },
            satisfied: [3, 4])
        func criterion(_ id: String) -> Indicator {
            .criterion(Criterion(id: id, label: LocalizedText(["en": id]), column: id, scale: "s"))
        }
        let survey = Survey(
            id: "flat", version: "1", title: LocalizedText(["en": "Flat"]), languages: ["en"], defaultLanguage: "en",
            scales: [scale], indicators: [criterion("a"), criterion("b"), criterion("c")])
        let drift = WaveDrift(survey: survey)
        #expect(drift.aspects.map(\.id) == ["a", "b", "c"])
        #expect(drift.aspects.map(\.perWave) == [0.05, -0.30, 0.15])
    }

    @Test("the declining aspect's shares fall from one wave to the next")
    func decline() throws {
        let survey = try TestSurveys.smallSurvey()
        func share(wave: Int) throws -> Double {
            let sample = ParsedSample(try SampleGenerator(
                survey: survey, options: SampleGenerator.Options(respondents: 8000, wave: wave, seed: 5)).csvBytes())
            let criterion = try #require(survey.criteria.first { $0.id == "online_easy" })
            let scale = try #require(survey.scale(of: criterion))
            return CriterionTally(cells: sample.column("o1"), criterion: criterion, scale: scale).share
        }
        // −0.30 on the latent scale is about −8 points near a share of 85% and −3.6 near 95%;
        // on 8000 answers per wave the difference's standard error is about 0.8 points even
        // with a design effect of 2.5 (√(2·0.9·0.1·2.5/8000)).
        let change = try share(wave: 2024) - share(wave: 2023)
        #expect(change < -0.02, "\(change)")
    }
}
