import Foundation
import Testing
import TestSupport

extension BadInputCorpus.Entry: CustomTestStringConvertible {
    public var testDescription: String { file }
}

/// The bad-input corpus (`Tests/Fixtures/bad/`) through the built binary: each committed
/// input gives its documented exit status and its located message, and never a crash.
/// Survey files go through `satkit survey check`, CSV files through
/// `satkit check --strict` with `reference-survey.json5`. (The generated big inputs are
/// walked at library level, where they need no files on disk.)
@Suite struct BadInputCommandLineTests {
    static let entries = BadInputCorpus.entries.filter { $0.generated == nil && $0.bug == nil }

    @Test func theCorpusIsThere() {
        #expect(Self.entries.count >= 60)
    }

    @Test(arguments: entries)
    func exitStatusAndMessage(_ entry: BadInputCorpus.Entry) throws {
        let path = TestPaths.fixture("bad").appendingPathComponent(entry.file).path
        let arguments = entry.input == "survey"
            ? ["survey", "check", path]
            : ["check", "--strict", "--survey", TestPaths.fixture("bad/reference-survey.json5").path, path]
        let run = try runSatkit(arguments)
        #expect(run.signal == nil, "crashed")
        #expect(run.exitStatus.map(Int.init) == entry.exitCode)
        if entry.outcome == "error" {
            #expect(run.standardError.contains(entry.message), "stderr: \(run.standardError)")
        }
    }
}
