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

    /// Loads `surveyPath`, then imports `dataPath` with `options`. Progress goes to standard
    /// error when it is a terminal and the import takes more than a second.
    static func load(
        survey surveyPath: String, data dataPath: String, options: ImportOptions = ImportOptions(),
        context: OutputContext
    ) throws -> LoadedData {
        let survey = try Survey.load(from: URL(fileURLWithPath: surveyPath))
        var options = options
        let progress = ProgressLine(context: context)
        let start = ContinuousClock.now
        options.progress = { step in
            guard !step.finished else { return }
            progress.update(progressText(dataPath, step, since: start))
        }
        let result = try SurveyImporter(survey: survey, options: options).importFile(at: dataPath)
        progress.finish()
        return LoadedData(survey: survey, surveyPath: surveyPath, dataPath: dataPath, result: result)
    }

    /// "data.csv: 412,000 rows, 38.2 MB/s".
    private static func progressText(_ path: String, _ step: ImportProgress, since start: ContinuousClock.Instant) -> String {
        let seconds = max(1e-9, (ContinuousClock.now - start) / .seconds(1))
        let megabytes = Double(step.bytes) / 1_000_000
        return "\(path): \(NumberStyle.english.count(step.rows)) rows, "
            + "\(NumberStyle.english.decimal(megabytes / seconds, digits: 1)) MB/s"
    }

    /// The provenance of results computed from this data: tool version, and the survey and
    /// data files with their SHA-256 and row counts. Reads both files once more to hash them.
    func provenance() throws -> Provenance {
        let report = result.report
        return Provenance(
            toolVersion: SatKitVersion.current,
            survey: .init(id: survey.id, version: survey.version, fileName: surveyPath,
                          sha256: try FileFingerprint.sha256(path: surveyPath)),
            data: .init(fileName: dataPath, sha256: try FileFingerprint.sha256(path: dataPath),
                        rowsRead: report.rowsRead, rowsAccepted: report.rowsAccepted,
                        rowsQuarantined: report.rowsQuarantined))
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
