/// One line of progress on standard error, redrawn in place, for work that takes a while
/// (`satkit check` on a million rows: "412,000 rows, 38.2 MB/s").
///
/// Nothing is drawn when standard error is not a terminal (a log file or a pipe gets no
/// carriage returns), nor before `delay` has passed (short runs stay quiet), nor more often
/// than every `interval`. ``finish()`` erases the line, so that what follows starts clean.
final class ProgressLine {
    private let context: OutputContext
    private let elapsed: () -> Duration
    private let delay: Duration
    private let interval: Duration
    private var lastDrawn: Duration?

    /// - Parameters:
    ///   - elapsed: time since the work started; a stopwatch on the continuous clock unless
    ///     a test passes its own.
    ///   - delay: how long the work runs before the first line is drawn.
    ///   - interval: the shortest time between two redraws.
    init(context: OutputContext, elapsed: (() -> Duration)? = nil,
         delay: Duration = .seconds(1), interval: Duration = .milliseconds(100)) {
        self.context = context
        if let elapsed {
            self.elapsed = elapsed
        } else {
            let start = ContinuousClock.now
            self.elapsed = { ContinuousClock.now - start }
        }
        self.delay = delay
        self.interval = interval
    }

    /// Whether an update now would be drawn; lets a caller skip formatting its text.
    var isDue: Bool {
        guard context.isStandardErrorTerminal else { return false }
        let now = elapsed()
        guard now >= delay else { return false }
        return lastDrawn.map { now - $0 >= interval } ?? true
    }

    /// Redraws the line with `text` if it is due. `text` is built only then.
    func update(_ text: @autoclosure () -> String) {
        guard isDue else { return }
        lastDrawn = elapsed()
        try? context.standardError.write("\r" + text() + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    func finish() {
        guard lastDrawn != nil else { return }
        lastDrawn = nil
        try? context.standardError.write("\r\u{1B}[K")
    }
}
