import SurveySchema

/// Codes multi-select answers into a bit set: bit `i` set when option `i` (in the
/// question's option order) was chosen.
///
/// Two shapes, as the question declares:
/// - one cell holding the chosen options' codes joined by a separator (`tv;radio`): each
///   part, trimmed, must be an option's code or label (matched by ``CellText/key(_:)``);
///   an empty cell or empty parts choose nothing;
/// - one column per option: a cell that is `1`, `x`, `yes`, `true`, or the option's own
///   code or label chooses it; `0`, `no`, `false` or an empty cell does not. Anything else is
///   an invalid cell.
final class MultiSelectCoder {
    /// Returned for a cell that cannot be read.
    static let invalid = UInt64.max

    private let separator: [UInt8]
    private let optionByKey: [String: Int]
    private let cache = ByteTable(capacity: 64)
    /// The chosen options of each cached spelling. Unchecked exclusivity: a coder is used by
    /// one thread, and the check on every cell cost more than the lookup.
    @exclusivity(unchecked) private var wideCache: [UInt64] = []

    /// A coder for a one-cell question with `separator` (at most 64 options, which the
    /// dataset's `UInt64` per row can hold).
    init(options: [Option], separator: String) {
        self.separator = Array(separator.utf8)
        var byKey: [String: Int] = [:]
        for (index, option) in options.enumerated().prefix(64) {
            for label in option.label.byLanguage.values where byKey[CellText.key(label)] == nil {
                byKey[CellText.key(label)] = index
            }
        }
        for (index, option) in options.enumerated().prefix(64) { byKey[CellText.key(option.code)] = index }
        optionByKey = byKey
    }

    /// The chosen options of one cell, or ``invalid``.
    func code(_ cell: UnsafeRawBufferPointer) -> UInt64 {
        let bytes = CellText.trimmedASCII(cell)
        if bytes.isEmpty { return 0 }
        if let slot = cache.value(for: bytes) { return wideCache[Int(slot)] }
        let bits = code(text: String(decoding: bytes, as: UTF8.self))
        if cache.count < ScaleCoder.cacheLimit {
            cache.insert(UInt32(wideCache.count), for: bytes)
            wideCache.append(bits)
        }
        return bits
    }

    /// The chosen options of a cell given as text (the slow path).
    func code(text: String) -> UInt64 {
        let separator = String(decoding: self.separator, as: UTF8.self)
        var bits: UInt64 = 0
        for part in text.components(separatedBy: separator) {
            let key = CellText.key(part)
            if key.isEmpty { continue }
            guard let index = optionByKey[key] else { return Self.invalid }
            bits |= 1 << UInt64(index)
        }
        return bits
    }

    /// The option code or label in `text` that is not an option, for messages; `nil` when
    /// every part is an option.
    func firstUnknownPart(_ text: String) -> String? {
        let separator = String(decoding: self.separator, as: UTF8.self)
        return text.components(separatedBy: separator).map(CellText.display).first {
            !$0.isEmpty && optionByKey[CellText.key($0)] == nil
        }
    }
}

/// Codes one 0/1 option column of a multi-select question.
struct OptionColumnCoder {
    private let chosenKeys: Set<String>

    /// A coder for `option`'s own column.
    init(option: Option) {
        var chosen: Set<String> = ["1", "x", "yes", "true", CellText.key(option.code)]
        for label in option.label.byLanguage.values { chosen.insert(CellText.key(label)) }
        chosen.subtract(Self.notChosen)
        chosenKeys = chosen
    }

    private static let notChosen: Set<String> = ["", "0", "no", "false"]

    /// `true` when chosen, `false` when not, `nil` for an invalid cell.
    @inline(__always)
    func isChosen(_ cell: UnsafeRawBufferPointer) -> Bool? {
        let bytes = CellText.trimmedASCII(cell)
        if bytes.isEmpty { return false }
        if bytes.count == 1 {
            if bytes[0] == 0x31 { return true }
            if bytes[0] == 0x30 { return false }
        }
        return isChosen(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The slow path.
    func isChosen(text: String) -> Bool? {
        let key = CellText.key(text)
        if Self.notChosen.contains(key) { return false }
        if chosenKeys.contains(key) { return true }
        if let number = ScaleCoder.wholeNumber(key) { return number == 1 ? true : number == 0 ? false : nil }
        return nil
    }
}
