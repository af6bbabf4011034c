import SurveyData

/// CSV encoding of the generator's cells, done once per distinct text before the hot loop,
/// so that the loop only copies bytes.
///
/// Whole cells (codes, labels, names, the header) are encoded by `SurveyData`'s `CSVWriter`
/// (RFC 4180: a field holding a comma, a quote, CR or LF is quoted and its quotes doubled;
/// a field a spreadsheet would run as a formula gets a leading `'`, which no generated text
/// needs). Comments are assembled in the loop from fragments, so for those this type keeps
/// the same rule in two parts: ``escaped(_:)`` doubles the quotes of a fragment, and the
/// comment is wrapped in quotes when any of its fragments ``needsQuotes(_:)``.
enum CSVCell {
    /// Whether `text` must be quoted.
    static func needsQuotes<S: Sequence<UInt8>>(_ text: S) -> Bool {
        text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The bytes of `text` with quotes doubled, without surrounding quotes.
    static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        return bytes
    }

    /// The field as it is written in the file.
    static func encoded(_ text: String) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeField(text)
        return writer.takeBytes()
    }
}
