/// A plain-text table for a terminal: columns separated by two spaces, numbers right-aligned,
/// one column (the label) wrapped so that every line fits the width.
///
/// Cells are measured in terminal columns (``TerminalText/width(_:)``). The wrapping column
/// takes the width the others leave, but no more than its longest cell needs; each row may
/// indent it (the tree's depth), and continuation lines are indented two more.
///
/// ```
/// let table = TextTable(columns: [.init(header: "", wraps: true), .init(header: "n", alignment: .right)])
/// table.render(rows: [.init(["Access", "580"], indent: 2)], width: 100)
/// ```
struct TextTable: Sendable {
    enum Alignment: Sendable { case left, right }

    struct Column: Sendable {
        var header: String
        var alignment: Alignment = .left
        /// This column wraps (at most one column should).
        var wraps: Bool = false
        /// The narrowest the wrapping column may become.
        var minWidth: Int = 16
        /// The widest a non-wrapping left-aligned column may become (longer cells are cut with `…`).
        var maxWidth: Int? = nil
    }

    struct Row: Sendable {
        var cells: [String]
        /// Spaces before the wrapping column's text.
        var indent: Int = 0
        init(_ cells: [String], indent: Int = 0) {
            self.cells = cells
            self.indent = indent
        }
    }

    var columns: [Column]
    /// Spaces between columns.
    var gap = 2

    /// The table's lines: header, a rule, then the rows; no line wider than `width` unless the
    /// fixed columns alone are wider.
    func render(rows: [Row], width: Int, header: Bool = true) -> [String] {
        var widths = columns.indices.map { c -> Int in
            let cells = rows.map { row -> Int in
                guard c < row.cells.count else { return 0 }
                let indent = columns[c].wraps ? row.indent : 0
                return indent + TerminalText.width(row.cells[c])
            }
            let natural = max(TerminalText.width(columns[c].header), cells.max() ?? 0)
            if let cap = columns[c].maxWidth, !columns[c].wraps { return min(natural, max(cap, TerminalText.width(columns[c].header))) }
            return natural
        }
        if let w = columns.firstIndex(where: \.wraps) {
            let others = widths.enumerated().filter { $0.offset != w }.map(\.element).reduce(0, +)
            let available = width - others - gap * (columns.count - 1)
            widths[w] = min(widths[w], max(columns[w].minWidth, available))
        }
        var lines: [String] = []
        if header {
            lines.append(line(columns.map(\.header), widths: widths, indent: 0))
            lines.append(String(repeating: "─", count: min(width, widths.reduce(0, +) + gap * (columns.count - 1))))
        }
        for row in rows {
            var cells = row.cells + Array(repeating: "", count: max(0, columns.count - row.cells.count))
            var continuation: [String] = []
            if let w = columns.firstIndex(where: \.wraps) {
                let wrapped = TerminalText.wrap(cells[w], width: max(1, widths[w] - row.indent - 2),
                                                firstWidth: max(1, widths[w] - row.indent))
                cells[w] = wrapped[0]
                continuation = Array(wrapped.dropFirst())
            }
            for c in columns.indices where !columns[c].wraps && TerminalText.width(cells[c]) > widths[c] {
                cells[c] = TerminalText.truncate(cells[c], to: widths[c])
            }
            lines.append(line(cells, widths: widths, indent: row.indent))
            if let w = columns.firstIndex(where: \.wraps) {
                for text in continuation {
                    var blank = Array(repeating: "", count: columns.count)
                    blank[w] = text
                    lines.append(line(blank, widths: widths, indent: row.indent + 2, wrapIndentOnly: true))
                }
            }
        }
        return lines
    }

    private func line(_ cells: [String], widths: [Int], indent: Int, wrapIndentOnly: Bool = false) -> String {
        var parts: [String] = []
        for c in columns.indices {
            var text = cells[c]
            if columns[c].wraps && !text.isEmpty { text = String(repeating: " ", count: indent) + text }
            parts.append(columns[c].alignment == .right
                ? TerminalText.padLeft(text, widths[c]) : TerminalText.padRight(text, widths[c]))
        }
        var out = parts.joined(separator: String(repeating: " ", count: gap))
        while out.last == " " { out.removeLast() }
        return out
    }
}
