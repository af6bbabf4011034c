import Testing
@testable import SatKitCLI

/// A clock the test moves by hand.
private final class ManualClock {
    var now: Duration = .zero
}

private func progress(terminal: Bool) -> (ProgressLine, MemorySink, ManualClock) {
    let standardError = MemorySink()
    let context = OutputContext(standardOutput: MemorySink(), standardError: standardError,
                                isStandardErrorTerminal: terminal)
    let clock = ManualClock()
    let line = ProgressLine(context: context, elapsed: { clock.now })
    return (line, standardError, clock)
}

@Suite struct ProgressLineTests {
    @Test func quietForTheFirstSecondThenThrottled() {
        let (line, standardError, clock) = progress(terminal: true)
        line.update("10 rows")
        clock.now = .milliseconds(999)
        line.update("20 rows")
        #expect(standardError.text == "")
        clock.now = .seconds(1)
        line.update("30 rows")
        clock.now = .milliseconds(1050)
        line.update("40 rows")  // within 100 ms of the last redraw
        clock.now = .milliseconds(1100)
        line.update("50 rows")
        line.finish()
        #expect(standardError.text == "\r30 rows\u{1B}[K\r50 rows\u{1B}[K\r\u{1B}[K")
    }

    @Test func silentWhenStandardErrorIsNotATerminal() {
        let (line, standardError, clock) = progress(terminal: false)
        clock.now = .seconds(5)
        line.update("30 rows")
        line.finish()
        #expect(standardError.text == "")
    }

    @Test func finishErasesNothingWhenNothingWasDrawn() {
        let (line, standardError, _) = progress(terminal: true)
        line.update("1 row")
        line.finish()
        #expect(standardError.text == "")
    }

    @Test func textIsBuiltOnlyWhenDrawn() {
        let (line, _, _) = progress(terminal: true)
        var built = 0
        func text() -> String { built += 1; return "x" }
        line.update(text())
        #expect(built == 0)
    }
}
