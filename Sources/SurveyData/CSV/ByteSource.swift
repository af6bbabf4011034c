#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader's bytes come from: a file descriptor (read with `read(2)` straight into
/// the reader's buffer, no intermediate copies) or bytes in memory.
final class ByteSource {
    private enum Kind {
        case descriptor(Int32, owned: Bool)
        case memory([UInt8])
    }
    private let kind: Kind
    private var offset = 0
    let name: String

    /// Opens `path` for reading; the descriptor is closed when the source goes away.
    init(path: String, name: String) throws(CSVError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotRead(file: name, reason: String(cString: strerror(errno))) }
        kind = .descriptor(fd, owned: true)
        self.name = name
    }

    /// Reads from `fileDescriptor`, which the caller keeps open and closes.
    init(fileDescriptor: Int32, name: String) {
        kind = .descriptor(fileDescriptor, owned: false)
        self.name = name
    }

    init(bytes: [UInt8], name: String) {
        kind = .memory(bytes)
        self.name = name
    }

    deinit {
        if case let .descriptor(fd, owned) = kind, owned { _ = close(fd) }
    }

    /// Reads up to `count` bytes into `destination`; 0 means the end of the input.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        switch kind {
        case let .descriptor(fd, _):
            while true {
                let n = Glibc_read(fd, destination, count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw .cannotRead(file: name, reason: String(cString: strerror(errno)))
            }
        case let .memory(bytes):
            let n = min(count, bytes.count - offset)
            if n > 0 {
                bytes.withUnsafeBytes { all in
                    destination.copyMemory(from: all.baseAddress! + offset, byteCount: n)
                }
                offset += n
            }
            return n
        }
    }
}

@inline(__always)
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(fd, buffer, count)
    #else
    return Glibc.read(fd, buffer, count)
    #endif
}
