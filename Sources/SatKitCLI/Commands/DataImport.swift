import Foundation
import SatKit

/// The first step of every command that reads answers (`check`, `analyze`, `compare`,
/// `report`): load the survey, import the CSV with progress on standard error, and account
/// for every row.
struct LoadedData {
    let survey: Survey
    let surveyPath: String
    let dataPath: String
    let result: ImportResult
    /// The data file's SHA-256, computed on a thread of its own while the import runs, when
    /// the command asked for it (`fingerprint`); else computed by ``provenance()``.
    let dataDigest: PendingDigest?

    /// Loads `surveyPath`, then imports `dataPath` with `options`. Progress goes to standard
    /// error when it is a terminal and the import takes more than a second. With
    /// `fingerprint`, the data file is hashed meanwhile for ``provenance()``.
    static func load(
        survey surveyPath: String, data dataPath: String, options: ImportOptions = ImportOptions(),
        context: OutputContext, fingerprint: Bool = false
    ) throws -> LoadedData {
        let survey = try Survey.load(from: URL(fileURLWithPath: surveyPath))
        let digest = fingerprint ? PendingDigest(path: dataPath) : nil
        var options = options
        let progress = ProgressLine(context: context)
        let start = ContinuousClock.now
        options.progress = { step in
            guard !step.finished else { return }
            progress.update(progressText(dataPath, step, since: start))
        }
        let result = try SurveyImporter(survey: survey, options: options).importFile(at: dataPath)
        progress.finish()
        return LoadedData(survey: survey, surveyPath: surveyPath, dataPath: dataPath, result: result, dataDigest: digest)
    }

    /// "data.csv: 412,000 rows, 38.2 MB/s".
    private static func progressText(_ path: String, _ step: ImportProgress, since start: ContinuousClock.Instant) -> String {
        let seconds = max(1e-9, (ContinuousClock.now - start) / .seconds(1))
        let megabytes = Double(step.bytes) / 1_000_000
        return "\(path): \(NumberStyle.english.count(step.rows)) rows, "
            + "\(NumberStyle.english.decimal(megabytes / seconds, digits: 1)) MB/s"
    }

    /// The provenance of results computed from this data: tool version, and the survey and
    /// data files with their SHA-256 and row counts. Reads both files once more to hash them
    /// (the data file already hashed when `load` was asked to).
    func provenance() throws -> Provenance {
        let report = result.report
        return Provenance(
            toolVersion: SatKitVersion.current,
            survey: .init(id: survey.id, version: survey.version, fileName: surveyPath,
                          sha256: try FileFingerprint.sha256(path: surveyPath)),
            data: .init(fileName: dataPath, sha256: try dataDigest?.value() ?? FileFingerprint.sha256(path: dataPath),
                        rowsRead: report.rowsRead, rowsAccepted: report.rowsAccepted,
                        rowsQuarantined: report.rowsQuarantined))
    }
}

/// A file's SHA-256 computed on a thread of its own, started at once: the import and the
/// engine run meanwhile, and ``value()`` waits for it. At a million rows (265 MB) hashing takes
/// about 0.3 s with the SHA extensions; alongside the import it costs a share of the two cores
/// instead of that time after it.
final class PendingDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<String, any Error> = .success("")

    init(path: String) {
        let thread = Thread { [self] in
            result = Result { try FileFingerprint.sha256(path: path) }
            done.signal()
        }
        thread.start()
    }

    /// The digest, once computed (waits for it); the error the read met, if any.
    func value() throws -> String {
        done.wait()
        done.signal()  // so that a second call returns too
        return try result.get()
    }
}

/// SHA-256 of a file, read in 4 MiB pieces into one reused buffer.
///
/// A second read of the data file, after the import: `check` does not need the digest, so
/// the import does not pay for it; `analyze`, `report` and `compare` do, and with the SHA
/// extensions (`SHA256`'s fast path) this costs about a tenth of the import itself.
enum FileFingerprint {
    static func sha256(path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CommandFailure.badInput(message: "\(path): cannot read the file") }
        defer { _ = close(fd) }
        let size = 4 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let n = read(fd, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure.badInput(message: "\(path): cannot read the file")
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
        }
        return SHA256.hexString(hasher.finalize())
    }
}
