import Testing
@testable import SurveySchema
