import Foundation
import SatKit

/// `satkit survey check FILE`: validate the survey file and print its summary.
///
/// Every problem of the file is reported at once by ``ErrorReport`` (status 65).
func surveyCheck(_ options: SurveyCheckOptions, context: OutputContext) throws {
    let survey = try Survey.load(from: URL(fileURLWithPath: options.survey))
    let codebook = Codebook(survey: survey, language: options.language?.rawValue)
    try context.writeResult(codebook.summary(fileName: options.survey), to: nil, option: "-o",
                            protecting: options.inputs)
}
