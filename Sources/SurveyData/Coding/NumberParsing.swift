/// Reading numbers (weights, finite-population corrections) straight from cell bytes.
enum NumberParsing {
    /// The number in `cell` (spaces around it allowed): digits with an optional `.` fraction,
    /// an optional sign and an optional exponent (`1.25`, `0.5`, `3e2`). A decimal comma is
    /// accepted when it is the only separator (`1,25`), as Excel writes in Vietnamese locales.
    /// `nil` for anything else, including an empty cell, `inf` and `nan`.
    ///
    /// Plain decimals with at most 15 significant digits and at most 22 fraction digits are
    /// converted exactly here (an integer mantissa divided by an exact power of ten is
    /// correctly rounded, Clinger 1990); everything else goes through `Double(String)`.
    static func double(_ cell: UnsafeRawBufferPointer) -> Double? {
        let bytes = CellText.trimmedASCII(cell)
        let n = bytes.count
        guard n > 0, n <= 64 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == 0x2D || bytes[0] == 0x2B {
            negative = bytes[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenSeparator = false
        var simple = true
        while i < n {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                if digits > 0 || c != 0x30 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                if seenSeparator { fraction += 1 }
            } else if (c == 0x2E || c == 0x2C) && !seenSeparator {
                seenSeparator = true
            } else {
                simple = false
                break
            }
            i += 1
        }
        if simple {
            let start = (bytes[0] == 0x2D || bytes[0] == 0x2B) ? 1 : 0
            let body = n - start
            guard body > (seenSeparator ? 1 : 0) else { return nil }
            if digits <= 15 && fraction <= 22 {
                let value = Double(mantissa) / powersOfTen[fraction]
                return negative ? -value : value
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if !text.contains("."), text.filter({ $0 == "," }).count == 1 { text = text.replacingOccurrences(",", with: ".") }
        guard text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
