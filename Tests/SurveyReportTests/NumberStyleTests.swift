import Testing
@testable import SurveyReport

/// The formatting rules of docs/output-format.md ("Numbers for people"), pinned.
@Suite struct NumberStyleTests {
    let en = NumberStyle.english
    let vi = NumberStyle.vietnamese

    @Test func percentagesWithOneDecimal() {
        #expect(en.percent(0.8324) == "83.2%")
        #expect(vi.percent(0.8324) == "83,2%")
        #expect(en.percent(1) == "100.0%")
        #expect(en.percent(0) == "0.0%")
        #expect(en.percent(.nan) == "—")
    }

    @Test func intervalsUseAnEnDashAndWordsAroundNegatives() {
        #expect(en.percent(0.832, lower: 0.81, upper: 0.853) == "83.2% (81.0–85.3)")
        #expect(vi.percent(0.832, lower: 0.81, upper: 0.853) == "83,2% (81,0–85,3)")
        #expect(en.range(-0.4, 5.6, digits: 1) == "−0.4 to 5.6")
        #expect(vi.range(-0.4, 5.6, digits: 1) == "−0,4 đến 5,6")
        // A bound that is not finite leaves the interval out rather than printing "nan".
        #expect(en.percent(0.5, lower: .nan, upper: .nan) == "50.0%")
    }

    @Test func meansScoresAndCoefficients() {
        #expect(en.mean(4.125_1) == "4.13")
        #expect(vi.mean(4.1) == "4,10")
        #expect(en.mean(4.12, lower: 4.05, upper: 4.19) == "4.12 (4.05–4.19)")
        #expect(en.value(83.24, measure: .score100) == "83.2")
        #expect(en.value(0.5, measure: .choice) == "50.0%")
        #expect(en.bareValue(0.5, lower: 0.4, upper: 0.6, measure: .share) == "50.0 (40.0–60.0)")
        #expect(en.coefficient(-0.037) == "−0.04")
    }

    @Test func percentagePoints() {
        #expect(en.percentagePoints(0.026) == "+2.6 pp")
        #expect(en.percentagePoints(-0.01) == "−1.0 pp")
        #expect(vi.percentagePoints(0.026) == "+2,6 điểm %")
        #expect(en.percentagePoints(0) == "+0.0 pp")
        #expect(en.percentagePoints(0.026, lower: -0.004, upper: 0.056) == "+2.6 pp (−0.4 to 5.6)")
        // A difference that rounds to zero has no minus sign.
        #expect(en.percentagePoints(-0.000_01) == "+0.0 pp")
    }

    @Test func countsGroupThousandsPerLanguage() {
        #expect(en.count(36_525) == "36,525")
        #expect(vi.count(36_525) == "36.525")
        #expect(en.count(999) == "999")
        #expect(en.count(1_000_000) == "1,000,000")
        #expect(en.count(-1234) == "−1,234")
        #expect(en.count(1234.6) == "1,235")
        #expect(vi.decimal(12345.678, digits: 2) == "12.345,68")
    }

    @Test func roundingIsHalfAwayFromZeroOnTheDecimalShown() {
        // 333/400 = 0.8325 exactly in decimal; in binary 0.83249999…, still shown as a spreadsheet would.
        #expect(en.percent(333.0 / 400.0) == "83.3%")
        #expect(en.decimal(2.5, digits: 0) == "3")
        #expect(en.decimal(-2.5, digits: 0) == "−3")
        #expect(en.decimal(0.125, digits: 2) == "0.13")
        #expect(en.decimal(0.124_999, digits: 2) == "0.12")
    }

    @Test func languagesOtherThanVietnameseFallBackToEnglish() {
        #expect(NumberStyle.forLanguage("vi") == vi)
        #expect(NumberStyle.forLanguage("fr") == en)
    }
}
