import Foundation
import Testing
@testable import SurveyReport

@Suite struct ProvenanceTests {
    @Test func sha256IsLowerCaseHex() {
        // FIPS 180-4, appendix B.1: SHA-256("abc").
        #expect(Provenance.sha256(of: Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func surveyFileFromTheSurveyAndItsBytes() throws {
        let survey = AnalysisFixtures.tinySurvey()
        let file = Provenance.SurveyFile(survey: survey, fileName: "tiny.json5", bytes: Array("abc".utf8))
        #expect(file == Provenance.SurveyFile(
            id: "tiny", version: "1", fileName: "tiny.json5",
            sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(Provenance.SurveyFile(survey: survey).sha256 == nil)
    }

    @Test func codableRoundTrip() throws {
        let p = AnalysisFixtures.provenance
        let decoded = try JSONDecoder().decode(Provenance.self, from: JSONEncoder().encode(p))
        #expect(decoded == p)
        #expect(p.data.map { $0.rowsAccepted + $0.rowsQuarantined == $0.rowsRead } == true)
    }
}
