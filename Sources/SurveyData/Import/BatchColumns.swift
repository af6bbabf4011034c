import Foundation

/// The accepted rows of one batch, column by column: what a worker's ``BatchCoder`` fills
/// and the merge (``ImportRun``) appends to the file's columns.
///
/// Blocks are recycled through a ``BlockPool``: a worker takes one, the merge gives it back
/// once appended, and the next batch reuses its storage. Allocating them per batch on the
/// worker threads and freeing them on the merging thread left each worker's malloc arena
/// holding megabytes of freed blocks (peak memory +7 MB at 1 million rows).
final class BatchColumns: @unchecked Sendable {
    /// The columns. A worker moves them out while it fills them (``BatchCoder/code(_:)``
    /// works on a local copy: a class property touched per row would cost a dynamic
    /// exclusivity check each time) and back when done.
    var storage: Storage

    struct Storage {
        var answers: ColumnBuffer<UInt8>
        var categories: ColumnBuffer<UInt32>
        var selections: ColumnBuffer<UInt64>
        /// Rows stored.
        var rows = 0
        var lineNumbers: [UInt32] = []
        var weights: [Double] = []
        var fpcs: [Double] = []
        /// The respondent id of each row, as bytes; row `i` is `ids[idEnds[i - 1] ..< idEnds[i]]`.
        var ids: [UInt8] = []
        var idEnds: [UInt32] = []
        /// Each id's ``ByteTable/hash(_:)``, computed by the worker.
        var idHashes: [UInt64] = []

        init(scales: Int, categories: Int, selections: Int) {
            answers = ColumnBuffer(width: scales)
            self.categories = ColumnBuffer(width: categories)
            self.selections = ColumnBuffer(width: selections)
        }

        /// Rows the buffers hold before they must grow.
        var capacity: Int { answers.capacity }

        /// Room for `capacity` rows, keeping the first `rows`.
        mutating func grow(to capacity: Int, rows: Int) {
            answers.grow(to: capacity, rows: rows)
            categories.grow(to: capacity, rows: rows)
            selections.grow(to: capacity, rows: rows)
        }

        /// Empty again, storage kept.
        mutating func reset() {
            rows = 0
            lineNumbers.removeAll(keepingCapacity: true)
            weights.removeAll(keepingCapacity: true)
            fpcs.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            idEnds.removeAll(keepingCapacity: true)
            idHashes.removeAll(keepingCapacity: true)
        }
    }

    init(scales: Int, categories: Int, selections: Int) {
        storage = Storage(scales: scales, categories: categories, selections: selections)
    }

    deinit {
        storage.answers.deallocate()
        storage.categories.deallocate()
        storage.selections.deallocate()
    }
}

/// Column blocks not in use, shared by the workers and the merge.
final class BlockPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [BatchColumns] = []

    /// An empty block of these widths: a recycled one when there is one.
    func take(scales: Int, categories: Int, selections: Int) -> BatchColumns {
        lock.lock()
        let block = free.popLast()
        lock.unlock()
        if let block, block.storage.answers.width == scales, block.storage.categories.width == categories,
           block.storage.selections.width == selections {
            block.storage.reset()
            return block
        }
        return BatchColumns(scales: scales, categories: categories, selections: selections)
    }

    /// Gives a block back; the caller no longer touches it.
    func give(_ block: BatchColumns) {
        lock.lock()
        free.append(block)
        lock.unlock()
    }
}

/// Values of `width` columns for a growing number of rows, column after column in one block:
/// column `c` of row `r` is at `c * stride + r`, where the stride is the capacity plus one
/// cache line. Without that line, a power-of-two capacity put every column's row `r` in the
/// same few sets of the first-level cache (49 answer columns at a 2,048-byte stride share two
/// of its 64 sets), so that storing a row evicted the lines the previous rows had just written.
/// Owned by a ``BatchColumns`` block.
struct ColumnBuffer<T> {
    let width: Int
    private(set) var capacity = 0
    private var stride = 0
    private var base: UnsafeMutablePointer<T>?

    init(width: Int) { self.width = width }

    /// Room for `capacity` rows, keeping the first `rows`.
    mutating func grow(to capacity: Int, rows: Int) {
        guard width > 0 else {
            self.capacity = capacity
            return
        }
        let stride = capacity + max(1, 64 / MemoryLayout<T>.stride)
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: width * stride)
        if let base {
            for c in 0..<width { (bigger + c * stride).moveInitialize(from: base + c * self.stride, count: rows) }
            base.deallocate()
        }
        base = bigger
        self.capacity = capacity
        self.stride = stride
    }

    /// Stores row `row` from the `width` values at `values` (trivial types: no deinitialization).
    @inline(__always)
    func set(row: Int, from values: UnsafeMutablePointer<T>) {
        guard let base else { return }
        var p = base + row
        for c in 0..<width {
            p.initialize(to: values[c])
            p += stride
        }
    }

    /// The first `rows` values of column `c`.
    func column(_ c: Int, rows: Int) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: base.map { UnsafePointer($0 + c * stride) }, count: base == nil ? 0 : rows)
    }

    func deallocate() { base?.deallocate() }
}
