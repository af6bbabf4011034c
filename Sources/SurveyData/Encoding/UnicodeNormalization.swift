import Foundation

/// Unicode NFC for CSV text, applied only where it can change something.
///
/// Text whose code points all lie below U+0300 is already in NFC (every such character is
/// `NFC_Quick_Check=Yes` and none composes with what precedes it), and in UTF-8 that means no
/// byte is `0xCC` or above. So the check is one pass over the bytes; only text with combining
/// marks or characters past U+02FF (most Vietnamese words with tone marks) goes to Foundation's
/// `precomposedStringWithCanonicalMapping`.
public enum UnicodeNormalization {
    /// Whether the UTF-8 `bytes` are NFC without looking further: no code point ≥ U+0300.
    /// `false` does not mean the text is not NFC, only that it must be checked.
    @inlinable
    public static func isTriviallyNFC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte >= 0xCC { return false }
        return true
    }

    /// The UTF-8 `bytes` as an NFC `String` (invalid sequences become U+FFFD).
    public static func nfcString(_ bytes: UnsafeRawBufferPointer) -> String {
        let string = String(decoding: bytes, as: UTF8.self)
        return isTriviallyNFC(bytes) ? string : string.precomposedStringWithCanonicalMapping
    }

    /// The UTF-8 `bytes` in NFC, or `nil` when they are trivially NFC already (use them as they are).
    public static func nfcBytes(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        if isTriviallyNFC(bytes) { return nil }
        let normalized = Array(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        return normalized.elementsEqual(bytes) ? nil : normalized
    }

    /// Appends the UTF-8 `bytes` to `output` in NFC.
    static func appendNFC(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        if isTriviallyNFC(bytes) {
            output.append(contentsOf: bytes)
        } else {
            output.append(contentsOf: String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        }
    }
}
