import Testing
@testable import SatKitCLI

@Suite struct ValueParserTests {
    @Test func text() throws {
        #expect(try ValueParser.text("FILE").parse("a.csv") == "a.csv")
        #expect(throws: ValueError.empty) { try ValueParser.text("FILE").parse("") }
    }

    @Test func wholeNumbers() throws {
        let respondents = ValueParser<Int>.integer("N", in: 1...100)
        #expect(try respondents.parse("100") == 100)
        #expect(try respondents.parse("+7") == 7)
        #expect(throws: ValueError.notAWholeNumber) { try respondents.parse("ten") }
        #expect(throws: ValueError.notAWholeNumber) { try respondents.parse("1e2") }
        #expect(throws: ValueError.notAWholeNumber) { try respondents.parse("1,000") }
        #expect(throws: ValueError.notAWholeNumber) { try respondents.parse("") }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 1 and 100", hint: nil)) {
            try respondents.parse("0")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 1 and 100", hint: nil)) {
            try respondents.parse("99999999999999999999999")
        }
    }

    @Test func unboundedAboveSaysAtLeast() throws {
        let seed = ValueParser<UInt64>.integer("S", in: 0...UInt64.max)
        #expect(try seed.parse("18446744073709551615") == UInt64.max)
        #expect(throws: ValueError.outOfRange(requirement: "must be at least 0", hint: nil)) {
            try seed.parse("-1")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be at least 0", hint: nil)) {
            try seed.parse("18446744073709551616")
        }
    }

    @Test func confidenceLevel() throws {
        let level = ValueParser<Double>.confidenceLevel
        #expect(try level.parse("0.95") == 0.95)
        #expect(throws: ValueError.notANumber) { try level.parse("high") }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: nil)) {
            try level.parse("1")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: nil)) {
            try level.parse("0")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: nil)) {
            try level.parse("1.5")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: "for 95% write 0.95")) {
            try level.parse("95")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: "for 99.9% write 0.999")) {
            try level.parse("99.9")
        }
        #expect(throws: ValueError.outOfRange(requirement: "must be between 0 and 1, exclusive", hint: "for 90.0% write 0.9")) {
            try level.parse("90.0")
        }
    }

    @Test func choices() throws {
        #expect(try ValueParser<TableFormat>.choice.parse("json") == .json)
        #expect(ValueParser<TableFormat>.choice.valueName == "table|json|csv")
        #expect(throws: ValueError.notOneOf(["table", "json", "csv"], suggestion: nil)) {
            try ValueParser<TableFormat>.choice.parse("xml")
        }
        #expect(throws: ValueError.notOneOf(["table", "json", "csv"], suggestion: "json")) {
            try ValueParser<TableFormat>.choice.parse("jsn")
        }
        #expect(throws: ValueError.notOneOf(["table", "json", "csv"], suggestion: nil)) {
            try ValueParser<TableFormat>.choice.parse("JSON")
        }
    }

    @Test func delimiterAliases() throws {
        let delimiter = ValueParser<Delimiter>.choice
        #expect(try delimiter.parse(",") == .comma)
        #expect(try delimiter.parse("comma") == .comma)
        #expect(try delimiter.parse(";") == .semicolon)
        #expect(try delimiter.parse("semicolon") == .semicolon)
        #expect(try delimiter.parse("tab") == .tab)
        #expect(delimiter.valueName == ",|;|tab")
    }

    @Test func columns() throws {
        #expect(try ValueParser.columns.parse("service") == ["service"])
        #expect(try ValueParser.columns.parse("province,channel") == ["province", "channel"])
        #expect(try ValueParser.columns.parse(" province , channel ") == ["province", "channel"])
        #expect(throws: ValueError.malformed(expected: "COLUMN[,COLUMN...]")) { try ValueParser.columns.parse("province,") }
        #expect(throws: ValueError.empty) { try ValueParser.columns.parse("") }
    }

    @Test func waves() throws {
        #expect(try WaveSource.parser.parse("2023=data/sipas-2023.csv")
            == WaveSource(year: 2023, source: DataSource(data: "data/sipas-2023.csv", survey: nil)))
        #expect(try WaveSource.parser.parse("2022=data/s-2022.csv@surveys/sipas-2022.json5")
            == WaveSource(year: 2022, source: DataSource(data: "data/s-2022.csv", survey: "surveys/sipas-2022.json5")))
        // An @ not followed by a survey file belongs to the data path.
        #expect(try WaveSource.parser.parse("2024=exports/ward@7.csv")
            == WaveSource(year: 2024, source: DataSource(data: "exports/ward@7.csv", survey: nil)))
        let malformed = ValueError.malformed(expected: "YEAR=DATA.csv[@SURVEY]")
        for text in ["2023", "data.csv", "year=a.csv", "2023=", "24=a.csv", "2023=@s.json5"] {
            #expect(throws: malformed, "\(text)") { try WaveSource.parser.parse(text) }
        }
    }

    @Test func dataSource() throws {
        #expect(try DataSource.parser.parse("old.csv@old.json") == DataSource(data: "old.csv", survey: "old.json"))
        #expect(try DataSource.parser.parse("old.csv") == DataSource(data: "old.csv", survey: nil))
    }

    @Test func reasons() {
        #expect(ValueError.empty.reason == "must not be empty")
        #expect(ValueError.notOneOf(["table", "json", "csv"], suggestion: nil).reason == "is not one of table, json, csv")
        #expect(ValueError.notOneOf(["table", "json", "csv"], suggestion: "json").reason
            == "is not one of table, json, csv; did you mean 'json'?")
        #expect(ValueError.notOneOf([",", ";", "tab"], suggestion: nil).reason == "is not one of ',', ';', tab")
        #expect(ValueError.notAWholeNumber.reason == "is not a whole number")
        #expect(ValueError.notANumber.reason == "is not a number")
        #expect(ValueError.outOfRange(requirement: "must be at least 1", hint: nil).reason == "must be at least 1")
        #expect(ValueError.outOfRange(requirement: "must be at least 1", hint: "try 2").reason == "must be at least 1; try 2")
        #expect(ValueError.malformed(expected: "YEAR=DATA.csv").reason == "is not of the form YEAR=DATA.csv")
    }
}
