/// One problem found in a survey file: the file, the place inside it, and what is wrong.
///
/// Its ``description`` is one sentence that says what to do next, e.g.
/// `surveys/x.json5: indicators[1].children[0].scale: scale "sat_5" is not declared; did you mean "sat5"?`
public struct SurveyIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file.
    public var path: SurveyPath
    /// What is wrong.
    public var problem: SurveyProblem

    /// An issue at `path` in `file`.
    public init(file: String, path: SurveyPath, problem: SurveyProblem) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    /// `FILE: PATH: MESSAGE`; the path is left out for problems with the whole file.
    public var description: String {
        switch problem {
        case .unreadable, .notJSON5: "\(file): \(problem.message)"
        case .syntaxError(let line, let column, _), .notUTF8(let line, let column, _), .nulCharacter(let line, let column),
             .misplacedByteOrderMark(let line, let column), .nestedTooDeep(let line, let column, _):
            "\(file):\(line):\(column): \(problem.message)"
        default: "\(file): \(path): \(problem.message)"
        }
    }
}

/// What can be wrong in a survey file. ``message`` renders each case to a sentence.
public enum SurveyProblem: Sendable, Hashable {
    /// The file could not be read.
    case unreadable(reason: String)
    /// The file is not valid JSON5, and the error could not be located.
    case notJSON5
    /// A JSON5 syntax error at a line and column (1-based, counting Unicode scalars).
    case syntaxError(line: Int, column: Int, detail: String)
    /// Bytes that are not UTF-8, at the first bad `byte`'s line and column.
    case notUTF8(line: Int, column: Int, byte: UInt8)
    /// A NUL character (byte 0) at a line and column.
    case nulCharacter(line: Int, column: Int)
    /// A byte-order mark (U+FEFF) other than at the very start of the file.
    case misplacedByteOrderMark(line: Int, column: Int)
    /// Lists and objects nested more than `limit` levels deep; the place is the bracket
    /// that opens level `limit + 1`.
    case nestedTooDeep(line: Int, column: Int, limit: Int)
    /// An indicator node deeper than `limit` levels (a top-level node is at level 1).
    case treeTooDeep(limit: Int)
    /// A key that appears twice in one object (the reader would silently keep one value).
    case repeatedKey(String)
    /// The `format` is not one this satkit reads.
    case unsupportedFormat(Int)
    /// A key the format does not have here.
    case unknownKey(String, allowed: [String], suggestion: String?)
    /// A required key is absent.
    case missingKey(String)
    /// A value of the wrong JSON type.
    case wrongType(expected: String, found: String)
    /// A string that must not be empty is empty.
    case emptyString
    /// A list that must not be empty is empty.
    case emptyList
    /// `scales` declares no scale.
    case noScales
    /// A number that must be whole is not.
    case notWholeNumber(Double)
    /// A number outside its allowed range.
    case outOfRange(found: Double, requirement: String)
    /// An id with characters other than ASCII letters, digits, `_` and `-`.
    case invalidID(String)
    /// An id that is reserved (`overall`, the root of the tree).
    case reservedID(String)
    /// An id used by an earlier node or question.
    case duplicateID(String, firstAt: SurveyPath)
    /// A CSV column used earlier in the file.
    case duplicateColumn(String, firstAt: SurveyPath)
    /// A list entry that repeats an earlier one (a language, a code, a band value).
    case duplicateEntry(String, firstAt: SurveyPath)
    /// A language that is not in `languages`.
    case undeclaredLanguage(String, declared: [String], suggestion: String?)
    /// A text lacks one of the declared languages.
    case missingText(language: String)
    /// A reference to a scale that `scales` does not declare.
    case undeclaredScale(String, declared: [String], suggestion: String?)
    /// A name outside a fixed list (measure, combine rule, question kind).
    case unknownName(kind: String, name: String, allowed: [String], suggestion: String?)
    /// A scale with fewer than 2 or more than 11 points.
    case pointCount(Int)
    /// A point value that an earlier point already has.
    case duplicatePointValue(Int, firstAt: SurveyPath)
    /// Point values that are not consecutive and increasing.
    case pointsNotConsecutive(value: Int, previous: Int)
    /// A band value that is not a point of the scale.
    case valueNotOnScale(Int, min: Int, max: Int)
    /// A value in two bands.
    case overlappingBands(value: Int, first: String, second: String)
    /// A missing code that is also a point value.
    case missingCodeIsPoint(String)
    /// A missing code that is also a point label (compared ignoring case).
    case missingCodeIsLabel(String)
    /// Two points of a scale with the same label in one language (compared ignoring case).
    case duplicatePointLabel(String, language: String, firstAt: SurveyPath)
    /// A node with both `children` and `column`.
    case childrenAndColumn
    /// A node with neither `children` nor `column`.
    case neitherChildrenNorColumn
    /// An aggregate with `children: []`.
    case emptyAggregate(String)
    /// A key that does not belong on this kind of node or question.
    case keyNotApplicable(String, reason: String)
    /// A multiSelect question with no column at all.
    case multiSelectWithoutColumns(String)
    /// A multiSelect question whose options have columns only in part.
    case optionWithoutColumn
    /// A multiSelect question with a question column and option columns.
    case questionAndOptionColumns(String)

    /// The sentence for this problem, saying what to do.
    public var message: String {
        switch self {
        case .unreadable(let reason):
            "cannot read the file: \(reason)"
        case .notJSON5:
            "the file is not valid JSON5; check for a missing comma, bracket or quote (Foundation's parser does not say where)"
        case .syntaxError(_, _, let detail):
            "not valid JSON5: \(detail)"
        case .notUTF8(_, _, let byte):
            "the file is not valid UTF-8 (byte 0x\(hex(byte)) here); save it as UTF-8, not in a Windows code page such as Windows-1258"
        case .nulCharacter:
            "the file contains a NUL character (byte 0x00); remove it (a whole file of them was saved as UTF-16: save it as UTF-8)"
        case .misplacedByteOrderMark:
            "a byte-order mark (U+FEFF) is allowed only at the start of the file; remove this one (joining two files leaves one behind)"
        case .nestedTooDeep(_, _, let limit):
            "lists and objects are nested more than \(limit) levels deep here, satkit's limit; a survey needs far fewer: look for brackets that are never closed"
        case .treeTooDeep(let limit):
            "this node is more than \(limit) levels deep in the indicator tree, satkit's limit; make the tree shallower"
        case .repeatedKey(let key):
            "key \"\(key)\" appears more than once in this object; keep one (the JSON5 reader would silently use only one of them)"
        case .unsupportedFormat(let format):
            "format \(format) is not supported; this satkit reads format \(SurveyFormat.version)"
        case .unknownKey(let key, let allowed, let suggestion):
            if let suggestion {
                "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?"
            } else {
                "unknown key \"\(key)\"; the keys allowed here are \(list(allowed))"
            }
        case .missingKey(let key):
            "missing required key \"\(key)\""
        case .wrongType(let expected, let found):
            "expected \(expected), found \(found)"
        case .emptyString:
            "must not be empty"
        case .emptyList:
            "the list is empty; give at least one entry"
        case .noScales:
            "no scales are declared; declare at least one, e.g. sat5: { points: [ … ], satisfied: [4, 5] }"
        case .notWholeNumber(let number):
            "expected a whole number, found \(format(number))"
        case .outOfRange(let found, let requirement):
            "must be \(requirement); found \(format(found))"
        case .invalidID(let id):
            "id \"\(id)\" may contain only ASCII letters, digits, \"_\" and \"-\""
        case .reservedID(let id):
            "id \"\(id)\" is reserved for the root of the indicator tree; choose another id"
        case .duplicateID(let id, let first):
            "id \"\(id)\" is already used at \(first); ids must be unique across indicators and questions"
        case .duplicateColumn(let column, let first):
            "column \"\(column)\" is already used at \(first); each CSV column may be used once"
        case .duplicateEntry(let entry, let first):
            "\"\(entry)\" is already listed at \(first); remove the repeat"
        case .undeclaredLanguage(let language, let declared, let suggestion):
            if let suggestion {
                "language \"\(language)\" is not in \"languages\"; did you mean \"\(suggestion)\"?"
            } else {
                "language \"\(language)\" is not in \"languages\" (\(list(declared))); add it there or use one of those"
            }
        case .missingText(let language):
            "no text in \"\(language)\", which \"languages\" declares; add \(language): \"…\""
        case .undeclaredScale(let scale, let declared, let suggestion):
            if let suggestion {
                "scale \"\(scale)\" is not declared; did you mean \"\(suggestion)\"?"
            } else if declared.isEmpty {
                "scale \"\(scale)\" is not declared; declare it under \"scales\""
            } else {
                "scale \"\(scale)\" is not declared; declare it under \"scales\" or use one of \(list(declared))"
            }
        case .unknownName(let kind, let name, let allowed, let suggestion):
            if let suggestion {
                "unknown \(kind) \"\(name)\"; did you mean \"\(suggestion)\"?"
            } else {
                "unknown \(kind) \"\(name)\"; use one of \(list(allowed))"
            }
        case .pointCount(let count):
            "a scale needs 2 to 11 points; this one has \(count)"
        case .duplicatePointValue(let value, let first):
            "point value \(value) is already used at \(first); give each point its own value"
        case .pointsNotConsecutive(let value, let previous):
            "point values must be consecutive whole numbers in increasing order; \(value) follows \(previous)"
        case .valueNotOnScale(let value, let min, let max):
            "value \(value) is not a point of this scale (\(min) to \(max))"
        case .overlappingBands(let value, let first, let second):
            "value \(value) is in both \"\(first)\" and \"\(second)\"; a value belongs to one band at most"
        case .missingCodeIsPoint(let code):
            "missing code \"\(code)\" is also a point value of this scale; a code is either an answer or missing"
        case .missingCodeIsLabel(let code):
            "missing code \"\(code)\" is also a point label of this scale; a code is either an answer or missing"
        case .duplicatePointLabel(let text, let language, let first):
            "label \"\(text)\" is already used at \(first); answers written as labels in \"\(language)\" could not be told apart"
        case .childrenAndColumn:
            "a node has \"children\" (an aggregate) or \"column\" (a criterion), not both"
        case .neitherChildrenNorColumn:
            "a node needs \"children\" (an aggregate) or \"column\" and \"scale\" (a criterion)"
        case .emptyAggregate(let id):
            "aggregate \"\(id)\" has no children; add at least one, or make it a criterion with \"column\" and \"scale\""
        case .keyNotApplicable(let key, let reason):
            "\"\(key)\" \(reason); remove it"
        case .multiSelectWithoutColumns(let id):
            "multiSelect question \"\(id)\" has no columns; give it one \"column\" (codes separated by \"separator\") or a \"column\" on every option"
        case .optionWithoutColumn:
            "this option has no \"column\" while other options do; give every option its own column"
        case .questionAndOptionColumns(let id):
            "multiSelect question \"\(id)\" has a \"column\" and option columns; use one or the other"
        }
    }
}

private func list(_ names: [String]) -> String {
    names.joined(separator: ", ")
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

private func format(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
}

/// Every problem found while loading one survey file. Loading throws this rather than the
/// first problem, so that one run shows the user everything to fix.
public struct SurveyLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order the loader walks the file: sections in the order the
    /// format lists them, list entries in file order. (Foundation's JSON5 reader does not
    /// keep the order of keys within an object, so file order is not available.)
    public var issues: [SurveyIssue]

    /// An error holding `issues` (never empty when thrown by the loader).
    public init(issues: [SurveyIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
