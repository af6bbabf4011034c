import SatisfactionIndex

/// The words of the comparison outputs, in English and Vietnamese.
struct ComparisonWords: Sendable {
    let language: String
    private func pick(_ vi: String, _ en: String) -> String { language == "vi" ? vi : en }

    var title: String { pick("So sánh giữa các đợt", "Comparison of waves") }
    var index: String { pick("Chỉ số", "Index") }
    /// The change column's header: the unit is in the header, not in every cell.
    func change(shares: Bool) -> String {
        shares ? pick("Thay đổi, điểm % (KTC)", "Change, pp (CI)") : pick("Thay đổi, điểm (KTC)", "Change, points (CI)")
    }
    var adjustedP: String { "p*" }
    func adjustedPNote(_ adjustment: String) -> String {
        pick("p*: giá trị p đã hiệu chỉnh đa so sánh (\(adjustment))", "p*: p-value adjusted for multiple comparisons (\(adjustment))")
    }
    var verdictHeader: String { pick("Kết luận", "Verdict") }
    var rank: String { pick("Hạng", "Rank") }
    var suppressed: String { pick("ẩn", "suppressed") }
    var notCompared: String { pick("Không so sánh", "Not compared") }
    var trend: String { pick("Xu hướng tuyến tính", "Linear trend") }
    var slope: String { pick("Độ dốc / năm", "Slope per year") }
    var perUnit: String { pick("mỗi đơn vị thời gian", "per time unit") }
    func byGroup(_ name: String) -> String { pick("Theo \(name)", "By \(name)") }
    func summary(improved: Int, declined: Int, unchanged: Int, notTested: Int, rose: Int, fell: Int) -> String {
        pick("Cải thiện có ý nghĩa: \(improved), giảm có ý nghĩa: \(declined), không thay đổi có ý nghĩa: \(unchanged), không kiểm định: \(notTested) (tăng: \(rose), giảm: \(fell) theo số liệu điểm).",
             "Significantly improved: \(improved), declined: \(declined), no significant change: \(unchanged), not tested: \(notTested) (point estimates rose: \(rose), fell: \(fell)).")
    }
    func range(_ low: String, _ high: String) -> String { pick("Thấp nhất \(low), cao nhất \(high).", "Lowest \(low), highest \(high).") }
    func national(_ from: String, _ to: String, _ change: String) -> String {
        pick("Toàn bộ mẫu: \(from) → \(to) (\(change)).", "Whole sample: \(from) → \(to) (\(change)).")
    }
    var top: String { pick("Cao nhất", "Top") }
    var bottom: String { pick("Thấp nhất", "Bottom") }

    func verdict(_ v: Verdict) -> String {
        switch v {
        case .improved: pick("cải thiện", "improved")
        case .declined: pick("giảm", "declined")
        case .noSignificantChange: pick("không thay đổi đáng kể", "no significant change")
        case .notTested: pick("không kiểm định", "not tested")
        }
    }

    func status(_ s: MatchStatus) -> String {
        switch s {
        case .compared: pick("so sánh", "compared")
        case .added: pick("mới thêm", "added")
        case .dropped: pick("bị bỏ", "dropped")
        case .notComparable: pick("không so sánh được", "not comparable")
        }
    }

}

/// A multiplicity adjustment's name for readers.
struct MultiplicityAdjustmentName: Sendable {
    let raw: String
    func text(_ language: String) -> String {
        switch raw {
        case "holm": "Holm"
        case "benjamini-hochberg": "Benjamini–Hochberg"
        case "bonferroni": "Bonferroni"
        default: language == "vi" ? "không hiệu chỉnh" : "none"
        }
    }
}
