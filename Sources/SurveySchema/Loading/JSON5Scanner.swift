/// A structural scan of JSON5 text that finds what Foundation's reader does not report:
/// where a syntax error is (line and column), and keys repeated within one object (which
/// the reader silently collapses to one value).
///
/// It is not a second parser of record: `JSONDecoder` decides what the file means. The
/// scanner runs only to locate an error the decoder reported, and to find repeated keys in
/// a file the decoder accepted. It checks structure (brackets, commas, colons, strings,
/// comments, keys) and that a number fits a `Double`; it does not check the escapes in strings.
/// It stops at ``JSON5Preflight/maxDepth`` levels of nesting, so its recursion is bounded.
struct JSON5Scanner {
    /// A syntax error: 1-based line and column (in Unicode scalars), and what was expected.
    struct SyntaxError: Error, Equatable {
        var line: Int
        var column: Int
        var detail: String
    }

    /// A key that appears more than once in one object, with the path of its second use.
    struct RepeatedKey: Equatable {
        var key: String
        var path: SurveyPath
    }

    private let bytes: [UInt8]
    /// Where the text starts: after a byte-order mark, if there is one.
    private let start: Int
    private var offset: Int
    /// How many lists and objects are open at `offset`.
    private var depth = 0
    private(set) var repeatedKeys: [RepeatedKey] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        offset = start
    }

    /// Scans the whole text; throws the first syntax error.
    mutating func scan() throws(SyntaxError) {
        try skipSpace()
        try value(at: .root)
        try skipSpace()
        if offset < bytes.count {
            throw error("unexpected \(found()) after the end of the top-level value")
        }
    }

    // MARK: Values

    private mutating func value(at path: SurveyPath) throws(SyntaxError) {
        guard let byte = peek() else { throw error("the file ends where a value should be; close every { and [") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSON5Preflight.maxDepth else {
                throw error("lists and objects are nested more than \(JSON5Preflight.maxDepth) levels deep here")
            }
            depth += 1
            defer { depth -= 1 }
            if byte == UInt8(ascii: "{") { try object(at: path) } else { try array(at: path) }
        case UInt8(ascii: "\""), UInt8(ascii: "'"): try string(keepingText: false)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            let start = offset
            offset += 1
            while let next = peek(), isNumberByte(next) { offset += 1 }
            try checkRange(start)
        default:
            let start = offset
            let word = identifier()
            if ["true", "false", "null", "Infinity", "NaN"].contains(word) { return }
            offset = start
            if word.isEmpty {
                throw error("expected a value, found \(found())")
            }
            throw error("expected a value, found \(word) (text values need quotes: \"\(word)\")")
        }
    }

    private mutating func object(at path: SurveyPath) throws(SyntaxError) {
        offset += 1  // {
        var keys: Set<String> = []
        while true {
            try skipSpace()
            guard let byte = peek() else { throw error("the file ends inside an object; close it with }") }
            if byte == UInt8(ascii: "}") {
                offset += 1
                return
            }
            let key: String
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                key = try string(keepingText: true)
            } else {
                key = identifier()
                if key.isEmpty { throw error("expected a key or \"}\", found \(found())") }
            }
            let keyPath = path.appending(key)
            if !keys.insert(key).inserted {
                repeatedKeys.append(RepeatedKey(key: key, path: keyPath))
            }
            try skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected \":\" after the key \"\(key)\", found \(found())") }
            offset += 1
            try skipSpace()
            try value(at: keyPath)
            try skipSpace()
            guard let next = peek() else { throw error("the file ends inside an object; close it with }") }
            if next == UInt8(ascii: ",") {
                offset += 1
            } else if next != UInt8(ascii: "}") {
                throw error("expected \",\" or \"}\" after the value of \"\(key)\", found \(found())")
            }
        }
    }

    private mutating func array(at path: SurveyPath) throws(SyntaxError) {
        offset += 1  // [
        var index = 0
        while true {
            try skipSpace()
            guard let byte = peek() else { throw error("the file ends inside a list; close it with ]") }
            if byte == UInt8(ascii: "]") {
                offset += 1
                return
            }
            try value(at: path.appending(index))
            index += 1
            try skipSpace()
            guard let next = peek() else { throw error("the file ends inside a list; close it with ]") }
            if next == UInt8(ascii: ",") {
                offset += 1
            } else if next != UInt8(ascii: "]") {
                throw error("expected \",\" or \"]\" after a list entry, found \(found())")
            }
        }
    }

    /// A quoted string; returns its text with simple escapes resolved (enough for keys), or
    /// "" unless `keepingText` (a value's text is not needed, and may be megabytes long).
    @discardableResult
    private mutating func string(keepingText: Bool) throws(SyntaxError) -> String {
        let start = offset
        let quote = bytes[offset]
        offset += 1
        var text: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == quote {
                offset += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                offset += 2  // an escape, or a line continuation
                if keepingText, offset <= bytes.count { text.append(bytes[offset - 1]) }
                if offset - 1 < bytes.count, bytes[offset - 1] == UInt8(ascii: "\r"), peek() == UInt8(ascii: "\n") {
                    offset += 1  // a continuation across \r\n
                }
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if keepingText { text.append(byte) }
            offset += 1
        }
        offset = start
        throw error("this string is not closed; end it with \(quote == UInt8(ascii: "'") ? "'" : "\"") on the same line")
    }

    /// An unquoted key or literal: ASCII letters, digits, `_`, `$`, and any non-ASCII scalar.
    private mutating func identifier() -> String {
        let start = offset
        while let byte = peek(), isIdentifierByte(byte) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Refuses a decimal number a `Double` cannot hold (Foundation refuses it without a
    /// place): too large (`1e400` is infinite) or too small to tell from 0 (`1e-400`).
    /// `start` is where the number begins; the error points there.
    private mutating func checkRange(_ start: Int) throws(SyntaxError) {
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        let body = text.drop { $0 == "+" || $0 == "-" }
        guard let first = body.first, first.isNumber || first == ".",
              !body.lowercased().hasPrefix("0x"), let value = Double(text) else { return }
        let digits = body.prefix { $0 != "e" && $0 != "E" }
        if value.isInfinite {
            offset = start
            throw error("the number \(text) is too large (a number must be below 1.8e308 in size)")
        }
        if value == 0, digits.contains(where: { ("1"..."9").contains($0) }) {
            offset = start
            throw error("the number \(text) is too small to tell from 0 (below 5e-324 in size); write 0 if 0 is meant")
        }
    }

    // MARK: Space and comments

    private mutating func skipSpace() throws(SyntaxError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                offset += 1
            case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0xA0:  // no-break space
                offset += 2
            case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                offset += 3  // line and paragraph separators
            case 0xEF where offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF:
                offset += 3  // byte-order mark
            case UInt8(ascii: "/") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "/"):
                while let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { offset += 1 }
            case UInt8(ascii: "/") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "*"):
                let start = offset
                offset += 2
                while offset + 1 < bytes.count, !(bytes[offset] == UInt8(ascii: "*") && bytes[offset + 1] == UInt8(ascii: "/")) {
                    offset += 1
                }
                guard offset + 1 < bytes.count else {
                    offset = start
                    throw error("this /* comment is not closed; end it with */")
                }
                offset += 2
            default:
                return
            }
        }
    }

    // MARK: Helpers

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        isIdentifierByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// What is at the current offset, for messages.
    private func found() -> String {
        guard offset < bytes.count else { return "the end of the file" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        switch character {
        case "\n", "\r": return "a line break"
        case "\"": return "'\"'"
        default: return "\"\(character)\""
        }
    }

    private func error(_ detail: String) -> SyntaxError {
        let (line, column) = TextPosition.of(offset, in: bytes, from: start)
        return SyntaxError(line: line, column: column, detail: detail)
    }
}
