import SatisfactionIndex
import SurveySchema

/// The methods section: what each index is, which answers count as satisfied, the interval
/// method and level, missing answers, the design (with its R equivalent), thresholds, ranks,
/// the comparison, the import totals and the file fingerprints. Plain text, unescaped.
struct ReportMethods: Sendable {
    let content: ReportContent
    let provenance: Provenance?
    let comparison: ComparisonResults?

    private var language: String { content.language }
    private func pick(_ vi: String, _ en: String) -> String { language == "vi" ? vi : en }

    /// Paragraphs of the methods section, in order.
    func paragraphs() -> [String] {
        let s = content.settings
        let style = content.style
        let ui = content.words
        let survey = content.labels.survey
        var out: [String] = []

        // What the indices are.
        let combine = ui.combine(s.combine.rawValue)
        out.append(pick(
            "Chỉ số của mỗi tiêu chí là \(ui.measure(s.measure.rawValue)). Chỉ số của khía cạnh, phần và chỉ số chung được tính bằng \(combine) (trừ khi tệp khảo sát quy định khác cho từng nút).",
            "Each criterion's index is the \(ui.measure(s.measure.rawValue)). Aspects, parts and the overall index are \(englishCombine(s.combine)) (unless the survey file declares another rule for a node)."))

        // Which answers count as satisfied, per scale used by the criteria.
        let scaleIDs = survey.criteria.map(\.scale).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for id in scaleIDs {
            guard let scale = survey.scale(id: id) else { continue }
            let band = scale.points.filter { scale.satisfied.contains($0.value) }
                .map { "\($0.value) “\(content.labels.text($0.label))”" }.joined(separator: ", ")
            out.append(pick("Thang “\(TerminalText.clean(id))”: câu trả lời được tính là hài lòng: \(band).",
                            "Scale “\(TerminalText.clean(id))”: answers counted as satisfied: \(band)."))
        }

        // Intervals.
        let level = style.decimal(s.level * 100, digits: 0) + "%"
        if let tree = s.treeIntervals {
            // `--bootstrap`: every interval of the tree is a bootstrap percentile interval.
            let how = s.treeBootstrap.map { ui.bootstrapRun($0, count: style.count) } ?? TerminalText.clean(tree)
            out.append(pick(
                "Khoảng tin cậy \(level) của mọi tiêu chí, khía cạnh và chỉ số chung (cả tỷ lệ lẫn điểm trung bình) là khoảng phân vị bootstrap, lặp lại toàn bộ thiết kế mẫu (\(how)).",
                "Intervals are \(level) bootstrap percentile intervals for every criterion, aspect and the overall index (shares and means alike), from replicates of the whole design (\(how))."))
        } else {
            out.append(pick(
                "Khoảng tin cậy \(level): phương pháp \(s.shareInterval.capitalizedFirst) cho từng tiêu chí; với khía cạnh và chỉ số chung, khoảng \(s.aggregateShareInterval) trên sai số chuẩn tuyến tính hoá, lấy người trả lời làm đơn vị (hoặc cụm, nếu có thiết kế cụm). Điểm trung bình dùng khoảng \(s.meanInterval).",
                "Intervals are \(level) confidence intervals: \(s.shareInterval.capitalizedFirst) for single criteria; for aspects and the overall index, a \(s.aggregateShareInterval) interval on the linearized standard error with the respondent (or the cluster, under a cluster design) as the unit. Means use a \(s.meanInterval) interval."))
        }

        // Missing answers.
        if let overall = content.overall?.entry {
            let c = overall.counts
            out.append(pick(
                "Câu trả lời bỏ trống, “không biết” và “không áp dụng” không được tính vào mẫu số của tiêu chí đó. Trên toàn bộ mẫu: \(style.count(c.valid)) câu trả lời hợp lệ, \(style.count(c.excluded)) bị loại (\(style.count(c.noAnswer)) không trả lời, \(style.count(c.dontKnow)) không biết, \(style.count(c.notApplicable)) không áp dụng, \(style.count(c.invalid)) không mã hoá được).",
                "Blank answers, “don't know” and “not applicable” are left out of that criterion's denominator. Over the whole sample: \(style.count(c.valid)) valid answers, \(style.count(c.excluded)) excluded (\(style.count(c.noAnswer)) no answer, \(style.count(c.dontKnow)) don't know, \(style.count(c.notApplicable)) not applicable, \(style.count(c.invalid)) not codable)."))
        }

        // Design.
        let d = content.design
        if d.isComplex {
            out.append(pick(
                "Thiết kế mẫu: \(style.count(d.strataCount)) tầng, \(style.count(d.psuCount)) cụm\(d.weights != nil ? ", có trọng số" : ""). Phương sai tính bằng tuyến tính hoá Taylor (ước lượng theo cụm sơ cấp, có hoàn lại, như svyrecvar trong R); mỗi nhóm được tính như một miền của toàn bộ thiết kế. Tương đương trong R: \(d.rDesign).",
                "Design: \(d.variance); \(style.count(d.strataCount)) strata, \(style.count(d.psuCount)) clusters. The R equivalent: \(d.rDesign)."))
            switch d.lonelyUnitPolicy {
            case .fail:
                break
            case .remove:
                out.append(pick("Tầng chỉ có một cụm không đóng góp vào phương sai (R: survey.lonely.psu = \"remove\").",
                                "A stratum with a single cluster adds no variance (R: survey.lonely.psu = \"remove\")."))
            case .adjust:
                out.append(pick("Cụm duy nhất của một tầng được tính độ lệch so với trung bình chung, một cách thận trọng (R: survey.lonely.psu = \"adjust\").",
                                "The single cluster of a stratum is centred at the overall mean, which is conservative (R: survey.lonely.psu = \"adjust\")."))
            case .certainty:
                out.append(pick("Tầng chỉ có một cụm được coi là chọn chắc chắn, không đóng góp phương sai ở giai đoạn này (R: survey.lonely.psu = \"certainty\").",
                                "A stratum with a single cluster is taken as sampled with certainty and adds no variance at that stage (R: survey.lonely.psu = \"certainty\")."))
            }
        } else {
            out.append(pick("Thiết kế mẫu: mẫu ngẫu nhiên đơn giản, không trọng số. Tương đương trong R: \(d.rDesign).",
                            "Design: simple random sample, unweighted. The R equivalent: \(d.rDesign)."))
        }

        // Suppression.
        out.append(pick(
            "Không công bố con số khi có dưới \(style.count(s.minValidN)) câu trả lời hợp lệ (với khía cạnh và chỉ số chung: người trả lời), hoặc khi nhóm có dưới \(style.count(s.disclosureThreshold)) người trả lời; những chỗ đó ghi “—, không công bố”, kể cả trong biểu đồ. Khi chỉ một nhóm bị ẩn, một nhóm nhỏ khác cũng được ẩn theo, để con số bị ẩn không thể tính ngược từ tổng và các nhóm còn lại.",
            "No number is shown where there are fewer than \(style.count(s.minValidN)) valid answers (respondents, for aspects and the overall index) or where a group has fewer than \(style.count(s.disclosureThreshold)) respondents; those places read “—, not published”, in charts too. Where only one group would be hidden, another small group is hidden with it, so that the hidden number cannot be worked out from the total and the other groups."))

        // Ranks.
        if let r = content.ranking {
            let level = style.decimal(r.level * 100, digits: 0)
            let source = switch r.method {
            case .bootstrap:
                pick("từ \(style.count(r.replicates)) lần lặp bootstrap (\(r.scheme.rawValue), seed \(r.seed))",
                     "come from \(style.count(r.replicates)) bootstrap replicates (\(r.scheme.rawValue), seed \(r.seed))")
            case .normal:
                pick("từ \(style.count(r.replicates)) lần rút ngẫu nhiên theo xấp xỉ chuẩn của các chỉ số nhóm và hiệp phương sai theo thiết kế mẫu của chúng (seed \(r.seed))",
                     "come from \(style.count(r.replicates)) draws from the normal approximation to the groups' indices and their design covariance (seed \(r.seed))")
            }
            out.append(pick(
                "Khoảng hạng \(level)% \(source). Chỉ khẳng định một nhóm đứng đầu hay đứng cuối khi khoảng hạng của nhóm không chồng lên nhóm liền kề.",
                "Rank intervals at \(level)% \(source). A group is said to rank first or last only when its rank interval does not overlap with its neighbour's."))
        }

        // Importance.
        if let target = content.importanceTarget {
            let overallLabel = survey.questions(of: .overall).first.map { content.labels.text($0.label) }
            out.append(pick(
                "Tầm quan trọng của một tiêu chí là \(ui.importanceTarget(target, overallLabel: overallLabel)) (hệ số tương quan Pearson có trọng số).",
                "A criterion's importance is its \(ui.importanceTarget(target, overallLabel: overallLabel)) (weighted Pearson correlation)."))
        }

        // The comparison.
        if let comparison, let waves = content.waves {
            let adjustment = comparison.adjustment == .holm ? "Holm" : "Benjamini–Hochberg"
            let method = comparison.steps.last?.node(Survey.rootID)?.national?.change?.method
            out.append(pick(
                "So sánh đợt \(waves.baseline) với đợt \(waves.current). Giá trị p được hiệu chỉnh cho nhiều phép so sánh theo phương pháp \(adjustment) trong các nhóm của cùng một chỉ số; chỉ gọi là tăng hay giảm khi giá trị p đã hiệu chỉnh nhỏ hơn \(style.decimal(1 - comparison.level, digits: 2)). Chi tiết kỹ thuật (tiếng Anh): \(TerminalText.clean(comparison.independence)); \(method.map(TerminalText.clean) ?? "—"); \(TerminalText.clean(comparison.family)).",
                "\(waves.baseline) is compared with \(waves.current): \(TerminalText.clean(comparison.independence)). Method: \(method.map(TerminalText.clean) ?? "—"). P-values are adjusted for multiple comparisons (\(adjustment); \(TerminalText.clean(comparison.family))); a change is called an improvement or a decline only when the adjusted p-value is below \(style.decimal(1 - comparison.level, digits: 2))."))
        }
        return out
    }

    private func englishCombine(_ rule: Combination) -> String {
        switch rule {
        case .meanOfChildren: "the unweighted mean of their parts"
        case .pooled: "all the answers below them pooled together"
        case .meanOfRespondents: "the mean of each respondent's own score"
        }
    }

    /// Rows of the fingerprint table: what, file name, value.
    func fingerprints() -> [(String, String, String)] {
        let w = ReportWords(language: language)
        var rows: [(String, String, String)] = []
        guard let p = provenance else { return rows }
        rows.append((w.generatedBy, TerminalText.clean(p.tool), TerminalText.clean(p.toolVersion)))
        rows.append((w.surveyFile, TerminalText.clean(p.survey.fileName ?? p.survey.id) + " (\(TerminalText.clean(p.survey.id)) \(TerminalText.clean(p.survey.version)))",
                     p.survey.sha256.map { "\(w.sha256) \($0)" } ?? "—"))
        if let d = p.data {
            rows.append((w.dataFile, TerminalText.clean(d.fileName), "\(w.sha256) \(d.sha256)"))
        }
        return rows
    }

    /// The import totals sentence, when the data file is known.
    func importTotals() -> String? {
        guard let d = provenance?.data else { return nil }
        let style = content.style
        return pick(
            "Nhập dữ liệu: \(style.count(d.rowsRead)) dòng đọc, \(style.count(d.rowsAccepted)) dòng được nhận, \(style.count(d.rowsQuarantined)) dòng bị loại kèm lý do (\(style.count(d.rowsAccepted)) + \(style.count(d.rowsQuarantined)) = \(style.count(d.rowsAccepted + d.rowsQuarantined))).",
            "Import: \(style.count(d.rowsRead)) rows read, \(style.count(d.rowsAccepted)) accepted, \(style.count(d.rowsQuarantined)) quarantined with a reason (\(style.count(d.rowsAccepted)) + \(style.count(d.rowsQuarantined)) = \(style.count(d.rowsAccepted + d.rowsQuarantined))).")
    }
}
