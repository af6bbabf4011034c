/// The respondent ids of the accepted rows, each with the line it was first seen on: how the
/// merge finds a duplicate respondent across batches.
///
/// One id per accepted row, so at a million rows this is the importer's largest table after
/// the columns themselves. It holds 16 bytes per id plus its bytes, where a ``ByteTable``
/// holds 32 plus its bytes (16-byte slots, at most half full): an 8-byte slot (the high half
/// of the id's ``ByteTable/hash(_:)`` and the id's number), and per id its end in the key
/// bytes and its first line. Ids are numbered in the order they are added, so the key bytes
/// are one run and an id's bytes lie between the end of the one before and its own.
///
/// Open addressing with linear probing, at most half full; growing never hashes an id again
/// (the slot comes from the stored half of the hash, as in ``ByteTable``). Used by the
/// merging thread only.
final class RespondentTable {
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var keys: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var keyBytes = 0
    @exclusivity(unchecked) private var keyCapacity: Int
    /// Per id: where its bytes end in `keys`, and its first line.
    @exclusivity(unchecked) private var ends: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var lines: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var idCapacity: Int
    @exclusivity(unchecked) private var touched: UInt64 = 0
    /// The number of ids stored.
    @exclusivity(unchecked) private(set) var count = 0

    init() {
        capacity = 1024
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        keyCapacity = 4096
        keys = .allocate(capacity: keyCapacity)
        idCapacity = 512
        ends = .allocate(capacity: idCapacity)
        lines = .allocate(capacity: idCapacity)
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
        ends.deallocate()
        lines.deallocate()
    }

    /// Reads the home slot of each of `hashes` (``ByteTable/hash(_:)`` values) once, so that
    /// the inserts that follow find them in the cache. The table is far larger than the
    /// cache and each insert misses once; loads that do not depend on one another overlap,
    /// where a probe followed by an insert waits for each miss in turn.
    func touch(_ hashes: UnsafeBufferPointer<UInt64>) {
        var sink: UInt64 = 0
        for full in hashes { sink |= slots[Int(UInt32(truncatingIfNeeded: full >> 32)) & mask] }
        touched = sink  // kept, so that the loads are not optimized away
    }

    /// Stores `line` for `id` unless the id is there; returns the line now stored (the first
    /// line of the id) and whether it was inserted. `hash` is ``ByteTable/hash(_:)`` of `id`.
    func insertIfAbsent(_ line: UInt32, for id: UnsafeRawBufferPointer, hash full: UInt64) -> (line: UInt32, inserted: Bool) {
        let h = UInt32(truncatingIfNeeded: full >> 32)
        var i = Int(h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            if UInt32(truncatingIfNeeded: slot >> 32) == h {
                let k = Int(UInt32(truncatingIfNeeded: slot)) - 1
                let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
                if end - start == id.count && CategoryCoder.equal(UnsafeRawPointer(keys + start), id.baseAddress, id.count) {
                    return (lines[k], false)
                }
            }
            i = (i + 1) & mask
        }
        add(id, line: line, hash: h, at: i)
        return (line, true)
    }

    private func add(_ id: UnsafeRawBufferPointer, line: UInt32, hash h: UInt32, at i: Int) {
        precondition(keyBytes + id.count < Int(UInt32.max) && count < Int(UInt32.max) - 1,
                     "the respondent table holds at most 4 GiB of ids")
        if keyBytes + id.count > keyCapacity {
            let bigger = max(keyCapacity * 2, keyBytes + id.count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            grown.update(from: keys, count: keyBytes)
            keys.deallocate()
            keys = grown
            keyCapacity = bigger
        }
        if count == idCapacity {
            let bigger = idCapacity * 2
            let grownEnds = UnsafeMutablePointer<UInt32>.allocate(capacity: bigger)
            grownEnds.update(from: ends, count: count)
            ends.deallocate()
            ends = grownEnds
            let grownLines = UnsafeMutablePointer<UInt32>.allocate(capacity: bigger)
            grownLines.update(from: lines, count: count)
            lines.deallocate()
            lines = grownLines
            idCapacity = bigger
        }
        if !id.isEmpty { (keys + keyBytes).update(from: id.bindMemory(to: UInt8.self).baseAddress!, count: id.count) }
        keyBytes += id.count
        ends[count] = UInt32(keyBytes)
        lines[count] = line
        count += 1
        slots[i] = UInt64(h) << 32 | UInt64(count)  // the id's number plus one: 0 marks an empty slot
        if count * 2 > capacity { grow() }
    }

    private func grow() {
        let old = slots, oldCapacity = capacity
        capacity *= 2
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        for k in 0..<oldCapacity where old[k] != 0 {
            var i = Int(UInt32(truncatingIfNeeded: old[k] >> 32)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = old[k]
        }
        old.deallocate()
    }
}
