/// A place inside a survey file, written as in messages: `indicators[1].children[0].scale`.
public struct SurveyPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a key of an object or an index into a list.
    public enum Component: Sendable, Hashable {
        /// A key of an object.
        case key(String)
        /// A 0-based position in a list.
        case index(Int)
    }

    /// The steps from the top of the file.
    public var components: [Component]

    /// A path from its steps; `[]` is the top of the file.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The top of the file.
    public static let root = SurveyPath()

    /// This path followed by `key`.
    public func appending(_ key: String) -> SurveyPath {
        SurveyPath(components + [.key(key)])
    }

    /// This path followed by `index`.
    public func appending(_ index: Int) -> SurveyPath {
        SurveyPath(components + [.index(index)])
    }

    /// Keys that are identifiers are joined with dots; others are quoted in brackets
    /// (`scales["5 point"]`); indices are in brackets. The top of the file is `(top level)`.
    public var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if isPlainKey(key) {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\"\(key)\"]"
                }
            }
        }
        return text
    }

    private func isPlainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
