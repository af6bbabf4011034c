import Foundation
import Testing
import TestSupport

/// `satkit report` on the bundled 2024 SIPAS data, in both languages: every number the
/// report marks (`data-entry` elements) equals the one `satkit analyze --format json` gives
/// for the same node, and nothing unescaped or external is in the file.
@Suite struct ReportOnBundledDataTests {
    let sipas = TestPaths.file("surveys/sipas.json5").path
    let data = TestPaths.file("data/sipas-2024.csv").path

    /// `data-entry="ID" data-value="V" data-lower="L" data-upper="U"` attributes, by entry id.
    func markedEntries(_ html: String) -> [String: (value: Double, lower: Double, upper: Double)] {
        var result: [String: (Double, Double, Double)] = [:]
        let pattern = /data-entry="([^"]+)" data-value="([^"]+)" data-lower="([^"]+)" data-upper="([^"]+)"/
        for match in html.matches(of: pattern) {
            if let v = Double(match.2), let l = Double(match.3), let u = Double(match.4) {
                result[String(match.1)] = (v, l, u)
            }
        }
        return result
    }

    @Test(arguments: ["vi", "en"])
    func reportShowsTheNumbersOfAnalyze(language: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("satkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let report = try runSatkit(["report", "--survey", sipas, data, "--lang", language, "-o", output])
        #expect(report.exitStatus == 0)
        let html = try String(contentsOfFile: output, encoding: .utf8)

        let analyze = try runSatkit(["analyze", "--survey", sipas, data, "--format", "json"])
        #expect(analyze.exitStatus == 0)
        // JSONDecoder, not JSONSerialization: on Linux the latter parses some doubles one
        // unit in the last place off, which an exact comparison would mistake for a bug.
        struct Output: Decodable {
            struct Grouping: Decodable { let groups: [Group] }
            struct Group: Decodable { let nodes: [Node]; let questions: [Node] }
            struct Node: Decodable {
                let id: String
                let option: String?
                let estimate: Estimate
                let interval: Interval
            }
            struct Estimate: Decodable { let value: Double }
            struct Interval: Decodable { let lower: Double; let upper: Double }
            let groupings: [Grouping]
        }
        let decoded = try JSONDecoder().decode(Output.self, from: Data(analyze.standardOutput.utf8))
        let whole = try #require(decoded.groupings.first?.groups.first)
        let nodes = whole.nodes + whole.questions.filter { $0.option == nil }

        let marked = markedEntries(html)
        // The overall index and the aspects charted on the first screen.
        #expect(marked["overall"] != nil)
        #expect(marked.count >= 10)
        for (id, shown) in marked {
            let node = try #require(nodes.first { $0.id == id }, "analyze has no node \(id)")
            #expect(shown.value == node.estimate.value, "\(id)")
            #expect(shown.lower == node.interval.lower, "\(id)")
            #expect(shown.upper == node.interval.upper, "\(id)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}
