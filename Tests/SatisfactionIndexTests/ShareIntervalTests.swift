import Testing
import SatisfactionIndex

/// Share intervals against R 4.2.2: `prop.test(x, n, correct = FALSE)$conf.int` (Wilson), and
/// the Agresti–Coull and logit formulas evaluated in R (the call is beside each number).
@Suite struct ShareIntervalTests {
    @Test func wilsonMatchesPropTest() {
        // prop.test(45, 50, correct = FALSE)$conf.int
        let i = ShareInterval.wilson.interval(p: 0.9, n: 50, level: 0.95)
        #expect(close(i.lower, 0.78639768562520351) && close(i.upper, 0.95652423506810969))
        // prop.test(45, 50, conf.level = 0.9, correct = FALSE)$conf.int
        let j = ShareInterval.wilson.interval(p: 0.9, n: 50, level: 0.9)
        #expect(close(j.lower, 0.80846248584842906) && close(j.upper, 0.95047096552255472))
        #expect(j.width < i.width)
    }

    @Test func wilsonAtTheBoundariesIsExactAndSaysSo() {
        // prop.test(0, 20, correct = FALSE)$conf.int = [0, 0.1611251580528193]
        let zero = ShareInterval.wilson.interval(p: 0, n: 20, level: 0.95)
        #expect(zero.lower == 0 && close(zero.upper, 0.1611251580528193))
        #expect(zero.note == "share at 0: lower bound set to 0 exactly")
        // prop.test(20, 20, correct = FALSE)$conf.int = [0.83887484194718065, 1]
        let one = ShareInterval.wilson.interval(p: 1, n: 20, level: 0.95)
        #expect(one.upper == 1 && close(one.lower, 0.83887484194718065))
        #expect(one.note == "share at 1: upper bound set to 1 exactly")
    }

    @Test func agrestiCoullAndLogit() {
        // z <- qnorm(.975); nt <- 50 + z^2; pt <- (45 + z^2/2)/nt; pt + c(-1, 1)*z*sqrt(pt*(1-pt)/nt)
        let ac = ShareInterval.agrestiCoull.interval(p: 0.9, n: 50, level: 0.95)
        #expect(close(ac.lower, 0.78206226613046392) && close(ac.upper, 0.96085965456284939))
        // plogis(qlogis(.9) + c(-1, 1)*z/sqrt(50*.9*.1))
        let lg = ShareInterval.logit.interval(p: 0.9, n: 50, level: 0.95)
        #expect(close(lg.lower, 0.78130519836285217) && close(lg.upper, 0.95775720340432424))
        // Undefined at 1: Wilson given, said in the note.
        let edge = ShareInterval.logit.interval(p: 1, n: 20, level: 0.95)
        #expect(edge.upper == 1 && close(edge.lower, 0.83887484194718065))
        #expect(edge.note == "logit undefined at a share of 1: Wilson interval given")
    }

    @Test func noAnswersGiveNoInterval() {
        let i = ShareInterval.wilson.interval(p: .nan, n: 0, level: 0.95)
        #expect(i.lower.isNaN && i.upper.isNaN)
        #expect(i.note == "no valid answers: no interval")
    }

    @Test func namesFromSurveyFiles() {
        #expect(ShareInterval(name: "wilson") == .wilson)
        #expect(ShareInterval(name: "Agresti-Coull") == .agrestiCoull)
        #expect(ShareInterval(name: "clopper-pearson") == nil)
    }

    @Test(arguments: [0.02, 0.5, 0.97])
    func widerLevelGivesWiderInterval(_ p: Double) {
        for method in ShareInterval.allCases {
            let narrow = method.interval(p: p, n: 80, level: 0.9)
            let wide = method.interval(p: p, n: 80, level: 0.99)
            #expect(wide.lower <= narrow.lower && wide.upper >= narrow.upper, "\(method) at \(p)")
        }
    }
}
