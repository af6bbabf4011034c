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
    func serialized() -> String {
        var out = ""
        write(into: &out, indent: "")
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x): out += Self.number(x)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                out += inner
                Self.quote(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: inner)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += indent + "}"
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
    /// U+2028 and U+2029 escaped too so that the text is also safe inside JavaScript.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
