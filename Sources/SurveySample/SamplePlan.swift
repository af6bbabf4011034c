import SurveySchema
import SurveyStatistics

/// Everything the hot loop needs, worked out once from the survey and the options: the
/// columns in order, each column's pre-encoded cells, and the structure of the sample.
struct SamplePlan: Sendable {
    /// What one column holds.
    enum Column: Sendable {
        case respondent, wave
        case province, district, commune, village
        case service
        case group(Int)
        case weight, fpc
        case scored(Int)
        case multiSelect(Int)
        case option(question: Int, option: Int)
        case text
        case demographic(Int)
    }

    /// A criterion or scored question: latent = loading·base + mean + noise·ε, cut on its
    /// scale; a few percent of cells are non-answers, a few are labels instead of codes.
    struct ScoredItem: Sendable {
        var scale: Int
        var mean: Double
        var loading: Double
        var noise: Double
        var reverse: Bool
    }

    /// A multi-select question: each option chosen with its own probability (as a threshold
    /// on 8 random bits); written as one cell with a separator or one 0/1 column per option.
    struct MultiSelect: Sendable {
        var thresholds: [UInt64]
        var codes: [[UInt8]]
        var separator: [UInt8]
        var quoted: Bool
    }

    var header: [String] = []
    var columns: [Column] = []
    var geography: Geography
    var services: Categorical
    var groups: [Categorical] = []
    var demographics: [Categorical] = []
    var scales: [LatentScale] = []
    var items: [ScoredItem] = []
    var multiSelects: [MultiSelect] = []
    var waveCell: [UInt8]
    var provinceCells: [[UInt8]]
    var districtPrefix: [UInt8]
    var communePrefix: [UInt8]
    var villagePrefix: [UInt8]
    var districtWidth: Int
    var communeWidth: Int
    var villageWidth: Int
    var respondentWidth: Int
    var weights: Bool
    var otherLanguages: Int
    var lineEnd: [UInt8]
    var peopleSeed: UInt64
    var wave: Int
}

extension SamplePlan {
    /// The word that starts a generated value of the column with `role`: the group's own
    /// label when its id is not a known role (a strata column `region` gives "Region 01"),
    /// else (or when the label holds a comma or quote) the role's word in the survey's default
    /// language, Vietnamese or English.
    static func prefix(_ role: String, survey: Survey) -> String {
        if let group = survey.columns.groups.first(where: { SamplePlan.role(of: $0, design: survey.columns.design) == role }),
            group.id != role, !CSVCell.needsQuotes(survey.text(group.label).utf8) {
            return survey.text(group.label)
        }
        return prefix(role, language: survey.defaultLanguage)
    }

    /// Names for generated values of the geographic and service columns, by language.
    static func prefix(_ role: String, language: String) -> String {
        let vi = ["province": "Tỉnh", "district": "Huyện", "commune": "Xã", "village": "Thôn", "service": "Dịch vụ"]
        let en = ["province": "Province", "district": "District", "commune": "Commune", "village": "Village", "service": "Service"]
        return (language == "vi" ? vi[role] : en[role]) ?? role
    }

    static func digits(_ n: Int) -> Int {
        var digits = 1
        var v = n / 10
        while v > 0 {
            digits += 1
            v /= 10
        }
        return digits
    }

    /// The role of a grouping column: a level of the geography, the service, or another
    /// grouping (channel, …). The strata column is the province level and the cluster column
    /// the village level, whatever their ids.
    static func role(of group: GroupColumn, design: DesignColumns) -> String? {
        if group.column == design.strata { return "province" }
        if group.column == design.cluster { return "village" }
        switch group.id {
        case "province", "district", "commune", "village", "service": return group.id
        default: return nil
        }
    }

    init(survey: Survey, options: SampleGenerator.Options) throws(SampleError) {
        if options.respondents < 0 { throw .outOfRange(option: "respondents", value: options.respondents, minimum: 0) }
        if options.respondentsPerVillage < 1 {
            throw .outOfRange(option: "respondentsPerVillage", value: options.respondentsPerVillage, minimum: 1)
        }
        if options.villagesPerProvince < 1 {
            throw .outOfRange(option: "villagesPerProvince", value: options.villagesPerProvince, minimum: 1)
        }
        if let services = options.services, services < 1 { throw .outOfRange(option: "services", value: services, minimum: 1) }
        if let provinces = options.provinces, provinces < 1 { throw .outOfRange(option: "provinces", value: provinces, minimum: 1) }

        let language = survey.defaultLanguage
        let languages = [language] + survey.languages.filter { $0 != language }
        let design = survey.columns.design
        func labels(_ values: [CodeLabel]) -> [[[UInt8]]] {
            languages.map { lang in values.map { CSVCell.encoded($0.label.text(in: lang, fallback: language)) } }
        }
        func dictionary(_ role: String) -> [CodeLabel]? {
            survey.columns.groups.first { SamplePlan.role(of: $0, design: design) == role }?.values
        }
        func limited(_ values: [CodeLabel], _ requested: Int?, group: String) throws(SampleError) -> [CodeLabel] {
            guard let requested else { return values }
            if requested > values.count {
                throw .moreValuesThanDeclared(group: group, declared: values.count, requested: requested)
            }
            return Array(values.prefix(requested))
        }

        // Provinces: the dictionary's codes, or generated names.
        var provinceDictionary: [CodeLabel]?
        if let values = dictionary("province") {
            provinceDictionary = try limited(values, options.provinces, group: "province")
        }
        geography = Geography(
            respondents: options.respondents, provinces: provinceDictionary?.count ?? options.provinces,
            respondentsPerVillage: options.respondentsPerVillage, villagesPerProvince: options.villagesPerProvince,
            seed: options.seed)
        let provinceWidth = max(2, SamplePlan.digits(geography.provinceCount))
        provinceCells = provinceDictionary.map { $0.map { CSVCell.encoded($0.code) } }
            ?? (0..<geography.provinceCount).map { p in
                let number = String(p + 1)
                return CSVCell.encoded(SamplePlan.prefix("province", survey: survey) + " "
                    + String(repeating: "0", count: provinceWidth - number.count) + number)
            }
        districtPrefix = Array((SamplePlan.prefix("district", survey: survey) + " ").utf8)
        communePrefix = Array((SamplePlan.prefix("commune", survey: survey) + " ").utf8)
        villagePrefix = Array((SamplePlan.prefix("village", survey: survey) + " ").utf8)
        districtWidth = max(3, SamplePlan.digits(geography.districtCount))
        communeWidth = max(4, SamplePlan.digits(geography.communeCount))
        villageWidth = max(5, SamplePlan.digits(geography.villageCount))
        respondentWidth = max(6, SamplePlan.digits(options.respondents))

        // Services: popularity ∝ 1/(rank + 3), effect sd 0.20.
        var serviceRNG = Streams.generator(options.seed, Streams.services)
        let serviceCells: [[UInt8]]
        var serviceLabels: [[[UInt8]]] = []
        if let values = dictionary("service") {
            let chosen = try limited(values, options.services, group: "service")
            serviceCells = chosen.map { CSVCell.encoded($0.code) }
            serviceLabels = labels(chosen)
        } else {
            let count = options.services ?? 20
            let width = max(3, SamplePlan.digits(count))
            serviceCells = (0..<count).map { s in
                let number = String(s + 1)
                return CSVCell.encoded(SamplePlan.prefix("service", survey: survey) + " "
                    + String(repeating: "0", count: width - number.count) + number)
            }
        }
        services = Categorical(
            cells: serviceCells, labelCells: serviceLabels,
            weights: serviceCells.indices.map { 1 / Double($0 + 3) },
            effects: serviceCells.indices.map { _ in 0.20 * serviceRNG.nextNormal() })

        weights = options.weights
        otherLanguages = languages.count - 1
        lineEnd = options.lineEnding == .crlf ? [0x0D, 0x0A] : [0x0A]
        waveCell = CSVCell.encoded(String(options.wave))
        wave = options.wave
        peopleSeed = Streams.seed(options.seed, Streams.people, UInt64(bitPattern: Int64(options.wave)))

        // Scales, by id.
        var scaleIndex: [String: Int] = [:]
        for scale in survey.scales {
            scaleIndex[scale.id] = scales.count
            scales.append(LatentScale(scale: scale, languages: languages, defaultLanguage: language))
        }

        // Criteria means: 1.2 + aspect offset U(−0.25, 0.25) + criterion offset U(−0.2, 0.2),
        // plus the wave drift.
        let drift = WaveDrift(survey: survey)
        let waves = Double(options.wave - options.baseWave)
        var itemRNG = Streams.generator(options.seed, Streams.items)
        var criterionMeans: [String: Double] = [:]
        var structuralMeans: [Double] = []
        for aspect in drift.aspects {
            let aspectOffset = itemRNG.uniform(-0.25, 0.25)
            for id in aspect.criteria {
                let mean = 1.2 + aspectOffset + itemRNG.uniform(-0.2, 0.2)
                structuralMeans.append(mean)
                criterionMeans[id] = mean + aspect.perWave * waves
            }
        }
        let meanOfCriteria = structuralMeans.isEmpty ? 1.2 : structuralMeans.reduce(0, +) / Double(structuralMeans.count)

        var groupRNG = Streams.generator(options.seed, Streams.groups)
        var demographicRNG = Streams.generator(options.seed, Streams.demographics)
        // Multi-select questions written as one 0/1 column per option, by question id.
        var optionQuestions: [String: Int] = [:]

        for requirement in survey.columnRequirements where requirement.isRequired || options.optionalColumns {
            // Each case appends one column, or none when the survey (built in code, not
            // loaded) refers to something it does not declare; the header follows.
            defer { if columns.count > header.count { header.append(requirement.name) } }
            switch requirement.role {
            case .respondent: columns.append(.respondent)
            case .wave: columns.append(.wave)
            case .weight: columns.append(.weight)
            case .strata: columns.append(.province)
            case .cluster: columns.append(.village)
            case .fpc: columns.append(.fpc)
            case .group(let id):
                guard let group = survey.columns.groups.first(where: { $0.id == id }) else { continue }
                switch SamplePlan.role(of: group, design: design) {
                case "province": columns.append(.province)
                case "district": columns.append(.district)
                case "commune": columns.append(.commune)
                case "village": columns.append(.village)
                case "service": columns.append(.service)
                default:
                    // Another grouping (channel, …): its dictionary or 5 generated values,
                    // popularity ratio 0.35 from one value to the next, effect sd 0.15.
                    let cells: [[UInt8]]
                    var labelCells: [[[UInt8]]] = []
                    if let values = group.values {
                        cells = values.map { CSVCell.encoded($0.code) }
                        labelCells = labels(values)
                    } else {
                        let name = survey.text(group.label)
                        cells = (1...5).map { CSVCell.encoded(name + " " + String($0)) }
                    }
                    var weight = 1.0
                    var weights: [Double] = []
                    for _ in cells {
                        weights.append(weight)
                        weight *= 0.35
                    }
                    columns.append(.group(groups.count))
                    groups.append(Categorical(
                        cells: cells, labelCells: labelCells, weights: weights,
                        effects: cells.map { _ in 0.15 * groupRNG.nextNormal() }))
                }
            case .criterion(let id):
                guard let criterion = survey.criteria.first(where: { $0.id == id }),
                    let scale = scaleIndex[criterion.scale]
                else { continue }
                columns.append(.scored(items.count))
                items.append(ScoredItem(
                    scale: scale, mean: criterionMeans[id] ?? 1.2, loading: 1, noise: 0.55, reverse: criterion.reverse))
            case .question(let id):
                guard let question = survey.question(id: id) else { continue }
                switch question.kind {
                case .overall, .evaluation, .expectation, .screener:
                    guard let scaleID = question.scale, let scale = scaleIndex[scaleID] else { continue }
                    let item: ScoredItem
                    switch question.kind {
                    case .overall:
                        // Follows the criteria: loading 1, their mean and their mean drift.
                        item = ScoredItem(scale: scale, mean: meanOfCriteria + drift.meanPerWave * waves,
                                          loading: 1, noise: 0.45, reverse: false)
                    case .evaluation:
                        item = ScoredItem(scale: scale, mean: itemRNG.uniform(0.9, 1.3), loading: 0.5, noise: 0.6, reverse: false)
                    default:
                        // Expectations and screeners do not follow satisfaction.
                        item = ScoredItem(scale: scale, mean: itemRNG.uniform(-0.1, 1.2), loading: 0, noise: 1, reverse: false)
                    }
                    columns.append(.scored(items.count))
                    items.append(item)
                case .multiSelect:
                    // Option o is chosen with probability 0.6·0.75^o + 0.05.
                    let thresholds = SamplePlan.optionThresholds(question.options.count)
                    let separator = question.separator ?? ";"
                    let codes = question.options.map(\.code)
                    let quoted = CSVCell.needsQuotes(separator.utf8) || codes.contains { CSVCell.needsQuotes($0.utf8) }
                    multiSelects.append(MultiSelect(
                        thresholds: thresholds, codes: codes.map(CSVCell.escaped),
                        separator: CSVCell.escaped(separator), quoted: quoted))
                    columns.append(.multiSelect(multiSelects.count - 1))
                case .text:
                    columns.append(.text)
                case .demographic:
                    let cells: [[UInt8]]
                    var labelCells: [[[UInt8]]] = []
                    if let values = question.values, !values.isEmpty {
                        cells = values.map { CSVCell.encoded($0.code) }
                        labelCells = labels(values)
                    } else {
                        cells = (1...4).map { CSVCell.encoded(String($0)) }
                    }
                    columns.append(.demographic(demographics.count))
                    demographics.append(Categorical(
                        cells: cells, labelCells: labelCells,
                        weights: cells.map { _ in 1 + 0.6 * demographicRNG.nextUniform() },
                        effects: cells.map { _ in 0.08 * demographicRNG.nextNormal() }))
                }
            case .option(let questionID, let code):
                guard let question = survey.question(id: questionID),
                    let option = question.options.firstIndex(where: { $0.code == code })
                else { continue }
                let index: Int
                if let known = optionQuestions[questionID] {
                    index = known
                } else {
                    index = multiSelects.count
                    optionQuestions[questionID] = index
                    multiSelects.append(MultiSelect(
                        thresholds: SamplePlan.optionThresholds(question.options.count), codes: [], separator: [], quoted: false))
                }
                columns.append(.option(question: index, option: option))
            }
        }
    }
}

extension SamplePlan {
    /// Option o of a multi-select question is chosen with probability 0.6·0.75ᵒ + 0.05,
    /// as a threshold on 8 random bits (0.75ᵒ by repeated multiplication, not `pow`).
    static func optionThresholds(_ count: Int) -> [UInt64] {
        var power = 1.0
        var thresholds: [UInt64] = []
        for _ in 0..<count {
            thresholds.append(UInt64(256 * (0.6 * power + 0.05)))
            power *= 0.75
        }
        return thresholds
    }
}
