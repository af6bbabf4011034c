import Foundation
import Testing
import SatisfactionIndex

/// The results model is plain `Codable` data: it survives a JSON round trip unchanged
/// (NaN written as a string, as a report writer would configure).
@Suite struct IndexResultsCodingTests {
    @Test func roundTripsThroughJSON() throws {
        let fixture = try IndexFixture("clustered", weights: true, design: true)
        let survey = FixtureSurvey.make(design: IndexOracleTests.cases[2].designColumns)
        let results = try IndexEngine(survey: survey, dataset: fixture.dataset, options: IndexOptions(
            groupings: [["service"], ["province", "service"]],
            rankings: [RankingRequest(by: ["service"], node: "A")], bootstrap: BootstrapSettings(replicates: 20, seed: 3))).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(results)
        let back = try decoder.decode(IndexResults.self, from: data)
        // NaN ≠ NaN, so compare the re-encoded bytes.
        let again = try encoder.encode(back)
        if again != data {
            let a = String(decoding: data, as: UTF8.self), b = String(decoding: again, as: UTF8.self)
            let i = zip(a, b).prefix { $0 == $1 }.count
            Issue.record("differs at \(i): \(a.dropFirst(max(0, i - 80)).prefix(160)) vs \(b.dropFirst(max(0, i - 80)).prefix(160))")
        }
        #expect(back.grouping(["province", "service"])?.groups.first?.key.count == 2)
        #expect(back.design.rDesign == "svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = d)")
    }
}
