/// Writing output failed.
enum OutputError: Error, Equatable, Sendable {
    /// The reader of standard output went away (`satkit … | head -1`). Not a failure: the
    /// tool stops quietly with status 0.
    case closedPipe
    /// Writing to `target` failed with the system's `reason`.
    case writeFailed(target: String, reason: String)
    /// The file could not be created or put in place.
    case cannotCreate(path: String, reason: String)
}
