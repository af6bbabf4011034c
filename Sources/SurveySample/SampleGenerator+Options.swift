extension SampleGenerator {
    /// What a ``SampleGenerator`` makes: how many respondents, which wave, which seed, and the
    /// shape of the sample. `satkit sample` fills these from its options.
    ///
    /// The structure of the sample (provinces, districts, communes, villages, services and their
    /// effects on satisfaction, the criteria's means) depends on ``seed``, ``respondents`` and the
    /// shape options only, never on ``wave``: two waves made with the same seed and size share
    /// one structure and differ by the wave drift (see ``WaveDrift``) and by drawing new people.
    public struct Options: Sendable, Hashable {
        /// The number of respondents (data rows). Zero writes the header alone.
        public var respondents: Int
        /// The wave written in the survey's wave column, e.g. 2024. It moves the criteria's means
        /// by ``WaveDrift`` and draws new people; it does not change the structure.
        public var wave: Int
        /// The seed: same survey, options and seed give the same bytes on every platform.
        public var seed: UInt64
        /// Write design weights that vary by province with some noise (`--weights`). Without
        /// them a declared weight column holds `1` in every row.
        public var weights: Bool
        /// The number of services. `nil`: the survey's service dictionary, or 20 generated
        /// services when it has none. With a dictionary it may not exceed the dictionary's size.
        public var services: Int?
        /// The number of provinces (strata). `nil`: the survey's province dictionary, or one
        /// province per ``villagesPerProvince`` villages, at most 63 (Vietnam's provinces).
        public var provinces: Int?
        /// Respondents per village (the cluster size; SIPAS interviews about 31).
        public var respondentsPerVillage: Int
        /// Villages per province when the number of provinces is derived (SIPAS: about 18).
        public var villagesPerProvince: Int
        /// The wave whose means are the structure's own; other waves are shifted by
        /// `drift × (wave − baseWave)`.
        public var baseWave: Int
        /// Line ends: `\r\n` (RFC 4180, the default) or `\n`.
        public var lineEnding: LineEnding
        /// Write the columns an export may leave out (``SurveySchema/Survey/optionalColumns``:
        /// evaluation, expectation, screener, multi-select, text and demographic questions).
        /// `false` writes only ``SurveySchema/Survey/requiredColumns``, for smaller benchmark
        /// files (SIPAS: 49 columns instead of 67, about 185 bytes a row instead of 260); the
        /// demographics then no longer shift the latent satisfaction.
        public var optionalColumns: Bool

        /// Line ends of the generated CSV.
        public enum LineEnding: String, Sendable, Hashable, CaseIterable {
            /// `\r\n`, as RFC 4180 and spreadsheet exports write it.
            case crlf
            /// `\n`.
            case lf
        }

        /// Options for `respondents` rows of wave `wave` drawn with `seed`; the other settings
        /// have the SIPAS sampling shape by default.
        public init(
            respondents: Int, wave: Int, seed: UInt64, weights: Bool = false, services: Int? = nil,
            provinces: Int? = nil, respondentsPerVillage: Int = 31, villagesPerProvince: Int = 18,
            baseWave: Int = 2023, lineEnding: LineEnding = .crlf, optionalColumns: Bool = true
        ) {
            self.respondents = respondents
            self.wave = wave
            self.seed = seed
            self.weights = weights
            self.services = services
            self.provinces = provinces
            self.respondentsPerVillage = respondentsPerVillage
            self.villagesPerProvince = villagesPerProvince
            self.baseWave = baseWave
            self.lineEnding = lineEnding
            self.optionalColumns = optionalColumns
        }
    }
}
