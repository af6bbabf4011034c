/// Walks a ``JSONValue`` with paths, reading typed values and collecting every problem
/// instead of stopping at the first.
final class SurveyReader {
    let file: String
    private(set) var issues: [SurveyIssue] = []
    /// The declared languages, once read; labels are checked against them.
    var languages: [String]?

    init(file: String) {
        self.file = file
    }

    func report(_ problem: SurveyProblem, at path: SurveyPath) {
        issues.append(SurveyIssue(file: file, path: path, problem: problem))
    }

    /// Reports `id` if it has characters other than ASCII letters, digits, `_` and `-`.
    func checkID(_ id: String, at path: SurveyPath) {
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        if !allowed {
            report(.invalidID(id), at: path)
        }
    }

    /// The object at `path`, with its unknown keys reported; `nil` (reported) if `value`
    /// is not an object.
    func object(_ value: JSONValue, at path: SurveyPath, keys: SurveyFormat.KeySet) -> Fields? {
        guard case .object(let values) = value else {
            report(.wrongType(expected: "an object", found: value.kindName), at: path)
            return nil
        }
        for key in values.keys.sorted() where !keys.keys.contains(key) {
            let suggestion = EditDistance.suggestion(for: key, among: keys.keys)
            report(.unknownKey(key, allowed: keys.keys, suggestion: suggestion), at: path.appending(key))
        }
        return Fields(values: values, path: path, reader: self)
    }

    /// A text in the declared languages, e.g. `{ vi: "…", en: "…" }`.
    func text(_ value: JSONValue, at path: SurveyPath) -> LocalizedText? {
        guard case .object(let values) = value else {
            report(.wrongType(expected: "an object of texts by language, like { en: \"…\" }", found: value.kindName), at: path)
            return nil
        }
        var texts: [String: String] = [:]
        for key in values.keys.sorted() {
            let keyPath = path.appending(key)
            if let languages, !languages.contains(key) {
                let suggestion = EditDistance.suggestion(for: key, among: languages.filter { values[$0] == nil })
                report(.undeclaredLanguage(key, declared: languages, suggestion: suggestion), at: keyPath)
                continue
            }
            guard case .string(let text) = values[key] else {
                report(.wrongType(expected: "a string", found: values[key]!.kindName), at: keyPath)
                continue
            }
            if text.isEmpty {
                report(.emptyString, at: keyPath)
                continue
            }
            texts[key] = text
        }
        for language in languages ?? [] where values[language] == nil {
            report(.missingText(language: language), at: path)
        }
        return LocalizedText(texts)
    }
}

/// The fields of one object at a known path.
struct Fields {
    let values: [String: JSONValue]
    let path: SurveyPath
    unowned let reader: SurveyReader

    func has(_ key: String) -> Bool { values[key] != nil }

    /// The value at `key`, reporting it missing when `required`.
    func value(_ key: String, required: Bool) -> JSONValue? {
        if let value = values[key] { return value }
        if required { reader.report(.missingKey(key), at: path) }
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let string) = value else {
            reader.report(.wrongType(expected: "a string", found: value.kindName), at: path.appending(key))
            return nil
        }
        if string.isEmpty {
            reader.report(.emptyString, at: path.appending(key))
            return nil
        }
        return string
    }

    /// An id: a non-empty string of ASCII letters, digits, `_` and `-`.
    func id(_ key: String = "id", required: Bool = true) -> String? {
        guard let id = string(key, required: required) else { return nil }
        reader.checkID(id, at: path.appending(key))
        return id
    }

    func number(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard case .number(let number) = value else {
            reader.report(.wrongType(expected: "a number", found: value.kindName), at: path.appending(key))
            return nil
        }
        return number
    }

    /// A whole number at least `minimum`.
    func int(_ key: String, required: Bool = false, minimum: Int?) -> Int? {
        guard let number = number(key, required: required) else { return nil }
        return Fields.whole(number, at: path.appending(key), minimum: minimum, reader: reader)
    }

    static func whole(_ number: Double, at path: SurveyPath, minimum: Int?, reader: SurveyReader) -> Int? {
        guard number == number.rounded(), abs(number) < 1e15 else {
            reader.report(.notWholeNumber(number), at: path)
            return nil
        }
        if let minimum, number < Double(minimum) {
            reader.report(.outOfRange(found: number, requirement: "at least \(minimum)"), at: path)
            return nil
        }
        return Int(number)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .bool(let bool) = value else {
            reader.report(.wrongType(expected: "true or false", found: value.kindName), at: path.appending(key))
            return nil
        }
        return bool
    }

    /// The entries of a list with their paths; `nil` (reported) if absent-but-required or
    /// not a list. An empty list is reported when `nonEmpty`.
    func list(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> [(JSONValue, SurveyPath)]? {
        guard let value = value(key, required: required) else { return nil }
        let listPath = path.appending(key)
        guard case .array(let entries) = value else {
            reader.report(.wrongType(expected: "a list", found: value.kindName), at: listPath)
            return nil
        }
        if nonEmpty, entries.isEmpty {
            reader.report(.emptyList, at: listPath)
        }
        return entries.enumerated().map { ($0.element, listPath.appending($0.offset)) }
    }

    /// A list of strings; wrong entries are reported and left out, repeats are reported.
    func strings(_ key: String, required: Bool = false, nonEmpty: Bool = false, allowEmptyStrings: Bool = false) -> [(String, SurveyPath)]? {
        guard let entries = list(key, required: required, nonEmpty: nonEmpty) else { return nil }
        var result: [(String, SurveyPath)] = []
        var seen: [String: SurveyPath] = [:]
        for (value, entryPath) in entries {
            guard case .string(let string) = value else {
                reader.report(.wrongType(expected: "a string", found: value.kindName), at: entryPath)
                continue
            }
            if string.isEmpty, !allowEmptyStrings {
                reader.report(.emptyString, at: entryPath)
                continue
            }
            if let first = seen[string] {
                reader.report(.duplicateEntry(string, firstAt: first), at: entryPath)
                continue
            }
            seen[string] = entryPath
            result.append((string, entryPath))
        }
        return result
    }

    /// A list of whole numbers; wrong entries are reported and left out, repeats are reported.
    func ints(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> [(Int, SurveyPath)]? {
        guard let entries = list(key, required: required, nonEmpty: nonEmpty) else { return nil }
        var result: [(Int, SurveyPath)] = []
        var seen: [Int: SurveyPath] = [:]
        for (value, entryPath) in entries {
            guard case .number(let number) = value else {
                reader.report(.wrongType(expected: "a number", found: value.kindName), at: entryPath)
                continue
            }
            guard let int = Fields.whole(number, at: entryPath, minimum: nil, reader: reader) else { continue }
            if let first = seen[int] {
                reader.report(.duplicateEntry(String(int), firstAt: first), at: entryPath)
                continue
            }
            seen[int] = entryPath
            result.append((int, entryPath))
        }
        return result
    }

    func object(_ key: String, keys: SurveyFormat.KeySet, required: Bool = false) -> Fields? {
        guard let value = value(key, required: required) else { return nil }
        return reader.object(value, at: path.appending(key), keys: keys)
    }

    func text(_ key: String, required: Bool = true) -> LocalizedText? {
        guard let value = value(key, required: required) else { return nil }
        return reader.text(value, at: path.appending(key))
    }

    /// One of a fixed list of names (a measure, a combine rule, a question kind).
    func name<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, kind: String, required: Bool = false) -> T? where T.RawValue == String {
        guard let name = string(key, required: required) else { return nil }
        if let value = T(rawValue: name) { return value }
        let allowed = T.allCases.map(\.rawValue)
        reader.report(
            .unknownName(kind: kind, name: name, allowed: allowed, suggestion: EditDistance.suggestion(for: name, among: allowed)),
            at: path.appending(key))
        return nil
    }
}
