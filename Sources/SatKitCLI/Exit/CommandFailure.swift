/// A command that ran and could not do its job, for reasons the command itself detects.
///
/// Library errors (a survey file that does not validate, a CSV that cannot be read) are
/// reported by ``ErrorReport`` directly; these are the failures that belong to the tool.
enum CommandFailure: Error, Equatable, Sendable {
    /// The input data cannot be used; `message` says what is wrong and where. Exit status 65.
    case badInput(message: String)
}
