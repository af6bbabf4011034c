/// Small helpers for writing inline SVG: coordinates with at most one decimal (the same bytes
/// on every machine) and escaped text.
enum SVG {
    /// A coordinate: `12.5`, `40`.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Text content or attribute value from a survey, escaped.
    static func text(_ s: String) -> String { MarkupEscaping.html(s) }

    /// A number kept exactly, for `data-*` attributes that tests read back.
    static func exact(_ x: Double) -> String { x.isFinite ? "\(x)" : "nan" }

    /// Breaks `text` into lines of at most about `width` characters, at spaces.
    static func wrap(_ text: String, width: Int, maxLines: Int = 2) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty { line = String(word) }
            else if line.count + 1 + word.count <= width { line += " " + word }
            else { lines.append(line); line = String(word) }
        }
        if !line.isEmpty { lines.append(line) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += " …"
        }
        return lines
    }
}
