/// A command in the `satkit` tree: either a group of subcommands (`survey`) or a command
/// that runs (`analyze`), with everything its help shows.
struct Command: Sendable {
    /// What a runnable command does with its parsed arguments: decode them into the
    /// command's typed options and call the command's function (see `Commands/`).
    typealias Body = @Sendable (ParsedArguments, OutputContext) throws -> Void

    /// An example for the help: what it does, and the command line.
    struct Example: Sendable {
        let summary: String
        let commandLine: String
    }

    let name: String
    /// One sentence, shown in the parent's command list and at the top of the help.
    let abstract: String
    /// Paragraphs shown in the help after the usage line.
    let discussion: String?
    let arguments: [ArgumentDefinition]
    let examples: [Example]
    let subcommands: [Command]
    /// Nil for a group.
    let body: Body?

    /// A group of subcommands.
    init(group name: String, abstract: String, discussion: String? = nil,
         examples: [Example] = [], subcommands: [Command]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = []
        self.examples = examples
        self.subcommands = subcommands
        self.body = nil
    }

    /// A command that runs.
    init(_ name: String, abstract: String, discussion: String? = nil,
         arguments: [any ArgumentDeclaration], examples: [Example], body: @escaping Body) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments.map(\.definition)
        self.examples = examples
        self.subcommands = []
        self.body = body
    }

    var isGroup: Bool { body == nil }

    func subcommand(named name: String) -> Command? {
        subcommands.first { $0.name == name }
    }
}

/// A command with the groups above it, from the root: `satkit survey check`.
struct CommandPath: Sendable {
    let commands: [Command]

    init(root: Command) { commands = [root] }
    private init(commands: [Command]) { self.commands = commands }

    var command: Command { commands[commands.count - 1] }
    var isRoot: Bool { commands.count == 1 }

    /// The names joined, as the user types them: `satkit survey check`.
    var fullName: String { commands.map(\.name).joined(separator: " ") }

    func appending(_ command: Command) -> CommandPath {
        CommandPath(commands: commands + [command])
    }
}
