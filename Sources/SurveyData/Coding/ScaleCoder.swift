import SurveySchema

/// Codes raw cells answered on one ``Scale`` into ``AnswerCode``s, straight from the bytes.
///
/// A cell, after its surrounding spaces are trimmed, is
/// - empty: ``AnswerCode/noAnswer``;
/// - one of the scale's missing codes: that kind (``AnswerCode/noAnswer``,
///   ``AnswerCode/dontKnow``, ``AnswerCode/notApplicable``);
/// - a point's value written as a whole number (`4`, `04`, `4.0`, `4,0`, `4.00`): that
///   point, stored as its 1-based position;
/// - a point's label in any of the survey's languages, in any letter case and any Unicode
///   normal form: that point;
/// - anything else (`4.5`, `6` on a 1…5 scale, a misspelt label): ``AnswerCode/invalid``.
///
/// Missing codes and labels are matched by ``CellText/key(_:)`` (trimmed, NFC, lowercased);
/// a missing code that is also a label wins as the missing code.
///
/// Speed: a cell of one or two ASCII bytes is looked up in a table indexed by the bytes
/// themselves (256 + 65,536 entries); a longer cell in a ``ByteTable`` keyed by its raw
/// bytes. Both are filled lazily: the first time a spelling is seen it is decoded as text,
/// and the answer is remembered for those exact bytes. After that a cell costs one table
/// read or one hash, never a `String`. At most ``cacheLimit`` long spellings are remembered,
/// so a file full of distinct junk cannot grow memory without bound.
final class ScaleCoder {
    /// The scale this coder reads.
    let scale: Scale
    /// The most long spellings remembered.
    static let cacheLimit = 4096
    /// Spellings longer than this (in bytes) are neither looked up nor remembered: no label
    /// is that long, so such a cell is junk that will not repeat, and hashing it twice (or
    /// copying it into the cache) would only cost time.
    static let longestRemembered = 256

    /// Marks a table entry that has not been decided yet.
    static let undecided: UInt8 = 0xFC

    /// The table for cells of one or two bytes: `short[b]` and `short[256 + b0 << 8 | b1]`.
    let short: UnsafeMutablePointer<UInt8>
    private let long = ByteTable(capacity: 64)
    /// Key text → code: values, labels and missing codes.
    private let byKey: [String: AnswerCode]

    /// A coder for `scale`: its labels in every language it has are accepted.
    init(scale: Scale) {
        self.scale = scale
        var byKey: [String: AnswerCode] = [:]
        for (offset, point) in scale.points.enumerated() {
            let code = AnswerCode.point(offset + 1)
            for label in point.label.byLanguage.values { byKey[CellText.key(label)] = code }
        }
        for kind in MissingKind.allCases {
            let code = Self.code(for: kind)
            for raw in scale.missing.codes(kind) { byKey[CellText.key(raw)] = code }
        }
        byKey[""] = .noAnswer
        self.byKey = byKey
        short = .allocate(capacity: 256 + 65_536)
        short.initialize(repeating: Self.undecided, count: 256 + 65_536)
    }

    deinit { short.deallocate() }

    /// The code for a kind of missing.
    static func code(for kind: MissingKind) -> AnswerCode {
        switch kind {
        case .noAnswer: .noAnswer
        case .dontKnow: .dontKnow
        case .notApplicable: .notApplicable
        }
    }

    /// The code of one raw cell (UTF-8 bytes as read).
    @inline(__always)
    func code(_ cell: UnsafeRawBufferPointer) -> AnswerCode {
        let bytes = CellText.trimmedASCII(cell)
        switch bytes.count {
        case 0:
            return .noAnswer
        case 1:
            let entry = short[Int(bytes[0])]
            if entry != Self.undecided { return AnswerCode(rawValue: entry) }
        case 2:
            let entry = short[256 + (Int(bytes[0]) << 8 | Int(bytes[1]))]
            if entry != Self.undecided { return AnswerCode(rawValue: entry) }
        default:
            if bytes.count <= Self.longestRemembered, let entry = long.value(for: bytes) {
                return AnswerCode(rawValue: UInt8(entry))
            }
        }
        return decide(bytes)
    }

    /// Codes a spelling not seen before and remembers the answer for its bytes.
    func decide(_ bytes: UnsafeRawBufferPointer) -> AnswerCode {
        let code = code(text: String(decoding: bytes, as: UTF8.self))
        switch bytes.count {
        case 1: short[Int(bytes[0])] = code.rawValue
        case 2: short[256 + (Int(bytes[0]) << 8 | Int(bytes[1]))] = code.rawValue
        default:
            if long.count < Self.cacheLimit && bytes.count <= Self.longestRemembered {
                long.insert(UInt32(code.rawValue), for: bytes)
            }
        }
        return code
    }

    /// The code of a cell given as text: the slow path, and the definition of what is accepted.
    func code(text: String) -> AnswerCode {
        let key = CellText.key(text)
        if let code = byKey[key] { return code }
        if let value = Self.wholeNumber(key), value >= scale.minValue, value <= scale.maxValue {
            return .point(value - scale.minValue + 1)
        }
        return .invalid
    }

    /// The value of `text` when it is a whole number: an optional `-`, digits, and optionally
    /// `.` or `,` followed only by zeros (`4`, `04`, `-2`, `4.0`, `4,00`). `nil` otherwise,
    /// and for numbers too long to be a scale value.
    static func wholeNumber(_ text: String) -> Int? {
        // On the UTF-8 bytes: every accepted character is ASCII, so a byte outside ASCII (a
        // combining mark after a digit, say) rejects the text as a `Character` test would,
        // and a long text is rejected after ten bytes (or its zeros checked eight at a time)
        // without being broken into characters.
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let n = bytes.count
            var i = 0
            var negative = false
            if n > 0 && bytes[0] == 0x2D {  // "-"
                negative = true
                i = 1
            }
            var value = 0, digits = 0
            while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                digits += 1
                if digits > 9 { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < n {
                guard bytes[i] == 0x2E || bytes[i] == 0x2C, i + 1 < n else { return nil }  // "." or ",", then a fraction
                i += 1
                let raw = UnsafeRawBufferPointer(bytes)
                while i + 8 <= n {
                    if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) != 0x3030_3030_3030_3030 { return nil }
                    i += 8
                }
                while i < n {
                    if bytes[i] != 0x30 { return nil }
                    i += 1
                }
            }
            return negative ? -value : value
        }
    }

    /// Every spelling this coder knows by name, for "closest known label" suggestions:
    /// the point values and every label in every language, as written in the survey.
    var knownSpellings: [String] {
        var result: [String] = scale.points.map { String($0.value) }
        for point in scale.points {
            for language in point.label.languages { result.append(point.label.byLanguage[language]!) }
        }
        for kind in MissingKind.allCases {
            result.append(contentsOf: scale.missing.codes(kind).filter { !$0.isEmpty })
        }
        return result
    }
}
