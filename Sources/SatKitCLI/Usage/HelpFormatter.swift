/// The help of a command: what `satkit … --help` prints, wrapped to 80 columns.
///
/// Sections, each present only when it has something to say: the abstract, the usage
/// line, the discussion, Arguments, Options (with each default and whether it is required),
/// Commands, Examples, the exit statuses (top level only), and where to look next.
enum HelpFormatter {
    /// Where the help text of an option or command starts.
    static let helpColumn = 24

    static func help(for path: CommandPath) -> String {
        let command = path.command
        var sections: [String] = []
        sections.append(wrap(command.abstract))
        sections.append(formattedUsage(for: path))
        if let discussion = command.discussion {
            sections.append(wrap(discussion))
        }

        let positionals = command.arguments.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            sections.append("Arguments:\n" + positionals.map { entry($0.valueName, $0.help) }.joined(separator: "\n"))
        }

        if !command.isGroup {
            var options = command.arguments.filter { $0.kind != .positional }.map(optionEntry)
            options.append(entry("-h, --help", "Show this help."))
            sections.append("Options:\n" + options.joined(separator: "\n"))
        }

        if command.isGroup {
            var rows: [(String, String)] = []
            for subcommand in command.subcommands {
                if path.isRoot, subcommand.isGroup {
                    rows += subcommand.subcommands.map { ("\(subcommand.name) \($0.name)", $0.abstract) }
                } else {
                    rows.append((subcommand.name, subcommand.abstract))
                }
            }
            rows.append(("help", "Show the help of a command."))
            sections.append("Commands:\n" + rows.map { entry($0.0, $0.1) }.joined(separator: "\n"))

            var options = [entry("-h, --help", "Show this help.")]
            if path.isRoot {
                options.append(entry("--version", "Print the version (satkit \(SatKitVersion.current))."))
            }
            sections.append("Options:\n" + options.joined(separator: "\n"))
        }

        if !command.examples.isEmpty {
            let examples = command.examples.map { example in
                wrap(example.summary, indent: 2) + "\n"
                    + wrapCommandLine(example.commandLine, indent: 4).joined(separator: "\n")
            }
            sections.append("Examples:\n" + examples.joined(separator: "\n"))
        }

        if path.isRoot {
            sections.append("""
                Exit status:
                \(entry("0", "Success.", column: 8))
                \(entry("1", "Failure: a file could not be read or written, or the command is not available.", column: 8))
                \(entry("64", "Usage error: the command line is wrong.", column: 8))
                \(entry("65", "Bad input data: a survey file or data file that cannot be used, or rows quarantined under --strict.", column: 8))
                """)
        }
        if command.isGroup {
            sections.append(wrap("Run '\(path.fullName) <command> --help' for the options and examples of a command."))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `--format table|json|csv` and its help with the default or "Required."
    private static func optionEntry(_ definition: ArgumentDefinition) -> String {
        var label = definition.long.map { "--" + $0 } ?? ""
        if let short = definition.short { label = "-\(short), " + label }
        if definition.kind == .option { label += " " + definition.valueName }
        var help = definition.help
        if definition.isRequired { help += " Required." }
        if let defaultDescription = definition.defaultDescription { help += " Default: \(defaultDescription)." }
        return entry(label, help)
    }

    /// A two-column row: the label indented by 2, the text from ``helpColumn``, wrapped; a
    /// label too long for its column puts the text on the next line.
    static func entry(_ label: String, _ text: String, column: Int = helpColumn) -> String {
        let head = "  " + label
        if head.count + 2 <= column {
            let padded = head + String(repeating: " ", count: column - head.count)
            return padded + wrap(text, indent: column, firstLineUsed: column)
        }
        return head + "\n" + wrap(text, indent: column)
    }
}
