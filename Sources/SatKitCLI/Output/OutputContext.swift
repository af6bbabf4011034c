#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command writes to: results on standard output or `-o FILE`, diagnostics on
/// standard error.
///
/// A command receives one of these with its typed options. It writes its result through
/// ``writeResult(to:option:protecting:_:)`` (or the one-string form), its warnings through
/// ``warn(_:)``, its informational lines through ``inform(_:)``, and checks
/// ``isStandardErrorTerminal`` before drawing progress. Tests build one over memory.
final class OutputContext {
    /// Standard output, buffered: a result goes out in one write.
    let standardOutput: TextWriter
    /// Standard error, unbuffered: each message goes out in one write, as it happens.
    let standardError: TextWriter
    /// Whether standard error is a terminal; progress is drawn only then.
    let isStandardErrorTerminal: Bool

    init(standardOutput: any ByteSink, standardError: any ByteSink, isStandardErrorTerminal: Bool) {
        self.standardOutput = TextWriter(sink: standardOutput)
        self.standardError = TextWriter(sink: standardError, capacity: 0)
        self.isStandardErrorTerminal = isStandardErrorTerminal
    }

    /// The process's standard output and standard error.
    static func standardStreams() -> OutputContext {
        OutputContext(
            standardOutput: FileDescriptorSink(descriptor: 1, name: "standard output"),
            standardError: FileDescriptorSink(descriptor: 2, name: "standard error"),
            isStandardErrorTerminal: isatty(2) != 0)
    }

    /// Runs `body` with the writer for a result: standard output when `path` is nil or `-`,
    /// otherwise a ``ResultFile`` that is put in place only if `body` returns normally.
    /// - Parameters:
    ///   - path: the value of `-o` (or `--report`, `--quarantine`).
    ///   - option: how the user named it, for messages.
    ///   - inputs: files the command reads; the result never replaces one of them.
    func writeResult<T>(
        to path: String?, option: String = "-o", protecting inputs: [String],
        _ body: (TextWriter) throws -> T
    ) throws -> T {
        guard let path, path != "-" else {
            let result = try body(standardOutput)
            try standardOutput.flush()
            return result
        }
        let file = try ResultFile(path: path, option: option, protecting: inputs)
        do {
            let result = try body(file.writer)
            try file.commit()
            return result
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes `text` as the result: to standard output or to the file at `path`.
    func writeResult(_ text: String, to path: String?, option: String = "-o", protecting inputs: [String]) throws {
        try writeResult(to: path, option: option, protecting: inputs) { writer in try writer.write(text) }
    }

    /// Writes `bytes` (UTF-8 text) as the result, as ``writeResult(_:to:option:protecting:)``
    /// does a `String`, without making one first (a JSON document of 25 MB).
    func writeResult(bytes: [UInt8], to path: String?, option: String = "-o", protecting inputs: [String]) throws {
        try writeResult(to: path, option: option, protecting: inputs) { writer in try writer.write(bytes: bytes) }
    }

    /// `satkit: warning: <message>` on standard error.
    func warn(_ message: String) {
        inform("satkit: warning: " + message)
    }

    /// A line on standard error (counts, notes, progress summaries). Standard error that
    /// cannot be written is ignored: there is nowhere left to report it.
    func inform(_ line: String) {
        try? standardError.write(line + "\n")
    }

    /// Writes what is still buffered for standard output; the last step of every run.
    func finish() throws(OutputError) {
        try standardOutput.flush()
    }
}
