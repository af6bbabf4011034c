import SurveySchema

/// Where a set of results came from: the tool, the survey file and the data file, so that a
/// reader of the JSON can trace every number back to the bytes that produced it.
///
/// Plain fields, filled by the caller (the `satkit` command, a notebook, a server): this type
/// knows nothing about the importer. Hash the files' bytes with ``sha256(of:)``.
///
/// ```swift
/// let provenance = Provenance(
///     toolVersion: "0.4.0",
///     survey: .init(id: survey.id, version: survey.version, fileName: "sipas.json5",
///                   sha256: Provenance.sha256(of: surveyBytes)),
///     data: .init(fileName: "sipas-2024.csv", sha256: Provenance.sha256(of: dataBytes),
///                 rowsRead: 36_600, rowsAccepted: 36_525, rowsQuarantined: 75))
/// ```
public struct Provenance: Sendable, Hashable, Codable {
    /// The program that computed the results, `satkit` unless a library user says otherwise.
    public var tool: String
    /// Its version string, e.g. `0.4.0` or `0.4.0-dev+3f2a1c9`.
    public var toolVersion: String
    /// The survey file.
    public var survey: SurveyFile
    /// The data file; `nil` when the dataset was built in memory.
    public var data: DataFile?

    /// Provenance of one run.
    public init(tool: String = "satkit", toolVersion: String, survey: SurveyFile, data: DataFile?) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.survey = survey
        self.data = data
    }

    /// The survey file: its declared id and version, its name and the SHA-256 of its bytes.
    public struct SurveyFile: Sendable, Hashable, Codable {
        public var id: String
        public var version: String
        /// The file's name as given (no directories are required); `nil` for a survey built in code.
        public var fileName: String?
        /// Lower-case hex SHA-256 of the file's bytes; `nil` for a survey built in code.
        public var sha256: String?

        public init(id: String, version: String, fileName: String? = nil, sha256: String? = nil) {
            self.id = id
            self.version = version
            self.fileName = fileName
            self.sha256 = sha256
        }

        /// The survey's id and version, with the file's name and the hash of `bytes` (the
        /// file as read from disk), when given.
        public init(survey: Survey, fileName: String? = nil, bytes: [UInt8]? = nil) {
            self.init(id: survey.id, version: survey.version, fileName: fileName,
                      sha256: bytes.map { Provenance.sha256(of: $0) })
        }
    }

    /// The data file and how its rows were accounted for: `rowsRead = rowsAccepted +
    /// rowsQuarantined` (the import report's reconciliation).
    public struct DataFile: Sendable, Hashable, Codable {
        public var fileName: String
        /// Lower-case hex SHA-256 of the file's bytes.
        public var sha256: String
        /// Data rows read (the header not counted).
        public var rowsRead: Int
        /// Rows that entered the analysis.
        public var rowsAccepted: Int
        /// Rows set aside with a reason.
        public var rowsQuarantined: Int

        public init(fileName: String, sha256: String, rowsRead: Int, rowsAccepted: Int, rowsQuarantined: Int) {
            self.fileName = fileName
            self.sha256 = sha256
            self.rowsRead = rowsRead
            self.rowsAccepted = rowsAccepted
            self.rowsQuarantined = rowsQuarantined
        }
    }

    /// Lower-case hex SHA-256 of `bytes` (FIPS 180-4), as `shasum -a 256` prints it.
    public static func sha256(of bytes: some Sequence<UInt8>) -> String { SHA256.hex(bytes) }
}
