import SatisfactionIndex
import SurveyStatistics

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

// MARK: - Analysis output (`satkit analyze`)

extension UIText {
    private func pick(_ vi: String, _ en: String) -> String { language == "vi" ? vi : en }

    public var wholeSample: String { pick("Toàn bộ mẫu", "Whole sample") }
    public var respondents: String { pick("người trả lời", "respondents") }
    public var indexColumn: String { pick("chỉ số", "index") }
    public var validN: String { "n" }
    public var excluded: String { pick("loại trừ", "excluded") }
    public var effectiveN: String { pick("n hiệu dụng", "n eff") }
    public var designEffect: String { "deff" }
    public var confidenceAbbreviation: String { pick("KTC", "CI") }
    public var design: String { pick("Thiết kế mẫu", "Design") }
    public var simpleRandomSample: String { pick("mẫu ngẫu nhiên đơn giản", "simple random sample") }
    public var byGroup: String { pick("Theo", "By") }
    public var groupColumn: String { pick("nhóm", "group") }
    public var groupsWord: String { pick("nhóm", "groups") }
    public var overallIndex: String { pick("chỉ số chung", "overall") }
    public var overallIndexTitle: String { pick("Chỉ số chung", "Overall index") }
    public var columnsKey: String { pick("Cột", "Columns") }
    public var detailElsewhere: String {
        pick("Tiêu chí và câu hỏi khác theo từng nhóm: xem --format json hoặc csv.",
             "Criteria and other questions per group: see --format json or csv.")
    }
    public var rankingTitle: String { pick("Xếp hạng", "Ranking") }
    public var rank: String { pick("hạng", "rank") }
    public var rankInterval: String { pick("khoảng hạng", "rank interval") }
    public var replicates: String { pick("lần lặp bootstrap", "bootstrap replicates") }
    /// How many draws a ranking's intervals come from, by its method.
    public func rankDraws(_ method: RankIntervalMethod) -> String {
        switch method {
        case .bootstrap: replicates
        case .normal: pick("lần rút theo xấp xỉ chuẩn", "normal-approximation draws")
        }
    }
    public var seed: String { "seed" }
    /// What a bootstrap resampled, by its scheme.
    public func resampling(_ scheme: Bootstrap.Scheme) -> String {
        switch scheme {
        case .clusters: pick("lấy mẫu lại theo cụm", "resampling clusters")
        case .respondents: pick("lấy mẫu lại theo người trả lời", "resampling respondents")
        }
    }
    /// A bootstrap run in words, e.g. "1,000 bootstrap replicates, seed 7, resampling
    /// clusters"; `count` formats the number.
    public func bootstrapRun(_ b: BootstrapSettings, count: (Int) -> String) -> String {
        "\(count(b.replicates)) \(replicates), \(seed) \(b.seed), \(resampling(b.scheme))"
    }
    public var bootstrapPercentile: String { pick("phân vị bootstrap", "bootstrap percentile") }
    public var indistinguishable: String {
        pick("không phân biệt được với nhóm liền kề (khoảng hạng chồng nhau)",
             "cannot be told apart from a neighbour (rank intervals overlap)")
    }
    public var reliabilityTitle: String { pick("Độ tin cậy thang đo (Cronbach's alpha)", "Reliability (Cronbach's alpha)") }
    public var itemRest: String { pick("tương quan biến – tổng còn lại", "item-rest correlation") }
    public var prioritiesTitle: String { pick("Ưu tiên cải thiện", "Priorities") }
    public var weakestCriteria: String { pick("Các tiêu chí thấp nhất", "Weakest criteria") }
    public var importancePerformance: String { pick("Tầm quan trọng – mức độ hài lòng", "Importance and performance") }
    public var importance: String { pick("tầm quan trọng", "importance") }
    public var performance: String { pick("kết quả", "performance") }
    public var quadrantColumn: String { pick("khuyến nghị", "quadrant") }
    public var criterionColumn: String { pick("tiêu chí", "criterion") }
    public var flagsTitle: String { pick("Ký hiệu", "Flags") }

    /// What importance is the correlation with, in words.
    public func importanceTarget(_ raw: String, overallLabel: String?) -> String {
        if raw.hasPrefix("overall item"), let overallLabel {
            return pick("tương quan với câu hỏi hài lòng chung “\(overallLabel)”",
                        "correlation with the overall question “\(overallLabel)”")
        }
        return pick("tương quan với điểm trung bình các tiêu chí còn lại của cùng khía cạnh",
                    "correlation with the mean of the other criteria of the same aspect")
    }

    /// The name of an importance–performance quadrant.
    public func quadrant(_ raw: String) -> String {
        switch (language, raw) {
        case ("vi", "concentrateHere"): "tập trung cải thiện"
        case ("vi", "keepUpTheGoodWork"): "duy trì"
        case ("vi", "lowPriority"): "ưu tiên thấp"
        case ("vi", "possibleOverkill"): "có thể dư nguồn lực"
        case (_, "concentrateHere"): "concentrate here"
        case (_, "keepUpTheGoodWork"): "keep up the good work"
        case (_, "lowPriority"): "low priority"
        case (_, "possibleOverkill"): "possible overkill"
        default: raw
        }
    }

    /// A heading for the other questions of one kind.
    public func questionSection(_ raw: String) -> String {
        switch (language, raw) {
        case ("vi", "overall"): "Hài lòng chung"
        case ("vi", "evaluation"): "Đánh giá (tỷ lệ trả lời tích cực)"
        case ("vi", "expectation"): "Mong đợi (tỷ lệ ở hai mức cao nhất)"
        case ("vi", "screener"): "Câu hỏi sàng lọc (tỷ lệ trả lời có)"
        case ("vi", "option"): "Nhiều lựa chọn (tỷ lệ người chọn)"
        case (_, "overall"): "Overall satisfaction"
        case (_, "evaluation"): "Evaluations (share of favourable answers)"
        case (_, "expectation"): "Expectations (share in the top two levels)"
        case (_, "screener"): "Screeners (share answering yes)"
        case (_, "option"): "Multiple choice (share of respondents choosing)"
        default: raw
        }
    }

    /// The sentence explaining one table flag, with the survey's thresholds.
    public func flagExplanation(_ raw: String, minValidN: Int, disclosureThreshold: Int, maxIntervalWidth: Double?) -> String {
        let width = maxIntervalWidth.map { NumberStyle.forLanguage(language).decimal($0 * 100, digits: 0) } ?? "?"
        return switch (language, raw) {
        case ("vi", "belowMinimumN"): "dưới \(minValidN) câu trả lời hợp lệ: không công bố"
        case ("vi", "belowDisclosureThreshold"): "nhóm dưới \(disclosureThreshold) người trả lời: không công bố để bảo vệ người trả lời"
        case ("vi", "lowEffectiveN"): "n hiệu dụng dưới \(minValidN): đọc thận trọng"
        case ("vi", "wideInterval"): "khoảng tin cậy rộng hơn \(width) điểm: đọc thận trọng"
        case ("vi", "shareAtZero"), ("vi", "shareAtOne"): "mọi câu trả lời hợp lệ cùng một phía (0% hoặc 100%)"
        case ("vi", "noValidAnswers"): "không có câu trả lời hợp lệ"
        case ("vi", "partWithoutAnswers"): "một thành phần không có câu trả lời hợp lệ nên không tính được trung bình các thành phần"
        case ("vi", "complementarySuppression"): "ẩn thêm để không thể tính ra một số liệu bị ẩn khác bằng phép trừ"
        case (_, "belowMinimumN"): "fewer than \(minValidN) valid answers: not shown"
        case (_, "belowDisclosureThreshold"): "group of fewer than \(disclosureThreshold) respondents: not shown, to protect respondents"
        case (_, "lowEffectiveN"): "effective n below \(minValidN): read with care"
        case (_, "wideInterval"): "interval wider than \(width) points: read with care"
        case (_, "shareAtZero"), (_, "shareAtOne"): "every valid answer on one side (0% or 100%)"
        case (_, "noValidAnswers"): "no valid answers"
        case (_, "partWithoutAnswers"): "a part has no valid answers, so the mean of the parts has no value"
        case (_, "complementarySuppression"): "hidden so that another hidden number cannot be worked out by subtraction"
        default: raw
        }
    }
}
