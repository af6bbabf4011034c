/// The one-line synopsis of a command, without the `Usage: ` prefix.
///
/// Groups read `satkit survey <command>`. Runnable commands list their required options
/// (a repeatable one followed by `...`), then `[options]` when there are optional ones,
/// then positional arguments, optional ones in brackets:
/// `satkit analyze --survey FILE [options] DATA.csv`.
func usageLine(for path: CommandPath) -> String {
    let command = path.command
    if command.isGroup { return path.fullName + " <command>" }
    var parts = [path.fullName]
    for definition in command.arguments where definition.kind != .positional && definition.isRequired {
        parts.append(definition.synopsis + (definition.isRepeatable ? " ..." : ""))
    }
    if command.arguments.contains(where: { $0.kind != .positional && !$0.isRequired }) {
        parts.append("[options]")
    }
    for definition in command.arguments where definition.kind == .positional {
        parts.append(definition.isRequired ? definition.valueName : "[\(definition.valueName)]")
    }
    return parts.joined(separator: " ")
}

/// `Usage: …`, wrapped to the help width with continuation lines under the command name.
func formattedUsage(for path: CommandPath) -> String {
    let prefix = "Usage: "
    return prefix + wrap(usageLine(for: path), indent: prefix.count + 2, firstLineUsed: prefix.count)
}
