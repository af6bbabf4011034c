import Foundation
import SatisfactionIndex
import SurveyData
import SurveySchema
import TestSupport

/// The compare fixtures (`Tests/Fixtures/compare/<case>/`): one CSV per wave in the index
/// fixtures' layout, the expected numbers from R (`make.R`) and statsmodels (`make.py`).
enum ComparisonFixture {
    static func folder(_ name: String) -> URL { TestPaths.fixture("compare/\(name)") }

    static func json(_ name: String, _ file: String) throws -> JSON {
        let data = try Data(contentsOf: folder(name).appendingPathComponent(file))
        return JSON(try JSONSerialization.jsonObject(with: data))
    }

    /// A wave's CSV as a dataset (the index fixtures' columns and missing codes).
    /// `aliases` maps a criterion id of an edited survey to the fixture column it reads (the
    /// dataset is keyed by criterion id, as an import with that survey would key it).
    static func dataset(_ name: String, wave: String, complex: Bool, aliases: [String: String] = [:]) throws -> SurveyDataset {
        let url = folder(name).appendingPathComponent("wave-\(wave).csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
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
            let levels = Array(Set(values)).sorted()
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, UInt32($0)) })
            return CategoryColumn(id: id, levels: levels, codes: values.map { index[$0]! })
        }
        var answers: [String: [AnswerCode]] = [:]
        for id in ["a1", "a2", "a3", "b1", "b2", "q0", "s1"] { answers[id] = column(id).map(code) }
        for (id, source) in aliases { answers[id] = column(source).map(code) }
        let x = column("opt_x"), y = column("opt_y")
        let chosen = x.indices.map { UInt64(x[$0] == "1" ? 1 : 0) | UInt64(y[$0] == "1" ? 2 : 0) }
        // Villages are numbered within a province: the cluster id is province/village.
        let village = zip(column("province"), column("village")).map { "\($0)/\($1)" }
        return SurveyDataset(
            rowCount: lines.count, lineNumbers: (0..<lines.count).map { UInt32($0 + 2) }, answers: answers,
            selections: ["opts": chosen],
            groups: ["service": category("service", column("service")), "province": category("province", column("province"))],
            weights: complex ? column("weight").map { Double($0)! } : nil,
            strata: complex ? category("province", column("province")) : nil,
            clusters: complex ? category("village", village) : nil)
    }

    /// The fixture survey with the design columns of the case.
    static func survey(complex: Bool, version: String = "1", measure: IndexMeasure = .share) -> Survey {
        var s = FixtureSurvey.make(measure: measure, design: complex ? DesignColumns(weight: "weight", strata: "province", cluster: "village") : DesignColumns())
        s.version = version
        return s
    }

    /// Each wave's results by service, with a ranking of services on `overall`.
    static func waves(_ name: String, _ labels: [String], complex: Bool, rank: Bool = false,
                      measure: IndexMeasure = .share) throws -> [Wave] {
        try labels.map { label in
            let survey = survey(complex: complex, version: label, measure: measure)
            let options = IndexOptions(groupings: [["service"]], rankings: rank ? [RankingRequest(by: ["service"])] : [],
                                       bootstrap: BootstrapSettings(replicates: 50), reliability: false, priorities: false)
            let results = try IndexEngine(survey: survey, dataset: dataset(name, wave: label, complex: complex), options: options).run()
            return Wave(label: label, survey: survey, results: results)
        }
    }
}
