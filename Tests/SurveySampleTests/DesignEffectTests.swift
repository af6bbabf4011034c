import SurveySchema
import Testing

@testable import SurveySample

/// Clustering: answers within a village are alike, so a province's share is less precise
/// than a simple random sample of the same size would make it.
@Suite("Clustering")
struct DesignEffectTests {
    /// The design effect of one region's share satisfied on criterion `d1`, villages as
    /// clusters.
    ///
    /// The share is a ratio estimator p̂ = Σ_c y_c / Σ_c n_c over the region's m villages c,
    /// where y_c counts satisfied answers and n_c valid answers in village c. Its linearized
    /// variance with villages as primary sampling units (with replacement, one stratum) is
    ///
    ///     v_cluster = m/(m − 1) · Σ_c (y_c − p̂·n_c)² / (Σ_c n_c)²,
    ///
    /// since the residual of village c is z_c = (y_c − p̂ n_c) / n and the residuals sum to 0.
    /// A simple random sample of n = Σ_c n_c answers would have v_srs = p̂(1 − p̂)/n; the design
    /// effect is deff = v_cluster / v_srs. With about 31 answers per village and a village
    /// effect on the latent scale, deff is expected well above 1 (SIPAS reports about 2.5).
    @Test("a province's share has a design effect above 1 with villages as clusters")
    func provinceDesignEffect() throws {
        let survey = try TestSurveys.smallSurvey()
        let bytes = try SampleGenerator(
            survey: survey, options: SampleGenerator.Options(respondents: 3000, wave: 2024, seed: 11)
        ).csvBytes()
        let sample = ParsedSample(bytes)
        let criterion = try #require(survey.criteria.first { $0.column == "d1" })
        let scale = try #require(survey.scale(of: criterion))
        let region = try #require(sample.column("region").first)

        var satisfied: [String: Double] = [:]
        var valid: [String: Double] = [:]
        for (row, village) in zip(sample.rows.indices, sample.column("village"))
        where sample.column("region")[row] == region {
            guard let value = Answer(sample.column("d1")[row], scale: scale).value else { continue }
            valid[village, default: 0] += 1
            if scale.isSatisfied(value) { satisfied[village, default: 0] += 1 }
        }
        let villages = valid.keys.sorted()
        let m = Double(villages.count)
        let n = villages.reduce(0) { $0 + valid[$1]! }
        let p = villages.reduce(0) { $0 + (satisfied[$1] ?? 0) } / n
        let sumOfSquares = villages.reduce(0.0) { sum, village in
            let residual = (satisfied[village] ?? 0) - p * valid[village]!
            return sum + residual * residual
        }
        let clusterVariance = m / (m - 1) * sumOfSquares / (n * n)
        let srsVariance = p * (1 - p) / n
        let deff = clusterVariance / srsVariance
        #expect(villages.count >= 15)
        #expect(deff > 1.2, "deff \(deff), p \(p), n \(n), villages \(villages.count)")
    }
}
