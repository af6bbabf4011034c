/// `satkit compare`: changes between waves with significance.
///
/// Wiring point for `SurveySchema` (each wave's survey file: `wave.source.survey ??
/// options.survey`), `SurveyData`, `SatisfactionIndex` (comparisons, adjusted p-values)
/// and `SurveyReport`: write the result with
/// `context.writeResult(_:to: options.output, protecting: options.inputs)`.
func compare(_ options: CompareOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "compare")
}
