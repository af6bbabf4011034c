import SurveySchema
import SurveyStatistics

/// Makes a synthetic CSV export of any survey: one row per respondent with every column the
/// survey declares, in the order of ``SurveySchema/Survey/columnRequirements`` (respondent,
/// wave, groups, design, criteria in tree order, questions in file order), header first.
///
/// The sample has the SIPAS shape: respondents clustered in villages (about 31 each) within
/// communes, districts and provinces (about 18 villages each); each respondent uses one
/// service and one value of every other grouping (channel, …). A respondent's answers are
/// correlated through a latent satisfaction
///
///     base = province (sd 0.25) + village (sd 0.30) + service (sd 0.20)
///            + other groups (sd 0.15) + demographics (sd 0.08) + person (sd 0.5)
///     latent(criterion j) = base + mean_j + drift_j·(wave − baseWave) + 0.55·ε
///
/// with mean_j = 1.2 + aspect offset U(−0.25, 0.25) + criterion offset U(−0.2, 0.2), cut
/// into the scale's points so that an answer is satisfied exactly when the latent value is
/// above 0 (``LatentScale``). The latent sd is about 0.86 (√(0.25² + 0.30² + 0.20² + 0.5² +
/// 0.55²), plus small group effects), so criteria shares come out mostly between 80% and 97%.
/// Group effects are centred on their draw-weighted mean. The person effect and ε are
/// Irwin–Hall sums of uniforms scaled to variance 1 (``Noise``): near-normal, bounded, and
/// without a logarithm in the hot loop.
/// Reverse-keyed criteria are written reversed (min + max − v). About 3.2% of scored cells
/// are non-answers written with the scale's own codes (1.2% no answer, 1.5% "don't know",
/// 0.5% not applicable, each only when the scale declares a code for it); about 1.5% are
/// written as the point's label in the default language and 0.5% in another language.
/// Free-text comments (a quarter of respondents) are Vietnamese, with commas, quotes and line
/// breaks; multi-select answers, demographics, weights, strata (the province), clusters (the
/// village, unique across the file) and the fpc (the province's population) are filled in.
///
/// Determinism: the structure (geography, services, effects, criteria means) comes from the
/// seed, the number of respondents and the shape options; each row from the seed, the wave
/// and its own index, with ``SurveyStatistics/SeededGenerator`` and integer or IEEE
/// arithmetic only (no platform `log`/`exp`/`pow`, no locale, no dictionary order). Same
/// survey, options and seed give the same bytes on every platform; any range of rows can be
/// written on its own and gives the bytes of those rows in the full file.
///
/// ```swift
/// let survey = try Survey.load(from: URL(fileURLWithPath: "surveys/sipas.json5"))
/// let generator = try SampleGenerator(survey: survey,
///     options: SampleGenerator.Options(respondents: 3000, wave: 2024, seed: 2024, weights: true))
/// try generator.write { chunk in try handle.write(contentsOf: chunk) }
/// ```
///
/// Throughput (release build, SIPAS, 67 columns, about 260 bytes a row): about 1.45 s of CPU
/// per million rows on one core; ten million rows (2.6 GB) stream in 34 MB of memory.
public struct SampleGenerator: Sendable {
    /// The survey the rows answer.
    public let survey: Survey
    /// What is generated.
    public let options: Options
    /// The drift of the survey's aspects between waves.
    public let drift: WaveDrift
    let plan: SamplePlan
    let compiled: CompiledPlan

    /// The bytes handed to the sink at a time, about: chunks end at a row's end, once the
    /// buffer holds at least this many bytes.
    public static let chunkSize = 1 << 20

    /// Prepares the generator: reads the survey's columns and scales and draws the sample's
    /// structure.
    ///
    /// - Throws: ``SampleError`` when an option is out of range or asks for more services or
    ///   provinces than the survey's dictionary declares.
    public init(survey: Survey, options: Options) throws(SampleError) {
        self.survey = survey
        self.options = options
        drift = WaveDrift(survey: survey)
        plan = try SamplePlan(survey: survey, options: options)
        compiled = CompiledPlan(plan)
    }

    /// The header: every column the survey declares, in file order.
    public var header: [String] { plan.header }

    /// The number of provinces (strata) and villages (clusters) in the sample.
    public var provinceCount: Int { plan.geography.provinceCount }
    /// The number of villages (clusters); 0 when there are no respondents.
    public var villageCount: Int { plan.geography.villageCount }
    /// The number of services.
    public var serviceCount: Int { plan.services.count }

    /// Writes the whole file, header first, handing the bytes to `sink` in chunks of about
    /// ``chunkSize`` bytes that each end at a row's end (so each chunk is valid UTF-8).
    public func write(to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try write(rows: 0..<options.respondents, includingHeader: true, to: sink)
    }

    /// Writes the rows `rows` (0-based respondent indices), preceded by the header if asked.
    /// The bytes are exactly those rows' bytes in the full file, so a caller may write
    /// ranges in parallel and concatenate them in order.
    ///
    /// - Precondition: `rows` lies within `0..<options.respondents`.
    public func write(
        rows: Range<Int>, includingHeader: Bool, to sink: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= options.respondents, "rows out of range")
        var buffer = ByteBuffer(capacity: SampleGenerator.chunkSize + (1 << 16))
        if includingHeader {
            for (index, name) in plan.header.enumerated() {
                if index > 0 { buffer.append(0x2C) }
                buffer.append(CSVCell.encoded(name))
            }
            buffer.append(plan.lineEnd)
        }
        let tables = compiled.tablesPointer
        let scratch = RowScratch(compiled.tables)
        for i in rows {
            SampleGenerator.writeRow(i, tables, into: &buffer, scratch: scratch)
            if buffer.count >= SampleGenerator.chunkSize {
                try buffer.withBytes(sink)
                buffer.removeAll()
            }
        }
        if buffer.count > 0 { try buffer.withBytes(sink) }
        withExtendedLifetime(compiled) {}
    }

    /// Writes the whole file to a text stream, chunk by chunk.
    public func write<Target: TextOutputStream>(to target: inout Target) {
        write { chunk in target.write(String(decoding: chunk, as: UTF8.self)) }
    }

    /// The whole file as bytes; for small samples (tests, fixtures).
    public func csvBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        write { bytes.append(contentsOf: $0) }
        return bytes
    }
}
