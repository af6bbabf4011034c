#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The respondent ids seen so far in an import, each with the line it was first seen on: how
/// a later row with the same id is found to be a duplicate.
///
/// One id per accepted row, so this is sized by the rows, not by the distinct values of a
/// column as the coders' ``ByteTable``s are; it is laid out for that (docs/import.md,
/// "Memory"):
/// - a slot is 8 bytes: the top 24 bits of the id's hash, and where its entry starts in the
///   arena (plus one; 0 marks an empty slot). The table is kept at most three quarters full
///   and can be sized once for the rows the file should hold (``reserve(_:)``);
/// - the arena holds each entry once, packed: the first line (4 bytes), the id's length
///   (1 byte below 128, else more) and the id's bytes. It grows by half with `realloc`,
///   which moves large blocks by remapping pages, not by copying them.
/// At a million 12-byte ids that is 16 MB of slots and 17 MB of arena; a table of 16-byte
/// slots kept half full took 32 MB and 16 MB.
///
/// Ids are compared byte for byte: two different ids are never taken for one.
final class RespondentTable {
    private static let offsetBits: UInt64 = 40
    private static let offsetMask: UInt64 = (1 << offsetBits) - 1

    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    /// The number of slots.
    @exclusivity(unchecked) private(set) var capacity: Int
    @exclusivity(unchecked) private var arena: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var arenaCount = 0
    @exclusivity(unchecked) private var arenaCapacity: Int
    @exclusivity(unchecked) private var touched: UInt64 = 0
    /// The number of ids stored.
    @exclusivity(unchecked) private(set) var count = 0

    /// An empty table with room for about `capacity` ids before it grows.
    init(capacity: Int = 1024) {
        self.capacity = Self.slotCount(for: capacity)
        slots = .allocate(capacity: self.capacity)
        slots.initialize(repeating: 0, count: self.capacity)
        arenaCapacity = max(256, capacity * 16)
        arena = malloc(arenaCapacity)!
    }

    deinit {
        slots.deallocate()
        free(arena)
    }

    /// Bytes held by the table.
    var memory: Int { capacity * 8 + arenaCapacity }

    /// The power of two that keeps `ids` ids at most three quarters full.
    private static func slotCount(for ids: Int) -> Int {
        var size = 16
        while size / 4 * 3 < ids { size <<= 1 }
        return size
    }

    /// Reads the home slot of each of `hashes` (``ByteTable/hash(_:)`` values) once, so that
    /// the inserts that follow find them in the cache: the table is far larger than the cache
    /// and each insert misses once; loads that do not depend on one another overlap, where a
    /// probe followed by an insert waits for each miss in turn.
    func touch(_ hashes: UnsafeBufferPointer<UInt64>) {
        var sink: UInt64 = 0
        for hash in hashes { sink |= slots[Int(truncatingIfNeeded: hash) & (capacity - 1)] }
        touched = sink  // kept, so that the loads are not optimized away
    }

    /// Makes room for `ids` ids in all without growing again, when that is more than now.
    func reserve(_ ids: Int) {
        let size = Self.slotCount(for: ids)
        if size > capacity { rehash(to: size) }
    }

    /// Stores `id`, first seen on `line`, unless it is there; returns the line stored for it
    /// and whether it was inserted. `hash` is ``ByteTable/hash(_:)`` of `id`.
    func insertIfAbsent(_ line: UInt32, for id: UnsafeRawBufferPointer, hash: UInt64) -> (line: UInt32, inserted: Bool) {
        let tag = hash >> Self.offsetBits
        var i = Int(truncatingIfNeeded: hash) & (capacity - 1)
        while slots[i] != 0 {
            let slot = slots[i]
            if slot >> Self.offsetBits == tag, let first = firstLine(at: Int(slot & Self.offsetMask) - 1, ifKeyIs: id) {
                return (first, false)
            }
            i = (i + 1) & (capacity - 1)
        }
        let offset = append(line, id)
        slots[i] = tag << Self.offsetBits | UInt64(offset + 1)
        count += 1
        if count > capacity / 4 * 3 { rehash(to: capacity * 2) }
        return (line, true)
    }

    /// The line of the entry at `offset` when its id is `id`.
    @inline(__always)
    private func firstLine(at offset: Int, ifKeyIs id: UnsafeRawBufferPointer) -> UInt32? {
        let (p, length) = key(at: offset)
        guard length == id.count else { return nil }
        if length > 0, memcmp(arena + p, id.baseAddress!, length) != 0 { return nil }
        return arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }

    /// Where the id of the entry at `offset` starts in the arena, and its length.
    @inline(__always)
    private func key(at offset: Int) -> (start: Int, length: Int) {
        var p = offset + 4
        var length = 0, shift = 0
        while true {
            let byte = arena.load(fromByteOffset: p, as: UInt8.self)
            p += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return (p, length)
    }

    /// Appends an entry for `id` and returns where it starts.
    private func append(_ line: UInt32, _ id: UnsafeRawBufferPointer) -> Int {
        let needed = 4 + 10 + id.count
        if arenaCount + needed > arenaCapacity {
            let bigger = max(arenaCapacity + arenaCapacity / 2, arenaCount + needed)
            precondition(UInt64(bigger) < Self.offsetMask, "respondent ids take at most 1 TiB")
            arena = realloc(arena, bigger)!
            arenaCapacity = bigger
        }
        let start = arenaCount
        arena.storeBytes(of: line, toByteOffset: start, as: UInt32.self)
        var p = start + 4
        var length = id.count
        while length >= 0x80 {
            arena.storeBytes(of: UInt8(length & 0x7F) | 0x80, toByteOffset: p, as: UInt8.self)
            length >>= 7
            p += 1
        }
        arena.storeBytes(of: UInt8(length), toByteOffset: p, as: UInt8.self)
        p += 1
        if !id.isEmpty { (arena + p).copyMemory(from: id.baseAddress!, byteCount: id.count) }
        arenaCount = p + id.count
        return start
    }

    /// Moves every slot to a table of `size` slots. The slot index comes from the hash, of
    /// which only the tag is kept, so each entry's id is hashed again (rare: the importer
    /// sizes the table once for the rows it expects).
    private func rehash(to size: Int) {
        let old = slots, oldCapacity = capacity
        capacity = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        for k in 0..<oldCapacity where old[k] != 0 {
            let offset = Int(old[k] & Self.offsetMask) - 1
            let (p, length) = key(at: offset)
            let hash = ByteTable.hash(UnsafeRawBufferPointer(start: arena + p, count: length))
            var i = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = old[k]
        }
        old.deallocate()
    }
}
