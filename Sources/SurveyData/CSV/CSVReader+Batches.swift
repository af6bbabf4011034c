import Dispatch
import Foundation

extension CSVReader {
    /// Reads the file with `parallelism` workers (1 or 2) parsing at once, and hands over the
    /// results in file order.
    ///
    /// The header (the first record) goes to `header` first, on the calling thread. Each chunk
    /// after it is cut into batches (up to four) at line ends; the workers run `process` on the
    /// batches, each taking the next one when it is free, and `consume` receives each result on
    /// the calling thread in file order, while the workers process the next chunk. A worker
    /// processes its batches one after another, in file order. `process` must not touch shared
    /// mutable state; what it returns is the batch's share of the work (for the importer: the
    /// coded answers of the batch's rows).
    ///
    /// A cut is a guess: a line end inside a quoted field looks like any other. A batch's result
    /// is used only if the batch before it ended exactly at its cut. If one did not, the results
    /// after it are thrown away unseen, their errors too, and the rest of the chunk is parsed
    /// again from where that batch stopped. So `process` may run on a batch whose result is
    /// never consumed, but every record is consumed exactly once.
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
            if workers.count >= 2, !insideRecord, let cuts = cutPoints(input, from: tally.start, minimumBatch: minimumBatch) {
                // The chunk's pieces, each taken by whichever worker is free: the worker the
                // merge slows down takes fewer, and the round ends at most a piece apart.
                let starts = [tally.start] + cuts, limits = cuts + [input.ready]
                let work = Pieces<T>(count: starts.count, firstLine: tally.line)
                let base = UnsafePointer(input.buffer), thisRound = round
                for worker in 0..<2 {
                    workers.run(worker) {
                        while let j = work.take() {
                            let line = work.line(of: j) { k, lineAtK in lineAtK + countLineEnds(base, from: starts[k], to: starts[j]) }
                            let batch = makeBatch(starts[j], limit: limits[j], line: line, worker: worker, round: thisRound)
                            work.finish(j, batch, Self.run(process, on: batch))
                        }
                    }
                }
                input.prefetch()
                try overlap()
                // In file order, the pieces up to one that ran past its limit (its cut was inside
                // quotes); the ones after it are not used.
                var outcomes: [Outcome<T>] = []
                var j = 0
                var overran = false
                while true {
                    let batch = work.batches[j]!
                    outcomes.append(.consume(work.results[j]!))
                    tally.add(batch)
                    if j + 1 == starts.count { break }
                    if batch.stop != starts[j + 1] {
                        overran = true
                        for k in (j + 1)..<starts.count { outcomes.append(.discard(work.results[k]!)) }
                        break
                    }
                    j += 1
                }
                waiting = outcomes
                last = work.batches[j]!
                if overran && !last.needsMore {
                    if waiting.contains(where: \.failed) { try consumeWaiting() }
                    continue  // go on from where it stopped
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

/// What the one worker of a round hands back. Written by the worker, read by the calling
/// `forEachBatch` only after it waited for it.
private final class Round<T>: @unchecked Sendable {
    var first: Result<T, any Error>?
}

/// Where the unread text is cut into pieces for the workers: line ends just past each
/// quarter of it (fewer pieces, at least `minimumBatch` bytes each, in a shorter text), or
/// `nil` when the text is shorter than two `minimumBatch`es (too short to share). The cuts
/// depend on the text alone, so every run cuts a file the same way.
private func cutPoints(_ input: DecodedStream, from start: Int, minimumBatch: Int) -> [Int]? {
    let length = input.ready - start
    guard length >= 2 * minimumBatch else { return nil }
    // Four: on two cores, as fast as eight (1M rows, 0.79 s both) for less CPU; two halves
    // were 0.83 s, sixteen pieces 0.95 s.
    let pieces = min(4, length / minimumBatch)
    var cuts: [Int] = []
    for k in 1..<pieces {
        var p = max(start + length * k / pieces, (cuts.last ?? start) + 1)
        while p < input.ready - minimumBatch / 4 {
            if input.buffer[p] == 0x0A {
                cuts.append(p + 1)
                break
            }
            p += 1
        }
    }
    return cuts.isEmpty ? nil : cuts
}

/// The pieces of one round: handed out in file order to whichever worker asks, with the line
/// each starts on worked out from the nearest piece before it whose line is known. Written by
/// the workers under a lock; read by the calling `forEachBatch` only after it waited for them.
private final class Pieces<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var lines: [Int?]
    var batches: [CSVRecordBatch?]
    var results: [Result<T, any Error>?]

    init(count: Int, firstLine: Int) {
        lines = Array(repeating: nil, count: count)
        lines[0] = firstLine
        batches = Array(repeating: nil, count: count)
        results = Array(repeating: nil, count: count)
    }

    /// The next piece, or `nil` when every piece is taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < lines.count else { return nil }
        next += 1
        return next - 1
    }

    /// The line piece `j` starts on: from piece `k`'s, the nearest known before it, by
    /// `count(k, line of k)` (outside the lock), then remembered.
    func line(of j: Int, _ count: (Int, Int) -> Int) -> Int {
        lock.lock()
        var k = j
        while lines[k] == nil { k -= 1 }
        let known = lines[k]!
        lock.unlock()
        if k == j { return known }
        let line = count(k, known)
        lock.lock()
        lines[j] = line
        lock.unlock()
        return line
    }

    func finish(_ j: Int, _ batch: CSVRecordBatch, _ result: Result<T, any Error>) {
        lock.lock()
        batches[j] = batch
        results[j] = result
        lock.unlock()
    }
}
