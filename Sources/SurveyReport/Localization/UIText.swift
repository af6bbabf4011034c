/// The words satkit itself writes around survey content (headings, column titles, the names
/// of rules), in the languages reports are written in.
///
/// Vietnamese and English are built in. Any other language falls back to English; the
/// survey's own labels are still shown in the language asked for.
public struct UIText: Sendable {
    /// The language code these words are in (`vi` or `en`).
    public let language: String

    // Codebook
    public let languages: String
    public let defaultLanguage: String
    public let indexRules: String
    public let indicatorTree: String
    public let otherQuestions: String
    public let scales: String
    public let columns: String
    public let column: String
    public let scale: String
    public let kind: String
    public let label: String
    public let id: String
    public let reverseKeyed: String
    public let satisfiedBand: String
    public let neutralBand: String
    public let dissatisfiedBand: String
    public let noAnswer: String
    public let dontKnow: String
    public let notApplicable: String
    public let emptyCell: String
    public let options: String
    public let values: String
    public let respondent: String
    public let wave: String
    public let groups: String
    public let weight: String
    public let strata: String
    public let cluster: String
    public let fpc: String
    public let required: String
    public let optional: String
    public let level: String
    public let interval: String
    public let minValidN: String
    public let disclosureThreshold: String
    public let maxIntervalWidth: String
    public let criteria: String
    public let aggregates: String
    public let aggregate: String

    /// The words for `language`: Vietnamese for `vi`, English otherwise.
    public static func forLanguage(_ language: String) -> UIText {
        language == "vi" ? .vietnamese : .english
    }

    /// The name of an index measure.
    public func measure(_ raw: String) -> String {
        switch (language, raw) {
        case ("vi", "share"): "tỷ lệ hài lòng (tỷ lệ câu trả lời thuộc nhóm hài lòng)"
        case ("vi", "mean"): "điểm trung bình"
        case ("vi", "score100"): "điểm trung bình quy về thang 0–100"
        case (_, "share"): "share satisfied (share of answers in the satisfied band)"
        case (_, "mean"): "mean score"
        case (_, "score100"): "mean score rescaled to 0–100"
        default: raw
        }
    }

    /// The name of a rule combining children into a parent.
    public func combine(_ raw: String) -> String {
        switch (language, raw) {
        case ("vi", "meanOfChildren"): "trung bình cộng các thành phần"
        case ("vi", "pooled"): "gộp chung mọi câu trả lời"
        case ("vi", "meanOfRespondents"): "trung bình điểm của từng người trả lời"
        case (_, "meanOfChildren"): "mean of its parts"
        case (_, "pooled"): "pooled over all answers"
        case (_, "meanOfRespondents"): "mean of each respondent's own score"
        default: raw
        }
    }

    /// The name of a question kind.
    public func questionKind(_ raw: String) -> String {
        switch (language, raw) {
        case ("vi", "overall"): "hài lòng chung"
        case ("vi", "evaluation"): "đánh giá"
        case ("vi", "expectation"): "mong đợi"
        case ("vi", "screener"): "sàng lọc"
        case ("vi", "multiSelect"): "nhiều lựa chọn"
        case ("vi", "text"): "ý kiến tự do"
        case ("vi", "demographic"): "nhân khẩu học"
        case (_, "overall"): "overall satisfaction"
        case (_, "multiSelect"): "multiple choice"
        case (_, "text"): "free text"
        default: raw
        }
    }

    public static let vietnamese = UIText(
        language: "vi", languages: "Ngôn ngữ", defaultLanguage: "mặc định",
        indexRules: "Quy tắc tính chỉ số", indicatorTree: "Cây chỉ số",
        otherQuestions: "Các câu hỏi khác", scales: "Thang đo", columns: "Các cột dữ liệu",
        column: "cột", scale: "thang đo", kind: "loại", label: "nội dung", id: "mã",
        reverseKeyed: "đảo chiều", satisfiedBand: "hài lòng", neutralBand: "bình thường",
        dissatisfiedBand: "không hài lòng", noAnswer: "không trả lời", dontKnow: "không biết",
        notApplicable: "không áp dụng", emptyCell: "ô trống", options: "lựa chọn",
        values: "giá trị", respondent: "mã người trả lời", wave: "đợt khảo sát",
        groups: "nhóm", weight: "trọng số", strata: "tầng (strata)", cluster: "cụm (cluster)",
        fpc: "hiệu chỉnh tổng thể hữu hạn", required: "bắt buộc", optional: "không bắt buộc",
        level: "độ tin cậy", interval: "khoảng tin cậy", minValidN: "n hợp lệ tối thiểu",
        disclosureThreshold: "ngưỡng ẩn nhóm nhỏ", maxIntervalWidth: "độ rộng khoảng tối đa",
        criteria: "tiêu chí", aggregates: "nhóm chỉ số", aggregate: "nhóm chỉ số")

    public static let english = UIText(
        language: "en", languages: "Languages", defaultLanguage: "default",
        indexRules: "Index rules", indicatorTree: "Indicator tree",
        otherQuestions: "Other questions", scales: "Scales", columns: "Columns",
        column: "column", scale: "scale", kind: "kind", label: "label", id: "id",
        reverseKeyed: "reverse-keyed", satisfiedBand: "satisfied", neutralBand: "neutral",
        dissatisfiedBand: "dissatisfied", noAnswer: "no answer", dontKnow: "don't know",
        notApplicable: "not applicable", emptyCell: "empty cell", options: "options",
        values: "values", respondent: "respondent id", wave: "wave", groups: "groups",
        weight: "weight", strata: "strata", cluster: "cluster (PSU)",
        fpc: "finite-population correction", required: "required", optional: "optional",
        level: "confidence level", interval: "interval", minValidN: "minimum valid n",
        disclosureThreshold: "disclosure threshold", maxIntervalWidth: "maximum interval width",
        criteria: "criteria", aggregates: "aggregates", aggregate: "aggregate")
}
