import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run of the built `satkit` binary produced.
struct BinaryRun: Equatable {
    var standardOutput: String
    var standardError: String
    /// The exit status, or nil when the process was killed by a signal.
    var exitStatus: Int32?
    /// The signal that killed the process, if one did.
    var signal: Int32?
}

enum BinaryRunnerError: Error {
    case spawnFailed(Int32)
}

/// The built `satkit` executable (`swift build` puts it beside the test bundle).
var satkitBinary: URL { TestPaths.productsDirectory.appendingPathComponent("satkit") }

/// Runs the built `satkit` with `arguments`, standard output and standard error going to
/// files, and `SIGPIPE` reset to its default action in the child (so that a binary that
/// forgot to ignore it would die of it, whatever the test runner does with the signal).
///
/// With `closedStandardOutput`, standard output is the write end of a pipe whose read end
/// is already closed in every process: the first write fails with `EPIPE` (or raises `SIGPIPE`).
func runSatkit(_ arguments: [String], closedStandardOutput: Bool = false) throws -> BinaryRun {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("satkit-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outPath = folder.appendingPathComponent("stdout").path
    let errPath = folder.appendingPathComponent("stderr").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    var pipeEnds: [Int32] = [-1, -1]
    if closedStandardOutput {
        guard pipe(&pipeEnds) == 0 else { throw BinaryRunnerError.spawnFailed(errno) }
        close(pipeEnds[0])  // no reader anywhere
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)  // only our child gets the write end, as its fd 1
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

    let argv: [UnsafeMutablePointer<CChar>?] = ([satkitBinary.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, satkitBinary.path, &actions, &attributes, argv, environ)
    if closedStandardOutput { close(pipeEnds[1]) }
    guard spawned == 0 else { throw BinaryRunnerError.spawnFailed(spawned) }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    let terminatingSignal = status & 0x7f
    let output = closedStandardOutput ? "" : (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    return BinaryRun(
        standardOutput: output,
        standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
        exitStatus: terminatingSignal == 0 ? (status >> 8) & 0xff : nil,
        signal: terminatingSignal == 0 ? nil : terminatingSignal)
}
