/// `satkit analyze`: indices with intervals, overall and per group.
///
/// Wiring point for `SurveyData` (import, with its report to `context.inform`),
/// `SatisfactionIndex` (the indices; `level` and `method` nil mean the survey file's) and
/// `SurveyReport` (render `options.format` in `options.language`): write the result with
/// `context.writeResult(_:to: options.output, protecting: options.inputs)`.
func analyze(_ options: AnalyzeOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "analyze")
}
