/// Buffered text output: whole results reach the destination in one `write`, not one per line.
///
/// Text collects in memory and goes to the sink when ``flush()`` is called or when more than
/// `capacity` bytes are waiting, so that a long stream (a 10-million-row `satkit sample`)
/// uses bounded memory and stops at the first failed write, such as a closed pipe.
final class TextWriter {
    private let sink: any ByteSink
    private let capacity: Int
    private var buffer: [UInt8] = []

    /// - Parameter capacity: bytes held before writing; 0 writes every call through.
    init(sink: any ByteSink, capacity: Int = 1 << 20) {
        self.sink = sink
        self.capacity = capacity
        buffer.reserveCapacity(min(capacity, 1 << 16))
    }

    func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > capacity { try flush() }
    }

    /// Writes raw bytes (already encoded text), buffered like ``write(_:)``.
    func write(bytes: UnsafeRawBufferPointer) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count > capacity { try flush() }
    }

    /// Writes raw bytes (already encoded text), buffered like ``write(_:)``.
    func write(bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count > capacity { try flush() }
    }

    /// Sends the waiting bytes to the sink. The buffer is emptied even when the write fails,
    /// so a failed write is reported once.
    func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try sink.write(buffer)
    }
}
