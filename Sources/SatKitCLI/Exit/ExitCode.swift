/// The status `satkit` exits with. Fixed, so that scripts can rely on them; the numbers
/// 64 and 65 are `EX_USAGE` and `EX_DATAERR` of BSD's `sysexits.h`.
///
/// Errors map to a status in one place: ``ErrorReport/init(for:)``.
enum ExitCode: Int32, Sendable {
    /// Everything asked for was done (also when the reader of standard output left early).
    case success = 0
    /// Anything else went wrong: a file could not be written, a command is not available.
    case failure = 1
    /// The command line is wrong.
    case usage = 64
    /// The input data cannot be used: a bad survey file, an unreadable CSV, rows quarantined
    /// under `--strict`.
    case dataError = 65
}
