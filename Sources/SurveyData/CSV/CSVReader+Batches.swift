import Dispatch

extension CSVReader {
    /// Reads the file with `parallelism` workers (1 or 2) parsing at once, and hands over the
    /// results in file order.
    ///
    /// The header (the first record) goes to `header` first, on the calling thread. Each chunk
    /// after it is cut into batches at a line end; the workers run `process` on their batch at
    /// the same time, and `consume` receives each result on the calling thread in file order.
    /// `process` must not touch shared mutable state; what it returns is the batch's share of
    /// the work (for the importer: the coded answers of the batch's rows).
    ///
    /// A cut is a guess: a line end inside a quoted field looks like any other. The first
    /// worker parses up to the cut and confirms it (its last record must end exactly there). If
    /// it does not, the second worker's result is thrown away unseen, its errors too, and the
    /// rest of the chunk is parsed again from where the first worker stopped. So `process` may
    /// run on a batch whose result is never consumed, but every record is consumed exactly once.
    ///
    /// In a batch, ``CSVRecord/index`` counts from 0 at the batch's first record; lines are
    /// physical lines of the file, as in ``forEachRecord(_:)``.
    /// - Throws: the first error in file order: ``CSVError``, or what `header`, `process` or
    ///   `consume` throws.
    public consuming func forEachBatch<T: Sendable>(
        parallelism: Int = 2,
        header: (CSVRecord) throws -> Void,
        process: @escaping @Sendable (CSVRecordBatch) throws -> T,
        consume: (T) throws -> Void
    ) throws -> CSVReadSummary {
        try forEachBatch(parallelism: parallelism, minimumBatch: 1 << 16, header: header, process: process, consume: consume)
    }

    /// ``forEachBatch(parallelism:header:process:consume:)`` that cuts text of `2 × minimumBatch`
    /// bytes or more (tests cut small files).
    consuming func forEachBatch<T: Sendable>(
        parallelism: Int,
        minimumBatch: Int,
        header: (CSVRecord) throws -> Void,
        process: @escaping @Sendable (CSVRecordBatch) throws -> T,
        consume: (T) throws -> Void
    ) throws -> CSVReadSummary {
        let (input, delimiter) = try open(defersUTF8Check: true)
        let parsers = [CSVRecordParser(delimiter: delimiter.byte), CSVRecordParser(delimiter: delimiter.byte)]
        var tally = Tally()
        let name = self.name
        let options = self.options

        // The header, alone.
        while true {
            let batch = CSVRecordBatch(
                base: input.buffer, start: tally.start, limit: input.ready, end: input.ready, atEOF: input.atEOF,
                firstLine: tally.line, firstIndex: 0, parser: parsers[0], fileName: name, options: options, maxRecords: 1,
                utf8CheckOffset: input.needsUTF8Check ? input.fileOffset : nil)
            try batch.forEachRecord(header)
            tally.add(batch)
            if batch.reachedEnd { return tally.summary(input, delimiter) }
            if batch.recordCount == 1 { break }
            try tally.refill(input, chunkSize: options.chunkSize)
        }

        func makeBatch(_ start: Int, limit: Int, line: Int, parser: CSVRecordParser, checkedBefore: Int = 0) -> CSVRecordBatch {
            CSVRecordBatch(base: input.buffer, start: start, limit: limit, end: input.ready, atEOF: input.atEOF,
                           firstLine: line, firstIndex: 0, parser: parser, fileName: name, options: options,
                           utf8CheckOffset: input.needsUTF8Check ? input.fileOffset : nil, checkedBefore: checkedBefore)
        }

        // After a batch that ended inside a record (a long field, or a quote never closed), the
        // next is parsed by one worker: a cut would most likely fall inside that same record,
        // and the second worker's work be thrown away. Its text checked as UTF-8 is not checked
        // again (`valid`: the file offset before which the text is known to be valid).
        var insideRecord = false
        var valid = 0
        while true {
            let last: CSVRecordBatch
            if parallelism >= 2, !insideRecord, let cut = cutPoint(input, from: tally.start, minimumBatch: minimumBatch) {
                let first = makeBatch(tally.start, limit: cut, line: tally.line, parser: parsers[0])
                let work = ParallelWork<T>(first: first, process: process)
                let base = UnsafePointer(input.buffer), start = tally.start, line = tally.line
                work.makeSecond = { makeBatch(cut, limit: input.ready, line: line + countLineEnds(base, from: start, to: cut), parser: parsers[1]) }
                work.run()
                try consume(work.firstResult!.get())
                tally.add(first)
                if first.stop == cut {
                    let second = work.second!
                    try consume(work.secondResult!.get())
                    tally.add(second)
                    last = second
                } else {
                    last = first
                    if !first.needsMore { continue }  // the cut was inside quotes: go on from where the first stopped
                }
            } else {
                let batch = makeBatch(tally.start, limit: input.ready, line: tally.line, parser: parsers[0],
                                      checkedBefore: valid - input.fileOffset)
                let result = try process(batch)
                if !batch.parsed { try batch.forEachRecord { _ in } }
                try consume(result)
                tally.add(batch)
                last = batch
                valid = input.fileOffset + batch.validBefore
            }
            insideRecord = last.needsMore
            if last.reachedEnd { return tally.summary(input, delimiter) }
            try tally.refill(input, chunkSize: options.chunkSize)
        }
    }
}

/// A line end just past 55% of the unread text (the second worker first counts the lines
/// before it, so it gets a little less), or `nil` when the text is shorter than two
/// `minimumBatch`es (too short to share).
private func cutPoint(_ input: DecodedStream, from start: Int, minimumBatch: Int) -> Int? {
    let length = input.ready - start
    guard length >= 2 * minimumBatch else { return nil }
    var p = start + length * 55 / 100
    while p < input.ready - minimumBatch / 4 {
        if input.buffer[p] == 0x0A { return p + 1 }
        p += 1
    }
    return nil
}

/// Two batches processed on two threads. The batches, parsers and buffer are owned by the
/// calling `forEachBatch`, which waits for both workers before touching any of them again.
private final class ParallelWork<T: Sendable>: @unchecked Sendable {
    let first: CSVRecordBatch
    let process: @Sendable (CSVRecordBatch) throws -> T
    var makeSecond: (() -> CSVRecordBatch)?
    var second: CSVRecordBatch?
    var firstResult: Result<T, any Error>?
    var secondResult: Result<T, any Error>?

    init(first: CSVRecordBatch, process: @escaping @Sendable (CSVRecordBatch) throws -> T) {
        self.first = first
        self.process = process
    }

    func run() {
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            if worker == 0 {
                firstResult = Self.run(process, on: first)
            } else {
                let batch = makeSecond!()
                second = batch
                secondResult = Self.run(process, on: batch)
            }
        }
    }

    private static func run(_ process: (CSVRecordBatch) throws -> T, on batch: CSVRecordBatch) -> Result<T, any Error> {
        Result {
            let result = try process(batch)
            if !batch.parsed { try batch.forEachRecord { _ in } }
            return result
        }
    }
}
