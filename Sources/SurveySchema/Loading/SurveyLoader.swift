import Foundation

extension Survey {
    /// Loads and validates the survey file at `url`.
    ///
    /// - Throws: ``SurveyLoadError`` listing every problem found, each with the file (as
    ///   `url.relativePath` names it), the place inside it and what to do.
    public static func load(from url: URL) throws(SurveyLoadError) -> Survey {
        let fileName = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            var isFolder: ObjCBool = false
            let reason = if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
                "there is no such file"
            } else if isFolder.boolValue {
                "it is a folder, not a file"
            } else {
                (error as NSError).localizedDescription
            }
            throw SurveyLoadError(issues: [SurveyIssue(file: fileName, path: .root, problem: .unreadable(reason: reason))])
        }
        return try Survey(json5: data, fileName: fileName)
    }

    /// Reads and validates a survey from the bytes of a JSON5 file. `fileName` is only used
    /// in messages.
    ///
    /// - Throws: ``SurveyLoadError`` listing every problem found.
    public init(json5 data: Data, fileName: String) throws(SurveyLoadError) {
        func fail(_ problem: SurveyProblem) -> SurveyLoadError {
            SurveyLoadError(issues: [SurveyIssue(file: fileName, path: .root, problem: problem)])
        }
        var bytes = Array(data)
        var data = data
        // UTF-16 with a byte-order mark (Foundation reads it) becomes UTF-8, so that the
        // checks below and the scanner see the text and not its code units.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw fail(.unreadable(reason: "it starts with a UTF-16 byte-order mark but is not valid UTF-16; save it as UTF-8"))
            }
            bytes = Array(text.utf8)
            data = Data(bytes)
        }
        // Bytes Foundation's reader traps on, or refuses without saying where, stop here.
        if let problem = JSON5Preflight.check(bytes) {
            throw fail(problem)
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        // JSONDecoder is the parser of record. Foundation reports neither where a syntax
        // error is nor a repeated key, so JSON5Scanner looks for both.
        var scanner = JSON5Scanner(bytes)
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: data)
        } catch {
            let problem: SurveyProblem
            do {
                try scanner.scan()
                problem = .notJSON5
            } catch let syntax {
                problem = .syntaxError(line: syntax.line, column: syntax.column, detail: syntax.detail)
            }
            throw fail(problem)
        }
        let loader = SurveyLoader(reader: SurveyReader(file: fileName))
        if (try? scanner.scan()) != nil {
            for repeated in scanner.repeatedKeys {
                loader.reader.report(.repeatedKey(repeated.key), at: repeated.path)
            }
        }
        let survey = loader.survey(value)
        if let survey, loader.reader.issues.isEmpty {
            self = survey
        } else {
            throw SurveyLoadError(issues: loader.reader.issues)
        }
    }
}

/// Turns a ``JSONValue`` into a ``Survey``, checking everything on the way. Each section
/// is read by its own extension (Scales, Indicators, Questions, Columns).
final class SurveyLoader {
    let reader: SurveyReader
    /// Where each node or question id was first used.
    var ids: [String: SurveyPath] = [:]
    /// Where each CSV column was first used.
    var columns: [String: SurveyPath] = [:]
    /// The declared scales by id, once read.
    var scales: [String: Scale] = [:]

    init(reader: SurveyReader) {
        self.reader = reader
    }

    func survey(_ value: JSONValue) -> Survey? {
        guard let top = reader.object(value, at: .root, keys: SurveyFormat.survey) else { return nil }
        let format = top.int("format", required: true, minimum: 1)
        if let format, format != SurveyFormat.version {
            reader.report(.unsupportedFormat(format), at: top.path.appending("format"))
        }
        let id = top.id()
        let version = top.string("version", required: true)

        let languages = top.strings("languages", required: true, nonEmpty: true)?.map(\.0)
        let defaultLanguage = top.string("defaultLanguage", required: true)
        if let languages, !languages.isEmpty {
            reader.languages = languages
            if let defaultLanguage, !languages.contains(defaultLanguage) {
                reader.report(
                    .undeclaredLanguage(defaultLanguage, declared: languages,
                                        suggestion: EditDistance.suggestion(for: defaultLanguage, among: languages)),
                    at: top.path.appending("defaultLanguage"))
            }
        }
        let title = top.text("title")
        let description = top.text("description", required: false)

        let scales = readScales(top)
        let index = readIndex(top)
        let indicators = readIndicators(top)
        let questions = readQuestions(top)
        let columns = readColumns(top)

        guard let format, let id, let version, let title, let languages, let defaultLanguage,
              let scales, let index, let indicators, let questions, let columns else { return nil }
        return Survey(
            format: format, id: id, version: version, title: title, description: description,
            languages: languages, defaultLanguage: defaultLanguage, scales: scales, index: index,
            indicators: indicators, questions: questions, columns: columns)
    }

    /// Records a node or question id, reporting repeats and the reserved root id.
    func register(id: String, at path: SurveyPath) {
        if id == Survey.rootID {
            reader.report(.reservedID(id), at: path)
        } else if let first = ids[id] {
            reader.report(.duplicateID(id, firstAt: first), at: path)
        } else {
            ids[id] = path
        }
    }

    /// Reads a CSV column name at `key` and records it, reporting a column used twice.
    func column(_ fields: Fields, _ key: String = "column", required: Bool) -> String? {
        guard let column = fields.string(key, required: required) else { return nil }
        let path = fields.path.appending(key)
        if let first = columns[column] {
            reader.report(.duplicateColumn(column, firstAt: first), at: path)
        } else {
            columns[column] = path
        }
        return column
    }

    /// Reads a reference to a declared scale.
    func scaleReference(_ fields: Fields, required: Bool) -> String? {
        guard let scale = fields.string("scale", required: required) else { return nil }
        if scales[scale] == nil, !undeclaredScalesAreUnknown {
            let declared = scales.keys.sorted()
            reader.report(
                .undeclaredScale(scale, declared: declared, suggestion: EditDistance.suggestion(for: scale, among: declared)),
                at: fields.path.appending("scale"))
        }
        return scale
    }

    /// True when `scales` itself could not be read, so references cannot be checked.
    var undeclaredScalesAreUnknown = false

    func readIndex(_ top: Fields) -> IndexRules? {
        guard top.has("index") else { return IndexRules() }
        guard let fields = top.object("index", keys: SurveyFormat.index) else { return nil }
        var rules = IndexRules()
        var valid = true
        func keep<T>(_ value: T?, _ key: String, into target: inout T) {
            if let value { target = value } else if fields.has(key) { valid = false }
        }
        keep(fields.name("measure", as: IndexMeasure.self, kind: "measure"), "measure", into: &rules.measure)
        keep(fields.name("combine", as: CombineRule.self, kind: "combine rule"), "combine", into: &rules.combine)
        keep(fields.string("interval"), "interval", into: &rules.interval)
        if let level = fields.number("level") {
            if level > 0, level < 1 {
                rules.level = level
            } else {
                reader.report(.outOfRange(found: level, requirement: "above 0 and below 1, e.g. 0.95"), at: fields.path.appending("level"))
                valid = false
            }
        } else if fields.has("level") {
            valid = false
        }
        keep(fields.int("minValidN", minimum: 1), "minValidN", into: &rules.minValidN)
        if let width = fields.number("maxIntervalWidth") {
            if width > 0, width <= 1 {
                rules.maxIntervalWidth = width
            } else {
                reader.report(.outOfRange(found: width, requirement: "above 0 and at most 1, e.g. 0.2"), at: fields.path.appending("maxIntervalWidth"))
                valid = false
            }
        } else if fields.has("maxIntervalWidth") {
            valid = false
        }
        keep(fields.int("disclosureThreshold", minimum: 0), "disclosureThreshold", into: &rules.disclosureThreshold)
        return valid ? rules : nil
    }
}
