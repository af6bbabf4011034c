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

    /// A command that runs: its arguments are decoded into `Options`, the output paths are
    /// checked against the inputs before any work starts, and `run` is called.
    init<Options: CommandOptions>(
        _ name: String, abstract: String, discussion: String? = nil,
        arguments: [any ArgumentDeclaration], examples: [Example],
        run: @escaping @Sendable (Options, OutputContext) throws -> Void
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments.map(\.definition)
        self.examples = examples
        self.subcommands = []
        self.body = { parsed, context in
            let options = try Options(parsed)
            for output in options.outputs {
                try refuseToOverwriteInput(output.path, option: output.option, inputs: options.inputs)
            }
            try run(options, context)
        }
    }

    var isGroup: Bool { body == nil }

    func subcommand(named name: String) -> Command? {
        subcommands.first { $0.name == name }
    }
}

/// The typed options of a runnable command, decoded from its parsed arguments.
protocol CommandOptions: Sendable {
    /// Decodes the options; cross-option rules (`--bootstrap` needs `--seed`) throw here.
    init(_ parsed: ParsedArguments) throws(UsageError)
    /// The files the command reads.
    var inputs: [String] { get }
    /// The files the command writes, each with the option that names it; checked against
    /// ``inputs`` before the command runs.
    var outputs: [(option: String, path: String)] { get }
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
