import SatisfactionIndex

/// A horizontal bar chart of indices with interval whiskers, as inline SVG.
///
/// Each row is a label line and a bar from zero to the estimate, with a whisker from the
/// interval's lower to its upper bound. Part rows (aggregates of aggregates) are drawn darker
/// and their aspects indented. A suppressed row shows the words "—, not published" and no
/// bar, no whisker and no number — also not in the `<title>`/`<desc>` alt text.
/// Each bar group carries `data-entry`, `data-value`, `data-lower` and `data-upper` with the
/// exact numbers of the results, so tests can read them back.
struct BarChart {
    let rows: [ReportContent.Item]
    let sentences: ReportSentences
    let title: String

    static let width = 480.0

    func render() -> String {
        let w = Self.width
        let style = sentences.style
        let words = sentences.words
        // The axis: 0–100% for shares, 0–100 for scores, 0 to the largest upper bound for means.
        let measure = rows.first?.entry.measure ?? .share
        let top: Double = switch measure {
        case .share, .choice: 1
        case .score100: 100
        case .mean: (rows.filter { !$0.isSuppressed }.map(\.entry.interval.upper).filter(\.isFinite).max() ?? 5).rounded(.up)
        }
        let labelWidth = 36
        var y = 4.0
        var body = ""
        var desc: [String] = []
        let x = { (v: Double) in max(0, min(w, v / top * w)) }
        for row in rows {
            let indent = row.depth > 0 ? 14.0 : 0
            let lines = SVG.wrap(row.label, width: labelWidth - (row.depth > 0 ? 2 : 0))
            let weight = row.isPart ? " font-weight=\"700\"" : ""
            if row.isSuppressed {
                body += "<g class=\"bar suppressed\" data-entry=\"\(SVG.text(row.id))\" data-suppressed=\"true\">"
            } else {
                body += "<g class=\"bar\" data-entry=\"\(SVG.text(row.id))\" data-value=\"\(SVG.exact(row.entry.estimate.value))\" data-lower=\"\(SVG.exact(row.entry.interval.lower))\" data-upper=\"\(SVG.exact(row.entry.interval.upper))\">"
            }
            for (i, line) in lines.enumerated() {
                body += "<text x=\"\(SVG.n(indent))\" y=\"\(SVG.n(y + 14 + Double(i) * 18))\" class=\"lbl\"\(weight)>\(SVG.text(line))</text>"
            }
            let valueText = row.isSuppressed ? words.absent(row.entry) : sentences.value(row.entry)
            body += "<text x=\"\(SVG.n(w))\" y=\"\(SVG.n(y + 14 + Double(lines.count - 1) * 18))\" text-anchor=\"end\" class=\"val\"\(weight)>\(SVG.text(valueText))</text>"
            let barY = y + Double(lines.count - 1) * 18 + 21
            if !row.isSuppressed {
                let e = row.entry
                let cls = row.isPart ? "b part" : "b"
                body += "<rect class=\"\(cls)\" x=\"\(SVG.n(indent))\" y=\"\(SVG.n(barY))\" width=\"\(SVG.n(max(0, x(e.estimate.value) - indent)))\" height=\"14\" rx=\"2\"/>"
                if e.interval.lower.isFinite && e.interval.upper.isFinite {
                    let lo = x(e.interval.lower), hi = x(e.interval.upper), mid = barY + 7
                    body += "<path class=\"wh\" d=\"M\(SVG.n(lo)) \(SVG.n(mid))H\(SVG.n(hi))M\(SVG.n(lo)) \(SVG.n(mid - 6))V\(SVG.n(mid + 6))M\(SVG.n(hi)) \(SVG.n(mid - 6))V\(SVG.n(mid + 6))\"/>"
                }
                desc.append("\(row.label): \(sentences.value(e)) (\(sentences.bounds(e)))")
            } else {
                desc.append("\(row.label): \(words.absent(row.entry))")
            }
            body += "</g>"
            y = barY + 24
        }
        // Grid and axis below the rows.
        var grid = ""
        let ticks = 5
        for t in 0...ticks {
            let v = top * Double(t) / Double(ticks)
            let gx = x(v)
            grid += "<line class=\"grid\" x1=\"\(SVG.n(gx))\" y1=\"0\" x2=\"\(SVG.n(gx))\" y2=\"\(SVG.n(y))\"/>"
            let label = measure == .share || measure == .choice ? style.decimal(v * 100, digits: 0) + "%" : style.decimal(v, digits: measure == .mean ? 1 : 0)
            let anchor = t == 0 ? "start" : (t == ticks ? "end" : "middle")
            grid += "<text x=\"\(SVG.n(gx))\" y=\"\(SVG.n(y + 14))\" text-anchor=\"\(anchor)\" class=\"tick\">\(SVG.text(label))</text>"
        }
        let height = y + 20
        return "<svg class=\"chart bars\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(height))\" role=\"img\" aria-labelledby=\"bars-title bars-desc\">"
            + "<title id=\"bars-title\">\(SVG.text(title))</title><desc id=\"bars-desc\">\(SVG.text(desc.joined(separator: "; ")))</desc>"
            + grid + body + "</svg>"
    }
}
