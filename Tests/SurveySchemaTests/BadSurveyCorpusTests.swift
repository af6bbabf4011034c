import Foundation
import Testing
import TestSupport
import SurveySchema

/// Walks the survey files of the bad-input corpus (`Tests/Fixtures/bad/`, written by its
/// `make.py`): each must give a clear error that names the file and the place (line and column,
/// or the path inside the file), never crash, and finish within 5 seconds (a bound on hangs,
/// not a speed test). See docs/robustness.md.
@Suite("Bad survey files")
struct BadInputCorpusTests {
    static let entries = BadInputCorpus.entries.filter { $0.input == "survey" }

    @Test func theCorpusIsThere() {
        // 60 broken inputs at least over surveys and CSV (issue 9); surveys alone have more than 60.
        #expect(BadInputCorpus.entries.filter { $0.outcome != "accepted" }.count >= 60)
        #expect(Self.entries.count >= 60)
        // Every broken input says where the message must point.
        for entry in BadInputCorpus.entries where entry.outcome != "accepted" {
            #expect(!entry.message.isEmpty, "\(entry.file) has no expected location")
        }
    }

    @Test(arguments: entries.filter { $0.bug == nil && $0.generated == nil })
    func loadingGivesALocatedErrorInTime(_ entry: BadInputCorpus.Entry) throws {
        try check(entry)
    }

    /// The big generated inputs one at a time, so that their times are not inflated by each other.
    @Test(.serialized, arguments: entries.filter { $0.bug == nil && $0.generated != nil })
    func bigInputsGiveALocatedErrorInTime(_ entry: BadInputCorpus.Entry) throws {
        try check(entry)
    }

    private func check(_ entry: BadInputCorpus.Entry) throws {
        let bytes = try entry.bytes()
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = Result { () throws(SurveyLoadError) -> Survey in try Survey(json5: Data(bytes), fileName: entry.file) }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(5), "\(entry.file) took \(elapsed); an input that takes this long is a hang")

        switch (outcome, entry.outcome) {
        case (.success, "accepted"):
            #expect(entry.exitCode == 0)
        case (.failure(let error), "error"):
            #expect(entry.exitCode == 65)
            let text = error.description
            #expect(!error.issues.isEmpty)
            #expect(text.hasPrefix(entry.file), "the message names the file: \(text.prefix(300))")
            if let detail = entry.detail {
                #expect(text.contains(detail), "\(text.prefix(300))")
            }
            if let known = entry.knownIssue {
                withKnownIssue(Comment(rawValue: known)) {
                    #expect(text.contains(entry.message), "\(text.prefix(300))")
                }
            } else {
                #expect(text.contains(entry.message), "\(text.prefix(300))")
            }
        case (.success, _):
            Issue.record("\(entry.file) loads, but the corpus expects \(entry.outcome): \(entry.message)")
        case (.failure(let error), _):
            Issue.record("\(entry.file) fails, but the corpus expects it to load: \(error.description.prefix(300))")
        }
    }

    /// The inputs that crashed the loader (Foundation's trap on invalid UTF-8 in a key, the
    /// scanner's stack overflow on deep nesting) are now ordinary entries of the walks above;
    /// this keeps them from silently leaving the corpus.
    @Test func formerCrashesAreWalked() throws {
        for file in ["survey/invalid-utf8-key-crash.json5", "survey/unclosed-lists-5000.json5", "survey/nested-lists-100000.json5"] {
            let entry = try #require(Self.entries.first { $0.file == file })
            #expect(entry.bug == nil && entry.knownIssue == nil && entry.outcome == "error", "\(file)")
        }
    }
}

extension BadInputCorpus.Entry: CustomTestStringConvertible {
    public var testDescription: String { file }
}

