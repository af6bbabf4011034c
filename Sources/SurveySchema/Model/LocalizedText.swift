/// Text in several languages, keyed by language code: `{ vi: "Hài lòng", en: "Satisfied" }`.
///
/// A survey declares its languages once (``Survey/languages``); the loader checks that every
/// label has text for each of them. Reading falls back to a second language, then to any
/// text at all (languages in code order), and only then to the empty string.
public struct LocalizedText: Sendable, Hashable {
    /// The text for each language code.
    public var byLanguage: [String: String]

    /// Text keyed by language code.
    public init(_ byLanguage: [String: String]) {
        self.byLanguage = byLanguage
    }

    /// The text in `language`, else in `fallback`, else in the first language by code,
    /// else `""` (only for an empty text, which a loaded survey never has).
    public func text(in language: String, fallback: String) -> String {
        if let text = byLanguage[language] { return text }
        if let text = byLanguage[fallback] { return text }
        return byLanguage.keys.sorted().first.flatMap { byLanguage[$0] } ?? ""
    }

    /// The languages that have text, in code order.
    public var languages: [String] { byLanguage.keys.sorted() }
}
