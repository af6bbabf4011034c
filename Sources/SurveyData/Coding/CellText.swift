import Foundation

/// How a raw cell becomes the text it is compared by.
///
/// - ``trimmedASCII(_:)``: the cell's bytes without surrounding spaces and tabs, the cheap
///   trim of the hot path;
/// - ``display(_:)``: the cell as text for people: trimmed of all Unicode white space
///   (no-break spaces too) and in NFC;
/// - ``key(_:)``: the text cells are matched by: ``display(_:)`` lowercased, so that
///   "Hài lòng", "HÀI LÒNG" and the decomposed "Hài lòng" are one key.
enum CellText {
    /// `bytes` without leading and trailing ASCII spaces and tabs.
    @inline(__always)
    static func trimmedASCII(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard var start = bytes.baseAddress, !bytes.isEmpty else { return bytes }
        var end = start + bytes.count
        while start < end {
            let c = start.load(as: UInt8.self)
            guard c == 0x20 || c == 0x09 else { break }
            start += 1
        }
        while end > start {
            let c = (end - 1).load(as: UInt8.self)
            guard c == 0x20 || c == 0x09 else { break }
            end -= 1
        }
        return UnsafeRawBufferPointer(start: start, count: end - start)
    }

    /// The cell as people should see it: trimmed of white space, in NFC.
    static func display(_ bytes: UnsafeRawBufferPointer) -> String {
        display(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` trimmed of white space, in NFC.
    ///
    /// ASCII text (most cells) is trimmed on its bytes: it is NFC already, and its white space
    /// is exactly tab, LF, VT, FF, CR and space, so the result is Foundation's, without the
    /// round trip through it (which costs seconds on a 10 MB cell).
    static func display(_ text: String) -> String {
        if let trimmed = trimmedIfASCII(text) { return trimmed }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// `text` trimmed of white space when it is all ASCII, else `nil`.
    private static func trimmedIfASCII(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard isASCII(UnsafeRawBufferPointer(bytes)) else { return nil }
            var start = 0, end = bytes.count
            while start < end && isASCIIWhiteSpace(bytes[start]) { start += 1 }
            while end > start && isASCIIWhiteSpace(bytes[end - 1]) { end -= 1 }
            if start == 0 && end == bytes.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    @inline(__always)
    private static func isASCIIWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= bytes.count {
            high |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            high |= UInt64(base.load(fromByteOffset: i, as: UInt8.self))
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The cell as messages and the report show it: ``display(_:)``, cut to its first
    /// 100 characters and `…` when longer, so that a runaway field cannot fill the report.
    static func shown(_ bytes: UnsafeRawBufferPointer) -> String {
        let prefix = bytes.count > 1000 ? UnsafeRawBufferPointer(rebasing: bytes[0..<1000]) : bytes
        let text = display(prefix)
        return text.count > 100 || bytes.count > 1000 ? String(text.prefix(100)) + "…" : text
    }

    /// The key a cell is matched by: trimmed, NFC, lowercased.
    static func key(_ text: String) -> String {
        var display = display(text)
        // ASCII stays ASCII when lowercased, and ASCII is NFC.
        if display.withUTF8({ isASCII(UnsafeRawBufferPointer($0)) }) { return display.lowercased() }
        return display.lowercased().precomposedStringWithCanonicalMapping
    }

    /// The key of a raw cell.
    static func key(_ bytes: UnsafeRawBufferPointer) -> String {
        key(String(decoding: bytes, as: UTF8.self))
    }
}
