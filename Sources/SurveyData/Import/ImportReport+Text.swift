extension ImportReport {
    /// The report as an analyst reads it in a terminal: the reconciliation first, then why
    /// rows were quarantined, the values that could not be coded, the answers left out of
    /// the indices per column, and the columns the survey does not declare.
    public var text: String {
        var out: [String] = []
        out.append("\(file) (survey \(survey))")
        out.append("read as \(encoding)\(byteOrderMark ? " with byte-order mark" : ""), \(delimiter)-delimited, "
            + "\(Self.size(bytes)); invalid cells: \(invalidCellPolicy)")
        out.append("")
        let rows: [(String, Int, String)] = [
            ("rows read", rowsRead, ""),
            ("accepted", rowsAccepted, ""),
            ("quarantined", rowsQuarantined, ""),
            ("blank lines", blankLines, "skipped, not rows"),
        ]
        let width = rows.map { Self.number($0.1).count }.max() ?? 1
        for (label, value, note) in rows {
            let line = "  " + Self.pad(label, 12) + Self.padLeft(Self.number(value), width)
            out.append(note.isEmpty ? line : line + "  (\(note))")
        }
        if !isConsistent {
            out.append("  THE COUNTS DO NOT RECONCILE: " + inconsistencies.joined(separator: "; "))
        }
        if !reasons.isEmpty {
            out.append("")
            out.append("Quarantined rows, by first reason:")
            out.append(contentsOf: Self.table(
                header: ["rows", "reason", "first lines"],
                rows: reasons.map { reason in
                    let lines = reason.firstLines.map(String.init).joined(separator: ", ")
                    return [Self.number(reason.count), reason.reason, lines + (reason.count > reason.firstLines.count ? ", …" : "")]
                },
                rightAligned: [0]))
        }
        if !unknownValues.isEmpty {
            out.append("")
            out.append("Values that could not be coded (in accepted and quarantined rows):")
            out.append(contentsOf: Self.table(
                header: ["column", "value", "cells", "closest known"],
                rows: unknownValues.prefix(20).map { value in
                    [value.column, "\"\(value.value)\"", Self.number(value.count), value.closest.map { "\"\($0)\"" } ?? "–"]
                },
                rightAligned: [2]))
            let hidden = unknownValues.count - min(unknownValues.count, 20)
            if hidden > 0 || unknownCellsNotListed > 0 {
                out.append("  … \(hidden) more values listed in the JSON report"
                    + (unknownCellsNotListed > 0 ? ", and \(Self.number(unknownCellsNotListed)) cells with values not listed" : ""))
            }
        }
        if !columns.isEmpty {
            out.append("")
            out.append("Answers in accepted rows, by column (all but \"answered\" are left out of the indices):")
            out.append(contentsOf: Self.table(
                header: ["column", "answers", "answered", "no answer", "don't know", "not applicable", "invalid"],
                rows: columns.map { column in
                    [column.column, column.id, Self.number(column.answered), Self.number(column.noAnswer),
                     Self.number(column.dontKnow), Self.number(column.notApplicable), Self.number(column.invalidAsMissing)]
                },
                rightAligned: [2, 3, 4, 5, 6]))
        }
        if !extraColumns.isEmpty {
            out.append("")
            let more = extraColumns.count > 20 ? ", and \(Self.number(extraColumns.count - 20)) more (listed in the JSON report)" : ""
            out.append("Columns the survey does not declare: " + extraColumns.prefix(20).map { extra in
                extra.kept
                    ? "\(extra.name) (kept for grouping, \(Self.number(extra.distinctValues)) values)"
                    : extra.distinctValues == 0
                        ? "\(extra.name) (not kept: more than \(ImportPlan.extraColumnCountLimit) extra columns)"
                        : "\(extra.name) (not kept: \(Self.number(extra.distinctValues)) distinct values, too many for grouping)"
            }.joined(separator: ", ") + more)
        }
        if !absentOptionalColumns.isEmpty {
            if extraColumns.isEmpty { out.append("") }
            out.append("Optional columns not in the file: " + absentOptionalColumns.joined(separator: ", "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `1,234,567`.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `812 bytes`, `4.2 KB`, `125.0 MB` (powers of 1000, one decimal).
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Rows under a header, columns padded to their widest cell, two spaces between, each
    /// line indented by two spaces.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = "  "
            for (column, cell) in row.enumerated() {
                let padded = rightAligned.contains(column) ? padLeft(cell, widths[column]) : pad(cell, widths[column])
                line += padded + (column == row.count - 1 ? "" : "  ")
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
