import Foundation
import SatKit

/// `satkit survey describe FILE`: print the survey's codebook (``Codebook``) as text,
/// Markdown or JSON.
func surveyDescribe(_ options: SurveyDescribeOptions, context: OutputContext) throws {
    let survey = try Survey.load(from: URL(fileURLWithPath: options.survey))
    let codebook = Codebook(survey: survey, language: options.language?.rawValue)
    let text = switch options.format {
    case .text: codebook.text()
    case .markdown: codebook.markdown()
    case .json: String(decoding: try codebook.json(), as: UTF8.self) + "\n"
    }
    try context.writeResult(text, to: nil, option: "-o", protecting: options.inputs)
}
