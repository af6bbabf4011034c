import SurveySchema

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

    public init(survey: Survey, options: ImportOptions = ImportOptions()) {
        self.survey = survey
        self.options = options
    }

    /// Imports the file at `path`; `name` (default `path`) is what messages call it.
    public func importFile(at path: String, name: String? = nil) throws(ImportError) -> ImportResult {
        let name = name ?? path
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, name: name, options: csvOptions)
        } catch {
            throw .csv(error)
        }
        return try run(reader, name: name)
    }

    /// Imports a file held in memory (tests, uploads).
    public func importBytes(_ bytes: [UInt8], name: String) throws(ImportError) -> ImportResult {
        try run(CSVReader(bytes: bytes, name: name, options: csvOptions), name: name)
    }

    private var csvOptions: CSVReadOptions {
        CSVReadOptions(delimiter: options.delimiter, encoding: options.encoding, chunkSize: options.chunkSize)
    }

    private func run(_ reader: consuming CSVReader, name: String) throws(ImportError) -> ImportResult {
        let run = ImportRun(survey: survey, options: options, file: name)
        let summary: CSVReadSummary
        do {
            summary = try reader.forEachRecord { record in try run.take(record) }
        } catch let error as ImportError {
            throw error
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
        return try run.finish(summary)
    }
}

/// What an import produces.
public struct ImportResult: Sendable {
    /// The accepted rows, coded.
    public var dataset: SurveyDataset
    /// What was read, accepted and quarantined, and why.
    public var report: ImportReport
}
