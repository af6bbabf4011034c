import SatisfactionIndex

/// The importance–performance scatter of the criteria, as inline SVG: performance (the
/// criterion's index) across, importance (its correlation with overall satisfaction) up,
/// dashed quadrant lines at the two medians, each point numbered (the legend table beside the
/// chart names the criteria; labels are escaped). Suppressed criteria are not plotted.
struct PriorityChart {
    let points: [ReportContent.PriorityPoint]
    let medians: (performance: Double, importance: Double)
    let sentences: ReportSentences
    let title: String

    func render() -> String {
        let style = sentences.style
        let ui = sentences.content.words
        let (w, h) = (560.0, 400.0)
        let (left, right, top, bottom) = (52.0, 14.0, 14.0, 46.0)
        func domain(_ xs: [Double]) -> (Double, Double) {
            let lo = xs.min() ?? 0, hi = xs.max() ?? 1
            let pad = max((hi - lo) * 0.12, 0.02)
            return (lo - pad, hi + pad)
        }
        let (x0, x1) = domain(points.map(\.performance))
        let (y0, y1) = domain(points.map(\.importance))
        let px = { (v: Double) in left + (v - x0) / (x1 - x0) * (w - left - right) }
        let py = { (v: Double) in h - bottom - (v - y0) / (y1 - y0) * (h - top - bottom) }
        var s = "<svg class=\"chart scatter\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\" role=\"img\" aria-labelledby=\"ipa-title ipa-desc\">"
        let desc = points.map { "\($0.number). \($0.label): \(style.percent($0.performance)), \(style.coefficient($0.importance))" }
        s += "<title id=\"ipa-title\">\(SVG.text(title))</title><desc id=\"ipa-desc\">\(SVG.text(desc.joined(separator: "; ")))</desc>"
        s += "<rect class=\"frame\" x=\"\(SVG.n(left))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(w - left - right))\" height=\"\(SVG.n(h - top - bottom))\"/>"
        // Ticks.
        for t in 0...4 {
            let vx = x0 + (x1 - x0) * Double(t) / 4, vy = y0 + (y1 - y0) * Double(t) / 4
            s += "<text class=\"tick\" x=\"\(SVG.n(px(vx)))\" y=\"\(SVG.n(h - bottom + 16))\" text-anchor=\"middle\">\(SVG.text(style.percent(vx, digits: 0)))</text>"
            s += "<text class=\"tick\" x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(py(vy) + 4))\" text-anchor=\"end\">\(SVG.text(style.coefficient(vy)))</text>"
        }
        let words = sentences.words
        s += "<text class=\"axis\" x=\"\(SVG.n(left + (w - left - right) / 2))\" y=\"\(SVG.n(h - 8))\" text-anchor=\"middle\">\(SVG.text(words.performance))</text>"
        s += "<text class=\"axis\" transform=\"translate(14 \(SVG.n(top + (h - top - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVG.text(words.importance))</text>"
        // Quadrant lines at the medians, and the quadrants' names in their corners.
        let mx = px(medians.performance), my = py(medians.importance)
        s += "<path class=\"median\" d=\"M\(SVG.n(mx)) \(SVG.n(top))V\(SVG.n(h - bottom))M\(SVG.n(left)) \(SVG.n(my))H\(SVG.n(w - right))\"/>"
        s += "<text class=\"quad act\" x=\"\(SVG.n(left + 6))\" y=\"\(SVG.n(top + 14))\">\(SVG.text(ui.quadrant("concentrateHere")))</text>"
        s += "<text class=\"quad\" x=\"\(SVG.n(w - right - 6))\" y=\"\(SVG.n(top + 14))\" text-anchor=\"end\">\(SVG.text(ui.quadrant("keepUpTheGoodWork")))</text>"
        s += "<text class=\"quad\" x=\"\(SVG.n(left + 6))\" y=\"\(SVG.n(h - bottom - 6))\">\(SVG.text(ui.quadrant("lowPriority")))</text>"
        s += "<text class=\"quad\" x=\"\(SVG.n(w - right - 6))\" y=\"\(SVG.n(h - bottom - 6))\" text-anchor=\"end\">\(SVG.text(ui.quadrant("possibleOverkill")))</text>"
        for p in points {
            let cls = p.quadrant == .concentrateHere ? "pt act" : "pt"
            s += "<g class=\"\(cls)\" data-entry=\"\(SVG.text(p.id))\" data-value=\"\(SVG.exact(p.performance))\" data-importance=\"\(SVG.exact(p.importance))\">"
            s += "<title>\(SVG.text("\(p.number). \(p.label)"))</title>"
            s += "<circle cx=\"\(SVG.n(px(p.performance)))\" cy=\"\(SVG.n(py(p.importance)))\" r=\"5\"/>"
            s += "<text x=\"\(SVG.n(px(p.performance) + 7))\" y=\"\(SVG.n(py(p.importance) - 5))\">\(p.number)</text></g>"
        }
        return s + "</svg>"
    }
}
