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
    /// bytes or more (tests cut small files). `discard` receives, in file order among the
    /// consumed results, each result of a batch that was processed but thrown away because its
    /// cut fell inside quotes (the importer still needs the levels its coder learnt there).
    consuming func forEachBatch<T: Sendable>(
        parallelism: Int,
        minimumBatch: Int,
        header: (CSVRecord) throws -> Void,
        process: @escaping @Sendable (CSVRecordBatch) throws -> T,
        consume: (T) throws -> Void,
        discard: (T) -> Void = { _ in }
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

        func makeBatch(_ start: Int, limit: Int, line: Int, worker: Int, round: Int, checkedBefore: Int = 0) -> CSVRecordBatch {
            CSVRecordBatch(base: input.buffer, start: start, limit: limit, end: input.ready, atEOF: input.atEOF,
                           firstLine: line, firstIndex: 0, parser: parsers[worker], fileName: name, options: options,
                           utf8CheckOffset: input.needsUTF8Check ? input.fileOffset : nil, checkedBefore: checkedBefore,
                           worker: worker, round: round)
        }

        // Each round's batches run on the workers while the calling thread reads the file on
        // (``DecodedStream/prefetch()``) and consumes the previous round's results (in file
        // order): neither the merge nor reading costs parsing time. The workers are always
        // waited for before the buffer or the parsers are touched again, and before this
        // function returns or throws.
        let workers = BatchWorkers(count: parallelism >= 2 ? 2 : 1)
        defer { workers.stop() }
        var waiting: [Outcome<T>] = []
        func consumeWaiting() throws {
            let outcomes = waiting
            waiting = []
            for outcome in outcomes {
                switch outcome {
                case let .consume(result): try consume(result.get())
                case let .discard(result): if case let .success(value) = result { discard(value) }
                }
            }
        }
        /// Consumes the waiting results while the round runs, then waits for the round.
        func overlap() throws {
            do {
                try consumeWaiting()
            } catch {
                workers.waitAll()
                throw error
            }
            workers.waitAll()
        }

        // After a batch that ended inside a long record (a long field, or a quote never closed:
        // at least `minimumBatch` bytes of it read), the next is parsed by one worker: a cut
        // would most likely fall inside that same record, and the second worker's work be thrown
        // away. (Every chunk but the last ends inside a record, the one it cuts short; that one
        // is an ordinary row.) Its text checked as UTF-8 is not checked again (`valid`: the file
        // offset before which the text is known to be valid).
        var insideRecord = false
        var valid = 0
        var round = 0
        while true {
            round += 1
            let last: CSVRecordBatch
            if workers.count >= 2, !insideRecord, let cut = cutPoint(input, from: tally.start, minimumBatch: minimumBatch) {
                let first = makeBatch(tally.start, limit: cut, line: tally.line, worker: 0, round: round)
                let work = Round<T>()
                let base = UnsafePointer(input.buffer), start = tally.start, line = tally.line, thisRound = round
                workers.run(0) { work.first = Self.run(process, on: first) }
                workers.run(1) {
                    let second = makeBatch(cut, limit: input.ready, line: line + countLineEnds(base, from: start, to: cut),
                                           worker: 1, round: thisRound)
                    work.second = second
                    work.secondResult = Self.run(process, on: second)
                }
                input.prefetch()
                try overlap()
                tally.add(first)
                if first.stop == cut {
                    let second = work.second!
                    waiting = [.consume(work.first!), .consume(work.secondResult!)]
                    tally.add(second)
                    last = second
                } else {
                    // The cut was inside quotes: the second batch is not used.
                    waiting = [.consume(work.first!), .discard(work.secondResult!)]
                    last = first
                    if !first.needsMore {
                        if waiting.contains(where: \.failed) { try consumeWaiting() }
                        continue  // go on from where the first stopped
                    }
                }
            } else {
                let batch = makeBatch(tally.start, limit: input.ready, line: tally.line, worker: 0, round: round,
                                      checkedBefore: valid - input.fileOffset)
                let work = Round<T>()
                workers.run(0) { work.first = Self.run(process, on: batch) }
                input.prefetch()
                try overlap()
                waiting = [.consume(work.first!)]
                tally.add(batch)
                last = batch
                valid = input.fileOffset + batch.validBefore
            }
            // A batch that failed stops the pass: what comes before it is consumed, then its error thrown.
            if waiting.contains(where: \.failed) { try consumeWaiting() }
            insideRecord = last.needsMore && input.ready - last.stop >= minimumBatch
            if last.reachedEnd {
                try consumeWaiting()
                return tally.summary(input, delimiter)
            }
            do {
                try tally.refill(input, chunkSize: options.chunkSize)
            } catch {
                try consumeWaiting()
                throw error
            }
        }
    }

    private static func run<T>(_ process: (CSVRecordBatch) throws -> T, on batch: CSVRecordBatch) -> Result<T, any Error> {
        Result {
            let result = try process(batch)
            if !batch.parsed { try batch.forEachRecord { _ in } }
            return result
        }
    }
}

/// A processed batch's result, waiting to be consumed or thrown away in file order.
private enum Outcome<T> {
    case consume(Result<T, any Error>)
    case discard(Result<T, any Error>)

    var failed: Bool {
        if case let .consume(result) = self, case .failure = result { return true }
        return false
    }
}

/// What the workers of one round hand back. Written by the workers, read by the calling
/// `forEachBatch` only after it waited for them.
private final class Round<T>: @unchecked Sendable {
    var first: Result<T, any Error>?
    var second: CSVRecordBatch?
    var secondResult: Result<T, any Error>?
}

/// A line end just past 51% of the unread text (the second worker first counts the lines
/// before it, at about a fortieth of the cost of parsing and coding them, so it gets a little
/// less), or `nil` when the text is shorter than two `minimumBatch`es (too short to share).
private func cutPoint(_ input: DecodedStream, from start: Int, minimumBatch: Int) -> Int? {
    let length = input.ready - start
    guard length >= 2 * minimumBatch else { return nil }
    var p = start + length * 51 / 100
    while p < input.ready - minimumBatch / 4 {
        if input.buffer[p] == 0x0A { return p + 1 }
        p += 1
    }
    return nil
}
