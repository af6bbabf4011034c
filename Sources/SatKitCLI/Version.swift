/// The version of satkit, defined once.
///
/// `satkit --version` prints `satkit \(SatKitVersion.current)`, and results that record their
/// provenance (the JSON output of `analyze` and `compare`) name it. When a library needs the
/// version too, move this constant into a library module and keep it the only definition.
enum SatKitVersion {
    /// The version number, `MAJOR.MINOR.PATCH`.
    static let current = "0.1.0"
}
