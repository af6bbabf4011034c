import Testing
@testable import SurveyStatistics

@Suite("Student t")
struct StudentTTests {
    // Values from SciPy 1.17.1: stats.t.ppf / stats.t.cdf.
    @Test func knownQuantiles() {
        #expect(abs(StudentT(degreesOfFreedom: 10).quantile(0.975) / 2.228138851986274 - 1) < 1e-13)
        #expect(abs(StudentT(degreesOfFreedom: 2.5).quantile(0.025) / -3.5746548420036834 - 1) < 1e-13)
        #expect(abs(StudentT(degreesOfFreedom: 1000).quantile(0.975) / 1.9623390808264083 - 1) < 1e-13)
        #expect(abs(StudentT(degreesOfFreedom: 7.5).cdf(-3) / 0.009195469304102253 - 1) < 1e-13)
        #expect(abs(Normal.standard.quantile(1e-10) / -6.361340902404056 - 1) < 1e-14)
    }
}
