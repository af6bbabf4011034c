#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `satkit` command: parses the command line, runs the command, and exits with the
/// status that ``ErrorReport`` assigns.
@main
enum SatKitCLI {
    static func main() {
        // A closed pipe (`satkit … | head -1`) must surface as EPIPE from write(2), which the
        // output layer turns into a quiet exit 0, not kill the process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let status = run(Array(CommandLine.arguments.dropFirst()), context: .standardStreams())
        exit(status.rawValue)
    }

    /// Runs one command line against `context` and returns the exit status; everything the
    /// user sees goes through `context`. Tests call this in-process.
    ///
    /// Standard output is flushed only when the command succeeds; after an error, output
    /// still buffered is dropped, so that no partial result follows the error message.
    static func run(_ arguments: [String], context: OutputContext, root: Command = rootCommand) -> ExitCode {
        var path: CommandPath?
        do {
            switch try CommandLineParser(root: root).parse(arguments) {
            case .version:
                try context.standardOutput.write("satkit \(SatKitVersion.current)\n")
            case .help(let topic):
                try context.standardOutput.write(HelpFormatter.help(for: topic))
            case .run(let command, let parsed):
                path = command
                guard let body = command.command.body else { preconditionFailure("a group does not run") }
                try body(parsed, context)
            }
            try context.finish()
            return .success
        } catch {
            let report = ErrorReport(for: error, in: path)
            if !report.message.isEmpty { try? context.standardError.write(report.message) }
            return report.exitCode
        }
    }
}
