/// `satkit sample`: stream a synthetic CSV for the survey.
///
/// Wiring point for `SurveySample`: generate row by row into the writer of
/// `context.writeResult(to: options.output, protecting: options.inputs) { writer in … }`;
/// the writer is buffered and throws when standard output is closed, which stops the
/// generation and ends the run quietly.
func sample(_ options: SampleOptions, context: OutputContext) throws {
    throw CommandFailure.notAvailable(command: "sample")
}
