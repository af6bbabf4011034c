@testable import SatKitCLI

/// What one in-process run of the command line produced.
struct InProcessRun: Equatable {
    var standardOutput: String
    var standardError: String
    var exitCode: ExitCode
}

/// Runs a command line through `SatKitCLI.run` with memory for standard output and error.
func runInProcess(_ arguments: [String], isStandardErrorTerminal: Bool = false) -> InProcessRun {
    let output = MemorySink()
    let error = MemorySink()
    let context = OutputContext(standardOutput: output, standardError: error,
                                isStandardErrorTerminal: isStandardErrorTerminal)
    let code = SatKitCLI.run(arguments, context: context)
    return InProcessRun(standardOutput: output.text, standardError: error.text, exitCode: code)
}

/// The usage-error text for `command`: the sentence, the usage line and the help hint.
func usageErrorText(_ sentence: String, usage: String, help: String, options: Bool = true) -> String {
    "error: \(sentence)\nUsage: \(usage)\nRun '\(help) --help' to see all \(options ? "options" : "commands").\n"
}
