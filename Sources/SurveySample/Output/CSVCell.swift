/// CSV encoding of the generator's cells, done once per distinct text before the hot loop.
///
/// The rule is RFC 4180's: a field holding a comma, a quote, CR or LF is wrapped in quotes and
/// its quotes doubled; any other field is written as it is.
///
/// This is a private copy of the quoting rule of `SurveyData`'s `CSVWriter` (branch `csv`),
/// which was not yet committed when the generator was written. The generator never writes a
/// field that starts with `=`, `+`, `-` or `@`, so the writer's formula neutralisation would
/// not change any of its output.
enum CSVCell {
    /// Whether `text` must be quoted.
    static func needsQuotes<S: Sequence<UInt8>>(_ text: S) -> Bool {
        text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The field's bytes with quotes doubled, without surrounding quotes.
    static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        return bytes
    }

    /// The field as it is written in the file: quoted when needed.
    static func encoded(_ text: String) -> [UInt8] {
        guard needsQuotes(text.utf8) else { return Array(text.utf8) }
        return [0x22] + escaped(text) + [0x22]
    }
}
