#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where written bytes go: a file descriptor, or memory in tests.
protocol ByteSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(OutputError)
}

/// Writes to a file descriptor with `write(2)`, retrying on interruption and partial writes.
///
/// A closed pipe is reported as ``OutputError/closedPipe`` (the process ignores `SIGPIPE`,
/// so the write fails with `EPIPE` instead of killing the process).
final class FileDescriptorSink: ByteSink {
    let descriptor: Int32
    /// How messages name this destination: `standard output`, or a path.
    let name: String

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EPIPE { throw .closedPipe }
            throw .writeFailed(target: name, reason: systemErrorDescription(code))
        }
    }
}

/// Collects written bytes; for tests and for building output in memory.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []
    /// How many `write` calls reached the sink.
    private(set) var writeCount = 0

    init() {}

    func write(_ bytes: [UInt8]) throws(OutputError) {
        self.bytes.append(contentsOf: bytes)
        writeCount += 1
    }

    /// The bytes as UTF-8 text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The system's sentence for an `errno` value: `No such file or directory`.
func systemErrorDescription(_ code: Int32) -> String {
    String(cString: strerror(code))
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
