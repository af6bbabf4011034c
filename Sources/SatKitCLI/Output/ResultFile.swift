#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A result being written to `-o FILE`.
///
/// The bytes go to a temporary file in the same folder, which ``commit()`` renames onto
/// `path` once everything is written: a reader never sees half a file, and a failed run
/// leaves any earlier file in place. A path that is one of the command's inputs (the same
/// file by device and inode, so also through a symbolic or hard link) is refused before
/// anything is written.
final class ResultFile {
    let path: String
    let writer: TextWriter
    private let temporaryPath: String
    private let descriptor: Int32
    private var isOpen = true

    /// Opens the temporary file for `path`.
    /// - Parameters:
    ///   - option: how the user named the path (`-o`, `--report`), for the error message.
    ///   - inputs: the files the command reads.
    /// - Throws: ``UsageError/outputOverwritesInput(option:path:)`` or ``OutputError``.
    init(path: String, option: String, protecting inputs: [String]) throws {
        try refuseToOverwriteInput(path, option: option, inputs: inputs)
        if fileIdentity(path)?.isDirectory == true {
            throw OutputError.cannotCreate(path: path, reason: "it is a folder")
        }
        let folder: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            folder = "."
            name = path
        }
        var attempt = 0
        while true {
            let candidate = "\(folder)/.\(name).\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).tmp"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if opened >= 0 {
                temporaryPath = candidate
                descriptor = opened
                break
            }
            let code = errno
            attempt += 1
            if code != EEXIST || attempt == 20 {
                throw OutputError.cannotCreate(path: path, reason: systemErrorDescription(code))
            }
        }
        self.path = path
        writer = TextWriter(sink: FileDescriptorSink(descriptor: descriptor, name: path))
    }

    /// Writes what is buffered, then moves the file into place.
    func commit() throws(OutputError) {
        do {
            try writer.flush()
        } catch {
            discard()
            throw error
        }
        isOpen = false
        let synced = fsync(descriptor) == 0 ? 0 : errno
        close(descriptor)
        if synced != 0 {
            unlink(temporaryPath)
            throw .writeFailed(target: path, reason: systemErrorDescription(synced))
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw .cannotCreate(path: path, reason: systemErrorDescription(code))
        }
    }

    /// Removes the temporary file; `path` is left as it was.
    func discard() {
        guard isOpen else { return }
        isOpen = false
        close(descriptor)
        unlink(temporaryPath)
    }

    deinit { discard() }
}

/// Throws when `path` is the same file as one of `inputs` (by device and inode, so also
/// through a symbolic or hard link, or another spelling of the path). `-` is standard output.
func refuseToOverwriteInput(_ path: String, option: String, inputs: [String]) throws(UsageError) {
    guard path != "-", let target = fileIdentity(path) else { return }
    for input in inputs where fileIdentity(input).map({ $0.sameFile(as: target) }) == true {
        throw .outputOverwritesInput(option: option, path: path)
    }
}

/// A file's device and inode, which name it whatever path leads to it.
private struct FileIdentity {
    let device: UInt64
    let inode: UInt64
    let isDirectory: Bool

    func sameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// The identity of the file at `path` (following symbolic links), or nil if there is none.
private func fileIdentity(_ path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileIdentity(
        device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
        isDirectory: (status.st_mode & S_IFMT) == S_IFDIR)
}
