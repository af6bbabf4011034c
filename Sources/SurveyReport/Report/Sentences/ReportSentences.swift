import SatisfactionIndex

/// Sentences generated from the results, claiming only what the statistics support.
///
/// The rules (also in `docs/report.md`):
/// - A change is called an improvement or a decline only when the comparison's verdict, on the
///   multiplicity-adjusted p-value, says so; otherwise the change is given with the words
///   "within the margin of error". Suppressed or untested changes get no number.
/// - A group is said to rank first (or last) only when its rank interval is exactly [1, 1]
///   (or [k, k]) and the ranking does not mark it indistinguishable from its neighbours;
///   otherwise the sentence names the highest point estimate and says the order is not certain.
/// - The gap between the highest and the lowest aspect is called larger than the margin of
///   error only when their intervals do not overlap.
/// - Suppressed entries are never named with a number.
///
/// Sentences are plain text (labels unescaped); each renderer escapes the whole sentence.
struct ReportSentences: Sendable {
    let content: ReportContent
    var language: String { content.language }
    var style: NumberStyle { content.style }
    var words: ReportWords { ReportWords(language: language) }
    private func pick(_ vi: String, _ en: String) -> String { language == "vi" ? vi : en }

    var levelPercent: String { style.decimal(content.settings.level * 100, digits: 0) + "%" }

    /// `83.2%`, or the measure's own reading.
    func value(_ entry: IndexEntry) -> String { style.value(entry.estimate.value, measure: entry.measure) }

    /// `81.0–85.3%` for a share, `4.05–4.19` for a mean.
    func bounds(_ entry: IndexEntry) -> String {
        let digits = NumberStyle.digits(for: entry.measure)
        let scale = entry.measure == .share || entry.measure == .choice ? 100.0 : 1.0
        let suffix = scale == 100 ? "%" : ""
        return style.range(entry.interval.lower * scale, entry.interval.upper * scale, digits: digits) + suffix
    }

    // MARK: The overall index

    func overall(_ item: ReportContent.Item) -> String {
        if item.isSuppressed && !item.entry.isSuppressed {
            return pick("Không tính được chỉ số hài lòng chung: có thành phần không có câu trả lời hợp lệ nào (xem các khía cạnh).",
                        "The overall satisfaction index cannot be computed: a part of it has no valid answers (see the aspects).")
        }
        if item.isSuppressed {
            return pick("Chỉ số hài lòng chung không được công bố: quá ít câu trả lời.",
                        "The overall satisfaction index is not shown: too few answers.")
        }
        let n = style.count(content.respondents)
        return pick(
            "Chỉ số hài lòng chung đạt \(value(item.entry)) (khoảng tin cậy \(levelPercent): \(bounds(item.entry))), tính từ \(n) người trả lời.",
            "The overall satisfaction index is \(value(item.entry)) (\(levelPercent) confidence interval \(bounds(item.entry))), from \(n) respondents.")
    }

    // MARK: Change since the baseline

    /// The change of one node since the baseline, as a clause after "Compared with 2023, …".
    /// `subject` is the thing that changed, e.g. "the overall index".
    func change(_ change: GroupChange?, measure: Measure, subject: String) -> String? {
        guard let waves = content.waves, let change else { return nil }
        let since = pick("So với đợt \(waves.baseline), ", "Compared with \(waves.baseline), ")
        guard change.status == .tested, let c = change.change, let before = change.before, let after = change.after,
              !before.isSuppressed, !after.isSuppressed else {
            if change.status == .suppressed || (change.before?.isSuppressed ?? false) || (change.after?.isSuppressed ?? false) {
                return pick("Không so sánh được \(subject) với đợt \(waves.baseline): một trong hai đợt có quá ít câu trả lời.",
                            "\(subject.capitalizedFirst) cannot be compared with \(waves.baseline): too few answers in one of the two surveys.")
            }
            return pick("Không so sánh được \(subject) với đợt \(waves.baseline).",
                        "\(subject.capitalizedFirst) cannot be compared with \(waves.baseline).")
        }
        let scale = measure == .share || measure == .choice ? 100.0 : 1.0
        let digits = NumberStyle.digits(for: measure)
        let unit = words.differenceUnit(measure)
        let from = style.value(before.estimate.value, measure: measure)
        let to = style.value(after.estimate.value, measure: measure)
        let size = style.decimal(abs(c.difference) * scale, digits: digits)
        let signed = style.decimal(c.difference * scale, digits: digits, signed: true)
        let up = c.difference >= 0
        switch change.verdict {
        case .improved:
            return since + pick("\(subject) tăng \(size) \(unit) (từ \(from) lên \(to)), mức tăng có ý nghĩa thống kê.",
                                "\(subject) rose \(size) \(unit) (from \(from) to \(to)), a significant improvement.")
        case .declined:
            return since + pick("\(subject) giảm \(size) \(unit) (từ \(from) xuống \(to)), mức giảm có ý nghĩa thống kê.",
                                "\(subject) fell \(size) \(unit) (from \(from) to \(to)), a significant decline.")
        case .noSignificantChange:
            return since + pick("\(subject) thay đổi \(signed) \(unit) (từ \(from) \(up ? "lên" : "xuống") \(to)), nằm trong biên sai số.",
                                "\(subject) changed by \(signed) \(unit) (from \(from) to \(to)), which is within the margin of error.")
        case .notTested:
            return pick("Không so sánh được \(subject) với đợt \(waves.baseline).",
                        "\(subject.capitalizedFirst) cannot be compared with \(waves.baseline).")
        }
    }

    /// How many groups improved, declined or did not change significantly (counts of zero
    /// are left out; "all" when every group compared has the same verdict).
    func verdictCounts(_ s: PressSummary) -> String {
        let tested = s.improved + s.declined + s.noSignificantChange
        let c = { (n: Int) in style.count(n) }
        var text: String
        if tested == 0 {
            text = pick("Không nhóm nào so sánh được", "No group could be compared")
        } else if s.improved == tested {
            text = pick("Cả \(c(tested)) nhóm được so sánh đều tăng có ý nghĩa thống kê", "All \(c(tested)) groups compared improved significantly")
        } else if s.declined == tested {
            text = pick("Cả \(c(tested)) nhóm được so sánh đều giảm có ý nghĩa thống kê", "All \(c(tested)) groups compared declined significantly")
        } else if s.noSignificantChange == tested {
            text = pick("Cả \(c(tested)) nhóm được so sánh đều thay đổi trong biên sai số", "All \(c(tested)) groups compared changed within the margin of error")
        } else {
            var parts: [String] = []
            if s.improved > 0 { parts.append(pick("\(c(s.improved)) nhóm tăng có ý nghĩa thống kê", "\(c(s.improved)) improved significantly")) }
            if s.declined > 0 { parts.append(pick("\(c(s.declined)) nhóm giảm có ý nghĩa thống kê", "\(c(s.declined)) declined significantly")) }
            if s.noSignificantChange > 0 {
                parts.append(pick("\(c(s.noSignificantChange)) nhóm thay đổi trong biên sai số", "\(c(s.noSignificantChange)) changed within the margin of error"))
            }
            let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + pick(" và ", " and ") + parts.last!
            text = pick("Trong \(c(tested)) nhóm được so sánh, ", "Of the \(c(tested)) groups compared, ") + list
        }
        if s.notTested > 0 {
            text += pick("; \(c(s.notTested)) nhóm không so sánh được", "; \(c(s.notTested)) could not be compared")
        }
        return text + "."
    }

    // MARK: Aspects, weakest criteria

    /// The highest and the lowest aspect of the chart, and whether the gap exceeds the noise.
    func aspectRange() -> String? {
        let shown = content.chart.filter { !$0.isPart && !$0.isSuppressed }
        guard shown.count >= 2,
              let high = shown.max(by: { $0.entry.estimate.value < $1.entry.estimate.value }),
              let low = shown.min(by: { $0.entry.estimate.value < $1.entry.estimate.value }),
              high.id != low.id else { return nil }
        let apart = low.entry.interval.upper < high.entry.interval.lower
        let head = pick("Trong các khía cạnh, “\(high.label)” cao nhất (\(value(high.entry))), “\(low.label)” thấp nhất (\(value(low.entry)))",
                        "Among the aspects, “\(high.label)” scores highest (\(value(high.entry))) and “\(low.label)” lowest (\(value(low.entry)))")
        return head + (apart
            ? pick("; chênh lệch này lớn hơn biên sai số.", "; the gap is larger than the margin of error.")
            : pick("; khoảng tin cậy của hai khía cạnh chồng lên nhau nên chênh lệch có thể chỉ do ngẫu nhiên.",
                   "; their intervals overlap, so the gap may be due to chance."))
    }

    func weakest() -> String? {
        let items = content.weakest.filter { !$0.isSuppressed }
        guard !items.isEmpty else { return nil }
        let parts = items.map { "“\($0.label)” (\(value($0.entry)))" }
        let list = parts.count == 1 ? parts[0]
            : parts.dropLast().joined(separator: ", ") + pick(" và ", " and ") + parts.last!
        return items.count == 1
            ? pick("Tiêu chí có kết quả thấp nhất là \(list).", "The criterion with the lowest score is \(list).")
            : pick("Các tiêu chí có kết quả thấp nhất là \(list).", "The criteria with the lowest scores are \(list).")
    }

    // MARK: The league table

    /// The top and bottom of the league, with a rank claim only where the rank interval allows it.
    func league() -> [String] {
        let shown = content.league.filter { !$0.isSuppressed }
        guard shown.count >= 2, let first = shown.first, let last = shown.last,
              let fe = first.entry, let le = last.entry else { return [] }
        var out: [String] = []
        let k = content.ranking?.entries.count ?? shown.count
        if let r = first.rank {
            if r.rankLower == 1 && r.rankUpper == 1 && !r.indistinguishableFromNeighbours {
                out.append(pick("“\(first.label)” đứng đầu (\(value(fe))); khoảng hạng của nhóm này không chồng lên nhóm liền kề.",
                                "“\(first.label)” ranks first (\(value(fe))); its rank interval does not overlap with its neighbour’s."))
            } else {
                let ri = style.range(Double(r.rankLower), Double(r.rankUpper), digits: 0)
                out.append(pick("“\(first.label)” có chỉ số cao nhất (\(value(fe))), nhưng khoảng hạng (\(ri)) chồng lên các nhóm liền kề nên chưa thể khẳng định nhóm này đứng đầu.",
                                "“\(first.label)” has the highest index (\(value(fe))), but its rank interval (\(ri)) overlaps with its neighbours’, so the data cannot say it is first."))
            }
        } else {
            out.append(pick("“\(first.label)” có chỉ số cao nhất (\(value(fe))); không có khoảng hạng nên báo cáo không xếp hạng.",
                            "“\(first.label)” has the highest index (\(value(fe))); no rank intervals were computed, so no rank is claimed."))
        }
        if let r = last.rank {
            if r.rankLower == k && r.rankUpper == k && !r.indistinguishableFromNeighbours {
                out.append(pick("“\(last.label)” đứng cuối (\(value(le))); khoảng hạng của nhóm này không chồng lên nhóm liền kề.",
                                "“\(last.label)” ranks last (\(value(le))); its rank interval does not overlap with its neighbour’s."))
            } else {
                let ri = style.range(Double(r.rankLower), Double(r.rankUpper), digits: 0)
                out.append(pick("“\(last.label)” có chỉ số thấp nhất (\(value(le))), nhưng khoảng hạng (\(ri)) chồng lên các nhóm liền kề nên chưa thể khẳng định nhóm này đứng cuối.",
                                "“\(last.label)” has the lowest index (\(value(le))), but its rank interval (\(ri)) overlaps with its neighbours’, so the data cannot say it is last."))
            }
        } else {
            out.append(pick("“\(last.label)” có chỉ số thấp nhất (\(value(le))).", "“\(last.label)” has the lowest index (\(value(le)))."))
        }
        return out
    }

    /// The subject of the overall change sentence.
    var overallSubject: String { pick("chỉ số hài lòng chung", "the overall index") }

    /// The key findings of the first screen, in order.
    func keyFindings() -> [String] {
        var out: [String] = []
        if let o = content.overall {
            out.append(overall(o))
            if let s = change(o.change, measure: o.entry.measure, subject: overallSubject) { out.append(s) }
        }
        if let s = aspectRange() { out.append(s) }
        if let s = weakest() { out.append(s) }
        out += league()
        if let s = content.summary { out.append(verdictCounts(s)) }
        return out
    }
}

extension String {
    /// The string with its first character upper-cased (for a sentence that starts with a subject).
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
