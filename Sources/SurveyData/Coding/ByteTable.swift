/// A hash map from byte strings to `UInt32` values, with the keys copied into one arena:
/// the lookup the coders use so that a repeated cell costs a hash and a compare, never a
/// `String`.
///
/// Open addressing with linear probing, kept at most half full. Keys are compared byte for
/// byte; the caller decides what a key is (raw cell bytes after trimming spaces, usually).
struct ByteTable {
    private struct Slot {
        var hash: UInt64
        var offset: UInt32
        var length: UInt32
        var value: UInt32
        var used: Bool
    }

    private var slots: [Slot]
    private var mask: Int
    private var arena: [UInt8] = []
    /// The number of keys stored.
    private(set) var count = 0

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, offset: 0, length: 0, value: 0, used: false), count: size)
        mask = size - 1
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let chunk = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        return h
    }

    @inline(__always)
    private func equal(_ slot: Slot, _ key: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.length) == key.count else { return false }
        if key.isEmpty { return true }
        return arena.withUnsafeBytes { stored in
            memcmp(stored.baseAddress! + Int(slot.offset), key.baseAddress!, key.count) == 0
        }
    }

    /// The value stored for `key`, or `nil`.
    @inline(__always)
    func value(for key: UnsafeRawBufferPointer) -> UInt32? {
        let h = Self.hash(key)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if !slot.used { return nil }
            if slot.hash == h && equal(slot, key) { return slot.value }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing an earlier value. Returns the earlier value, if any.
    @discardableResult
    mutating func insert(_ value: UInt32, for key: UnsafeRawBufferPointer) -> UInt32? {
        let h = Self.hash(key)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].used {
            if slots[i].hash == h && equal(slots[i], key) {
                let old = slots[i].value
                slots[i].value = value
                return old
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: h, offset: UInt32(arena.count), length: UInt32(key.count), value: value, used: true)
        arena.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// Stores `value` for `key` unless the key is there; returns the value now stored and
    /// whether it was inserted.
    mutating func insertIfAbsent(_ value: UInt32, for key: UnsafeRawBufferPointer) -> (value: UInt32, inserted: Bool) {
        let h = Self.hash(key)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].used {
            if slots[i].hash == h && equal(slots[i], key) { return (slots[i].value, false) }
            i = (i + 1) & mask
        }
        slots[i] = Slot(hash: h, offset: UInt32(arena.count), length: UInt32(key.count), value: value, used: true)
        arena.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
        return (value, true)
    }

    private mutating func grow() {
        let old = slots
        let size = slots.count * 2
        slots = Array(repeating: Slot(hash: 0, offset: 0, length: 0, value: 0, used: false), count: size)
        mask = size - 1
        for slot in old where slot.used {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].used { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
