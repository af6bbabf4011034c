import Foundation
import SatKit

/// `satkit sample`: stream a synthetic CSV for the survey (``SampleGenerator``).
///
/// Rows are generated on two threads in blocks and written in order through the buffered
/// writer; a closed standard output stops the generation and ends the run quietly.
func sample(_ options: SampleOptions, context: OutputContext) throws {
    let survey = try Survey.load(from: URL(fileURLWithPath: options.survey))
    let generator = try SampleGenerator(survey: survey, options: SampleGenerator.Options(
        respondents: options.respondents, wave: options.wave, seed: options.seed,
        weights: options.includeWeights, services: options.services, provinces: options.provinces))
    try context.writeResult(to: options.output, protecting: options.inputs) { writer in
        try generator.write(threads: 2) { bytes in try writer.write(bytes: bytes) }
    }
}
