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
    static func display(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
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
        display(text).lowercased().precomposedStringWithCanonicalMapping
    }

    /// The key of a raw cell.
    static func key(_ bytes: UnsafeRawBufferPointer) -> String {
        key(String(decoding: bytes, as: UTF8.self))
    }
}
