/// Masking of personal identifiers in free-text comments before any output shows them.
///
/// Reports print comments only when asked (`--include-comments`), and then through
/// ``mask(_:language:)``. What is masked:
/// - e-mail addresses (`name@domain.tld`);
/// - every run of at least 9 digits, counting digits separated by single spaces, dots or
///   hyphens as one run and a leading `+`: Vietnamese mobile numbers (10 digits, `09x…`),
///   landlines (11 digits, `02x…`), numbers written with the country code (`+84 …`, 11
///   digits), 12-digit citizen identity numbers (CCCD) and 9-digit old identity card
///   numbers (CMND).
///
/// The rule errs towards masking: any long number (a bank account, a dossier number) is
/// masked too, because a comment that loses a number is harmless and a leaked identity
/// number is not. Runs of 8 digits or fewer ("năm 2023", "15 ngày") are kept.
public enum CommentMasking {
    /// What a masked span held.
    public enum Kind: Sendable, Equatable {
        case email, phone, idNumber, longNumber
    }

    /// `text` with every identifier replaced by a bracketed word in `language`
    /// (`[số điện thoại]` / `[phone number]` and so on).
    public static func mask(_ text: String, language: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let end = emailEnd(scalars, from: index) {
                out.append(contentsOf: placeholder(.email, language).unicodeScalars)
                index = end
            } else if let (end, kind) = numberRun(scalars, from: index) {
                out.append(contentsOf: placeholder(kind, language).unicodeScalars)
                index = end
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The bracketed word that replaces a span of `kind`.
    public static func placeholder(_ kind: Kind, _ language: String) -> String {
        switch (language, kind) {
        case ("vi", .email): "[email]"
        case ("vi", .phone): "[số điện thoại]"
        case ("vi", .idNumber): "[số định danh]"
        case ("vi", .longNumber): "[dãy số]"
        case (_, .email): "[e-mail]"
        case (_, .phone): "[phone number]"
        case (_, .idNumber): "[ID number]"
        case (_, .longNumber): "[number]"
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }
    static func isLocalPart(_ s: Unicode.Scalar) -> Bool {
        isAlnum(s) || s == "." || s == "_" || s == "%" || s == "+" || s == "-"
    }
    static func isDomainPart(_ s: Unicode.Scalar) -> Bool { isAlnum(s) || s == "." || s == "-" }

    /// If an e-mail address starts at `start` (and not in the middle of a word), the index
    /// just after it.
    static func emailEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard isLocalPart(s[start]), start == 0 || !isLocalPart(s[start - 1]) else { return nil }
        var at = start
        while at < s.count, isLocalPart(s[at]) { at += 1 }
        guard at < s.count, s[at] == "@" else { return nil }
        var end = at + 1
        while end < s.count, isDomainPart(s[end]) { end += 1 }
        // Trailing dots or hyphens end the sentence, not the domain.
        while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
        let domain = s[(at + 1)..<end]
        guard let lastDot = domain.lastIndex(of: "."), lastDot > at + 1 else { return nil }
        let tld = s[(lastDot + 1)..<end]
        guard tld.count >= 2, tld.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        else { return nil }
        return end
    }

    /// If a run of at least 9 digits starts at `start` (an optional `+`, then digit groups
    /// separated by one space, dot or hyphen), the index after it and what it looks like.
    static func numberRun(_ s: [Unicode.Scalar], from start: Int) -> (Int, Kind)? {
        var at = start
        if s[at] == "+" { at += 1 }
        guard at < s.count, isDigit(s[at]), start == 0 || !isAlnum(s[start - 1]) else { return nil }
        var digits: [Unicode.Scalar] = []
        var end = at
        while at < s.count {
            if isDigit(s[at]) {
                digits.append(s[at])
                at += 1
                end = at
            } else if (s[at] == " " || s[at] == "." || s[at] == "-"), at + 1 < s.count, isDigit(s[at + 1]) {
                at += 1
            } else {
                break
            }
        }
        guard digits.count >= 9, end == s.count || !isAlnum(s[end]) else { return nil }
        let kind: Kind
        switch digits.count {
        case 9, 12: kind = .idNumber
        case 10, 11: kind = (digits[0] == "0" || (digits[0] == "8" && digits[1] == "4")) ? .phone : .longNumber
        default: kind = .longNumber
        }
        return (end, kind)
    }
}
