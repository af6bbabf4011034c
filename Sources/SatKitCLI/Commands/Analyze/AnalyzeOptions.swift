import SatKit

/// The options of `satkit analyze`.
struct AnalyzeOptions: CommandOptions, Equatable {
    /// Bootstrap intervals: how many replicates, drawn with which seed.
    struct Bootstrap: Equatable, Sendable {
        var replicates: Int
        var seed: UInt64

        init(replicates: Int, seed: UInt64) {
            self.replicates = replicates
            self.seed = seed
        }

        /// `--bootstrap N --seed S` (both or neither); nil when neither is given.
        init?(_ parsed: ParsedArguments) throws(UsageError) {
            switch (try parsed.valueIfPresent(Arguments.bootstrap), try parsed.valueIfPresent(Arguments.seed)) {
            case (let replicates?, let seed?):
                self.init(replicates: replicates, seed: seed)
            case (.some, nil):
                throw .requiresOption("--bootstrap", other: "--seed S", reason: "so that the intervals can be reproduced")
            case (nil, .some):
                throw .onlyWithOption("--seed", other: "--bootstrap N")
            case (nil, nil):
                return nil
            }
        }

        /// Engine options that use this bootstrap for the rank intervals and for every
        /// criterion's, aspect's and the overall index's interval.
        func apply(to options: inout IndexOptions) {
            options.rankIntervals = .bootstrap
            options.bootstrapIntervals = true
            options.bootstrap.replicates = replicates
            options.bootstrap.seed = seed
        }
    }

    var survey: String
    var data: String
    /// Grouping columns, in order; empty: the whole sample only.
    var groupBy: [String]
    /// Nil: the survey file's level.
    var level: Double?
    /// Nil: the survey file's method.
    var method: IntervalMethodName?
    /// Nil: the survey file's rule for strata with one PSU.
    var lonelyUnits: LonelyUnitsName?
    /// Nil: the survey file's default language.
    var language: Language?
    var format: TableFormat
    /// Nil: standard output.
    var output: String?
    /// Nil: the engine's default replicates and seed for rank intervals.
    var bootstrap: Bootstrap?
    /// How the CSV is read, and where quarantined rows go (nil: counted, not written).
    var importSettings = ImportSettings()
    var quarantine: String?

    /// The files the command reads.
    var inputs: [String] { [survey, data] }

    /// The files the command writes.
    var outputs: [(option: String, path: String)] {
        (output.map { [("-o", $0)] } ?? []) + (quarantine.map { [("--quarantine", $0)] } ?? [])
    }
}

extension AnalyzeOptions {
    enum Arguments {
        static let survey = SharedArguments.survey
        static let data = SharedArguments.data
        static let groupBy = SharedArguments.groupBy
        static let level = SharedArguments.level
        static let method = Option(
            "method", ValueParser<IntervalMethodName>.choice.named("METHOD"),
            defaultDescription: "the survey file's method",
            help: "Interval method for shares: wilson, wilson-cc (with continuity correction), "
                + "agresti-coull, clopper-pearson (exact), jeffreys, logit, or wald.")
        static let lonelyUnits = SharedArguments.lonelyUnits
        static let language = SharedArguments.language
        static let format = SharedArguments.tableFormat
        static let output = SharedArguments.output
        static let bootstrap = Option(
            "bootstrap", .integer("N", in: 2...1_000_000),
            help: "Intervals of the criteria, aspects and overall index, and rank intervals of groups, "
                + "from N replicates of a bootstrap of the whole design (percentile intervals; slower on "
                + "large files); needs --seed.")
        static let seed = Option(
            "seed", .integer("S", in: UInt64.min...UInt64.max),
            help: "Seed of the bootstrap's random generator: the same seed gives the same intervals.")
        static let quarantine = CheckOptions.Arguments.quarantine
        static let encoding = CheckOptions.Arguments.encoding
        static let delimiter = CheckOptions.Arguments.delimiter
        static let invalidCells = CheckOptions.Arguments.invalidCells
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        data = try parsed.value(Arguments.data)
        groupBy = try parsed.values(Arguments.groupBy).flatMap { $0 }
        level = try parsed.valueIfPresent(Arguments.level)
        method = try parsed.valueIfPresent(Arguments.method)
        lonelyUnits = try parsed.valueIfPresent(Arguments.lonelyUnits)
        language = try parsed.valueIfPresent(Arguments.language)
        format = try parsed.value(Arguments.format)
        output = try parsed.valueIfPresent(Arguments.output)
        quarantine = try parsed.valueIfPresent(Arguments.quarantine)
        importSettings = try ImportSettings(parsed)
        bootstrap = try Bootstrap(parsed)
    }

    static let command = Command(
        "analyze",
        abstract: "Satisfaction indices with confidence intervals.",
        discussion: "For every criterion, aspect and part of the survey's indicator tree, and for "
            + "the overall index: the index by the survey file's rules with its confidence "
            + "interval, the numbers of valid answers and of no answers, and flags. A group "
            + "below the survey's minimum n is flagged and its estimates suppressed. Weights "
            + "and the sampling design declared in the survey file are used. The import report "
            + "of 'satkit check' goes to standard error first.",
        arguments: [
            Arguments.survey, Arguments.data, Arguments.groupBy, Arguments.level, Arguments.method,
            Arguments.lonelyUnits, Arguments.language, Arguments.format, Arguments.output, Arguments.bootstrap, Arguments.seed,
            Arguments.quarantine, Arguments.encoding, Arguments.delimiter, Arguments.invalidCells,
        ],
        examples: [
            .init(summary: "Indices per service in the bundled 2024 SIPAS data:",
                  commandLine: "satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv --by service"),
            .init(summary: "Per province and channel at the 90% level, as tidy CSV:",
                  commandLine: "satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv "
                      + "--by province,channel --level 0.9 --format csv -o indices.csv"),
            .init(summary: "With bootstrap intervals from 2,000 replicates:",
                  commandLine: "satkit analyze --survey surveys/sipas.json5 data/sipas-2024.csv "
                      + "--bootstrap 2000 --seed 7"),
        ],
        run: analyze)
}
