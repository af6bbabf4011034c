/// Survey text made safe and measurable for a terminal.
///
/// Labels come from survey files and data that nobody checked: a label may carry an escape
/// sequence that clears the screen, a line break that splits a table row, or a bidirectional
/// override that reverses the numbers after it. ``clean(_:)`` removes all of these;
/// ``width(_:)`` counts the columns a terminal gives a string (wide East Asian characters take
/// two, combining marks none, so Vietnamese typed with combining tone marks counts one column
/// per letter).
enum TerminalText {
    /// `text` with control characters (C0, DEL, C1; tab and line breaks become a space),
    /// bidirectional controls (U+200E/F, U+202A–202E, U+2066–2069) and other format characters
    /// removed, and runs of spaces collapsed.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            var replacement: Unicode.Scalar? = scalar
            if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x2028 || v == 0x2029 {
                replacement = " "
            } else if v < 0x20 || (0x7F...0x9F).contains(v) {
                replacement = nil
            } else if scalar.properties.generalCategory == .format && v != 0x200D {
                // Bidi overrides and isolates, zero-width spaces, soft hyphens; the zero-width
                // joiner stays (it joins emoji sequences).
                replacement = nil
            }
            guard let r = replacement else { continue }
            if r == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(r)
        }
        return String(out).trimmingSpaces()
    }

    /// The number of terminal columns `text` occupies: per grapheme cluster 2 when its first
    /// scalar is East Asian wide or fullwidth (or an emoji presentation), else 1.
    static func width(_ text: String) -> Int {
        var total = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            total += isWide(first) ? 2 : 1
        }
        return total
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var out = ""
        var used = 0
        for character in text {
            let w = self.width(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out.trimmingSpaces() + "…"
    }

    /// `text` padded with spaces on the right to `width` columns.
    static func padRight(_ text: String, _ width: Int) -> String {
        let w = self.width(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// `text` padded with spaces on the left to `width` columns.
    static func padLeft(_ text: String, _ width: Int) -> String {
        let w = self.width(text)
        return w >= width ? text : String(repeating: " ", count: width - w) + text
    }

    /// `text` broken at spaces into lines of at most `width` columns (`firstWidth` for the
    /// first line, when given); a word wider than the width is cut into pieces, so that no
    /// line is ever wider.
    static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        let later = max(1, width)
        var lines: [String] = []
        var line = ""
        var limit: Int { lines.isEmpty ? max(1, firstWidth ?? later) : later }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            if !line.isEmpty && self.width(line) + 1 + self.width(word) > limit {
                lines.append(line)
                line = ""
            }
            // A word wider than a whole line is cut into pieces (at least one character each).
            while line.isEmpty && self.width(word) > limit {
                var piece = ""
                var used = 0
                var next = word.startIndex
                for index in word.indices {
                    let w = self.width(String(word[index]))
                    if used + w > limit && !piece.isEmpty { break }
                    piece.append(word[index])
                    used += w
                    next = word.index(after: index)
                }
                lines.append(piece)
                word = String(word[next...])
            }
            if word.isEmpty { continue }
            line += line.isEmpty ? word : " " + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
