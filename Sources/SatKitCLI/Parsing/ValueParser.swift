/// How a value written on the command line becomes a typed value, and the placeholder that
/// stands for it in help (`FILE`, `N`, `table|json|csv`).
struct ValueParser<Value: Sendable>: Sendable {
    /// The placeholder in usage lines and help.
    var valueName: String
    /// The conversion; it throws a ``ValueError`` that says what is wrong.
    var parse: @Sendable (String) throws(ValueError) -> Value

    /// The same conversion shown under another placeholder.
    func named(_ valueName: String) -> ValueParser {
        ValueParser(valueName: valueName, parse: parse)
    }
}

/// A closed set of words an option accepts, such as `--format table|json|csv`.
///
/// Declare the cases in the order help should list them; the raw value is what the user types.
protocol ChoiceValue: CaseIterable, RawRepresentable, Sendable, Equatable where RawValue == String {
    /// Other spellings accepted for a case (`comma` for `,`); none by default.
    static var aliases: [String: Self] { get }
}

extension ChoiceValue {
    static var aliases: [String: Self] { [:] }
}

extension ValueParser where Value == String {
    /// Any non-empty text: a path, a column name.
    static func text(_ valueName: String) -> ValueParser<String> {
        ValueParser(valueName: valueName) { (text: String) throws(ValueError) -> String in
            guard !text.isEmpty else { throw .empty }
            return text
        }
    }
}

extension ValueParser where Value: ChoiceValue {
    /// One of `Value`'s cases by raw value (or alias); the placeholder lists the choices.
    static var choice: ValueParser<Value> {
        let names = Value.allCases.map(\.rawValue)
        return ValueParser(valueName: names.joined(separator: "|")) { (text: String) throws(ValueError) -> Value in
            if let value = Value(rawValue: text) ?? Value.aliases[text] { return value }
            throw .notOneOf(names, suggestion: closestMatch(to: text, among: names))
        }
    }
}

extension ValueParser where Value: FixedWidthInteger {
    /// A whole number in `range`, written in decimal digits (`1000`, not `1e3` or `1,000`).
    static func integer(_ valueName: String, in range: ClosedRange<Value>) -> ValueParser<Value> {
        ValueParser(valueName: valueName) { (text: String) throws(ValueError) -> Value in
            let requirement: String
            if range.upperBound == Value.max {
                requirement = "must be at least \(range.lowerBound)"
            } else {
                requirement = "must be between \(range.lowerBound) and \(range.upperBound)"
            }
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .notAWholeNumber
            }
            // Digits that do not fit the type are out of range, not malformed.
            guard let value = Value(text), range.contains(value) else {
                throw .outOfRange(requirement: requirement, hint: nil)
            }
            return value
        }
    }
}

extension ValueParser where Value == Double {
    /// A confidence level strictly between 0 and 1; `95` is answered with "write 0.95".
    static var confidenceLevel: ValueParser<Double> {
        ValueParser(valueName: "L") { (text: String) throws(ValueError) -> Double in
            guard let value = Double(text), value.isFinite else { throw .notANumber }
            guard value > 0, value < 1 else {
                let hint = value >= 50 && value < 100 ? "for \(text)% write \(percentAsFraction(text))" : nil
                throw .outOfRange(requirement: "must be between 0 and 1, exclusive", hint: hint)
            }
            return value
        }
    }
}

/// `95` → `0.95`, `99.9` → `0.999`: the fraction a percentage stands for, written from the
/// user's own digits so that no floating-point noise appears in the hint.
private func percentAsFraction(_ percent: String) -> String {
    let parts = percent.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = String(parts[0]).leftPadded(to: 2)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = whole.dropLast(2) + "." + whole.suffix(2) + fraction
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.hasSuffix(".") { digits.removeLast() }
    return digits.hasPrefix(".") ? "0" + digits : String(digits)
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
