/// `satkit survey describe FILE`: print the survey's codebook.
///
/// Wiring point for `SurveySchema` (load) and `SurveyReport` (render the codebook in
/// `options.format` and `options.language`): write it with
/// `context.writeResult(_:to:protecting:)`, passing `nil` as the path (standard output).
func surveyDescribe(_ options: SurveyDescribeOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "survey describe")
}
