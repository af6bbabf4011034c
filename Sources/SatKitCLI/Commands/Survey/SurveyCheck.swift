/// `satkit survey check FILE`: validate the survey file and print its summary.
///
/// Wiring point for the `SurveySchema` library: load and validate `options.survey`, write
/// the summary with `context.writeResult(_:to:protecting:)` (to standard output), and let
/// a validation error propagate (``ErrorReport`` maps it to status 65).
func surveyCheck(_ options: SurveyCheckOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "survey check")
}
