import Foundation
import SurveySchema

/// What one worker made of one batch of records: the coded columns of the rows it would
/// accept, and the rows it quarantined. The batch's categorical codes index the worker's own
/// levels; ``ImportRun`` maps them to the file's levels and checks respondent ids across
/// batches, in file order.
struct BatchResult: Sendable {
    /// Which ``BatchCoder`` made it.
    var coder: Int
    var rowsRead = 0
    /// Field bytes plus one per field, when progress is tracked.
    var bytes = 0
    var lineNumbers: [UInt32] = []
    var answers: [[AnswerCode]]
    var categories: [[UInt32]]
    /// Per category slot, the worker's levels when the batch ended (a worker may have coded
    /// a batch whose result was thrown away, so levels are not only this batch's).
    var levels: [[String]]
    var selections: [[UInt64]]
    var texts: [[String]]
    var weights: [Double] = []
    var fpcs: [Double] = []
    /// The respondent id of each row in ``lineNumbers``, as bytes; row `i` is
    /// `ids[idEnds[i - 1] ..< idEnds[i]]`.
    var ids: [UInt8] = []
    var idEnds: [UInt32] = []
    /// Quarantined rows, in file order.
    var quarantined: [QuarantinedRow] = []
    /// Unknown cell values and how often each was seen.
    var unknown: [UnknownValueKey: Int] = [:]
}

/// A column and a value that could not be coded there.
struct UnknownValueKey: Hashable, Sendable {
    var column: String
    var value: String
}

/// One worker's coders (their lookup tables fill as they go, so each worker has its own) and
/// the coding of a batch of records.
final class BatchCoder {
    let id: Int
    let plan: ImportPlan
    let options: ImportOptions
    let headerCount: Int
    let headerEffective: Int
    /// Category slots still coded (an extra column with too many values is dropped).
    var active: [Bool]
    private var closestCache: [UnknownValueKey: String?] = [:]
    private let candidates: [String: [String]]

    init(id: Int, plan: ImportPlan, options: ImportOptions, headerCount: Int, headerEffective: Int) {
        self.id = id
        self.plan = plan
        self.options = options
        self.headerCount = headerCount
        self.headerEffective = headerEffective
        active = Array(repeating: true, count: plan.categories.count)
        var candidates: [String: [String]] = [:]
        for slot in plan.scales { candidates[slot.column] = slot.coder.knownSpellings }
        for slot in plan.categories { if let values = slot.values { candidates[slot.column] = slot.coder.knownSpellings(values) } }
        for slot in plan.selections { if let cell = slot.cell { candidates[cell.column] = slot.knownSpellings } }
        self.candidates = candidates
    }

    /// The closest known spelling for an unknown value in `column`.
    func closest(_ column: String, _ value: String) -> String? {
        let key = UnknownValueKey(column: column, value: value)
        if let cached = closestCache[key] { return cached }
        let found = Suggestion.closest(to: value, among: candidates[column] ?? [])
        if closestCache.count < 10_000 { closestCache[key] = found }
        return found
    }

    /// Codes every record of `batch`.
    func code(_ batch: CSVRecordBatch) throws -> BatchResult {
        var result = BatchResult(
            coder: id,
            answers: Array(repeating: [], count: plan.scales.count),
            categories: Array(repeating: [], count: plan.categories.count),
            levels: [],
            selections: Array(repeating: [], count: plan.selections.count),
            texts: Array(repeating: [], count: plan.texts.count))
        var row = RowScratch(plan: plan)
        let trackBytes = options.progress != nil
        let keepFields = options.quarantine != nil
        try batch.forEachRecord { record in
            result.rowsRead += 1
            if trackBytes {
                var n = record.count
                for i in 0..<record.count { n += record[i].count }
                result.bytes += n
            }
            var reasons: [QuarantineReason] = []
            if case let .unterminatedQuote(line)? = record.problem {
                reasons.append(.unterminatedQuote(line: line))
            } else if record.count < headerEffective || record.countIgnoringTrailingEmptyFields > headerCount {
                let fields = record.count < headerEffective ? record.count : record.countIgnoringTrailingEmptyFields
                reasons.append(.raggedRow(fields: fields, expected: headerEffective))
            } else {
                code(record, into: &row, reasons: &reasons, unknown: &result.unknown)
            }
            if reasons.isEmpty {
                append(row, line: record.line, to: &result)
                if let respondent = plan.respondent {
                    result.ids.append(contentsOf: CellText.trimmedASCII(record[respondent.field]))
                    result.idEnds.append(UInt32(result.ids.count))
                }
            } else {
                let fields = keepFields ? (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) } : []
                result.quarantined.append(QuarantinedRow(line: record.line, reasons: reasons, fields: fields))
            }
        }
        result.levels = plan.categories.map(\.coder.levels)
        return result
    }

    /// The coded cells of the row being read.
    struct RowScratch {
        var answers: [AnswerCode]
        var categories: [UInt32]
        var selections: [UInt64]
        var texts: [String]
        var weight = 0.0
        var fpc = 0.0

        init(plan: ImportPlan) {
            answers = Array(repeating: .noAnswer, count: plan.scales.count)
            categories = Array(repeating: 0, count: plan.categories.count)
            selections = Array(repeating: 0, count: plan.selections.count)
            texts = Array(repeating: "", count: plan.texts.count)
        }
    }

    private func append(_ row: RowScratch, line: Int, to result: inout BatchResult) {
        result.lineNumbers.append(UInt32(clamping: line))
        for i in row.answers.indices { result.answers[i].append(row.answers[i]) }
        for i in row.categories.indices where active[i] { result.categories[i].append(row.categories[i]) }
        for i in row.selections.indices { result.selections[i].append(row.selections[i]) }
        for i in row.texts.indices { result.texts[i].append(row.texts[i]) }
        if plan.weight != nil { result.weights.append(row.weight) }
        if plan.fpc != nil { result.fpcs.append(row.fpc) }
    }
}
