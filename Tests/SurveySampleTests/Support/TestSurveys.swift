import Foundation
import SurveySchema
import TestSupport

/// Surveys the generator's tests run on.
enum TestSurveys {
    /// A small survey that is not SIPAS: no dictionaries for region, village or service, a
    /// 4-point scale without a midpoint whose favourable band is at the bottom, a
    /// reverse-keyed criterion, a multi-select question with one 0/1 column per option, a
    /// demographic without a dictionary, and every design column, the fpc included.
    static let small = """
    {
      format: 1, id: "small", version: "1",
      title: { en: "A small survey", vi: "Khảo sát nhỏ" },
      languages: ["en", "vi"], defaultLanguage: "en",
      scales: {
        agree5: {
          points: [
            { value: 1, label: { en: "Strongly disagree", vi: "Rất không đồng ý" } },
            { value: 2, label: { en: "Disagree", vi: "Không đồng ý" } },
            { value: 3, label: { en: "Neither", vi: "Trung lập" } },
            { value: 4, label: { en: "Agree", vi: "Đồng ý" } },
            { value: 5, label: { en: "Strongly agree", vi: "Rất đồng ý" } },
          ],
          satisfied: [4, 5],
          missing: { noAnswer: [""], dontKnow: ["8", "Don't know"], notApplicable: ["9"] },
        },
        problems4: {
          points: [
            { value: 1, label: { en: "None", vi: "Không có" } },
            { value: 2, label: { en: "Few", vi: "Ít" } },
            { value: 3, label: { en: "Some", vi: "Một số" } },
            { value: 4, label: { en: "Many", vi: "Nhiều" } },
          ],
          satisfied: [1, 2],
          missing: { noAnswer: [""], dontKnow: ["8"] },
        },
      },
      indicators: [
        { id: "desk", label: { en: "Desk", vi: "Quầy" }, children: [
          { id: "desk_fast", column: "d1", scale: "agree5", label: { en: "Fast", vi: "Nhanh" } },
          { id: "desk_clear", column: "d2", scale: "agree5", label: { en: "Clear", vi: "Rõ" } },
          { id: "desk_rude", column: "d3", scale: "agree5", reverse: true, label: { en: "Rude", vi: "Thô lỗ" } },
        ] },
        { id: "online", label: { en: "Online", vi: "Trực tuyến" }, children: [
          { id: "online_easy", column: "o1", scale: "agree5", label: { en: "Easy", vi: "Dễ" } },
          { id: "online_problems", column: "o2", scale: "problems4", label: { en: "Problems", vi: "Trục trặc" } },
        ] },
      ],
      questions: [
        { id: "overall_q", kind: "overall", column: "q0", scale: "agree5", label: { en: "Overall", vi: "Chung" } },
        { id: "heard", kind: "multiSelect", label: { en: "Heard from", vi: "Nghe từ" }, options: [
          { code: "tv", column: "heard_tv", label: { en: "TV", vi: "TV" } },
          { code: "web", column: "heard_web", label: { en: "Web", vi: "Web" } },
          { code: "friends", column: "heard_friends", label: { en: "Friends", vi: "Bạn bè" } },
        ] },
        { id: "note", kind: "text", column: "note", label: { en: "Note", vi: "Ghi chú" } },
        { id: "age", kind: "demographic", column: "age", label: { en: "Age", vi: "Tuổi" } },
      ],
      columns: {
        respondent: "id", wave: "wave",
        groups: [
          { id: "region", column: "region", label: { en: "Region", vi: "Vùng" } },
          { id: "village", column: "village", label: { en: "Village", vi: "Thôn" } },
          { id: "service", column: "service", label: { en: "Service", vi: "Dịch vụ" } },
          { id: "channel", column: "channel", label: { en: "Channel", vi: "Kênh" }, values: [
            { code: "desk", label: { en: "Desk", vi: "Quầy" } },
            { code: "online", label: { en: "Online", vi: "Trực tuyến" } },
          ] },
        ],
        design: { weight: "w", strata: "region", cluster: "village", fpc: "pop" },
      },
    }
    """

    /// The small survey, loaded.
    static func smallSurvey() throws -> Survey {
        try Survey(json5: Data(small.utf8), fileName: "small.json5")
    }

    /// A bundled survey, e.g. `surveys/sipas.json5`.
    static func bundled(_ relative: String) throws -> Survey {
        try Survey.load(from: TestPaths.file(relative))
    }
}
