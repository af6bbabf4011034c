import SatKit

/// What the user sees when a run ends with an error: the exit status and the text for
/// standard error. The one place where errors map to exit statuses.
///
/// When a library gains an error type, add a case here: data errors (a survey file that
/// does not validate, an unreadable CSV) exit 65 with the error's own sentence.
struct ErrorReport: Equatable, Sendable {
    let exitCode: ExitCode
    /// The text for standard error, ending in a newline; empty for a quiet exit.
    let message: String

    init(exitCode: ExitCode, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    /// The report for an error thrown while running `path` (nil when the command line
    /// could not even be parsed as far as a command).
    init(for error: any Error, in path: CommandPath?) {
        switch error {
        case let error as CommandLineError:
            self = ErrorReport.usage(error.error, in: error.path)
        case let error as UsageError:
            self = path.map { ErrorReport.usage(error, in: $0) }
                ?? ErrorReport(exitCode: .usage, message: "error: \(error.message)\n")
        case OutputError.closedPipe:
            self = ErrorReport(exitCode: .success, message: "")
        case OutputError.writeFailed(let target, let reason):
            self = ErrorReport(exitCode: .failure, message: "satkit: cannot write to \(target): \(reason)\n")
        case OutputError.cannotCreate(let path, let reason):
            self = ErrorReport(exitCode: .failure, message: "satkit: cannot write '\(path)': \(reason)\n")
        case let error as ImportError:
            self = ErrorReport(exitCode: .dataError, message: "\(error.description)\n")
        case IndexError.unknownGrouping(let name, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            let suggestion = closestMatch(to: name, among: available).map { "; did you mean '\($0)'?" } ?? ""
            self = ErrorReport(exitCode: .usage, message: "error: cannot group by '\(name)': it is neither a "
                + "grouping of the survey nor a column of the data\(suggestion)\nAvailable: \(list).\n")
        case IndexError.design(.lonelyUnit(let stratum)) where !stratum.isEmpty:
            self = ErrorReport(exitCode: .dataError, message: "satkit: \(IndexError.design(.lonelyUnit(stratum: stratum)))\n"
                + "Set it once in the survey file, design: { ..., lonelyUnits: \"adjust\" }, or for this run "
                + "with --lonely-units adjust (also remove, certainty).\n")
        case let error as IndexError:
            self = ErrorReport(exitCode: .dataError, message: "satkit: \(error.description)\n")
        case let error as ComparisonError:
            self = ErrorReport(exitCode: .usage, message: "error: \(error.description)\n")
        case let error as SampleError:
            self = ErrorReport(exitCode: .usage, message: "error: \(error.description)\n")
        case let error as SurveyLoadError:
            self = ErrorReport.surveyFile(error)
        case CommandFailure.badInput(let message):
            self = ErrorReport(exitCode: .dataError, message: "satkit: \(message)\n")
        default:
            self = ErrorReport(exitCode: .failure, message: "satkit: \(error)\n")
        }
    }

    /// A survey file that cannot be used: every problem on its own line, then one line that
    /// counts them. A file that cannot be read at all is a failure (1), not bad data (65).
    private static func surveyFile(_ error: SurveyLoadError) -> ErrorReport {
        let unreadable = error.issues.allSatisfy {
            if case .unreadable = $0.problem { true } else { false }
        }
        if unreadable {
            return ErrorReport(exitCode: .failure, message: "satkit: \(error.description)\n")
        }
        let count = error.issues.count
        let file = error.issues.first?.file ?? "the survey file"
        let summary = count == 1
            ? "satkit: \(file) has 1 problem; nothing was computed."
            : "satkit: \(file) has \(count) problems; nothing was computed."
        return ErrorReport(exitCode: .dataError, message: "\(error.description)\n\(summary)\n")
    }

    /// A usage error: the sentence, the command's usage line, and where its help is.
    private static func usage(_ error: UsageError, in path: CommandPath) -> ErrorReport {
        let helpCommand = path.fullName + " --help"
        let what = path.command.isGroup ? "commands" : "options"
        let message = """
            error: \(error.message)
            \(formattedUsage(for: path))
            Run '\(helpCommand)' to see all \(what).

            """
        return ErrorReport(exitCode: .usage, message: message)
    }
}
