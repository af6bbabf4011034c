// Fuzz target: the cell coders (SurveyData/Coding) and the importer that drives them
// (SurveyData/Import), on the small survey of Tests/Fixtures/import/survey.json5 (copied below).
//
// The first byte of the input chooses what the rest is:
//   0  one cell for the 5-point scale coder (codes, labels in vi/en, missing codes);
//   1  one cell for the group coder with a dictionary (HT/DD) and for one without;
//   2  one cell for the one-cell multi-select coder (`tv;web`) and an option-column coder;
//   3  one cell for the number reader (weights);
//   4+ data rows after the fixture's header, imported under both invalid-cell policies.
//
// Oracles: a coder gives the same answer for the same bytes the first time (decided as text)
// and the second (from its byte table); the number reader agrees with Double(String) on plain
// decimals; an import reconciles: rows read = accepted + quarantined. A difference traps.
// Built and run by scripts/fuzz.sh.
import Foundation
import SurveySchema
@testable import SurveyData

let surveyText = #"""
{
  format: 1,
  id: "import-test",
  version: "2024",
  title: { vi: "Khảo sát thử", en: "Test survey" },
  languages: ["vi", "en"],
  defaultLanguage: "vi",
  scales: {
    sat5: {
      points: [
        { value: 1, label: { vi: "Rất không hài lòng", en: "Very dissatisfied" } },
        { value: 2, label: { vi: "Không hài lòng", en: "Dissatisfied" } },
        { value: 3, label: { vi: "Bình thường", en: "Neutral" } },
        { value: 4, label: { vi: "Hài lòng", en: "Satisfied" } },
        { value: 5, label: { vi: "Rất hài lòng", en: "Very satisfied" } },
      ],
      satisfied: [4, 5],
      missing: { noAnswer: ["", "99"], dontKnow: ["98", "Không biết"], notApplicable: ["97", "KAD"] },
    },
  },
  indicators: [
    { id: "access", label: { vi: "Tiếp cận", en: "Access" }, children: [
      { id: "access_signs", column: "b1_1", scale: "sat5", label: { vi: "Biển chỉ dẫn", en: "Signs" } },
      { id: "access_seating", column: "b1_2", scale: "sat5", label: { vi: "Chỗ ngồi", en: "Seating" } },
    ] },
    { id: "staff", label: { vi: "Công chức", en: "Civil servants" }, children: [
      { id: "staff_polite", column: "b3_1", scale: "sat5", label: { vi: "Lịch sự", en: "Polite" } },
    ] },
  ],
  questions: [
    { id: "overall_sat", kind: "overall", column: "q_overall", scale: "sat5",
      label: { vi: "Hài lòng chung", en: "Overall satisfaction" } },
    { id: "channels", kind: "multiSelect", column: "kenh", separator: ";",
      label: { vi: "Kênh thông tin", en: "Channels" },
      options: [
        { code: "tv", label: { vi: "Truyền hình", en: "Television" } },
        { code: "radio", label: { vi: "Phát thanh", en: "Radio" } },
        { code: "web", label: { vi: "Trang web", en: "Website" } },
      ] },
    { id: "apply", kind: "multiSelect", label: { vi: "Nộp hồ sơ", en: "How applied" },
      options: [
        { code: "desk", column: "nop_tructiep", label: { vi: "Trực tiếp", en: "At the desk" } },
        { code: "online", column: "nop_tructuyen", label: { vi: "Trực tuyến", en: "Online" } },
      ] },
    { id: "comment", kind: "text", column: "y_kien", label: { vi: "Ý kiến", en: "Comment" } },
    { id: "sex", kind: "demographic", column: "gioi_tinh", label: { vi: "Giới tính", en: "Sex" },
      values: [
        { code: "1", label: { vi: "Nam", en: "Male" } },
        { code: "2", label: { vi: "Nữ", en: "Female" } },
      ] },
  ],
  columns: {
    respondent: "ma_phieu",
    groups: [
      { id: "service", column: "dich_vu", label: { vi: "Dịch vụ", en: "Service" },
        values: [
          { code: "HT", label: { vi: "Hộ tịch", en: "Civil registration" } },
          { code: "DD", label: { vi: "Đất đai", en: "Land" } },
        ] },
      { id: "province", column: "tinh", label: { vi: "Tỉnh", en: "Province" } },
    ],
    design: { weight: "w", strata: "tinh", cluster: "xa" },
  },
}
"""#

let header = Array("ma_phieu,dich_vu,tinh,xa,w,b1_1,b1_2,b3_1,q_overall,kenh,nop_tructiep,nop_tructuyen,y_kien,gioi_tinh\n".utf8)

let survey: Survey = {
    do {
        return try Survey(json5: Data(surveyText.utf8), fileName: "survey.json5")
    } catch {
        fatalError("the fuzz target's survey does not load: \(error)")
    }
}()
let channels = survey.question(id: "channels")!
let apply = survey.question(id: "apply")!
let serviceValues = survey.columns.groups.first { $0.id == "service" }!.values!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let mode = input[0]
    let cell = UnsafeRawBufferPointer(rebasing: input[1...])
    switch mode {
    case 0:
        let coder = ScaleCoder(scale: survey.scale(id: "sat5")!)
        let first = coder.code(cell)
        let again = coder.code(cell)
        precondition(first == again, "scale coder: \(first) then \(again) for the same bytes")
        let text = coder.code(text: String(decoding: CellText.trimmedASCII(cell), as: UTF8.self))
        precondition(first == text, "scale coder: bytes give \(first), text gives \(text)")
    case 1:
        for coder in [CategoryCoder(values: serviceValues), CategoryCoder()] {
            let first = coder.code(cell)
            let again = coder.code(cell)
            precondition(first == again, "category coder: \(first) then \(again) for the same bytes")
            if first == CategoryCoder.empty {
                // Only a cell of spaces and tabs is "empty" (the importer decides what it means).
                precondition(CellText.trimmedASCII(cell).isEmpty, "category coder: non-empty cell coded as empty")
            } else if first != CategoryCoder.unknown {
                precondition(Int(first) < coder.levels.count)
            }
        }
    case 2:
        let coder = MultiSelectCoder(options: channels.options, separator: channels.separator ?? ";")
        let first = coder.code(cell)
        let again = coder.code(cell)
        precondition(first == again, "multi-select coder: \(first) then \(again) for the same bytes")
        precondition(first == MultiSelectCoder.invalid || first < 1 << channels.options.count,
                     "multi-select coder: bits \(first) beyond \(channels.options.count) options")
        _ = coder.firstUnknownPart(String(decoding: cell, as: UTF8.self))
        _ = OptionColumnCoder(option: apply.options[0]).isChosen(cell)
    case 3:
        let value = NumberParsing.double(cell)
        let text = String(decoding: CellText.trimmedASCII(cell), as: UTF8.self)
        // Cells over 64 characters are not numbers by satkit's limit (docs/robustness.md).
        if text.utf8.count <= 64, isPlainDecimal(text), let expected = Double(text), expected.isFinite {
            precondition(value == expected, "number reader: \(text) gives \(String(describing: value)), Double gives \(expected)")
        }
        if let value { precondition(value.isFinite, "number reader: \(text) gives \(value)") }
    default:
        let bytes = header + Array(cell)
        for policy in InvalidCellPolicy.allCases {
            let importer = SurveyImporter(survey: survey, options: ImportOptions(invalidCells: policy, chunkSize: 64))
            do {
                let result = try importer.importBytes(bytes, name: "fuzz.csv")
                let report = result.report
                precondition(report.rowsRead == report.rowsAccepted + report.rowsQuarantined,
                             "import: \(report.rowsRead) rows read, \(report.rowsAccepted) accepted, \(report.rowsQuarantined) quarantined")
                _ = report.text
            } catch {
                _ = error.description
            }
        }
    }
    return 0
}

/// `[+-]?digits(.digits)?`: the numbers the reader converts itself rather than by `Double`.
func isPlainDecimal(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
}
