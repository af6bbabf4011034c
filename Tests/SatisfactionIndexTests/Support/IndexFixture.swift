import Foundation
import SatisfactionIndex
import SurveyData
import SurveySchema
import TestSupport

/// The survey of the fixtures in `Tests/Fixtures/index/` (see `common.R` there): aspect A =
/// a1, a2, a3; aspect B = b1, b2 (b2 reverse-keyed); overall item q0; screener s1; a
/// multi-select question with options x and y.
enum FixtureSurvey {
    static func label(_ text: String) -> LocalizedText { LocalizedText(["en": text]) }

    static let sat5 = Scale(
        id: "sat5", points: (1...5).map { ScalePoint(value: $0, label: label("\($0)")) }, satisfied: [4, 5],
        neutral: [3], dissatisfied: [1, 2], missing: MissingCodes(noAnswer: [""], dontKnow: ["98"], notApplicable: ["99"]))
    static let yesno = Scale(
        id: "yesno", points: [ScalePoint(value: 1, label: label("yes")), ScalePoint(value: 2, label: label("no"))],
        satisfied: [1])

    static func make(combine: CombineRule = .meanOfChildren, measure: IndexMeasure = .share, design: DesignColumns = DesignColumns()) -> Survey {
        func criterion(_ id: String, reverse: Bool = false) -> Indicator {
            .criterion(Criterion(id: id, label: label(id), column: id, scale: "sat5", reverse: reverse))
        }
        return Survey(
            id: "fixture", version: "1", title: label("Fixture survey"), languages: ["en"], defaultLanguage: "en",
            scales: [sat5, yesno],
            index: IndexRules(measure: measure, combine: combine, interval: "wilson", level: 0.95, minValidN: 30,
                              maxIntervalWidth: nil, disclosureThreshold: 10),
            indicators: [
                .aggregate(Aggregate(id: "A", label: label("A"), children: [criterion("a1"), criterion("a2"), criterion("a3")])),
                .aggregate(Aggregate(id: "B", label: label("B"), children: [criterion("b1"), criterion("b2", reverse: true)])),
            ],
            questions: [
                Question(id: "q0", kind: .overall, label: label("overall"), column: "q0", scale: "sat5"),
                Question(id: "s1", kind: .screener, label: label("used"), column: "s1", scale: "yesno"),
                Question(id: "opts", kind: .multiSelect, label: label("channels"),
                         options: [Option(code: "x", label: label("x"), column: "opt_x"),
                                   Option(code: "y", label: label("y"), column: "opt_y")]),
            ],
            columns: Columns(
                groups: [GroupColumn(id: "service", column: "service", label: label("service")),
                         GroupColumn(id: "province", column: "province", label: label("province"))],
                design: design))
    }
}

/// One fixture case: the data as a ``SurveyDataset`` and the expected numbers from R.
struct IndexFixture {
    let dataset: SurveyDataset
    let expected: JSON

    /// `weights`, `strata` and `clusters` choose which design columns the dataset carries.
    init(_ name: String, weights: Bool = false, design: Bool = false) throws {
        let folder = TestPaths.fixture("index/\(name)")
        let text = try String(contentsOf: folder.appendingPathComponent("data.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) -> [String] {
            let j = header.firstIndex(of: name)!
            return lines.map { $0[j] }
        }
        func code(_ cell: String) -> AnswerCode {
            switch cell {
            case "": .noAnswer
            case "98": .dontKnow
            case "99": .notApplicable
            default: .point(Int(cell)!)
            }
        }
        func category(_ id: String, _ values: [String]) -> CategoryColumn {
            var levels: [String] = []
            var index: [String: UInt32] = [:]
            let codes = values.map { v -> UInt32 in
                if let c = index[v] { return c }
                index[v] = UInt32(levels.count)
                levels.append(v)
                return UInt32(levels.count - 1)
            }
            return CategoryColumn(id: id, levels: levels, codes: codes)
        }
        var answers: [String: [AnswerCode]] = [:]
        for id in ["a1", "a2", "a3", "b1", "b2", "q0", "s1"] { answers[id] = column(id).map(code) }
        let x = column("opt_x"), y = column("opt_y")
        let chosen = x.indices.map { UInt64(x[$0] == "1" ? 1 : 0) | UInt64(y[$0] == "1" ? 2 : 0) }
        dataset = SurveyDataset(
            rowCount: lines.count, lineNumbers: (0..<lines.count).map { UInt32($0 + 2) }, answers: answers,
            selections: ["opts": chosen],
            groups: ["service": category("service", column("service")), "province": category("province", column("province"))],
            weights: weights ? column("weight").map { Double($0)! } : nil,
            strata: design ? category("province", column("province")) : nil,
            clusters: design ? category("village", column("village")) : nil)
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        expected = JSON(try JSONSerialization.jsonObject(with: data))
    }
}

/// Read-only access to parsed JSON.
struct JSON {
    let value: Any
    init(_ value: Any) { self.value = value }
    subscript(_ key: String) -> JSON { JSON((value as? [String: Any])?[key] ?? NSNull()) }
    subscript(_ index: Int) -> JSON { JSON((value as? [Any])?[index] ?? NSNull()) }
    var array: [JSON] { ((value as? [Any]) ?? []).map(JSON.init) }
    var double: Double { (value as? NSNumber)?.doubleValue ?? .nan }
    var int: Int { (value as? NSNumber)?.intValue ?? -1 }
    var strings: [String] { (value as? [Any])?.compactMap { $0 as? String } ?? [] }
}

/// |a − b| ≤ tolerance · max(|a|, |b|), or both NaN.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    if a.isNaN && b.isNaN { return true }
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
}
