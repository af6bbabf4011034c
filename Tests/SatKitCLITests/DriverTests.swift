import Testing
@testable import SatKitCLI

/// A small command tree of its own, to test how `SatKitCLI.run` drives a command.
private struct EchoOptions: CommandOptions, Equatable {
    enum Arguments {
        static let text = Positional(.text("TEXT"), help: "What to write.")
        static let fail = Flag("fail", help: "Fail after writing.")
        static let badInput = Flag("bad-input", help: "Fail as if the input were bad.")
        static let output = Option("output", short: "o", .text("FILE"), help: "Where to write.")
    }

    var text: String
    var fail: Bool
    var badInput: Bool
    var output: String?

    init(_ parsed: ParsedArguments) throws(UsageError) {
        text = try parsed.value(Arguments.text)
        fail = parsed.isSet(Arguments.fail)
        badInput = parsed.isSet(Arguments.badInput)
        output = try parsed.valueIfPresent(Arguments.output)
    }

    var inputs: [String] { [text] }
    var outputs: [(option: String, path: String)] { output.map { [("-o", $0)] } ?? [] }
}

private struct Failure: Error, CustomStringConvertible {
    var description: String { "something broke" }
}

private func echo(_ options: EchoOptions, context: OutputContext) throws {
    try context.standardOutput.write(options.text + "\n")
    context.inform("wrote it")
    if options.fail { throw Failure() }
    if options.badInput { throw CommandFailure.badInput(message: "line 3, column 2: not a number") }
}

private let testRoot = Command(
    group: "tool", abstract: "A test tool.",
    examples: [.init(summary: "Echo:", commandLine: "tool echo hi")],
    subcommands: [
        Command("echo", abstract: "Write TEXT.",
                arguments: [EchoOptions.Arguments.text, EchoOptions.Arguments.fail,
                            EchoOptions.Arguments.badInput, EchoOptions.Arguments.output],
                examples: [.init(summary: "Echo:", commandLine: "tool echo hi")],
                run: echo),
    ])

private func run(_ arguments: [String]) -> (InProcessRun, writes: Int) {
    let output = MemorySink()
    let error = MemorySink()
    let context = OutputContext(standardOutput: output, standardError: error, isStandardErrorTerminal: false)
    let code = SatKitCLI.run(arguments, context: context, root: testRoot)
    return (InProcessRun(standardOutput: output.text, standardError: error.text, exitCode: code), output.writeCount)
}

@Suite struct DriverTests {
    @Test func aCommandGetsItsTypedOptionsAndTheContext() {
        let (result, writes) = run(["echo", "hello"])
        #expect(result == InProcessRun(standardOutput: "hello\n", standardError: "wrote it\n", exitCode: .success))
        #expect(writes == 1)
    }

    @Test func afterAnErrorBufferedOutputIsDropped() {
        #expect(run(["echo", "hello", "--fail"]).0 == InProcessRun(
            standardOutput: "", standardError: "wrote it\nsatkit: something broke\n", exitCode: .failure))
    }

    @Test func badInputExits65() {
        #expect(run(["echo", "hello", "--bad-input"]).0 == InProcessRun(
            standardOutput: "", standardError: "wrote it\nsatkit: line 3, column 2: not a number\n",
            exitCode: .dataError))
    }

    @Test func anOutputThatIsAnInputIsRefusedBeforeTheCommandRuns() {
        // TEXT is declared an input; "/" exists, so `-o /` names the same file.
        #expect(run(["echo", "/", "-o", "/"]).0 == InProcessRun(
            standardOutput: "",
            standardError: """
                error: '-o /' would overwrite an input file; choose another path
                Usage: tool echo [options] TEXT
                Run 'tool echo --help' to see all options.

                """,
            exitCode: .usage))
    }

    @Test func helpIsOneWrite() {
        let (result, writes) = run(["echo", "--help"])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.hasPrefix("Write TEXT.\n\nUsage: tool echo [options] TEXT\n"))
        #expect(writes == 1)
    }
}
