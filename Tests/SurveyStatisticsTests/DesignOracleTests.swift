import Foundation
import Testing
@testable import SurveyStatistics

/// Oracle tests: design-based estimators against R survey 4.1.1
/// (Tests/Fixtures/reference/design/make.R). Relative tolerance 1e-9 throughout.
@Suite struct DesignOracleTests {
    static let cases = [
        "unweighted", "weighted", "stratified", "clustered", "stratified-clustered", "fpc-population",
        "fpc-fraction", "small-n", "lonely-remove", "lonely-adjust", "lonely-certainty",
    ]

    func design(_ f: ReferenceFixture) throws -> SurveyDesign {
        let spec = f.object("design")
        let fpc: FinitePopulationCorrection?
        switch spec["fpc_kind"] as? String {
        case "populationSize": fpc = .populationSize(f.numbers(spec["fpc"] as! String))
        case "samplingFraction": fpc = .samplingFraction(f.numbers(spec["fpc"] as! String))
        default: fpc = nil
        }
        return try SurveyDesign(
            weights: (spec["weights"] as? String).map(f.numbers),
            rowCount: f.rowCount,
            strata: (spec["strata"] as? String).map(f.strings),
            clusters: (spec["clusters"] as? String).map(f.strings),
            finitePopulation: fpc,
            lonelyUnits: LonelyUnitPolicy(rawValue: spec["lonely"] as! String)!)
    }

    func check(_ stat: LinearizedStatistic, _ expected: [String: Any], _ d: SurveyDesign, _ label: String) {
        #expect(close(stat.value, number(expected["value"])!), "\(label) value \(stat.value)")
        #expect(close(stat.standardError(design: d), number(expected["se"])!), "\(label) se \(stat.standardError(design: d))")
        if expected.keys.contains("deff") {
            let ours = stat.designEffect(design: d, reference: .withoutReplacement)
            if let r = number(expected["deff"]) {
                #expect(ours != nil && close(ours!, r), "\(label) deff \(String(describing: ours)) vs \(r)")
            } else {
                #expect(ours == nil, "\(label): R's deff is Inf or NA, ours should be nil")
            }
        }
        if let r = number(expected["deff_replace"]) {
            let ours = stat.designEffect(design: d, reference: .withReplacement)
            #expect(ours != nil && close(ours!, r), "\(label) deff(replace)")
        }
    }

    @Test(arguments: cases) func matchesRSurvey(_ name: String) throws {
        let f = try ReferenceFixture("design/\(name)")
        let d = try design(f)
        #expect(d.degreesOfFreedom == Int(number(f.expected["degf"])!))
        let y = f.numbers("y"), x = f.numbers("x")
        check(WeightedMean.linearize(y, design: d), f.object("mean_y"), d, "\(name) mean")
        check(WeightedTotal.linearize(y, design: d), f.object("total_y"), d, "\(name) total")
        check(WeightedRatio.linearize(numerator: y, denominator: x, design: d), f.object("ratio_y_x"), d, "\(name) ratio")
        check(WeightedProportion.linearize(f.numbers("s1"), design: d), f.object("share_s1"), d, "\(name) share")
        check(WeightedProportion.linearize(f.numbers("u1"), design: d), f.object("share_u1"), d, "\(name) share 1")
        check(WeightedProportion.linearize(f.numbers("u0"), design: d), f.object("share_u0"), d, "\(name) share 0")

        // End to end with the interval methods: R svyciprop(~s, design, method = "logit" / "beta").
        // Korn–Graubard only on the complete item t1: R's "beta" counts rows with a missing
        // answer in its n (nrow(design) − 1 degrees of freedom); satkit uses the valid n.
        // Tolerance 1e-8, not 1e-9: R's "logit" fits svyglm(quasibinomial) by IRLS (convergence
        // epsilon 1e-8), so its bounds differ from the closed form expit(logit p ± t·SE/(p(1 − p)))
        // by up to 3e-9 relative here (checked by hand in R for lonely-remove).
        for (key, column, method) in [("ciprop_logit_s1", "s1", ProportionIntervalMethod.surveyLogit),
                                      ("ciprop_logit_t1", "t1", .surveyLogit), ("ciprop_beta_t1", "t1", .kornGraubard)] {
            let share = WeightedProportion.linearize(f.numbers(column), design: d).estimate(design: d, method: "proportion")
            let r = f.object(key)
            let ours = method.interval(for: share, level: 0.95)
            #expect(close(ours.lower, number(r["lower"])!, relative: 1e-8), "\(name) \(key) lower \(ours.lower)")
            #expect(close(ours.upper, number(r["upper"])!, relative: 1e-8), "\(name) \(key) upper \(ours.upper)")
        }

        let groups = f.strings("grp")
        for row in f.array("domain_mean_y") {
            let g = row["group"] as! String
            let domain = groups.map { $0 == g }
            let stat = WeightedMean.linearize(y, design: d, domain: domain)
            check(stat, row, d, "\(name) domain mean \(g)")
            #expect(d.degreesOfFreedom(domain: stat.rows) == Int(number(row["degf"])!))
        }
        for row in f.array("domain_total_y") {
            let g = row["group"] as! String
            check(WeightedTotal.linearize(y, design: d, domain: groups.map { $0 == g }), row, d, "\(name) domain total \(g)")
        }
        for row in f.array("domain_share_s1") {
            let g = row["group"] as! String
            check(WeightedProportion.linearize(f.numbers("s1"), design: d, domain: groups.map { $0 == g }), row, d,
                  "\(name) domain share \(g)")
        }

        let complete = ["t1", "t2", "t3"].map(f.numbers)
        let missing = ["s1", "s2", "s3"].map(f.numbers)
        check(MeanOfShares.linearize(indicators: complete, design: d), f.object("index_t"), d, "\(name) index t")
        check(MeanOfShares.linearize(indicators: missing, design: d), f.object("index_s"), d, "\(name) index s")
        check(PooledProportion.linearize(indicators: missing, design: d), f.object("pooled_s"), d, "\(name) pooled")
        let contrast = LinearizedStatistic.linearCombination(
            complete[0..<2].map { WeightedProportion.linearize($0, design: d) }, coefficients: [1, -1], design: d)
        check(contrast, f.object("contrast_t1_t2"), d, "\(name) contrast")

        // A domain with no observations: R's svymean on an empty subset returns 0 with SE 0
        // (an artefact of summing an empty column); satkit returns NaN with n = 0.
        let empty = WeightedMean.linearize(y, design: d, domain: [Bool](repeating: false, count: d.rowCount))
        #expect(empty.value.isNaN && empty.sampleSize == 0 && empty.variance(design: d) == 0)
        let estimate = empty.estimate(design: d, method: "mean")
        #expect(estimate.n == 0 && estimate.value.isNaN && estimate.standardError.isNaN)
    }
}
