import SatisfactionIndex
import SurveySchema

extension AnalysisTable {
    /// The widest a group's name may be in the matrix; longer names end in `…`.
    static let groupLabelMaxWidth = 28

    /// One mark per matrix cell, the most important first: no answers, disclosure, minimum n,
    /// low effective n, wide interval, 0 or 100%.
    static func primaryMark(_ flags: [IndexFlag]) -> String {
        let order: [IndexFlag] = [.noValidAnswers, .partWithoutAnswers, .belowDisclosureThreshold, .belowMinimumN, .complementarySuppression, .lowEffectiveN,
                                  .wideInterval, .shareAtZero, .shareAtOne]
        return order.first(where: flags.contains).map(mark) ?? ""
    }

    /// The tree nodes shown as matrix columns, with their keys: every aggregate below the root
    /// (keyed by outline number), or the criteria (keyed by CSV column) when there is none.
    func matrixColumns() -> [(id: String, key: String, top: String)] {
        let aggregates = labels.nodes.filter { $0.isAggregate && $0.depth > 0 }
        func top(_ id: String) -> String {
            var current = id
            while let info = labels.node(current), info.depth > 1, let parent = info.parent { current = parent }
            return current
        }
        if !aggregates.isEmpty { return aggregates.map { ($0.id, $0.outline, top($0.id)) } }
        return survey.criteria.map { ($0.id, TerminalText.clean($0.column), $0.id) }
    }

    /// Groups as rows, the overall index with its interval and every part and aspect as
    /// columns; panels when the columns do not fit `width`.
    func groupMatrix(_ grouping: GroupingResults, width: Int) -> [String] {
        let name = grouping.by.map(labels.groupingName).joined(separator: " × ")
        let measure = grouping.groups.first?.node(Survey.rootID)?.measure ?? results.settings.measure
        let unit = measure == .share || measure == .choice ? " (%)" : ""
        var out = TerminalText.wrap(
            "\(words.byGroup) \(name) · \(numbers.count(grouping.groups.count)) \(words.groupsWord) · "
                + "\(words.indexColumn)\(unit), \(words.confidenceAbbreviation) \(levelPercent) \(words.overallIndex)",
            width: width)

        let columns = matrixColumns()
        let groupLabels = grouping.groups.map {
            TerminalText.truncate(labels.groupLabel($0.key, by: grouping.by, words: words), to: Self.groupLabelMaxWidth)
        }
        // The grouping's name heads the column when it is no wider than the names below it
        // (it is in the title anyway); otherwise the short word, so that the header never
        // pushes columns into a second panel.
        let widestLabel = groupLabels.map(TerminalText.width).max() ?? 0
        let groupHeader = TerminalText.width(name) <= widestLabel ? name : words.groupColumn
        let labelWidth = max(TerminalText.width(groupHeader), widestLabel)
        let counts = grouping.groups.map(respondentCount)
        let countWidth = max(1, counts.map(TerminalText.width).max() ?? 1)
        var used = ""

        func cell(_ entry: IndexEntry?, interval: Bool) -> String {
            guard let entry else { return NumberStyle.missing + " " }
            let mark = Self.primaryMark(entry.publishedFlags)
            used += mark
            let e = entry.estimate
            guard !entry.isSuppressed, e.value.isFinite else { return NumberStyle.missing + (mark.isEmpty ? " " : mark) }
            let text = interval
                ? numbers.bareValue(e.value, lower: entry.interval.lower, upper: entry.interval.upper, measure: entry.measure)
                : numbers.bareValue(e.value, measure: entry.measure)
            return text + (mark.isEmpty ? " " : mark)
        }

        let overallCells = grouping.groups.map { cell($0.node(Survey.rootID), interval: true) }
        let overallHeader = words.overallIndex + " "
        let overallWidth = max(TerminalText.width(overallHeader), overallCells.map(TerminalText.width).max() ?? 0)
        var valueCells: [[String]] = []
        var valueWidths: [Int] = []
        for column in columns {
            let cells = grouping.groups.map { cell($0.node(column.id), interval: false) }
            valueCells.append(cells)
            valueWidths.append(max(TerminalText.width(column.key) + 1, cells.map(TerminalText.width).max() ?? 0))
        }

        // Pack whole top-level units into panels; split a unit only when it alone is too wide.
        let fixed = labelWidth + 1 + countWidth
        var panels: [[Int]] = [[]]
        var room = width - fixed - 1 - overallWidth
        var start = 0
        while start < columns.count {
            var end = start
            while end < columns.count && columns[end].top == columns[start].top { end += 1 }
            let unitWidth = (start..<end).reduce(0) { $0 + 1 + valueWidths[$1] }
            if unitWidth > room && !panels[panels.count - 1].isEmpty {
                panels.append([])
                room = width - fixed
            }
            for c in start..<end {
                if 1 + valueWidths[c] > room && !panels[panels.count - 1].isEmpty {
                    panels.append([])
                    room = width - fixed
                }
                panels[panels.count - 1].append(c)
                room -= 1 + valueWidths[c]
            }
            start = end
        }

        for (p, panel) in panels.enumerated() {
            var tableColumns: [TextTable.Column] = [
                .init(header: groupHeader, alignment: .left),
                .init(header: words.validN, alignment: .right),
            ]
            if p == 0 { tableColumns.append(.init(header: overallHeader, alignment: .right)) }
            tableColumns += panel.map { .init(header: columns[$0].key + " ", alignment: .right) }
            let rows = grouping.groups.indices.map { g -> TextTable.Row in
                var cells = [groupLabels[g], counts[g]]
                if p == 0 { cells.append(overallCells[g]) }
                cells += panel.map { valueCells[$0][g] }
                return .init(cells)
            }
            out.append("")
            out += TextTable(columns: tableColumns, gap: 1).render(rows: rows, width: width)
        }
        let key = columns.map { "\($0.key) \(labels.label(ofID: $0.id))" }.joined(separator: " · ")
        out += TerminalText.wrap("\(words.columnsKey): \(key)", width: width)
        out += TerminalText.wrap("n: \(words.respondents). " + words.detailElsewhere, width: width)
        out += legend(used, width: width)
        return out
    }
}
