import Testing
@testable import SurveyStatistics

/// Unit tests for the estimators with hand arithmetic; R agreement is in DesignOracleTests.
@Suite struct EstimatorTests {
    let design = try! SurveyDesign(weights: [1, 1, 2, 4])

    @Test func weightedMeanAndInfluence() {
        // Σw = 8, Σwx = 1·2 + 1·4 + 2·6 + 4·8 = 50 → 6.25; z_i = w_i (x_i − 6.25)/8.
        let s = WeightedMean.linearize([2, 4, 6, 8], design: design)
        #expect(s.value == 6.25)
        let expected: [Double] = [-4.25 / 8, -2.25 / 8, -0.5 / 8, 7.0 / 8]
        #expect(s.influence == expected)
        #expect(s.sampleSize == 4 && s.weightedSize == 8)
        #expect(abs(s.influence.reduce(0, +)) < 1e-15)
    }

    @Test func missingValuesAreExcludedAndCounted() {
        let s = WeightedMean.linearize([2, .nan, 6, 8], design: design)
        #expect(s.value == (2 + 12 + 32) / 7.0)
        #expect(s.excludedCount == 1 && s.sampleSize == 3 && s.influence[1] == 0)
    }

    @Test func totalAndRatio() {
        let t = WeightedTotal.linearize([2, 4, 6, 8], design: design)
        #expect(t.value == 50 && t.influence == [2, 4, 12, 32])
        let r = WeightedRatio.linearize(numerator: [2, 4, 6, 8], denominator: [1, 1, 1, 1], design: design)
        #expect(r.value == 6.25)
        let zero = WeightedRatio.linearize(numerator: [1, 1, 1, 1], denominator: [0, 0, 0, 0], design: design)
        #expect(zero.value.isNaN && zero.variance(design: design) == 0)
    }

    @Test func proportionOfFavourableAnswers() {
        let s = WeightedProportion.linearize([5, 4, 2, .nan], favourable: [4, 5], design: design)
        #expect(s.value == 0.5 && s.excludedCount == 1)
        let all = WeightedProportion.linearize([1, 1, 1, 1], design: design)
        #expect(all.value == 1 && all.variance(design: design) == 0)
        let e = all.estimate(design: design, method: "proportion")
        // Variance 0: no design effect; effective n falls back to Kish's 64/22.
        #expect(e.designEffect == nil && abs(e.effectiveN! - 64.0 / 22) < 1e-12)
    }

    @Test func meanOfSharesIsMeanOfItemShares() {
        let a: [Double] = [1, 0, 1, 1]
        let b: [Double] = [1, 1, .nan, 0]
        let s = MeanOfShares.linearize(indicators: [a, b], design: design)
        let pa = WeightedProportion.linearize(a, design: design).value
        let pb = WeightedProportion.linearize(b, design: design).value
        #expect(s.value == (pa + pb) / 2)
        #expect(s.sampleSize == 4)
    }

    @Test func pooledShareIsFavourableOverValidAnswers() {
        // Rows: (1,1) (0,1) (1,·) (1,0) → favourable 2,1,1,1; valid 2,2,1,2; weights 1,1,2,4.
        // P = (2 + 1 + 2 + 4)/(2 + 2 + 2 + 8) = 9/14.
        let s = PooledProportion.linearize(indicators: [[1, 0, 1, 1], [1, 1, .nan, 0]], design: design)
        #expect(abs(s.value - 9.0 / 14) < 1e-15)
    }

    @Test func estimateCarriesDesignFacts() throws {
        let d = try SurveyDesign(weights: [1, 2, 1, 2, 1, 2], clusters: ["a", "a", "b", "b", "c", "c"])
        let e = WeightedMean.linearize([1, 2, 3, 4, 5, 7], design: d).estimate(design: d, method: "mean")
        #expect(e.n == 6 && e.weightedN == 9 && e.degreesOfFreedom == 2 && e.method == "mean")
        #expect(e.designEffect != nil && abs(e.effectiveN! - 6 / e.designEffect!) < 1e-12)
    }

    @Test func domainEstimatesMatchExplicitDomainsAndAddUpForTotals() throws {
        let f = try ReferenceFixture("design/stratified-clustered")
        let d = try DesignOracleTests().design(f)
        let y = f.numbers("y"), groups = f.strings("grp")
        let byGroup = DomainEstimates.byGroup(groups) { WeightedTotal.linearize(y, design: d, domain: $0) }
        #expect(byGroup.map(\.group) == ["g1", "g2", "g3"])
        // R: the fixture's svyby(~y, ~grp, design, svytotal) values.
        let expected = f.array("domain_total_y")
        for (row, result) in zip(expected, byGroup) {
            #expect(close(result.statistic.value, number(row["value"])!))
        }
        // Domain totals add up to the total, influence values too: the variance of their sum
        // (from the covariance matrix) equals the variance of the total.
        let c = DesignVariance.covariance(influence: byGroup.map(\.statistic.influence), design: d)
        let sum = c.joined().reduce(0, +)
        let total = WeightedTotal.linearize(y, design: d).variance(design: d)
        #expect(close(sum, total))
    }

    @Test func deltaMethodOfTwoTotalsIsTheRatio() throws {
        // g(Y, X) = Y/X: gradient (1/X, −Y/X²) gives z = (w y − R w x)/X, svyratio's influence.
        let f = try ReferenceFixture("design/stratified-clustered")
        let d = try DesignOracleTests().design(f)
        let y = f.numbers("y"), x = f.numbers("x")
        let ty = WeightedTotal.linearize(y, design: d), tx = WeightedTotal.linearize(x, design: d)
        let g = LinearizedStatistic.combined(
            [ty, tx], value: ty.value / tx.value, gradient: [1 / tx.value, -ty.value / (tx.value * tx.value)], design: d)
        #expect(close(g.standardError(design: d), number(f.object("ratio_y_x")["se"])!))
    }
}
