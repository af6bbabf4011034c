/// `satkit check`: import the data and print the import report.
///
/// Wiring point for `SurveySchema` and `SurveyData`: read `options.data` with the chosen
/// encoding, delimiter and invalid-cell policy; write the report text with
/// `context.writeResult(_:to:protecting:)` (path nil: standard output); write
/// `options.quarantine` and `options.report` with the same call, passing
/// `option: "--quarantine"` / `"--report"` and `protecting: options.inputs`; draw progress
/// only when `context.isStandardErrorTerminal`; under `options.strict`, throw
/// `CommandFailure.badInput` when rows were quarantined.
func check(_ options: CheckOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "check")
}
