/// Why ``SampleGenerator`` cannot make the sample asked for. Each case renders to a sentence
/// that says what to do next.
public enum SampleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A count option is below its minimum, e.g. `respondents` below 0.
    case outOfRange(option: String, value: Int, minimum: Int)
    /// More values were asked for than the survey's dictionary of a grouping column declares.
    case moreValuesThanDeclared(group: String, declared: Int, requested: Int)

    public var description: String {
        switch self {
        case .outOfRange(let option, let value, let minimum):
            "`\(option)` is \(value); it must be at least \(minimum)."
        case .moreValuesThanDeclared(let group, let declared, let requested):
            "the survey declares \(declared) values for the `\(group)` column but \(requested) were "
                + "asked for; ask for at most \(declared), or use a survey file whose `\(group)` "
                + "column has no value dictionary."
        }
    }
}
