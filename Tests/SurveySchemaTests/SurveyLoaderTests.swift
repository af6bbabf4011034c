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
