import Foundation

/// Threads that each run one job at a time, for ``CSVReader/forEachBatch(parallelism:header:process:consume:)``.
///
/// `DispatchQueue.concurrentPerform` was used before: on Linux its second iteration mostly ran
/// on the calling thread after the first (the pool's thread woke too late for a job of a few
/// milliseconds), so the two halves of a chunk were parsed one after the other. Threads of our
/// own, started once per pass and woken by a condition, run them at the same time, and leave
/// the calling thread free to merge the previous results meanwhile.
final class BatchWorkers: @unchecked Sendable {
    private let workers: [Worker]

    /// `count` threads, started now and stopped by ``stop()``.
    init(count: Int) {
        workers = (0..<max(count, 1)).map { _ in Worker() }
    }

    var count: Int { workers.count }

    /// Runs `job` on worker `index`, which must be idle.
    func run(_ index: Int, _ job: @escaping () -> Void) {
        workers[index].run(job)
    }

    /// Waits until every worker is idle.
    func waitAll() {
        for worker in workers { worker.wait() }
    }

    /// Waits for the running jobs, then lets the threads end.
    func stop() {
        for worker in workers { worker.stop() }
    }

    private final class Worker: @unchecked Sendable {
        private let condition = NSCondition()
        private var job: (() -> Void)?
        private var busy = false
        private var stopping = false

        init() {
            let thread = Thread { [self] in loop() }
            thread.name = "satkit.batch"
            thread.start()
        }

        func run(_ job: @escaping () -> Void) {
            condition.lock()
            precondition(!busy && !stopping, "a worker runs one job at a time")
            self.job = job
            busy = true
            condition.broadcast()
            condition.unlock()
        }

        func wait() {
            condition.lock()
            while busy { condition.wait() }
            condition.unlock()
        }

        func stop() {
            condition.lock()
            while busy { condition.wait() }
            stopping = true
            condition.broadcast()
            condition.unlock()
        }

        private func loop() {
            while true {
                condition.lock()
                while job == nil && !stopping { condition.wait() }
                guard let job else {
                    condition.unlock()
                    return
                }
                self.job = nil
                condition.unlock()
                job()
                condition.lock()
                busy = false
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
