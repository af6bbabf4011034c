import SurveySchema
import Testing

@testable import SurveySample

@Suite("SampleGenerator")
struct SampleGeneratorTests {
    static func generate(
        _ survey: Survey, respondents: Int = 3000, wave: Int = 2024, seed: UInt64 = 7, weights: Bool = true
    ) throws -> [UInt8] {
        try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: respondents, wave: wave, seed: seed, weights: weights)
        ).csvBytes()
    }

    @Test("same survey, options and seed give the same bytes; another seed other bytes")
    func determinism() throws {
        let survey = try TestSurveys.smallSurvey()
        let first = try Self.generate(survey, respondents: 500)
        let second = try Self.generate(survey, respondents: 500)
        let otherSeed = try Self.generate(survey, respondents: 500, seed: 8)
        #expect(first == second)
        #expect(first != otherSeed)
        #expect(first.count > 500 * 20)
    }

    @Test("the header lists every column the survey declares, in declaration order")
    func header() throws {
        let sample = ParsedSample(try Self.generate(try TestSurveys.smallSurvey(), respondents: 10))
        // Respondent, wave, groups, design columns not already listed, criteria, questions
        // (the multi-select's option columns in option order), as the survey file declares them.
        #expect(sample.header == [
            "id", "wave", "region", "village", "service", "channel", "w", "pop",
            "d1", "d2", "d3", "o1", "o2", "q0", "heard_tv", "heard_web", "heard_friends", "note", "age",
        ])
    }

    @Test("one row per respondent, each with every column", arguments: [0, 1, 31, 1000])
    func rowCount(respondents: Int) throws {
        let sample = ParsedSample(try Self.generate(try TestSurveys.smallSurvey(), respondents: respondents))
        #expect(sample.rows.count == respondents)
        #expect(sample.rows.allSatisfy { $0.count == sample.header.count })
        #expect(Set(sample.column("id")).count == respondents)
    }

    @Test("any range of rows is the same bytes as in the whole file")
    func rowRanges() throws {
        let generator = try SampleGenerator(
            survey: try TestSurveys.smallSurvey(), options: SampleGenerator.Options(respondents: 400, wave: 2024, seed: 3))
        var pieces: [UInt8] = []
        generator.write(rows: 0..<123, includingHeader: true) { pieces.append(contentsOf: $0) }
        generator.write(rows: 123..<124, includingHeader: false) { pieces.append(contentsOf: $0) }
        generator.write(rows: 124..<400, includingHeader: false) { pieces.append(contentsOf: $0) }
        #expect(pieces == generator.csvBytes())
    }

    @Test("criterion shares satisfied lie between 60% and 99%, reverse-keyed items included")
    func shares() throws {
        let survey = try TestSurveys.smallSurvey()
        let sample = ParsedSample(try Self.generate(survey))
        for criterion in survey.criteria {
            let scale = try #require(survey.scale(of: criterion))
            let tally = CriterionTally(cells: sample.column(criterion.column), criterion: criterion, scale: scale)
            #expect(tally.unknown == 0, "\(criterion.column)")
            #expect(tally.share > 0.6 && tally.share < 0.99, "\(criterion.column): \(tally.share)")
        }
    }

    @Test("a reverse-keyed item is written reversed: its raw answers are mostly low")
    func reverseKeyed() throws {
        let survey = try TestSurveys.smallSurvey()
        let scale = try #require(survey.scale(id: "agree5"))
        let raw = ParsedSample(try Self.generate(survey)).column("d3").compactMap { Answer($0, scale: scale).value }
        let rawHigh = Double(raw.filter { $0 >= 4 }.count) / Double(raw.count)
        #expect(rawHigh < 0.3)
    }

    @Test("a few percent of scored cells are non-answers, written with the scale's codes")
    func missingRate() throws {
        let survey = try TestSurveys.smallSurvey()
        let sample = ParsedSample(try Self.generate(survey))
        var missing = 0
        var cells = 0
        var kinds: Set<String> = []
        for criterion in survey.criteria {
            let scale = try #require(survey.scale(of: criterion))
            for cell in sample.column(criterion.column) {
                cells += 1
                if case .missing(let kind) = Answer(cell, scale: scale) {
                    missing += 1
                    kinds.insert(kind.rawValue)
                }
            }
        }
        // Declared rates: agree5 1.2% + 1.5% + 0.5% = 3.2% (4 criteria), problems4 1.2% + 1.5%
        // = 2.7% (1 criterion, no "not applicable" code): 3.1% expected.
        let rate = Double(missing) / Double(cells)
        #expect(rate > 0.02 && rate < 0.045, "\(rate)")
        #expect(kinds == ["noAnswer", "dontKnow", "notApplicable"])
    }

    @Test("some answers are written as labels, in either language")
    func labels() throws {
        let sample = ParsedSample(try Self.generate(try TestSurveys.smallSurvey()))
        let cells = sample.column("d1") + sample.column("d2") + sample.column("o1")
        #expect(cells.contains("Agree") || cells.contains("Strongly agree"))
        #expect(cells.contains("Đồng ý") || cells.contains("Rất đồng ý"))
    }

    @Test("comments hold commas, quotes and line breaks, and survive quoting")
    func comments() throws {
        let bytes = try Self.generate(try TestSurveys.smallSurvey())
        let notes = ParsedSample(bytes).column("note").filter { !$0.isEmpty }
        #expect(notes.count > 500 && notes.count < 1000)  // a quarter of 3000
        #expect(notes.contains { $0.contains(",") })
        #expect(notes.contains { $0.contains("\"") })
        #expect(notes.contains { $0.contains("\n") })
        #expect(bytes.contains(0x22))
    }

    @Test("villages are clusters: unique across the file, each in one region, about 31 respondents")
    func villages() throws {
        let sample = ParsedSample(try Self.generate(try TestSurveys.smallSurvey()))
        var regionOfVillage: [String: Set<String>] = [:]
        for (village, region) in zip(sample.column("village"), sample.column("region")) {
            regionOfVillage[village, default: []].insert(region)
        }
        // ⌈3000 / 31⌉ = 97 villages, ⌈97 / 18⌉ = 6 regions.
        #expect(regionOfVillage.count == 97)
        #expect(regionOfVillage.values.allSatisfy { $0.count == 1 })
        #expect(Set(sample.column("region")).count == 6)
        #expect(sample.column("region").first == "Region 01")  // the strata group's label, numbered
    }

    @Test("weights vary by region with noise; the fpc is constant within a region")
    func weights() throws {
        let survey = try TestSurveys.smallSurvey()
        let weighted = ParsedSample(try Self.generate(survey))
        let weights = weighted.column("w").compactMap(Double.init)
        #expect(weights.count == 3000)
        #expect(weights.allSatisfy { $0 > 0 })
        #expect(Set(weights).count > 100)
        var fpcOfRegion: [String: Set<String>] = [:]
        for (region, fpc) in zip(weighted.column("region"), weighted.column("pop")) {
            fpcOfRegion[region, default: []].insert(fpc)
        }
        #expect(fpcOfRegion.values.allSatisfy { $0.count == 1 })
        let unweighted = ParsedSample(try Self.generate(survey, weights: false))
        #expect(Set(unweighted.column("w")) == ["1"])
    }

    @Test("multi-select option columns hold 0 or 1, and options are chosen")
    func multiSelect() throws {
        let sample = ParsedSample(try Self.generate(try TestSurveys.smallSurvey()))
        for column in ["heard_tv", "heard_web", "heard_friends"] {
            let cells = sample.column(column)
            #expect(Set(cells) == ["0", "1"], "\(column)")
        }
    }

    @Test("a later wave keeps the structure and draws new people")
    func waves() throws {
        let survey = try TestSurveys.smallSurvey()
        let a = ParsedSample(try Self.generate(survey, wave: 2023))
        let b = ParsedSample(try Self.generate(survey, wave: 2024))
        #expect(a.column("village") == b.column("village"))
        #expect(a.column("region") == b.column("region"))
        #expect(a.column("pop") == b.column("pop"))
        #expect(a.column("d1") != b.column("d1"))
        #expect(Set(a.column("wave")) == ["2023"])
    }

    @Test("options out of range are refused with a message that says what to do")
    func errors() throws {
        let survey = try TestSurveys.smallSurvey()
        #expect(throws: SampleError.outOfRange(option: "respondents", value: -1, minimum: 0)) {
            try SampleGenerator(survey: survey, options: SampleGenerator.Options(respondents: -1, wave: 2024, seed: 1))
        }
        #expect(SampleError.outOfRange(option: "respondents", value: -1, minimum: 0).description
            == "`respondents` is -1; it must be at least 0.")
        #expect(throws: SampleError.moreValuesThanDeclared(group: "service", declared: 7, requested: 200)) {
            try SampleGenerator(survey: try TestSurveys.bundled("surveys/sipas.json5"),
                                options: SampleGenerator.Options(respondents: 10, wave: 2024, seed: 1, services: 200))
        }
        #expect(SampleError.moreValuesThanDeclared(group: "service", declared: 7, requested: 200).description
            == "the survey declares 7 values for the `service` column but 200 were asked for; ask for at "
            + "most 7, or use a survey file whose `service` column has no value dictionary.")
    }

    @Test("without a service dictionary the number of services is an option")
    func serviceCount() throws {
        let survey = try TestSurveys.smallSurvey()
        let generator = try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: 5000, wave: 2024, seed: 1, services: 200))
        #expect(generator.serviceCount == 200)
        let services = Set(ParsedSample(generator.csvBytes()).column("service"))
        #expect(services.count > 150)
        #expect(services.contains("Service 001"))
    }
}

@Suite("SampleGenerator on several threads")
struct ParallelWriteTests {
    @Test("writing on 2 or 3 threads gives the bytes of writing on one", arguments: [2, 3])
    func sameBytes(threads: Int) throws {
        let generator = try SampleGenerator(
            survey: try TestSurveys.smallSurvey(),
            options: SampleGenerator.Options(respondents: 3 * SampleGenerator.blockRows + 17, wave: 2024, seed: 4))
        var parallel: [UInt8] = []
        generator.write(threads: threads) { parallel.append(contentsOf: $0) }
        #expect(parallel == generator.csvBytes())
    }
}
