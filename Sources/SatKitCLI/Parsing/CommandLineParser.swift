/// What a command line asks for, once parsed.
enum Invocation: Sendable {
    /// Show the help of a command (`--help`, `-h`, `help COMMAND`, or a group alone).
    case help(CommandPath)
    /// `satkit --version`.
    case version
    /// Run a command with its arguments.
    case run(CommandPath, ParsedArguments)
}

/// Reads a command line against the command tree.
///
/// - Leading words select subcommands: `satkit survey check FILE`.
/// - `-h` or `--help` anywhere before `--` asks for the help of the command selected;
///   `help COMMAND…` does the same on any level (`satkit help survey check`,
///   `satkit survey help check`); a group with no subcommand shows its help.
/// - Options take their value as the next word or after `=` (`--by service`, `--by=service`,
///   `-o FILE`); the next word is not taken when it looks like an option (a negative
///   number does not). Options and positional arguments may come in any order; `--` ends
///   the options, so `-- -odd.csv` is a positional argument.
/// - Errors come in command-line order, then missing required arguments in the order the
///   command declares them.
struct CommandLineParser: Sendable {
    let root: Command

    func parse(_ arguments: [String]) throws(CommandLineError) -> Invocation {
        let optionsEnd = arguments.firstIndex(of: "--") ?? arguments.endIndex
        let wantsHelp = arguments[..<optionsEnd].contains(where: isHelpFlag)
        var path = CommandPath(root: root)
        var index = arguments.startIndex

        while path.command.isGroup {
            guard index < arguments.endIndex else { return .help(path) }
            let token = arguments[index]
            index += 1
            if isHelpFlag(token) { continue }
            if token == "--version", path.isRoot { return .version }
            if token == "help" { return .help(try helpTopic(arguments[index...], from: path)) }
            if isOptionLike(token) {
                let known = ["--help"] + (path.isRoot ? ["--version"] : [])
                throw CommandLineError(
                    error: .unknownOption(token, suggestion: closestMatch(to: token, among: known)),
                    path: path)
            }
            guard let subcommand = path.command.subcommand(named: token) else {
                throw unknownCommand(token, in: path)
            }
            path = path.appending(subcommand)
        }
        if wantsHelp { return .help(path) }
        do {
            return .run(path, try parseArguments(arguments[index...], for: path.command))
        } catch {
            throw CommandLineError(error: error, path: path)
        }
    }

    /// The command that `help A B` names, starting from `path`.
    private func helpTopic(_ words: ArraySlice<String>, from start: CommandPath) throws(CommandLineError) -> CommandPath {
        var path = start
        for word in words where !isOptionLike(word) && word != "help" {
            guard path.command.isGroup else {
                throw CommandLineError(error: .unexpectedArgument(word), path: path)
            }
            guard let subcommand = path.command.subcommand(named: word) else {
                throw unknownCommand(word, in: path)
            }
            path = path.appending(subcommand)
        }
        return path
    }

    private func unknownCommand(_ word: String, in path: CommandPath) -> CommandLineError {
        let names = path.command.subcommands.map(\.name) + ["help"]
        return CommandLineError(
            error: .unknownCommand(word, suggestion: closestMatch(to: word, among: names)), path: path)
    }

    private func parseArguments(_ words: ArraySlice<String>, for command: Command) throws(UsageError) -> ParsedArguments {
        let definitions = command.arguments
        var parsed = ParsedArguments()
        var positionals: [String] = []
        var optionsEnded = false
        var index = words.startIndex

        while index < words.endIndex {
            let token = words[index]
            index += 1
            if optionsEnded || !isOptionLike(token) {
                positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            if isHelpFlag(token) { continue }

            var name = token
            var inlineValue: String?
            if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                inlineValue = String(token[token.index(after: equals)...])
            }
            if isHelpFlag(name) { throw .flagTakesNoValue(name) }
            guard let definition = definitions.first(where: { $0.kind != .positional && $0.names.contains(name) }) else {
                let known = definitions.compactMap { $0.long.map { "--" + $0 } } + ["--help"]
                throw .unknownOption(name, suggestion: closestMatch(to: name, among: known))
            }
            switch definition.kind {
            case .flag:
                guard inlineValue == nil else { throw .flagTakesNoValue(name) }
                parsed.set(definition)
            case .option:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < words.endIndex, !isOptionLike(words[index]) {
                    value = words[index]
                    index += 1
                } else {
                    throw .missingValue(synopsis: "\(name) \(definition.valueName)")
                }
                guard definition.isRepeatable || !parsed.contains(definition) else {
                    throw .repeatedOption(definition.displayName)
                }
                do {
                    try definition.validate(value)
                } catch {
                    throw .invalidValue(argument: name, value: value, error)
                }
                parsed.append(value, for: definition)
            case .positional:
                preconditionFailure("positional arguments are not looked up by name")
            }
        }

        let positionalDefinitions = definitions.filter { $0.kind == .positional }
        for (offset, value) in positionals.enumerated() {
            guard offset < positionalDefinitions.count else { throw .unexpectedArgument(value) }
            let definition = positionalDefinitions[offset]
            do {
                try definition.validate(value)
            } catch {
                throw .invalidValue(argument: definition.valueName, value: value, error)
            }
            parsed.append(value, for: definition)
        }

        for definition in definitions where definition.isRequired && !parsed.contains(definition) {
            if definition.kind == .positional { throw .missingArgument(definition.valueName) }
            throw .missingOption(synopsis: definition.synopsis)
        }
        return parsed
    }
}

private func isHelpFlag(_ word: String) -> Bool {
    word == "-h" || word == "--help"
}

/// Whether a word is an option rather than a value: it starts with a dash, is more than a
/// dash alone (which names standard input), and is not a negative number.
func isOptionLike(_ word: String) -> Bool {
    word.count >= 2 && word.hasPrefix("-") && Double(word) == nil
}
