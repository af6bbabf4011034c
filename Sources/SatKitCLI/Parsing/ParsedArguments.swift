/// The arguments of one command line, as read for the command that runs, with typed access
/// through the command's declarations.
///
/// Values were validated while parsing, so reading them converts text the parser has
/// already accepted; the conversion's error is still reported, never dropped.
struct ParsedArguments: Sendable {
    /// Values by ``ArgumentDefinition/key``, in command-line order.
    private(set) var values: [String: [String]] = [:]
    /// Long names of the flags that were given.
    private(set) var flags: Set<String> = []

    init() {}

    mutating func append(_ value: String, for definition: ArgumentDefinition) {
        values[definition.key, default: []].append(value)
    }

    mutating func set(_ flag: ArgumentDefinition) {
        flags.insert(flag.key)
    }

    /// Whether the option or positional argument was given at all.
    func contains(_ definition: ArgumentDefinition) -> Bool {
        values[definition.key] != nil
    }

    /// The option's value, or its default, or nil.
    func valueIfPresent<V>(_ option: Option<V>) throws(UsageError) -> V? {
        guard let text = values[option.definition.key]?.last else { return option.defaultValue }
        return try convert(text, option.parser, option.definition)
    }

    /// The option's value or its default; a missing-option error if it has neither.
    func value<V>(_ option: Option<V>) throws(UsageError) -> V {
        guard let value = try valueIfPresent(option) else {
            throw .missingOption(synopsis: option.definition.synopsis)
        }
        return value
    }

    /// Every value of a repeatable option, in command-line order.
    func values<V>(_ option: Option<V>) throws(UsageError) -> [V] {
        var result: [V] = []
        for text in values[option.definition.key] ?? [] {
            result.append(try convert(text, option.parser, option.definition))
        }
        return result
    }

    /// Whether the flag was given.
    func isSet(_ flag: Flag) -> Bool {
        flags.contains(flag.definition.key)
    }

    /// The positional argument's value; a missing-argument error if absent.
    func value<V>(_ positional: Positional<V>) throws(UsageError) -> V {
        guard let text = values[positional.definition.key]?.first else {
            throw .missingArgument(positional.definition.valueName)
        }
        return try convert(text, positional.parser, positional.definition)
    }

    private func convert<V>(
        _ text: String, _ parser: ValueParser<V>, _ definition: ArgumentDefinition
    ) throws(UsageError) -> V {
        do {
            return try parser.parse(text)
        } catch {
            throw .invalidValue(argument: definition.displayName, value: text, error)
        }
    }
}
