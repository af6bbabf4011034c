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

    /// The levels, each once.
    private(set) var levels: [String]
    private let dictionary: [String: UInt32]?
    private var byDisplay: [String: UInt32] = [:]
    private let byBytes = ByteTable(capacity: 8)
    /// The last cell coded and its index: exports are often sorted by place, so a cell
    /// usually repeats the one above it.
    private let last = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var lastCount = -1
    private var lastIndex: UInt32 = 0
    /// The most distinct raw spellings remembered; past it values are still coded, slowly.
    static let cacheLimit = 1 << 20

    /// A coder with levels discovered from the data.
    init() {
        levels = []
        dictionary = nil
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
    }

    deinit { last.deallocate() }

    /// Whether `count` bytes at `a` and `b` are equal: eight at a time, inline (cells are short).
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer?, _ count: Int) -> Bool {
        guard count > 0, let b else { return true }
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Whether the levels come from a dictionary.
    var hasDictionary: Bool { dictionary != nil }

    /// The level index of a raw cell, or ``unknown``.
    @inline(__always)
    func code(_ cell: UnsafeRawBufferPointer) -> UInt32 {
        let bytes = CellText.trimmedASCII(cell)
        if bytes.count == lastCount && Self.equal(UnsafeRawPointer(last), bytes.baseAddress, lastCount) {
            return lastIndex
        }
        let index: UInt32
        if let known = byBytes.value(for: bytes) {
            index = known
        } else {
            index = code(text: String(decoding: bytes, as: UTF8.self))
            if byBytes.count < Self.cacheLimit { byBytes.insert(index, for: bytes) }
        }
        if bytes.count <= 64 {
            if !bytes.isEmpty { last.update(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: bytes.count) }
            lastCount = bytes.count
            lastIndex = index
        }
        return index
    }

    /// The level index of a value given as text (the slow path).
    func code(text: String) -> UInt32 {
        if let dictionary { return dictionary[CellText.key(text)] ?? Self.unknown }
        let display = CellText.display(text)
        if let index = byDisplay[display] { return index }
        let index = UInt32(levels.count)
        levels.append(display)
        byDisplay[display] = index
        return index
    }

    /// Adds a level and returns its index.
    func appendLevel(_ level: String) -> UInt32 {
        levels.append(level)
        byDisplay[level] = UInt32(levels.count - 1)
        return UInt32(levels.count - 1)
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
