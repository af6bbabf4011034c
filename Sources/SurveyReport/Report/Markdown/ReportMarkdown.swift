import SatisfactionIndex

/// Renders ``ReportContent`` as CommonMark with pipe tables: the same sections and numbers as
/// the HTML, the charts given as tables. Every survey or data string goes through
/// ``MarkupEscaping/markdown(_:)``; suppressed entries read "—, not published".
struct ReportMarkdown {
    let content: ReportContent
    let provenance: Provenance?
    let options: LeadershipReport.Options
    var comparison: ComparisonResults? = nil

    private var words: ReportWords { ReportWords(language: content.language) }
    private var cells: ReportCells { ReportCells(content: content) }
    private var sentences: ReportSentences { ReportSentences(content: content) }
    private func md(_ s: String) -> String { MarkupEscaping.markdown(s) }

    /// satkit's own words and numbers in a table cell: only the characters that would break
    /// the row or start emphasis are escaped (survey text goes through ``md(_:)``).
    private func own(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "\\" || c == "|" || c == "*" || c == "_" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A pipe table; the columns in `labels` hold survey or data text and are fully escaped.
    private func table(_ head: [(String, Bool)], _ rows: [[String]], labels: Set<Int> = [0]) -> [String] {
        var out = ["| " + head.map { own($0.0) }.joined(separator: " | ") + " |",
                   "|" + head.map { $0.1 ? " ---: |" : " --- |" }.joined()]
        for row in rows {
            out.append("| " + row.enumerated().map { labels.contains($0.offset) ? md($0.element) : own($0.element) }
                .joined(separator: " | ") + " |")
        }
        out.append("")
        return out
    }

    private func isHidden(_ e: IndexEntry) -> Bool { e.isSuppressed || !e.estimate.value.isFinite }

    func render() -> String {
        var out: [String] = []
        let style = content.style
        out.append("# \(md(content.title))")
        out.append("")
        var meta = [words.reportKind]
        if let waves = content.waves { meta.append("\(words.baseline): \(waves.baseline) → \(waves.current)") }
        meta.append("\(style.count(content.respondents)) \(words.respondentsWord)")
        out.append(md(meta.joined(separator: " · ")))
        out.append("")
        if let o = content.overall {
            let shown = isHidden(o.entry) ? words.absent(o.entry)
                : "\(cells.value(o.entry)) (\(content.words.confidenceAbbreviation) \(sentences.levelPercent): \(cells.interval(o.entry))), n = \(style.count(content.respondents))"
            out.append("**\(md(words.overallIndex)):** \(own(shown))")
            out.append("")
            if content.waves != nil {
                out.append("**\(md(words.changeTitle)):** \(own(cells.change(o.change, measure: o.entry.measure))) — \(own(cells.verdict(o.change)))")
                out.append("")
            }
        }
        out.append("## \(md(words.keyFindings))")
        out.append("")
        out += sentences.keyFindings().map { "- \(md($0))" }
        out.append("")

        let hasChange = content.waves != nil
        func itemRow(_ item: ReportContent.Item) -> [String] {
            let indent = item.depth > 0 ? "  " : ""
            guard !item.isSuppressed else {
                return [indent + item.label, words.absent(item.entry), "", "", ""] + (hasChange ? ["", ""] : [])
                    + [words.showsFlags(item.entry) ? cells.flags(item.entry) : ""]
            }
            let e = item.entry
            var row = [indent + item.label, cells.value(e), cells.interval(e), style.count(e.counts.valid), style.count(e.counts.excluded)]
            if hasChange { row += [cells.change(item.change, measure: e.measure), cells.verdict(item.change)] }
            return row + [cells.flags(e)]
        }
        func itemHead(_ first: String) -> [(String, Bool)] {
            var head: [(String, Bool)] = [(first, false), (words.index, true), (words.interval, true), (words.validN, true), (words.excluded, true)]
            if hasChange { head += [(words.change, true), (words.verdict, false)] }
            return head + [(words.flags, false)]
        }

        if !content.chart.isEmpty {
            out.append("## \(md(words.aspectsTitle))")
            out.append("")
            out.append(md(words.chartAsTable))
            out.append("")
            out += table(itemHead(words.aspect), content.chart.map(itemRow))
        }
        if !content.weakest.isEmpty {
            out.append("## \(md(words.weakestTitle))")
            out.append("")
            for (i, w) in content.weakest.enumerated() {
                let shown = isHidden(w.entry) ? words.absent(w.entry) : "\(cells.value(w.entry)) (\(cells.interval(w.entry)))"
                out.append("\(i + 1). \(md(w.label)) — \(own(shown))")
            }
            out.append("")
        }
        if !content.league.isEmpty {
            out.append("## \(md(words.leagueTitle)): \(md(content.leagueName))")
            out.append("")
            let withChange = content.league.contains { $0.change != nil }
            var head: [(String, Bool)] = [(words.group, false), (words.index, true), (words.interval, true), ("n", true),
                                          (words.rank, true), (words.rankInterval, true)]
            if withChange { head += [(words.change, true), (words.verdict, false)] }
            head.append((words.flags, false))
            out += table(head, content.league.map { row in
                guard let e = row.entry, !row.isSuppressed else {
                    return [row.label, words.absent(row.entry)] + Array(repeating: "", count: head.count - 2)
                }
                let (rank, ri) = cells.rank(row.rank)
                var r = [row.label, cells.value(e), cells.interval(e), style.count(row.respondents), rank, ri]
                if withChange { r += [cells.change(row.change, measure: e.measure), cells.verdict(row.change)] }
                return r + [cells.flags(e)]
            })
            if withChange {
                out.append(md(words.adjustedNote))
                out.append("")
            }
        }
        if !content.priorities.isEmpty {
            out.append("## \(md(words.priorityTitle))")
            out.append("")
            out.append(md(words.priorityNote))
            out.append("")
            out += table([(words.number, true), (words.criterion, false), (words.aspect, false), (words.performance, true),
                          (words.importance, true), (words.quadrant, false)],
                         content.priorities.map { p in
                             ["\(p.number)", p.label, p.aspect ?? "", style.percent(p.performance), style.coefficient(p.importance),
                              content.words.quadrant(p.quadrant.rawValue)]
                         }, labels: [1, 2])
        }
        if !content.expectations.isEmpty {
            out.append("## \(md(words.expectationsTitle))")
            out.append("")
            out += table(itemHead(words.question), content.expectations.map(itemRow))
        }
        if !content.evaluations.isEmpty {
            out.append("## \(md(words.evaluationsTitle))")
            out.append("")
            out += table(itemHead(words.question), content.evaluations.map(itemRow))
        }
        if !content.aspects.isEmpty {
            out.append("## \(md(words.aspectTablesTitle))")
            out.append("")
            for t in content.aspects {
                out.append("### \(md(t.aspect.label))")
                out.append("")
                if let s = sentences.change(t.aspect.change, measure: t.aspect.entry.measure, subject: "“\(t.aspect.label)”") {
                    out.append(md(s))
                    out.append("")
                }
                out += table(itemHead(words.criterion), ([t.aspect] + t.criteria).map(itemRow))
            }
        }
        let legend = cells.legend()
        if !legend.isEmpty {
            out.append("\(md(words.flagsTitle)): " + legend.map(md).joined(separator: "; "))
            out.append("")
        }
        let shown = options.shownComments(language: content.language)
        if !shown.isEmpty {
            out.append("## \(md(words.commentsTitle))")
            out.append("")
            out += shown.map { "- \(md($0))" }
            out.append("")
        }
        out.append("## \(md(words.methodsTitle))")
        out.append("")
        let m = ReportMethods(content: content, provenance: provenance, comparison: comparison)
        for p in m.paragraphs() { out.append(md(p)); out.append("") }
        if let t = m.importTotals() { out.append(md(t)); out.append("") }
        for (what, file, value) in m.fingerprints() { out.append("- \(md(what)): \(md(file)) — \(md(value))") }
        return out.joined(separator: "\n") + "\n"
    }
}
