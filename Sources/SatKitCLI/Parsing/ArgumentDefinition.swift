/// One argument a command accepts, as the parser and the help see it.
///
/// Commands declare typed handles (``Option``, ``Flag``, ``Positional``); each carries one of
/// these. The parser validates values with `validate` as it reads them, so that errors come
/// in command-line order; the typed handles convert them again when a command reads them.
struct ArgumentDefinition: Sendable {
    /// What shape the argument has on the command line.
    enum Kind: Sendable, Equatable {
        /// `--by service`, `--by=service`, `-o FILE`.
        case option
        /// `--strict`.
        case flag
        /// `DATA.csv`.
        case positional
    }

    let kind: Kind
    /// The long name without dashes (`by`); nil for a positional argument.
    let long: String?
    /// The one-letter short name (`o` for `-o`), if any.
    let short: Character?
    /// The placeholder for the value: `COLS`, `table|json|csv`; a positional's name, `DATA.csv`.
    let valueName: String
    /// One or a few sentences for the help.
    let help: String
    /// How help states the default, e.g. `table` or `the survey file's level`; nil if none.
    let defaultDescription: String?
    /// The parser reports a usage error when a required argument is absent.
    let isRequired: Bool
    /// May be given more than once (`--wave 2023=a.csv --wave 2024=b.csv`).
    let isRepeatable: Bool
    /// Checks a value; throws what is wrong with it.
    let validate: @Sendable (String) throws(ValueError) -> Void

    /// The key under which parsed values are stored: the long name or the positional's name.
    var key: String { long ?? valueName }

    /// How the argument is named in messages: `--format`, `-o`, `DATA.csv`.
    var displayName: String {
        if let long { return "--" + long }
        if let short { return "-" + String(short) }
        return valueName
    }

    /// The argument with its placeholder, as in usage lines: `--survey FILE`, `-o FILE`
    /// (the short name when there is one), `--strict`.
    var synopsis: String {
        switch kind {
        case .option: return "\(short.map { "-" + String($0) } ?? displayName) \(valueName)"
        case .flag: return displayName
        case .positional: return valueName
        }
    }

    /// Every name the user may type: `--output`, `-o`.
    var names: [String] {
        (long.map { ["--" + $0] } ?? []) + (short.map { ["-" + String($0)] } ?? [])
    }
}

/// Something a command declares as one of its arguments.
protocol ArgumentDeclaration: Sendable {
    var definition: ArgumentDefinition { get }
}

/// An option that takes a value: `--level 0.95`, `--level=0.95`, `-o FILE`.
struct Option<Value: Sendable>: ArgumentDeclaration {
    let definition: ArgumentDefinition
    let parser: ValueParser<Value>
    /// The value when the option is absent; nil when the command decides (often from the
    /// survey file) or the option is required.
    let defaultValue: Value?

    /// Declares an option.
    /// - Parameters:
    ///   - long: the long name without dashes.
    ///   - short: a one-letter short name.
    ///   - parser: how the value is read; its placeholder shows in help.
    ///   - defaultValue: used when the option is absent.
    ///   - defaultDescription: how help states the default; the default's description if nil.
    ///   - required: absent is a usage error.
    ///   - repeatable: may be given more than once; read with `values(_:)`.
    ///   - help: the sentences for the help.
    init(
        _ long: String, short: Character? = nil, _ parser: ValueParser<Value>,
        default defaultValue: Value? = nil, defaultDescription: String? = nil,
        required: Bool = false, repeatable: Bool = false, help: String
    ) {
        self.parser = parser
        self.defaultValue = defaultValue
        let describedDefault = defaultDescription ?? defaultValue.map { value in
            (value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(value)"
        }
        let parse = parser.parse
        self.definition = ArgumentDefinition(
            kind: .option, long: long, short: short, valueName: parser.valueName, help: help,
            defaultDescription: describedDefault, isRequired: required, isRepeatable: repeatable,
            validate: { (text: String) throws(ValueError) in _ = try parse(text) })
    }
}

/// An option without a value, true when present: `--strict`.
struct Flag: ArgumentDeclaration {
    let definition: ArgumentDefinition

    init(_ long: String, help: String) {
        definition = ArgumentDefinition(
            kind: .flag, long: long, short: nil, valueName: "", help: help,
            defaultDescription: nil, isRequired: false, isRepeatable: false,
            validate: { (_: String) throws(ValueError) in })
    }
}

/// An argument given by position: `DATA.csv`.
struct Positional<Value: Sendable>: ArgumentDeclaration {
    let definition: ArgumentDefinition
    let parser: ValueParser<Value>

    /// Declares a positional argument named by `parser`'s placeholder (`DATA.csv`).
    init(_ parser: ValueParser<Value>, required: Bool = true, help: String) {
        self.parser = parser
        let parse = parser.parse
        definition = ArgumentDefinition(
            kind: .positional, long: nil, short: nil, valueName: parser.valueName, help: help,
            defaultDescription: nil, isRequired: required, isRepeatable: false,
            validate: { (text: String) throws(ValueError) in _ = try parse(text) })
    }
}
