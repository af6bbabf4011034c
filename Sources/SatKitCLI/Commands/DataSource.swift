/// A data file and, optionally, the survey file it was collected with: `DATA.csv@SURVEY`.
///
/// A wave collected with an older questionnaire names its own survey file:
/// `data/sipas-2022.csv@surveys/sipas-2022.json5`. The `@` is read as the separator only
/// when what follows it ends in `.json5` or `.json`, so a data path that itself contains
/// an `@` still works.
struct DataSource: Equatable, Sendable {
    let data: String
    /// Nil: the command's `--survey`.
    let survey: String?

    static let parser = ValueParser<DataSource>(valueName: "DATA.csv[@SURVEY]") { (text: String) throws(ValueError) -> DataSource in
        try DataSource(text, expected: "DATA.csv[@SURVEY]")
    }

    init(data: String, survey: String?) {
        self.data = data
        self.survey = survey
    }

    fileprivate init(_ text: String, expected: String) throws(ValueError) {
        guard !text.isEmpty else { throw .empty }
        if let at = text.lastIndex(of: "@") {
            let survey = String(text[text.index(after: at)...])
            if survey.hasSuffix(".json5") || survey.hasSuffix(".json") {
                let data = String(text[..<at])
                guard !data.isEmpty else { throw .malformed(expected: expected) }
                self.init(data: data, survey: survey)
                return
            }
        }
        self.init(data: text, survey: nil)
    }
}

/// One wave of a comparison: `2024=data/sipas-2024.csv`, or with its own survey file
/// `2022=data/sipas-2022.csv@surveys/sipas-2022.json5`.
struct WaveSource: Equatable, Sendable {
    let year: Int
    let source: DataSource

    static let parser = ValueParser<WaveSource>(valueName: "YEAR=DATA.csv[@SURVEY]") { (text: String) throws(ValueError) -> WaveSource in
        let expected = "YEAR=DATA.csv[@SURVEY]"
        guard !text.isEmpty else { throw .empty }
        guard let equals = text.firstIndex(of: "="),
              let year = try? SharedArguments.year.parse(String(text[..<equals])) else {
            throw .malformed(expected: expected)
        }
        let rest = String(text[text.index(after: equals)...])
        guard !rest.isEmpty else { throw .malformed(expected: expected) }
        return WaveSource(year: year, source: try DataSource(rest, expected: expected))
    }
}
