import SatisfactionIndex

/// How numbers are written for people to read, in one language: decimal and thousands
/// separators, the unit of a difference in percentage points, and the rounding rule.
///
/// One place for every number a table or report prints, so that "83.2% (81.0–85.3)" looks
/// the same in `analyze`, `compare` and `report`:
///
/// | what | English | Vietnamese |
/// | --- | --- | --- |
/// | share | `83.2%` | `83,2%` |
/// | share with interval | `83.2% (81.0–85.3)` | `83,2% (81,0–85,3)` |
/// | mean (two decimals) | `4.12` | `4,12` |
/// | 0–100 score | `83.2` | `83,2` |
/// | difference of shares | `+2.6 pp`, `−1.0 pp` | `+2,6 điểm %`, `−1,0 điểm %` |
/// | count | `36,525` | `36.525` |
///
/// Vietnamese writes a decimal comma and groups thousands with a dot ("83,2%", "36.525
/// người"), as Vietnamese official statistics do; the percent sign follows the number without
/// a space in both languages. "điểm %" is the short form of "điểm phần trăm"
/// used in Vietnamese statistical tables. Thousands are grouped from four digits on (`1,234`).
///
/// Rounding is half away from zero on the decimal the reader sees (`83.25` → `83.3`, as a
/// spreadsheet's ROUND does), ignoring binary representation error below 1e-9 relative.
/// Negative numbers take the minus sign `−` (U+2212); an interval whose lower bound is
/// negative is written with "to" / "đến" instead of the en dash (`−0.4 to 5.6`), so that the
/// dash is never read as a minus. Non-finite numbers (no estimate) are written `—`.
///
/// Nothing here reads the system locale: the same value gives the same bytes everywhere.
public struct NumberStyle: Sendable, Hashable {
    /// The language code the style is for (`en`, `vi`).
    public var language: String
    /// Between the integer and the fractional part: `.` or `,`.
    public var decimalSeparator: String
    /// Between groups of three digits: `,` or `.`.
    public var groupingSeparator: String
    /// After a difference of shares: `pp` or `điểm %` (with a space before it).
    public var percentagePointUnit: String
    /// Between interval bounds when the lower bound is negative: `to` or `đến`.
    public var rangeWord: String

    /// A style; prefer ``english``, ``vietnamese`` or ``forLanguage(_:)``.
    public init(language: String, decimalSeparator: String, groupingSeparator: String,
                percentagePointUnit: String, rangeWord: String) {
        self.language = language
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.percentagePointUnit = percentagePointUnit
        self.rangeWord = rangeWord
    }

    /// `83.2%`, `36,525`, `+2.6 pp`.
    public static let english = NumberStyle(
        language: "en", decimalSeparator: ".", groupingSeparator: ",", percentagePointUnit: "pp", rangeWord: "to")
    /// `83,2%`, `36.525`, `+2,6 điểm %`.
    public static let vietnamese = NumberStyle(
        language: "vi", decimalSeparator: ",", groupingSeparator: ".", percentagePointUnit: "điểm %", rangeWord: "đến")

    /// Vietnamese for `vi`, English for every other language (as ``UIText``).
    public static func forLanguage(_ language: String) -> NumberStyle {
        language == "vi" ? .vietnamese : .english
    }

    /// What is written for a number that is not finite (NaN: no estimate).
    public static let missing = "—"
    /// The minus sign (U+2212).
    public static let minus = "−"

    // MARK: Plain numbers

    /// `x` with exactly `digits` decimals, grouped thousands: `1,234.5`, `−0.40`, `—` if not finite.
    ///
    /// - Parameters:
    ///   - x: the number.
    ///   - digits: decimals shown, 0...9.
    ///   - signed: write `+` before positive numbers (and before zero), for differences.
    public func decimal(_ x: Double, digits: Int, signed: Bool = false) -> String {
        guard x.isFinite else { return Self.missing }
        let digits = max(0, min(9, digits))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Self.roundHalfAway(abs(x) * scale)
        guard scaled < 9.0e15 else {
            // Beyond exact integers: no grouping games, just the value.
            return (x < 0 ? Self.minus : (signed ? "+" : "")) + "\(abs(x))"
        }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let integer = units / divisor
        let fraction = units % divisor
        var text = grouped(integer)
        if digits > 0 {
            let f = String(fraction)
            text += decimalSeparator + String(repeating: "0", count: digits - f.count) + f
        }
        let isZero = units == 0
        if x < 0 && !isZero { return Self.minus + text }
        return (signed ? "+" : "") + text
    }

    /// A count with grouped thousands: `36,525` / `36.525`; negative counts take `−`.
    public func count(_ n: Int) -> String {
        n < 0 ? Self.minus + grouped(n.magnitude.toUInt64) : grouped(UInt64(n))
    }

    /// A non-integer size (weighted N, effective n) rounded to a whole number: `1,234`.
    public func count(_ x: Double) -> String { decimal(x, digits: 0) }

    // MARK: Shares, means, scores

    /// A share on the 0–1 scale as a percentage: `0.8324` → `83.2%`.
    public func percent(_ share: Double, digits: Int = 1) -> String {
        share.isFinite ? decimal(share * 100, digits: digits) + "%" : Self.missing
    }

    /// A share's interval in percent without the sign: `(81.0–85.3)`.
    public func percentInterval(lower: Double, upper: Double, digits: Int = 1) -> String {
        "(" + range(lower * 100, upper * 100, digits: digits) + ")"
    }

    /// `83.2% (81.0–85.3)`; `—` when the share is not finite, the share alone when the bounds are not.
    public func percent(_ share: Double, lower: Double, upper: Double, digits: Int = 1) -> String {
        guard share.isFinite else { return Self.missing }
        guard lower.isFinite, upper.isFinite else { return percent(share, digits: digits) }
        return percent(share, digits: digits) + " " + percentInterval(lower: lower, upper: upper, digits: digits)
    }

    /// A mean score with two decimals: `4.12`.
    public func mean(_ x: Double) -> String { decimal(x, digits: 2) }

    /// `4.12 (4.05–4.19)`.
    public func mean(_ x: Double, lower: Double, upper: Double) -> String {
        withInterval(x, lower: lower, upper: upper, digits: 2)
    }

    /// `x (lower–upper)` with `digits` decimals; the interval left out when a bound is not finite.
    public func withInterval(_ x: Double, lower: Double, upper: Double, digits: Int) -> String {
        guard x.isFinite else { return Self.missing }
        guard lower.isFinite, upper.isFinite else { return decimal(x, digits: digits) }
        return decimal(x, digits: digits) + " (" + range(lower, upper, digits: digits) + ")"
    }

    /// Two bounds: `81.0–85.3` (en dash), or `−0.4 to 5.6` when the lower bound is negative.
    public func range(_ lower: Double, _ upper: Double, digits: Int) -> String {
        let a = decimal(lower, digits: digits)
        let b = decimal(upper, digits: digits)
        return a.hasPrefix(Self.minus) ? "\(a) \(rangeWord) \(b)" : "\(a)–\(b)"
    }

    /// A difference of two shares (0–1 scale) in percentage points: `0.026` → `+2.6 pp`.
    public func percentagePoints(_ difference: Double, digits: Int = 1) -> String {
        guard difference.isFinite else { return Self.missing }
        return decimal(difference * 100, digits: digits, signed: true) + " " + percentagePointUnit
    }

    /// `+2.6 pp (−0.4 to 5.6)`: a difference of shares with its interval, all in points.
    public func percentagePoints(_ difference: Double, lower: Double, upper: Double, digits: Int = 1) -> String {
        guard difference.isFinite else { return Self.missing }
        let head = percentagePoints(difference, digits: digits)
        guard lower.isFinite, upper.isFinite else { return head }
        return head + " (" + range(lower * 100, upper * 100, digits: digits) + ")"
    }

    /// A correlation, alpha or design effect with two decimals: `0.87`.
    public func coefficient(_ x: Double) -> String { decimal(x, digits: 2) }

    // MARK: Index values by measure

    /// Decimals shown for a measure: 1 for percentages and 0–100 scores, 2 for means.
    public static func digits(for measure: Measure) -> Int { measure == .mean ? 2 : 1 }

    /// An index value as its measure is read: a share or choice as `83.2%`, a mean as `4.12`,
    /// a 0–100 score as `83.2`.
    public func value(_ x: Double, measure: Measure) -> String {
        switch measure {
        case .share, .choice: percent(x)
        case .mean: mean(x)
        case .score100: decimal(x, digits: 1)
        }
    }

    /// The value on the scale the reader sees, without a percent sign: shares × 100.
    /// For matrices whose header already says "%".
    public func bareValue(_ x: Double, measure: Measure) -> String {
        switch measure {
        case .share, .choice: decimal(x * 100, digits: 1)
        case .mean: mean(x)
        case .score100: decimal(x, digits: 1)
        }
    }

    /// An index value with its interval as its measure is read: `83.2% (81.0–85.3)`,
    /// `4.12 (4.05–4.19)`, `83.2 (81.0–85.3)`.
    public func value(_ x: Double, lower: Double, upper: Double, measure: Measure) -> String {
        switch measure {
        case .share, .choice: percent(x, lower: lower, upper: upper)
        case .mean: mean(x, lower: lower, upper: upper)
        case .score100: withInterval(x, lower: lower, upper: upper, digits: 1)
        }
    }

    /// Like ``value(_:lower:upper:measure:)`` without the percent sign: `83.2 (81.0–85.3)`.
    public func bareValue(_ x: Double, lower: Double, upper: Double, measure: Measure) -> String {
        let factor = measure == .share || measure == .choice ? 100.0 : 1.0
        return withInterval(x * factor, lower: lower * factor, upper: upper * factor, digits: Self.digits(for: measure))
    }

    // MARK: Helpers

    func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupingSeparator }
            out.append(c)
        }
        return out
    }

    /// Rounds a non-negative number half up, treating values within 1e-9 (relative) of a
    /// half as the half: `832.4999999999999` (0.8325 × 1000) → 833.
    static func roundHalfAway(_ x: Double) -> Double {
        let floor = x.rounded(.down)
        let fraction = x - floor
        let tolerance = 1e-9 * max(1, x)
        return fraction >= 0.5 - tolerance ? floor + 1 : floor
    }
}

extension UInt {
    fileprivate var toUInt64: UInt64 { UInt64(self) }
}
