import Dispatch

extension SampleGenerator {
    /// The rows each thread writes at a time in ``write(threads:to:)``.
    static let blockRows = 8192

    /// Writes the whole file, header first, generating blocks of rows on `threads` threads at
    /// once and handing them to `sink` in order. The bytes are exactly those of
    /// ``write(to:)``, because each row depends only on the plan and its own index.
    ///
    /// Memory: `threads` buffers of one block each (about 2 MB per thread for SIPAS).
    /// `threads` of 1 or less writes on the calling thread.
    public func write(threads: Int, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard threads > 1, options.respondents > SampleGenerator.blockRows else {
            return try write(to: sink)
        }
        try write(rows: 0..<0, includingHeader: true, to: sink)
        let context = ParallelContext(tables: compiled.tablesPointer, threads: threads)
        var start = 0
        while start < options.respondents {
            var ranges: [Range<Int>] = []
            for _ in 0..<threads where start < options.respondents {
                let end = min(start + SampleGenerator.blockRows, options.respondents)
                ranges.append(start..<end)
                start = end
            }
            let batch = ranges
            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                context.fill(slot: k, rows: batch[k])
            }
            for k in batch.indices { try context.slots[k].buffer.withBytes(sink) }
        }
        withExtendedLifetime(compiled) {}
    }
}

/// What the worker threads of ``SampleGenerator/write(threads:to:)`` share: the plan's
/// tables (read only) and one buffer per thread (each written by one thread at a time, and
/// read by the caller only after `concurrentPerform` has returned).
private final class ParallelContext: @unchecked Sendable {
    final class Slot {
        var buffer = ByteBuffer(capacity: 1 << 21)
    }

    let tables: UnsafePointer<CompiledPlan.Tables>
    let slots: [Slot]

    init(tables: UnsafePointer<CompiledPlan.Tables>, threads: Int) {
        self.tables = tables
        slots = (0..<threads).map { _ in Slot() }
    }

    func fill(slot k: Int, rows: Range<Int>) {
        let slot = slots[k]
        slot.buffer.removeAll()
        let scratch = RowScratch(tables.pointee)
        for i in rows { SampleGenerator.writeRow(i, tables, into: &slot.buffer, scratch: scratch) }
    }
}
