import Testing
@testable import SatKitCLI

private struct SomethingElse: Error, CustomStringConvertible {
    var description: String { "the disk is on fire" }
}

/// The one mapping from errors to exit statuses and messages.
@Suite struct ErrorReportTests {
    @Test func exitCodesAreFixed() {
        #expect(ExitCode.success.rawValue == 0)
        #expect(ExitCode.failure.rawValue == 1)
        #expect(ExitCode.usage.rawValue == 64)
        #expect(ExitCode.dataError.rawValue == 65)
    }

    @Test func aClosedPipeIsAQuietSuccess() {
        #expect(ErrorReport(for: OutputError.closedPipe, in: nil) == ErrorReport(exitCode: .success, message: ""))
    }

    @Test func usageErrorsExit64() {
        #expect(ErrorReport(for: UsageError.repeatedOption("--level"), in: nil)
            == ErrorReport(exitCode: .usage, message: "error: '--level' is given more than once\n"))
        let path = CommandPath(root: rootCommand).appending(AnalyzeOptions.command)
        #expect(ErrorReport(for: UsageError.outputOverwritesInput(option: "-o", path: "d.csv"), in: path) == ErrorReport(
            exitCode: .usage,
            message: """
                error: '-o d.csv' would overwrite an input file; choose another path
                Usage: satkit analyze --survey FILE [options] DATA.csv
                Run 'satkit analyze --help' to see all options.

                """))
    }

    @Test func badInputExits65() {
        #expect(ErrorReport(for: CommandFailure.badInput(message: "12 rows were quarantined (--strict)"), in: nil)
            == ErrorReport(exitCode: .dataError, message: "satkit: 12 rows were quarantined (--strict)\n"))
    }

    @Test func everythingElseExits1() {
        #expect(ErrorReport(for: OutputError.writeFailed(target: "standard output", reason: "No space left on device"), in: nil)
            == ErrorReport(exitCode: .failure, message: "satkit: cannot write to standard output: No space left on device\n"))
        #expect(ErrorReport(for: OutputError.cannotCreate(path: "out/x.csv", reason: "No such file or directory"), in: nil)
            == ErrorReport(exitCode: .failure, message: "satkit: cannot write 'out/x.csv': No such file or directory\n"))
        #expect(ErrorReport(for: SomethingElse(), in: nil)
            == ErrorReport(exitCode: .failure, message: "satkit: the disk is on fire\n"))
    }
}
