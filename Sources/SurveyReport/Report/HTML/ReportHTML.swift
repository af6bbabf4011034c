import SatisfactionIndex

/// Renders ``ReportContent`` as one self-contained HTML document: inline CSS, inline SVG, no
/// scripts and no external references. Every survey or data string goes through
/// ``MarkupEscaping/html(_:)``; every shown index carries `data-entry` (and `data-group` in the
/// league table) with `data-value`, `data-lower` and `data-upper` holding the results' exact
/// numbers; a suppressed one carries `data-suppressed="true"` and no number.
struct ReportHTML {
    let content: ReportContent
    let provenance: Provenance?
    let options: LeadershipReport.Options
    var comparison: ComparisonResults? = nil

    private var words: ReportWords { ReportWords(language: content.language) }
    private var cells: ReportCells { ReportCells(content: content) }
    private var sentences: ReportSentences { ReportSentences(content: content) }
    private func h(_ s: String) -> String { MarkupEscaping.html(s) }

    init(content: ReportContent, provenance: Provenance?, options: LeadershipReport.Options, comparison: ComparisonResults? = nil) {
        self.content = content
        self.provenance = provenance
        self.options = options
        self.comparison = comparison
    }

    func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(h(content.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(h(content.title)) — \(h(words.reportKind))</title>\n<style>\n\(ReportCSS.sheet)\n</style>\n</head>\n<body>\n<main>\n"
        out += firstScreen()
        out += league()
        out += priorities()
        out += questions()
        out += aspectTables()
        out += comments()
        out += methods()
        if let p = provenance {
            out += "<footer>\(h(words.generatedBy)) \(h(p.tool)) \(h(p.toolVersion))</footer>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Pieces

    private func attrs(_ e: IndexEntry, group: [String]? = nil) -> String {
        var a = "data-entry=\"\(h(e.id + (e.option.map { "/" + $0 } ?? "")))\""
        if let group { a += " data-group=\"\(h(cells.groupKey(group)))\"" }
        if e.isSuppressed || !e.estimate.value.isFinite { return a + " data-suppressed=\"true\"" }
        return a + " data-value=\"\(SVG.exact(e.estimate.value))\" data-lower=\"\(SVG.exact(e.interval.lower))\" data-upper=\"\(SVG.exact(e.interval.upper))\" data-n=\"\(e.estimate.n)\""
    }

    private func isHidden(_ e: IndexEntry) -> Bool { e.isSuppressed || !e.estimate.value.isFinite }

    private func changeAttrs(_ g: GroupChange?) -> String {
        guard let g, g.status == .tested, let c = g.change, !(g.before?.isSuppressed ?? true), !(g.after?.isSuppressed ?? true)
        else { return "" }
        return " data-change=\"\(SVG.exact(c.difference))\" data-verdict=\"\(g.verdict.rawValue)\""
    }

    private func verdictCell(_ g: GroupChange?) -> String {
        let cls = g.map { $0.status == .tested ? " class=\"v-\($0.verdict.rawValue)\"" : "" } ?? ""
        return "<td\(cls)>\(h(cells.verdict(g)))</td>"
    }

    private func table(_ head: [(String, Bool)], _ rows: [String], caption: String? = nil) -> String {
        var s = "<div class=\"table-wrap\"><table>"
        if let caption { s += "<caption class=\"note\">\(h(caption))</caption>" }
        s += "<thead><tr>" + head.map { "<th\($0.1 ? " class=\"num\"" : "")>\(h($0.0))</th>" }.joined() + "</tr></thead><tbody>"
        return s + rows.joined() + "</tbody></table></div>\n"
    }

    private func firstScreen() -> String {
        var s = "<header class=\"top\"><h1>\(h(content.title))</h1>"
        var meta = [words.reportKind]
        if let waves = content.waves { meta.append("\(words.baseline): \(waves.baseline) → \(waves.current)") }
        meta.append("\(content.style.count(content.respondents)) \(words.respondentsWord)")
        s += "<p class=\"meta\">\(h(meta.joined(separator: " · ")))</p></header>\n<section class=\"summary\">\n<div class=\"cards\">"
        if let o = content.overall {
            s += "<div class=\"card overall\"><p class=\"k\">\(h(words.overallIndex))</p>"
            if isHidden(o.entry) {
                s += "<p class=\"big\" \(attrs(o.entry))>\(h(words.absent(o.entry)))</p>"
            } else {
                s += "<p class=\"big\" \(attrs(o.entry))>\(h(cells.value(o.entry)))</p>"
                s += "<p class=\"sub\">\(h(content.words.confidenceAbbreviation)) \(h(sentences.levelPercent)): \(h(cells.interval(o.entry))) · n = \(h(content.style.count(content.respondents)))</p>"
            }
            s += "</div>"
            if content.waves != nil {
                s += "<div class=\"card change\"\(changeAttrs(o.change))><p class=\"k\">\(h(words.changeTitle))</p>"
                s += "<p class=\"big\">\(h(cells.changeHead(o.change, measure: o.entry.measure)))</p>"
                let cls = o.change.map { $0.status == .tested ? " v-\($0.verdict.rawValue)" : "" } ?? ""
                s += "<p class=\"sub\"><span class=\"\(cls)\">\(h(cells.verdict(o.change)))</span></p></div>"
            }
        }
        s += "</div>\n<div class=\"split\">"
        if !content.chart.isEmpty {
            s += "<figure class=\"aspects\"><h3>\(h(words.aspectsTitle))</h3>"
            s += BarChart(rows: content.chart, sentences: sentences, title: words.aspectsTitle).render()
            s += "<figcaption>\(h(content.words.confidenceAbbreviation)) \(h(sentences.levelPercent)): ├─┤</figcaption></figure>"
        }
        if !content.weakest.isEmpty {
            s += "<div class=\"weak\"><h3>\(h(words.weakestTitle))</h3><ol>"
            for w in content.weakest {
                let shown = isHidden(w.entry) ? words.absent(w.entry) : "\(cells.value(w.entry)) (\(cells.interval(w.entry)))"
                s += "<li \(attrs(w.entry))>\(h(w.label)) — <span class=\"v\">\(h(shown))</span></li>"
            }
            s += "</ol></div>"
        }
        s += "</div>\n<h2>\(h(words.keyFindings))</h2>\n<ul class=\"findings\">"
        s += sentences.keyFindings().map { "<li>\(h($0))</li>" }.joined()
        return s + "</ul>\n</section>\n"
    }

    private func league() -> String {
        guard !content.league.isEmpty else { return "" }
        var s = "<section class=\"league\"><h2>\(h(words.leagueTitle)): \(h(content.leagueName))</h2>\n"
        let hasChange = content.league.contains { $0.change != nil }
        var head: [(String, Bool)] = [(words.group, false), (words.index, true), (words.interval, true), ("n", true),
                                      (words.rank, true), (words.rankInterval, true)]
        if hasChange { head += [(words.change, true), (words.verdict, false)] }
        head.append((words.flags, false))
        let rows = content.league.map { row -> String in
            var r = "<tr data-group=\"\(h(cells.groupKey(row.key)))\"\(row.isSuppressed ? " data-suppressed=\"true\"" : "")><td>\(h(row.label))</td>"
            guard let e = row.entry, !row.isSuppressed else {
                return r + "<td class=\"sup\" colspan=\"\(head.count - 1)\">\(h(words.absent(row.entry)))</td></tr>"
            }
            let (rank, ri) = cells.rank(row.rank)
            r += "<td class=\"num\" \(attrs(e, group: row.key))>\(h(cells.value(e)))</td><td class=\"num\">\(h(cells.interval(e)))</td>"
            r += "<td class=\"num\">\(h(content.style.count(row.respondents)))</td><td class=\"num\">\(h(rank))</td><td class=\"num\">\(h(ri))</td>"
            if hasChange {
                r += "<td class=\"num\"\(changeAttrs(row.change))>\(h(cells.change(row.change, measure: e.measure)))</td>" + verdictCell(row.change)
            }
            return r + "<td class=\"flags\">\(h(cells.flags(e)))</td></tr>"
        }
        s += table(head, rows)
        if hasChange { s += "<p class=\"note\">\(h(words.adjustedNote))</p>\n" }
        s += legendHTML()
        return s + "</section>\n"
    }

    private func legendHTML() -> String {
        let legend = cells.legend()
        guard !legend.isEmpty else { return "" }
        return "<p class=\"note\">\(h(words.flagsTitle)): " + legend.map(h).joined(separator: "; ") + "</p>\n"
    }

    private func priorities() -> String {
        guard let medians = content.priorityMedians, !content.priorities.isEmpty else { return "" }
        var s = "<section class=\"priorities\"><h2>\(h(words.priorityTitle))</h2>\n<figure>"
        s += PriorityChart(points: content.priorities, medians: medians, sentences: sentences, title: words.priorityTitle).render()
        s += "<figcaption>\(h(words.priorityNote))</figcaption></figure>\n"
        let head: [(String, Bool)] = [(words.number, true), (words.criterion, false), (words.aspect, false),
                                      (words.performance, true), (words.importance, true), (words.quadrant, false)]
        let rows = content.priorities.map { p in
            "<tr data-entry=\"\(h(p.id))\"><td class=\"num\">\(p.number)</td><td>\(h(p.label))</td><td>\(h(p.aspect ?? ""))</td>"
                + "<td class=\"num\">\(h(content.style.percent(p.performance)))</td><td class=\"num\">\(h(content.style.coefficient(p.importance)))</td>"
                + "<td\(p.quadrant == .concentrateHere ? " class=\"act\"" : "")>\(h(content.words.quadrant(p.quadrant.rawValue)))</td></tr>"
        }
        return s + table(head, rows) + "</section>\n"
    }

    private func itemRows(_ items: [ReportContent.Item], hasChange: Bool, aspectRow: Bool = false) -> [String] {
        items.enumerated().map { i, item in
            let cls = aspectRow && i == 0 ? " class=\"aspect\"" : ""
            var r = "<tr\(cls)><td>\(h(item.label))</td>"
            if item.isSuppressed {
                let flags = words.showsFlags(item.entry) ? cells.flags(item.entry) : ""
                return r + "<td class=\"sup\" \(attrs(item.entry)) colspan=\"\(hasChange ? 6 : 4)\">\(h(words.absent(item.entry)))</td>"
                    + "<td class=\"flags\">\(h(flags))</td></tr>"
            }
            let e = item.entry
            r += "<td class=\"num\" \(attrs(e))>\(h(cells.value(e)))</td><td class=\"num\">\(h(cells.interval(e)))</td>"
            r += "<td class=\"num\">\(h(content.style.count(e.counts.valid)))</td><td class=\"num\">\(h(content.style.count(e.counts.excluded)))</td>"
            if hasChange {
                r += "<td class=\"num\"\(changeAttrs(item.change))>\(h(cells.change(item.change, measure: e.measure)))</td>" + verdictCell(item.change)
            }
            return r + "<td class=\"flags\">\(h(cells.flags(e)))</td></tr>"
        }
    }

    private func itemHead(_ first: String, hasChange: Bool) -> [(String, Bool)] {
        var head: [(String, Bool)] = [(first, false), (words.index, true), (words.interval, true), (words.validN, true), (words.excluded, true)]
        if hasChange { head += [(words.change, true), (words.verdict, false)] }
        return head + [(words.flags, false)]
    }

    private func questions() -> String {
        guard !content.expectations.isEmpty || !content.evaluations.isEmpty else { return "" }
        var s = "<section class=\"questions\">"
        let hasChange = content.waves != nil
        if !content.expectations.isEmpty {
            s += "<h2>\(h(words.expectationsTitle))</h2>\n<p class=\"note\">\(h(content.words.questionSection("expectation")))</p>\n"
            s += table(itemHead(words.question, hasChange: hasChange), itemRows(content.expectations, hasChange: hasChange))
        }
        if !content.evaluations.isEmpty {
            s += "<h2>\(h(words.evaluationsTitle))</h2>\n<p class=\"note\">\(h(content.words.questionSection("evaluation")))</p>\n"
            s += table(itemHead(words.question, hasChange: hasChange), itemRows(content.evaluations, hasChange: hasChange))
        }
        return s + "</section>\n"
    }

    private func aspectTables() -> String {
        guard !content.aspects.isEmpty else { return "" }
        let hasChange = content.waves != nil
        var s = "<section class=\"page aspects-detail\"><h2>\(h(words.aspectTablesTitle))</h2>\n"
        for table in content.aspects {
            s += "<h3>\(h(table.aspect.label))</h3>\n"
            if let sentence = sentences.change(table.aspect.change, measure: table.aspect.entry.measure, subject: "“\(table.aspect.label)”") {
                s += "<p>\(h(sentence))</p>\n"
            }
            s += self.table(itemHead(words.criterion, hasChange: hasChange),
                            itemRows([table.aspect] + table.criteria, hasChange: hasChange, aspectRow: true))
        }
        return s + legendHTML() + "</section>\n"
    }

    private func comments() -> String {
        let shown = options.shownComments(language: content.language)
        guard !shown.isEmpty else { return "" }
        return "<section class=\"comments\"><h2>\(h(words.commentsTitle))</h2>\n<ul class=\"comments\">"
            + shown.map { "<li>\(h($0))</li>" }.joined() + "</ul></section>\n"
    }

    private func methods() -> String {
        let m = ReportMethods(content: content, provenance: provenance, comparison: comparison)
        var s = "<section class=\"page methods\"><h2>\(h(words.methodsTitle))</h2>\n"
        s += m.paragraphs().map { "<p>\(h($0))</p>\n" }.joined()
        if let t = m.importTotals() { s += "<p>\(h(t))</p>\n" }
        let rows = m.fingerprints().map { "<tr><td>\(h($0.0))</td><td>\(h($0.1))</td><td class=\"sha\">\(h($0.2))</td></tr>" }
        if !rows.isEmpty { s += table([("", false), (words.file, false), (words.fingerprint, false)], rows) }
        return s + "</section>\n"
    }
}
