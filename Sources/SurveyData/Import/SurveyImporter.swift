import SurveySchema
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Imports survey answers from CSV: reads the file once, codes each row by the survey, and
/// accepts it into a ``SurveyDataset`` or sends it to the quarantine with its reasons.
///
/// ```swift
/// let quarantine = QuarantineFile(path: "quarantine.csv")
/// let importer = SurveyImporter(survey: survey, options: ImportOptions(quarantine: quarantine))
/// let result = try importer.importFile(at: "data/2024.csv")
/// print(result.report.text)
/// ```
///
/// Errors that stop the import (``ImportError``): the file cannot be read or decoded, it is
/// empty, its header lacks columns the survey needs or repeats a name. Anything wrong with a
/// row only quarantines that row; reading goes on. `docs/import.md` lists what is accepted.
public struct SurveyImporter {
    /// The survey the rows are coded by.
    public let survey: Survey
    /// How files are read.
    public var options: ImportOptions

    /// An importer for `survey`'s exports.
    public init(survey: Survey, options: ImportOptions = ImportOptions()) {
        self.survey = survey
        self.options = options
    }

    /// Imports the file at `path`; `name` (default `path`) is what messages call it.
    public func importFile(at path: String, name: String? = nil) throws(ImportError) -> ImportResult {
        let name = name ?? path
        var status = stat()
        let size = stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        return try run(name: name, size: size) { options throws(CSVError) in try CSVReader(path: path, name: name, options: options) }
    }

    /// Imports a file held in memory (tests, uploads).
    public func importBytes(_ bytes: [UInt8], name: String) throws(ImportError) -> ImportResult {
        try run(name: name, size: bytes.count) { options in CSVReader(bytes: bytes, name: name, options: options) }
    }

    private func run(name: String, size: Int?, open: (CSVReadOptions) throws(CSVError) -> CSVReader) throws(ImportError) -> ImportResult {
        let run = ImportRun(survey: survey, options: options, file: name)
        run.expectedBytes = size
        let coders = run.coderSet
        do {
            let reader = try open(CSVReadOptions(delimiter: options.delimiter, encoding: options.encoding, chunkSize: options.chunkSize))
            let summary = try reader.forEachBatch(
                parallelism: max(1, min(options.parallelism, 2)), minimumBatch: options.minimumBatch,
                header: { try run.header($0) },
                process: { batch in try coders.code(batch) },
                consume: { try run.consume($0) },
                discard: { run.discard($0) })
            var fetched: [Int: [String]] = [:]
            let lines = run.linesToFetch
            if !lines.isEmpty {
                // Duplicate respondents are only known in file order, after their batch was
                // coded: read the file again for their fields.
                let again = try open(CSVReadOptions(delimiter: summary.delimiter, encoding: summary.encoding, chunkSize: options.chunkSize))
                _ = try again.forEachRecord { record in
                    if lines.contains(record.line) {
                        fetched[record.line] = (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) }
                    }
                }
            }
            return try run.finish(summary, fetched: fetched)
        } catch let error as ImportError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
    }
}

/// What an import produces.
public struct ImportResult: Sendable {
    /// The accepted rows, coded.
    public var dataset: SurveyDataset
    /// What was read, accepted and quarantined, and why.
    public var report: ImportReport
}
