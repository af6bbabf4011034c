import SatisfactionIndex

/// The fixed words of the leadership report (headings, column titles, notes) in Vietnamese and
/// English. Generated sentences are in ``ReportSentences``; words shared with `analyze` come
/// from ``UIText``.
struct ReportWords: Sendable {
    let language: String
    private func pick(_ vi: String, _ en: String) -> String { language == "vi" ? vi : en }

    var reportKind: String { pick("Báo cáo tóm tắt kết quả khảo sát", "Survey results summary") }
    var overallIndex: String { pick("Chỉ số hài lòng chung", "Overall satisfaction index") }
    var changeTitle: String { pick("Thay đổi so với đợt trước", "Change since the baseline") }
    var aspectsTitle: String { pick("Các khía cạnh", "Aspects") }
    var weakestTitle: String { pick("Ba tiêu chí thấp nhất", "The three weakest criteria") }
    var keyFindings: String { pick("Điểm chính", "Key findings") }
    var leagueTitle: String { pick("Bảng xếp hạng", "League table") }
    var priorityTitle: String { pick("Tầm quan trọng và mức độ hài lòng của các tiêu chí", "Importance and performance of the criteria") }
    var expectationsTitle: String { pick("Mong đợi của người dân, xếp theo tỷ lệ", "Expectations, ranked") }
    var evaluationsTitle: String { pick("Đánh giá về phục vụ", "Evaluations of the service") }
    var aspectTablesTitle: String { pick("Chi tiết theo khía cạnh", "Aspects in detail") }
    var commentsTitle: String { pick("Ý kiến của người trả lời (đã che thông tin cá nhân)", "Respondents' comments (personal details masked)") }
    var methodsTitle: String { pick("Phương pháp", "Methods") }
    var flagsTitle: String { pick("Ký hiệu", "Flags") }
    var tooFewAnswers: String { pick("—, không công bố", "—, not published") }
    var noValue: String { pick("—, không tính được", "—, cannot be computed") }
    var noAnswers: String { pick("—, không có câu trả lời hợp lệ", "—, no valid answers") }
    /// What stands where an entry has no number: "no valid answers" when nobody answered (in a
    /// group whose counts are published, so that says nothing more), "not published" when it
    /// is suppressed, else "cannot be computed" (a mean of parts where a part has no answers).
    /// Whether an entry without a number may still show its flags: it was not answered (its n
    /// of 0 is public), or it has no value for a reason other than suppression.
    func showsFlags(_ entry: IndexEntry) -> Bool {
        !entry.isSuppressed || entry.isUnansweredInPublishedGroup
    }

    func absent(_ entry: IndexEntry?) -> String {
        guard let entry else { return tooFewAnswers }
        if entry.isUnansweredInPublishedGroup { return noAnswers }
        return entry.isSuppressed ? tooFewAnswers : noValue
    }
    var suppressedShort: String { pick("quá ít câu trả lời", "too few answers") }
    var respondentsWord: String { pick("người trả lời", "respondents") }
    var group: String { pick("Nhóm", "Group") }
    var index: String { pick("Chỉ số", "Index") }
    var interval: String { pick("Khoảng tin cậy", "Interval") }
    var rank: String { pick("Hạng", "Rank") }
    var rankInterval: String { pick("Khoảng hạng", "Rank interval") }
    var change: String { pick("Thay đổi", "Change") }
    var verdict: String { pick("Kết luận", "Verdict") }
    var flags: String { pick("Ký hiệu", "Flags") }
    var criterion: String { pick("Tiêu chí", "Criterion") }
    var aspect: String { pick("Khía cạnh", "Aspect") }
    var validN: String { pick("n hợp lệ", "valid n") }
    var excluded: String { pick("loại trừ", "excluded") }
    var importance: String { pick("Tầm quan trọng (tương quan)", "Importance (correlation)") }
    var performance: String { pick("Kết quả (chỉ số)", "Performance (index)") }
    var quadrant: String { pick("Khuyến nghị", "Quadrant") }
    var question: String { pick("Câu hỏi", "Question") }
    var number: String { "#" }
    var noLeague: String { pick("Kết quả không có phân nhóm để xếp hạng.", "The results hold no grouping to rank.") }
    var chartAsTable: String {
        pick("Biểu đồ được trình bày dưới dạng bảng.", "The chart is given as a table.")
    }
    var priorityNote: String {
        pick("Đường kẻ chia bốn góc đặt tại trung vị của tầm quan trọng và của kết quả. Góc trên bên trái (quan trọng, kết quả thấp) là nơi cần tập trung cải thiện.",
             "The quadrant lines sit at the medians of importance and of performance. The upper left (important, low performance) is where to act first.")
    }
    var indistinguishableMark: String { pick("≈ không phân biệt được với nhóm liền kề", "≈ cannot be told apart from a neighbour") }
    var notCompared: String { pick("không so sánh", "not compared") }
    var generatedBy: String { pick("Tạo bởi", "Made with") }
    var sha256: String { "SHA-256" }
    var file: String { pick("Tệp", "File") }
    var fingerprint: String { pick("Phiên bản / dấu vân tay", "Version / fingerprint") }
    var surveyFile: String { pick("Tệp mô tả khảo sát", "Survey file") }
    var dataFile: String { pick("Tệp dữ liệu", "Data file") }
    var rowsRead: String { pick("dòng đọc", "rows read") }
    var rowsAccepted: String { pick("dòng được nhận", "accepted") }
    var rowsQuarantined: String { pick("dòng bị loại (kèm lý do)", "quarantined with a reason") }
    var adjustedNote: String {
        pick("Kết luận dựa trên giá trị p đã hiệu chỉnh cho nhiều phép so sánh cùng lúc, nên một khoảng thay đổi không chứa 0 vẫn có thể được ghi là “trong biên sai số”.",
             "Verdicts use p-values adjusted for making many comparisons at once, so a change whose interval excludes zero can still read “within the margin of error”.")
    }
    var baseline: String { pick("Đợt so sánh", "Baseline") }

    /// The reading of a verdict, short, for table cells.
    func verdict(_ v: Verdict) -> String {
        switch v {
        case .improved: pick("tăng có ý nghĩa thống kê", "significant improvement")
        case .declined: pick("giảm có ý nghĩa thống kê", "significant decline")
        case .noSignificantChange: pick("trong biên sai số", "within the margin of error")
        case .notTested: pick("không so sánh", "not compared")
        }
    }

    /// The unit of a difference written out in a sentence.
    func differenceUnit(_ measure: Measure) -> String {
        switch measure {
        case .share, .choice: pick("điểm phần trăm", "percentage points")
        case .mean, .score100: pick("điểm", "points")
        }
    }
}
