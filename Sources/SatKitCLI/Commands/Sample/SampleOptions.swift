/// The options of `satkit sample`.
struct SampleOptions: CommandOptions, Equatable {
    var survey: String
    /// How many respondents (rows) to generate.
    var respondents: Int
    /// The value of the wave (year) column.
    var wave: Int
    /// The seed of the random generator: the same seed gives the same bytes.
    var seed: UInt64
    /// Whether to add a weight column.
    var includeWeights: Bool
    /// How many services and provinces; nil: the survey's dictionary, or the generator's default.
    var services: Int?
    var provinces: Int?
    /// Nil: standard output.
    var output: String?

    /// The files the command reads.
    var inputs: [String] { [survey] }

    /// The files the command writes.
    var outputs: [(option: String, path: String)] { output.map { [("-o", $0)] } ?? [] }
}

extension SampleOptions {
    enum Arguments {
        static let survey = SharedArguments.survey
        static let respondents = Option(
            "respondents", .integer("N", in: 1...100_000_000), required: true,
            help: "How many respondents (rows) to generate.")
        static let wave = Option(
            "wave", SharedArguments.year, required: true,
            help: "The year written in the wave column.")
        static let seed = Option(
            "seed", .integer("S", in: UInt64.min...UInt64.max), required: true,
            help: "Seed of the random generator, a whole number: the same seed gives the same bytes.")
        static let weights = Flag(
            "weights", help: "Add a column of sampling weights.")
        static let services = Option(
            "services", .integer("N", in: 1...10_000), defaultDescription: "the survey's list, or 20",
            help: "How many services to spread respondents over. A survey that lists its "
                + "services allows at most that many.")
        static let provinces = Option(
            "provinces", .integer("N", in: 1...10_000), defaultDescription: "as many as the respondents fill, up to 63",
            help: "How many provinces (strata).")
        static let output = SharedArguments.output
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        survey = try parsed.value(Arguments.survey)
        respondents = try parsed.value(Arguments.respondents)
        wave = try parsed.value(Arguments.wave)
        seed = try parsed.value(Arguments.seed)
        includeWeights = parsed.isSet(Arguments.weights)
        services = try parsed.valueIfPresent(Arguments.services)
        provinces = try parsed.valueIfPresent(Arguments.provinces)
        output = try parsed.valueIfPresent(Arguments.output)
    }

    static let command = Command(
        "sample",
        abstract: "Generate synthetic answers that look like a real export.",
        discussion: "Respondents are clustered in villages within communes, districts and "
            + "provinces, and spread over services and channels; each one's answers follow a "
            + "latent satisfaction, with a few percent missing or \"don't know\" and some "
            + "written as labels. Rows are streamed, so millions of respondents need little "
            + "memory. For demonstrations, tests and benchmarks, not for analysis.",
        arguments: [
            Arguments.survey, Arguments.respondents, Arguments.wave, Arguments.seed,
            Arguments.weights, Arguments.services, Arguments.provinces, Arguments.output,
        ],
        examples: [
            .init(summary: "2,000 synthetic SIPAS respondents for 2024:",
                  commandLine: "satkit sample --survey surveys/sipas.json5 --respondents 2000 "
                      + "--wave 2024 --seed 7 -o sipas-demo.csv"),
        ],
        run: sample)
}
