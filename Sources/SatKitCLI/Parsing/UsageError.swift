/// A command line that cannot be run as written. Exit status 64.
///
/// Each case renders to one sentence (``message``); the error report adds the command's
/// usage line and where to find its help.
enum UsageError: Error, Equatable, Sendable {
    /// `--bye`, with the closest known option if one is close.
    case unknownOption(String, suggestion: String?)
    /// `analyse`, with the closest known command if one is close.
    case unknownCommand(String, suggestion: String?)
    /// An option at the end of the line or followed by another option; its synopsis.
    case missingValue(synopsis: String)
    /// A required option is absent; its synopsis.
    case missingOption(synopsis: String)
    /// A required positional argument is absent; its name.
    case missingArgument(String)
    /// A positional argument the command does not take.
    case unexpectedArgument(String)
    /// `--strict=yes`.
    case flagTakesNoValue(String)
    /// An option that may be given once was given again.
    case repeatedOption(String)
    /// A value the argument does not accept.
    case invalidValue(argument: String, value: String, ValueError)
    /// `option` cannot be used without `other`; `reason` says why.
    case requiresOption(String, other: String, reason: String)
    /// `option` means something only together with `other`.
    case onlyWithOption(String, other: String)
    /// A repeatable option given fewer than `minimum` times.
    case tooFew(synopsis: String, minimum: Int, what: String)
    /// Two values of a repeatable option name the same thing: `wave 2024` for
    /// `--wave 2024=a.csv --wave 2024=b.csv`.
    case duplicateValue(what: String, value: String)
    /// An output path that is also an input.
    case outputOverwritesInput(option: String, path: String)

    /// The sentence after `error: `.
    var message: String {
        switch self {
        case .unknownOption(let name, let suggestion):
            return "unknown option '\(name)'" + didYouMean(suggestion)
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(name)'" + didYouMean(suggestion)
        case .missingValue(let synopsis):
            return "missing value for '\(synopsis)'"
        case .missingOption(let synopsis):
            return "missing required option '\(synopsis)'"
        case .missingArgument(let name):
            return "missing required argument \(name)"
        case .unexpectedArgument(let argument):
            return "unexpected argument '\(argument)'"
        case .flagTakesNoValue(let flag):
            return "'\(flag)' does not take a value"
        case .repeatedOption(let option):
            return "'\(option)' is given more than once"
        case .invalidValue(let argument, let value, .empty) where value.isEmpty:
            return "\(argument) must not be empty"
        case .invalidValue(let argument, let value, let problem):
            let written = argument.hasPrefix("-") ? "'\(argument) \(value)'" : "\(argument) '\(value)'"
            return "\(written) \(problem.reason)"
        case .requiresOption(let option, let other, let reason):
            return "'\(option)' needs '\(other)' \(reason)"
        case .onlyWithOption(let option, let other):
            return "'\(option)' applies only together with '\(other)'"
        case .tooFew(let synopsis, let minimum, let what):
            return "at least \(minimum) \(what) are needed: give '\(synopsis)' once for each"
        case .duplicateValue(let what, let value):
            return "\(what) \(value) is given more than once"
        case .outputOverwritesInput(let option, let path):
            return "'\(option) \(path)' would overwrite an input file; choose another path"
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// A usage error and the command it concerns, so that the report can show that command's
/// usage line and help hint.
struct CommandLineError: Error, Sendable {
    let error: UsageError
    let path: CommandPath
}
