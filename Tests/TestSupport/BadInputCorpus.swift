import Foundation

/// `Tests/Fixtures/bad/expectations.json`: the broken inputs of issue 9, one entry per
/// input, with the outcome, exit status and located message each must give. Read by the
/// survey-loader, importer and command-line corpus walks.
public enum BadInputCorpus {
    public struct Entry: Decodable, Sendable {
        public var file: String
        public var input: String
        public var outcome: String
        public var exitCode: Int
        public var message: String
        public var detail: String?
        public var line: Int?
        public var quarantined: Int?
        public var knownIssue: String?
        public var bug: String?
        public var generated: Recipe?

        /// The input's bytes: the committed file, or built from its recipe.
        public func bytes() throws -> [UInt8] {
            if let generated { return generated.bytes() }
            return Array(try Data(contentsOf: TestPaths.fixture("bad").appendingPathComponent(file)))
        }
    }

    /// A big input that is not committed: `prefix + repeat × count + suffix` (UTF-8); with
    /// `numbered`, each `#` in `repeat` becomes the repetition's number.
    public struct Recipe: Decodable, Sendable {
        public var prefix: String
        public var `repeat`: String
        public var count: Int
        public var suffix: String
        public var numbered: Bool?

        public func bytes() -> [UInt8] {
            var bytes = Array(prefix.utf8)
            let unit = Array(`repeat`.utf8)
            bytes.reserveCapacity(bytes.count + unit.count * count + suffix.utf8.count)
            for index in 0..<count {
                if numbered == true {
                    bytes += Array(`repeat`.replacingOccurrences(of: "#", with: String(index)).utf8)
                } else {
                    bytes += unit
                }
            }
            bytes += Array(suffix.utf8)
            return bytes
        }
    }

    public static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: TestPaths.fixture("bad/expectations.json")) else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()
}
