import Dispatch
import SatisfactionIndex
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document built in code and written deterministically: keys sorted by their UTF-8
/// bytes, two-space indentation, numbers in their shortest round-trip form, and every
/// non-finite number written as `null` (JSON has no NaN).
///
/// `JSONEncoder` can only write non-finite numbers as strings, and an absent key versus a
/// `null` key matters here (a suppressed estimate has no `value` key at all), so outputs build
/// this tree instead.
enum JSONTree: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// A number, or `null` when it is not finite.
    static func finite(_ x: Double) -> JSONTree { x.isFinite ? .number(x) : .null }
    /// An optional number: `null` when absent or not finite.
    static func finite(_ x: Double?) -> JSONTree { x.map(finite) ?? .null }
    /// An optional string: `null` when absent.
    static func string(_ s: String?) -> JSONTree { s.map(JSONTree.string) ?? .null }

    /// The document as UTF-8 text ending in a line break.
    func serialized() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The document as UTF-8 bytes ending in a line break. Written into one byte buffer: an
    /// `analyze --by` document of 200 groups has about 700,000 values.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, depth: 0, parallel: true)
        out.append(0x0A)
        return out
    }

    /// Arrays of at least this many values are written in runs side by side (with `parallel`,
    /// outside such a run), the runs' bytes joined in order: the same bytes as one by one.
    private static let parallelItems = 16

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Enough spaces for any indentation: copied from, not generated per line.
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    private static func newline(_ out: inout [UInt8], depth: Int) {
        out.append(0x0A)
        var left = 2 * depth
        while left > 0 {
            let run = min(left, spaces.count)
            out.append(contentsOf: spaces[0..<run])
            left -= run
        }
    }

    /// Whether `a` sorts before `b` by their UTF-8 bytes (memcmp, then the shorter first).
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = min(pa.count, pb.count)
                let order = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
                return order != 0 ? order < 0 : pa.count < pb.count
            }
        }
    }

    private func write(into out: inout [UInt8], depth: Int, parallel: Bool = false) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .int(let i): Self.append(String(i), to: &out)
        case .number(let x): Self.append(Self.number(x), to: &out)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { Self.append("[]", to: &out); return }
            out.append(0x5B)
            @Sendable func write(_ range: Range<Int>, into out: inout [UInt8], parallel: Bool) {
                for i in range {
                    if i > 0 { out.append(0x2C) }
                    Self.newline(&out, depth: depth + 1)
                    items[i].write(into: &out, depth: depth + 1, parallel: parallel)
                }
            }
            if parallel && items.count >= Self.parallelItems {
                // An `analyze --by` document's groups: 200 of them take 0.25 s on one core.
                let runs = Self.parallelItems
                let parts = Slots<[UInt8]>(count: runs)
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    var part: [UInt8] = []
                    write((items.count * run / runs)..<(items.count * (run + 1) / runs), into: &part, parallel: false)
                    parts.set(run, part)
                }
                for run in 0..<runs { out += parts.get(run) }
            } else {
                write(items.indices, into: &out, parallel: parallel)
            }
            Self.newline(&out, depth: depth)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { Self.append("{}", to: &out); return }
            out.append(0x7B)
            let keys = members.keys.sorted(by: Self.precedes)
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.newline(&out, depth: depth + 1)
                Self.quote(key, into: &out)
                Self.append(": ", to: &out)
                members[key]!.write(into: &out, depth: depth + 1, parallel: parallel)
            }
            Self.newline(&out, depth: depth)
            out.append(0x7D)
        }
    }

    /// Shortest round-trip decimal (Swift's `description`), with integral values written
    /// without `.0` and `-0` as `0`.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == 0 { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, `\uXXXX`;
    /// U+2028 and U+2029 escaped too so that the text is also safe inside JavaScript. Runs of
    /// bytes that need no escape are copied whole.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var run = 0  // start of the bytes not yet copied
            var i = 0
            func flush(_ end: Int) {
                if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<end])) }
            }
            while i < utf8.count {
                let byte = utf8[i]
                var escape: StaticString?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    if byte < 0x20 || byte == 0x7F {
                        flush(i)
                        let hex = String(byte, radix: 16, uppercase: false)
                        append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
                        i += 1
                        run = i
                        continue
                    }
                }
                if let escape {
                    flush(i)
                    append(escape, to: &out)
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            flush(utf8.count)
        }
        out.append(0x22)
    }
}
