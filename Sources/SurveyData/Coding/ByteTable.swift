#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash map from byte strings to `UInt32` values, with the keys copied into one arena:
/// the lookup the coders use so that a repeated cell costs a hash and a compare, never a
/// `String`.
///
/// Open addressing with linear probing, kept at most half full. Keys are compared byte for
/// byte; the caller decides what a key is (raw cell bytes after trimming spaces, usually).
/// Storage is manual (a class owning its buffers) so that a lookup on the hot path does no
/// reference counting, uniqueness or exclusivity checks.
final class ByteTable {
    /// 16 bytes: the hash's high half (which also gives the slot: its low bits, under the
    /// mask, so growing never hashes a key again), where the key starts in the arena, its length plus one
    /// (0 marks an empty slot), and the value.
    private struct Slot {
        var hash: UInt32
        var offset: UInt32
        var lengthPlusOne: UInt32
        var value: UInt32
        @inline(__always) var used: Bool { lengthPlusOne != 0 }
    }
    private static let empty = Slot(hash: 0, offset: 0, lengthPlusOne: 0, value: 0)

    // Unchecked exclusivity: every access is from the one thread that owns the table, and
    // none of these escapes as `inout`; the checks cost more than the lookups they guard.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCount = 0
    @exclusivity(unchecked) private var arenaCapacity: Int
    /// The number of keys stored.
    @exclusivity(unchecked) private(set) var count = 0

    /// An empty table sized for about `capacity` keys.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.capacity = size
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Self.empty, count: size)
        arenaCapacity = max(64, capacity * 8)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// A 64-bit hash of `bytes`, eight bytes at a time; the last up-to-eight bytes in one
    /// load (overlapping the previous word, or three loads for a key under eight bytes), then
    /// a final mix so that the low bits (the slot index) depend on every byte.
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
            var tail: UInt64
            if n >= 8 {
                tail = base.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else {
                tail = 0
                var k = 0
                if n & 4 != 0 { tail = UInt64(base.loadUnaligned(as: UInt32.self)); k = 4 }
                if n & 2 != 0 { tail |= UInt64(base.loadUnaligned(fromByteOffset: k, as: UInt16.self)) << UInt64(k * 8); k += 2 }
                if n & 1 != 0 { tail |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << UInt64(k * 8) }
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }

    @inline(__always)
    private func equal(_ slot: Slot, _ key: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.lengthPlusOne) == key.count + 1 else { return false }
        if key.isEmpty { return true }
        // Keys are short (cells): compared inline, eight bytes at a time, rather than by a call.
        return CategoryCoder.equal(UnsafeRawPointer(arena + Int(slot.offset)), key.baseAddress, key.count)
    }

    /// The value stored for `key`, or `nil`.
    @inline(__always)
    func value(for key: UnsafeRawBufferPointer) -> UInt32? {
        let full = Self.hash(key)
        let h = UInt32(truncatingIfNeeded: full >> 32)
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if !slot.used { return nil }
            if slot.hash == h && equal(slot, key) { return slot.value }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing an earlier value. Returns the earlier value, if any.
    @discardableResult
    func insert(_ value: UInt32, for key: UnsafeRawBufferPointer) -> UInt32? {
        let full = Self.hash(key)
        let h = UInt32(truncatingIfNeeded: full >> 32)
        var i = Int(h) & mask
        while slots[i].used {
            if slots[i].hash == h && equal(slots[i], key) {
                let old = slots[i].value
                slots[i].value = value
                return old
            }
            i = (i + 1) & mask
        }
        add(key, hash: h, value: value, at: i)
        return nil
    }

    /// Stores `value` for `key` unless the key is there; returns the value now stored and
    /// whether it was inserted.
    func insertIfAbsent(_ value: UInt32, for key: UnsafeRawBufferPointer) -> (value: UInt32, inserted: Bool) {
        insertIfAbsent(value, for: key, hash: Self.hash(key))
    }

    /// ``insertIfAbsent(_:for:)`` with the key's ``hash(_:)`` already computed (by a worker).
    func insertIfAbsent(_ value: UInt32, for key: UnsafeRawBufferPointer, hash full: UInt64) -> (value: UInt32, inserted: Bool) {
        let h = UInt32(truncatingIfNeeded: full >> 32)
        var i = Int(h) & mask
        while slots[i].used {
            if slots[i].hash == h && equal(slots[i], key) { return (slots[i].value, false) }
            i = (i + 1) & mask
        }
        add(key, hash: h, value: value, at: i)
        return (value, true)
    }

    private func add(_ key: UnsafeRawBufferPointer, hash h: UInt32, value: UInt32, at i: Int) {
        precondition(arenaCount + key.count < Int(UInt32.max), "a byte table holds at most 4 GiB of keys")
        if arenaCount + key.count > arenaCapacity {
            let bigger = max(arenaCapacity * 2, arenaCount + key.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = bigger
        }
        if !key.isEmpty { (arena + arenaCount).update(from: key.bindMemory(to: UInt8.self).baseAddress!, count: key.count) }
        slots[i] = Slot(hash: h, offset: UInt32(arenaCount), lengthPlusOne: UInt32(key.count + 1), value: value)
        arenaCount += key.count
        count += 1
        if count * 2 > capacity { grow() }
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Self.empty, count: capacity)
        for k in 0..<oldCapacity where old[k].used {
            // The slot index comes from the stored half of the hash: no key is hashed again.
            var i = Int(old[k].hash) & mask
            while slots[i].used { i = (i + 1) & mask }
            slots[i] = old[k]
        }
        old.deallocate()
    }
}
