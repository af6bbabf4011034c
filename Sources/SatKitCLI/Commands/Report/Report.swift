/// `satkit report`: the summary for leadership.
///
/// Wiring point for `SatisfactionIndex` (the indices, and the comparison with
/// `options.baseline`) and `SurveyReport` (render `options.format` in `options.language`):
/// write it with `context.writeResult(_:to: options.output, protecting: options.inputs)`.
func report(_ options: ReportOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "report")
}
