import SurveySchema
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Codes the cells of one categorical column (a grouping, a stratum, a cluster, a
/// demographic, an extra column) into indices into a list of levels.
///
/// Without a dictionary every distinct value (trimmed, NFC) becomes a level, in order of
/// first appearance. With a dictionary (a group's or a demographic's `values`) the levels
/// are the dictionary's codes in its order, and a cell must be one of the codes or one of
/// their labels in any language, matched by ``CellText/key(_:)``; anything else is
/// ``unknown``.
///
/// Raw spellings are remembered in a ``ByteTable`` so that a repeated value costs one hash.
final class CategoryCoder {
    /// Returned for a value outside the dictionary.
    static let unknown = UInt32.max
    /// Returned by ``code(_:)`` for a cell that is empty once its spaces and tabs are trimmed:
    /// the caller decides what an empty cell means (``code(text:)`` with `""` codes the level `""`).
    static let empty = UInt32.max - 1
    /// Marks a one-byte table entry not decided yet.
    private static let undecided = UInt32.max - 2

    /// The levels, each once.
    private(set) var levels: [String]
    private let dictionary: [String: UInt32]?
    /// Each level's text (NFC, trimmed) as UTF-8 bytes → its index. NFC strings are equal
    /// exactly when their bytes are, so this is the `String`-keyed map without `String`s.
    private let byLevel = ByteTable(capacity: 8)
    /// Raw spellings (trimmed of spaces and tabs) already coded → index.
    private let byBytes = ByteTable(capacity: 8)
    /// Cells of one byte, untrimmed: `single[b]`, or ``undecided``. Filled under trimmed
    /// spellings only, so a lone space never hits.
    private let single: UnsafeMutablePointer<UInt32>
    /// The last cell coded and its index: exports are often sorted by place, so a cell
    /// usually repeats the one above it.
    private let last = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    @exclusivity(unchecked) private var lastCount = -1
    @exclusivity(unchecked) private var lastIndex: UInt32 = 0
    /// The most distinct raw spellings remembered; past it values are still coded, slowly.
    static let cacheLimit = 1 << 20

    /// A coder with levels discovered from the data.
    init() {
        levels = []
        dictionary = nil
        single = .allocate(capacity: 256)
        single.initialize(repeating: Self.undecided, count: 256)
    }

    /// A coder restricted to `values`.
    init(values: [CodeLabel]) {
        levels = values.map { CellText.display($0.code) }
        var dictionary: [String: UInt32] = [:]
        for (index, value) in values.enumerated() {
            for label in value.label.byLanguage.values where dictionary[CellText.key(label)] == nil {
                dictionary[CellText.key(label)] = UInt32(index)
            }
        }
        // Codes win over labels.
        for (index, value) in values.enumerated() { dictionary[CellText.key(value.code)] = UInt32(index) }
        self.dictionary = dictionary
        single = .allocate(capacity: 256)
        single.initialize(repeating: Self.undecided, count: 256)
    }

    deinit {
        last.deallocate()
        single.deallocate()
    }

    /// Whether `count` bytes at `a` and `b` are equal: eight at a time, inline (cells are short);
    /// the last partial word in one overlapping load, or (under eight bytes) in at most three.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer?, _ count: Int) -> Bool {
        guard count > 0, let b else { return true }
        if count < 8 {
            var k = 0
            if count & 4 != 0 {
                if a.loadUnaligned(as: UInt32.self) != b.loadUnaligned(as: UInt32.self) { return false }
                k = 4
            }
            if count & 2 != 0 {
                if a.loadUnaligned(fromByteOffset: k, as: UInt16.self) != b.loadUnaligned(fromByteOffset: k, as: UInt16.self) { return false }
                k += 2
            }
            if count & 1 != 0 {
                return a.load(fromByteOffset: k, as: UInt8.self) == b.load(fromByteOffset: k, as: UInt8.self)
            }
            return true
        }
        var i = 0
        while i + 8 < count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// Whether the levels come from a dictionary.
    var hasDictionary: Bool { dictionary != nil }

    /// The level index of a raw cell, ``unknown`` outside the dictionary, or ``empty``.
    @inline(__always)
    func code(_ cell: UnsafeRawBufferPointer) -> UInt32 {
        if cell.count == 1 {
            let entry = single[Int(cell[0])]
            if entry != Self.undecided { return entry }
        }
        let bytes = CellText.trimmedASCII(cell)
        if bytes.isEmpty { return Self.empty }
        if bytes.count == lastCount && Self.equal(UnsafeRawPointer(last), bytes.baseAddress, lastCount) {
            return lastIndex
        }
        let index: UInt32
        if let known = byBytes.value(for: bytes) {
            index = known
        } else {
            index = codeNew(bytes)
            if bytes.count == 1 {
                single[Int(bytes[0])] = index
            } else if byBytes.count < Self.cacheLimit {
                byBytes.insert(index, for: bytes)
            }
        }
        if bytes.count <= 64 {
            last.update(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: bytes.count)
            lastCount = bytes.count
            lastIndex = index
        }
        return index
    }

    /// A spelling not seen before, trimmed of spaces and tabs. Without a dictionary, bytes that
    /// are their own display text (ASCII at both ends, so nothing more to trim; no byte from
    /// 0xCC up, so trivially NFC: ``UnicodeNormalization/isTriviallyNFC(_:)``) are looked up as
    /// they are; anything else goes through ``code(text:)``, which gives the same level.
    private func codeNew(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard dictionary == nil, Self.isOwnDisplay(bytes) else {
            return code(text: String(decoding: bytes, as: UTF8.self))
        }
        if let index = byLevel.value(for: bytes) { return index }
        return appendLevel(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether ``CellText/display(_:)`` of these (non-empty, space-trimmed) bytes is the bytes.
    static func isOwnDisplay(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, let last = bytes.last,
              (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) else { return false }
        return UnicodeNormalization.isTriviallyNFC(bytes)
    }

    /// The level index of a value given as text (the slow path, and the definition).
    func code(text: String) -> UInt32 {
        if let dictionary { return dictionary[CellText.key(text)] ?? Self.unknown }
        let display = CellText.display(text)
        if let index = Self.withBytes(display, { byLevel.value(for: $0) }) { return index }
        return appendLevel(display)
    }

    /// Adds a level and returns its index.
    func appendLevel(_ level: String) -> UInt32 {
        let index = UInt32(levels.count)
        levels.append(level)
        _ = Self.withBytes(level) { byLevel.insert(index, for: $0) }
        return index
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// The dictionary's codes and labels, for suggestions.
    func knownSpellings(_ values: [CodeLabel]) -> [String] {
        values.flatMap { value in [value.code] + value.label.languages.map { value.label.byLanguage[$0]! } }
    }
}

extension CategoryCoder {
    /// The index of the level `""` that stands for an unknown or missing value, added on
    /// first use (under ``InvalidCellPolicy/asMissing``).
    func missingLevel() -> UInt32 {
        if let index = levels.firstIndex(of: "") { return UInt32(index) }
        return appendLevel("")
    }
}
