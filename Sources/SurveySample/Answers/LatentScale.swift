import SurveySchema

/// A scale's points ordered from least to most favourable, with the cut points that turn a
/// latent satisfaction into an answer, and every cell the scale can write, CSV-encoded once.
///
/// Positions 0…k−1 run from the least to the most favourable point. For a scale whose
/// satisfied band holds its top values (sat5: 4–5) position p is the p-th point; for one whose
/// band holds its bottom values (freq3, "never" = 1 is favourable) the order is turned round.
/// With s favourable points, the first favourable position is b = k − s, and the cut points
/// between positions m − 1 and m are
///
///     τ_b = 0,   τ_m = −0.8 − 0.7·(b − 1 − m) for m < b,   τ_m = 1.1·(m − b) for m > b,
///
/// so an answer is favourable exactly when the latent value is above 0: the share satisfied
/// is P(latent > 0). On sat5 that is τ = (−1.5, −0.8, 0, 1.1).
struct LatentScale: Sendable {
    /// The point values by position (least favourable first).
    let valuesByPosition: [Int]
    /// The k − 1 cut points in increasing order.
    let cuts: [Double]
    /// By point value − minValue: the code as written (e.g. `4`).
    let codeCells: [[UInt8]]
    /// By language (the survey's order), then value − minValue: the label, CSV-encoded.
    let labelCells: [[[UInt8]]]
    /// By missing kind (noAnswer, dontKnow, notApplicable): the declared codes, CSV-encoded.
    let missingCells: [[[UInt8]]]
    let minValue: Int
    let maxValue: Int
    /// The cell's fate on 16 random bits u: below `noAnswerBelow` a no-answer code (1.2%),
    /// then "don't know" (1.5%), then "not applicable" (0.5%), each kind only when the scale
    /// declares a code for it; then, for the next 1.5%, the point's label in the default
    /// language, and for 0.5% more its label in another language; otherwise its code.
    let noAnswerBelow: UInt64
    let dontKnowBelow: UInt64
    let notApplicableBelow: UInt64
    let defaultLabelBelow: UInt64
    let otherLabelBelow: UInt64

    init(scale: Scale, languages: [String], defaultLanguage: String) {
        let values = scale.values
        let favourableHigh = scale.satisfied.contains(scale.maxValue) || !scale.satisfied.contains(scale.minValue)
        valuesByPosition = favourableHigh ? values : values.reversed()
        let k = values.count
        let s = min(max(scale.satisfied.count, 1), max(k - 1, 1))
        let b = k - s
        var cuts: [Double] = []
        for m in stride(from: 1, to: k, by: 1) {
            if m == b {
                cuts.append(0)
            } else if m < b {
                cuts.append(-0.8 - 0.7 * Double(b - 1 - m))
            } else {
                cuts.append(1.1 * Double(m - b))
            }
        }
        self.cuts = cuts
        minValue = scale.minValue
        codeCells = scale.points.map { CSVCell.encoded(String($0.value)) }
        labelCells = languages.map { language in
            scale.points.map { CSVCell.encoded($0.label.text(in: language, fallback: defaultLanguage)) }
        }
        missingCells = MissingKind.allCases.map { kind in scale.missing.codes(kind).map(CSVCell.encoded) }
        maxValue = scale.maxValue
        let unit = 65_536.0
        let rates = [0.012, 0.015, 0.005]
        var running: UInt64 = 0
        var below: [UInt64] = []
        for (kind, rate) in rates.enumerated() {
            if !missingCells[kind].isEmpty { running += UInt64(rate * unit) }
            below.append(running)
        }
        noAnswerBelow = below[0]
        dontKnowBelow = below[1]
        notApplicableBelow = below[2]
        defaultLabelBelow = running + UInt64(0.015 * unit)
        otherLabelBelow = defaultLabelBelow + (languages.count > 1 ? UInt64(0.005 * unit) : 0)
    }

    /// The point value at `latent`: the position whose cut-point interval holds it.
    @inline(__always)
    func value(at latent: Double) -> Int {
        var position = 0
        for cut in cuts where latent > cut { position += 1 }
        return valuesByPosition[position]
    }
}
