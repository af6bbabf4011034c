import SurveyStatistics

/// Where respondents live: provinces (the strata), districts, communes and villages (the
/// clusters), in the SIPAS sampling shape, with each province's and village's effect on the
/// latent satisfaction and each province's design weight.
///
/// Respondents are split into V = ⌈N / respondentsPerVillage⌉ villages of nearly equal size
/// in row order (respondent i lives in village ⌊i·V/N⌋); villages into P provinces the same
/// way (village v is in province ⌊v·P/V⌋); within a province, runs of 3 villages make a
/// commune and runs of 2 communes a district (SIPAS 2024: about 3 villages per commune,
/// 2 communes per district). Districts, communes and villages are numbered across the whole
/// file, so their names are unique and the village is a valid cluster id.
struct Geography: Sendable {
    static let villagesPerCommune = 3
    static let communesPerDistrict = 2

    let respondents: Int
    let villageCount: Int
    let provinceCount: Int
    /// Per village: its province, district and commune (0-based, numbered across the file).
    let villageProvince: [Int32]
    let villageDistrict: [Int32]
    let villageCommune: [Int32]
    let districtCount: Int
    let communeCount: Int
    /// Per province: latent effect (sd 0.25, centred on their mean), design weight (400 + 2600·U², people per
    /// respondent) and population (weight × respondents in the province, the fpc).
    let provinceEffects: [Double]
    let provinceWeights: [Double]
    let provincePopulations: [Int]
    /// Per village: latent effect (sd 0.30), the source of the clustering.
    let villageEffects: [Double]

    init(respondents: Int, provinces requested: Int?, respondentsPerVillage: Int, villagesPerProvince: Int, seed: UInt64) {
        self.respondents = respondents
        let villages = respondents == 0 ? 0 : (respondents + respondentsPerVillage - 1) / respondentsPerVillage
        villageCount = villages
        let derived = min(63, max(1, (villages + villagesPerProvince - 1) / max(villagesPerProvince, 1)))
        let provinces = requested ?? derived
        provinceCount = provinces

        var villageProvince: [Int32] = []
        var villageDistrict: [Int32] = []
        var villageCommune: [Int32] = []
        villageProvince.reserveCapacity(villages)
        villageDistrict.reserveCapacity(villages)
        villageCommune.reserveCapacity(villages)
        var districts = 0
        var communes = 0
        var provinceRespondents = [Int](repeating: 0, count: provinces)
        var v = 0
        for p in 0..<provinces {
            // Villages v with ⌊v·P/V⌋ = p.
            var end = v
            while end < villages && end * provinces / villages == p { end += 1 }
            for local in 0..<(end - v) {
                let commune = local / Geography.villagesPerCommune
                let district = commune / Geography.communesPerDistrict
                villageProvince.append(Int32(p))
                villageCommune.append(Int32(communes + commune))
                villageDistrict.append(Int32(districts + district))
            }
            if end > v {
                let localCommunes = (end - v + Geography.villagesPerCommune - 1) / Geography.villagesPerCommune
                communes += localCommunes
                districts += (localCommunes + Geography.communesPerDistrict - 1) / Geography.communesPerDistrict
                provinceRespondents[p] = Geography.firstRespondent(of: end, villages: villages, respondents: respondents)
                    - Geography.firstRespondent(of: v, villages: villages, respondents: respondents)
            }
            v = end
        }
        self.villageProvince = villageProvince
        self.villageDistrict = villageDistrict
        self.villageCommune = villageCommune
        districtCount = districts
        communeCount = communes

        var rng = Streams.generator(seed, Streams.geography)
        var effects: [Double] = []
        var weights: [Double] = []
        for _ in 0..<provinces {
            effects.append(0.25 * rng.nextNormal())
            let u = rng.nextUniform()
            weights.append(400 + 2600 * u * u)
        }
        // Centred, so that the provinces move apart without moving the whole sample.
        let centre = effects.isEmpty ? 0 : effects.reduce(0, +) / Double(effects.count)
        provinceEffects = effects.map { $0 - centre }
        provinceWeights = weights
        provincePopulations = (0..<provinces).map { Int((weights[$0] * Double(provinceRespondents[$0])).rounded()) }
        villageEffects = (0..<villages).map { _ in 0.30 * rng.nextNormal() }
    }

    /// The first respondent of village `v`: the smallest i with ⌊i·V/N⌋ ≥ v, that is ⌈v·N/V⌉.
    static func firstRespondent(of v: Int, villages: Int, respondents: Int) -> Int {
        (v * respondents + villages - 1) / villages
    }

    /// The village of respondent `i`.
    @inline(__always)
    func village(of i: Int) -> Int { i * villageCount / respondents }
}
