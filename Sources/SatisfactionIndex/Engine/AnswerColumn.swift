import SurveyData
import SurveySchema

/// One coded answer column with 256-entry lookup tables: each byte of ``AnswerCode`` maps to
/// its kind (valid or which missing), its satisfied indicator (after reverse keying), its keyed
/// value and its index value (by the measure). Scoring an answer is three array loads, no
/// branches on the scale.
struct AnswerColumn {
    /// Answer kinds, the bins of ``AnswerCounts``.
    enum Kind: UInt8 { case valid = 0, noAnswer, dontKnow, notApplicable, invalid }

    let id: String
    let codes: [AnswerCode]
    /// code → ``Kind`` raw value.
    var kind = [UInt8](repeating: Kind.invalid.rawValue, count: 256)
    /// code → 1 for a valid answer, else 0.
    var valid = [Double](repeating: 0, count: 256)
    /// code → 1 when the keyed value is in the satisfied band, else 0 (0 for missing).
    var share = [Double](repeating: 0, count: 256)
    /// code → keyed value (0 for missing).
    var value = [Double](repeating: 0, count: 256)
    /// code → the index variable: share, value or score100 by the measure.
    var index = [Double](repeating: 0, count: 256)
    /// The keyed scale's min and max values.
    let minValue: Double
    let maxValue: Double

    init(id: String, codes: [AnswerCode], scale: Scale, reverse: Bool, measure: Measure) {
        self.id = id
        self.codes = codes
        minValue = Double(scale.minValue)
        maxValue = Double(scale.maxValue)
        kind[Int(AnswerCode.noAnswer.rawValue)] = Kind.noAnswer.rawValue
        kind[Int(AnswerCode.dontKnow.rawValue)] = Kind.dontKnow.rawValue
        kind[Int(AnswerCode.notApplicable.rawValue)] = Kind.notApplicable.rawValue
        for (offset, point) in scale.points.enumerated() {
            let code = offset + 1
            let keyed = reverse ? scale.reversed(point.value) : point.value
            kind[code] = Kind.valid.rawValue
            valid[code] = 1
            share[code] = scale.isSatisfied(keyed) ? 1 : 0
            value[code] = Double(keyed)
            switch measure {
            case .share, .choice: index[code] = share[code]
            case .mean: index[code] = value[code]
            case .score100: index[code] = scale.score100(keyed)
            }
        }
    }

    /// The width of the scale the index is on, for the interval-width flag.
    func range(of variable: Variable) -> Double {
        switch variable {
        case .share: 1
        case .value: maxValue - minValue
        case .index(let measure):
            switch measure {
            case .share, .choice: 1
            case .mean: maxValue - minValue
            case .score100: 100
            }
        }
    }
}

/// Which per-answer variable a statistic averages.
enum Variable: Hashable {
    case share
    case value
    case index(Measure)
}
