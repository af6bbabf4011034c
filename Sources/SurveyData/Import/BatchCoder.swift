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
    /// Field bytes plus one per field.
    var bytes = 0
    /// The accepted rows' columns (a block the merge hands back to the pool once appended).
    var columns: BatchColumns
    /// The round of ``CSVReader/forEachBatch(parallelism:header:process:consume:)`` the batch was coded in.
    var round = 0
    /// Per category slot, the levels the coder added since its last result: its levels
    /// `levelBase[i] ..< levelBase[i] + newLevels[i].count` (a coder's results are merged, or
    /// discarded, in the order it coded them).
    var newLevels: [[String]]
    var levelBase: [Int] = []
    var texts: [[String]]
    /// Per answer column, how many accepted rows hold each kind of missing:
    /// `answerCounts[column * 4 + k]`, `k` as in ``BatchCoder/missingKind(_:)``.
    var answerCounts: [Int] = []
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
///
/// The plan is flattened into arrays of field indices and coders so that the row loop does
/// no reference counting: the hot path for a one- or two-byte answer is one table read.
final class BatchCoder {
    let id: Int
    let plan: ImportPlan
    let options: ImportOptions
    let headerCount: Int
    let headerEffective: Int
    /// Category slots still coded (an extra column with too many values is dropped).
    /// Unchecked exclusivity here and on the row scratch below: a coder is used by one thread
    /// at a time (``CoderPool``), and ``ImportRun`` changes `active` only between batches.
    @exclusivity(unchecked) var active: [Bool]
    /// Per category slot, how many of the coder's levels earlier results have reported.
    private var levelsReported: [Int]
    private let drops: ColumnDrops
    /// Where the batches' column blocks come from (and go back to, once merged).
    private let blocks: BlockPool
    private var closestCache: [UnknownValueKey: String?] = [:]
    private let candidates: [String: [String]]

    let scaleFields: [Int]
    let scaleTables: [UnsafeMutablePointer<UInt8>]
    let scaleCoders: [ScaleCoder]
    let categoryFields: [Int]
    let categoryCoders: [CategoryCoder]
    /// The same coders without reference counting: the plan keeps them alive for as long as
    /// this coder, and the row loop would otherwise retain and release one per cell.
    let unownedCategoryCoders: [Unmanaged<CategoryCoder>]
    /// For a slot whose coder an earlier slot shares, that slot's index; else -1.
    let categoryAlias: [Int]
    let weightField: Int?
    let fpcField: Int?
    let respondentField: Int?
    let keepInvalid: Bool
    /// One-cell multi-select questions: field and coder (nil for the per-option shape).
    let selectionFields: [Int]
    let selectionCoders: [MultiSelectCoder?]
    /// The same coders unretained (kept alive by `selectionCoders`): read once per row each,
    /// without a retain and release.
    let unownedSelectionCoders: [Unmanaged<MultiSelectCoder>?]
    /// The row being coded.
    let rowAnswers: UnsafeMutablePointer<UInt8>
    let rowCategories: UnsafeMutablePointer<UInt32>
    let rowSelections: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) var rowTexts: [String]
    @exclusivity(unchecked) var rowWeight = 0.0
    @exclusivity(unchecked) var rowFPC = 0.0

    init(id: Int, plan: ImportPlan, options: ImportOptions, headerCount: Int, headerEffective: Int,
         drops: ColumnDrops = ColumnDrops(), blocks: BlockPool = BlockPool()) {
        self.id = id
        self.drops = drops
        self.blocks = blocks
        levelsReported = plan.categories.map(\.coder.levels.count)
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
        scaleFields = plan.scales.map(\.field)
        scaleTables = plan.scales.map(\.coder.short)
        scaleCoders = plan.scales.map(\.coder)
        categoryFields = plan.categories.map(\.field)
        categoryCoders = plan.categories.map(\.coder)
        unownedCategoryCoders = plan.categories.map { Unmanaged.passUnretained($0.coder) }
        let coders = plan.categories.map(\.coder)
        categoryAlias = coders.indices.map { i in coders[..<i].firstIndex { $0 === coders[i] } ?? -1 }
        weightField = plan.weight?.field
        fpcField = plan.fpc?.field
        respondentField = plan.respondent?.field
        keepInvalid = options.invalidCells == .asMissing
        selectionFields = plan.selections.map { $0.cell?.field ?? -1 }
        selectionCoders = plan.selections.map { $0.cell?.coder }
        unownedSelectionCoders = selectionCoders.map { $0.map { Unmanaged.passUnretained($0) } }
        rowAnswers = .allocate(capacity: max(plan.scales.count, 1))
        rowCategories = .allocate(capacity: max(plan.categories.count, 1))
        rowSelections = .allocate(capacity: max(plan.selections.count, 1))
        rowTexts = Array(repeating: "", count: plan.texts.count)
    }

    deinit {
        rowAnswers.deallocate()
        rowCategories.deallocate()
        rowSelections.deallocate()
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
    ///
    /// Accepted rows go straight into column-major buffers (one column after another, grown by
    /// doubling), from which the merge appends each column to the file's with one copy: no
    /// row-major staging and no transposition. The buffers are recycled (``BlockPool``).
    func code(_ batch: CSVRecordBatch) throws -> BatchResult {
        let nScales = plan.scales.count, nCategories = plan.categories.count, nSelections = plan.selections.count
        let block = blocks.take(scales: nScales, categories: nCategories, selections: nSelections)
        // Filled as a local (see ``BatchColumns/storage``), put back however this ends.
        var columns = BatchColumns.Storage(scales: 0, categories: 0, selections: 0)
        swap(&columns, &block.storage)
        defer { swap(&columns, &block.storage) }
        var rows = 0
        var result = BatchResult(coder: id, columns: block, round: batch.round, newLevels: [],
                                 texts: Array(repeating: [], count: plan.texts.count))
        let coded = drops.active(in: batch.round)
        if !coded.isEmpty { active = coded }
        let keepFields = options.quarantine != nil
        let hasWeight = plan.weight != nil, hasFPC = plan.fpc != nil
        let rowAnswers = self.rowAnswers, rowCategories = self.rowCategories, rowSelections = self.rowSelections
        try batch.forEachRecord { record in
            result.rowsRead += 1
            result.bytes += record.fieldBytes + record.count
            var reasons: [QuarantineReason] = []
            if case let .unterminatedQuote(line)? = record.problem {
                reasons.append(.unterminatedQuote(line: line))
            } else if record.count < headerEffective || record.countIgnoringTrailingEmptyFields > headerCount {
                let fields = record.count < headerEffective ? record.count : record.countIgnoringTrailingEmptyFields
                reasons.append(.raggedRow(fields: fields, expected: headerEffective))
            } else {
                code(record, reasons: &reasons, unknown: &result.unknown)
            }
            if reasons.isEmpty {
                if rows == columns.capacity { columns.grow(to: max(1024, rows * 2), rows: rows) }
                columns.answers.set(row: rows, from: rowAnswers)
                columns.categories.set(row: rows, from: rowCategories)
                columns.selections.set(row: rows, from: rowSelections)
                rows += 1
                columns.lineNumbers.append(UInt32(clamping: record.line))
                for i in rowTexts.indices { result.texts[i].append(rowTexts[i]) }
                if hasWeight { columns.weights.append(rowWeight) }
                if hasFPC { columns.fpcs.append(rowFPC) }
                if let respondentField {
                    let id = CellText.trimmedASCII(record[respondentField])
                    columns.ids.append(contentsOf: id)
                    columns.idEnds.append(UInt32(columns.ids.count))
                    columns.idHashes.append(ByteTable.hash(id))
                }
            } else {
                let fields = keepFields ? (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) } : []
                result.quarantined.append(QuarantinedRow(line: record.line, reasons: reasons, fields: fields))
            }
        }
        columns.rows = rows
        result.answerCounts = (0..<nScales).flatMap { Self.missingCounts(columns.answers.column($0, rows: rows)) }
        result.levelBase = levelsReported
        result.newLevels = categoryCoders.enumerated().map { i, coder in Array(coder.levels[levelsReported[i]...]) }
        levelsReported = categoryCoders.map(\.levels.count)
        return result
    }

    /// The slot of a code in the four missing counts (no answer, don't know, not applicable,
    /// invalid), or `nil` for a valid answer.
    static func missingKind(_ code: AnswerCode) -> Int? {
        switch code {
        case .noAnswer: 0
        case .dontKnow: 1
        case .notApplicable: 2
        case .invalid: 3
        default: nil
        }
    }

    /// How many of `codes` are each kind of missing, in ``missingKind(_:)`` order. One pass of
    /// comparisons without branches, which the compiler turns into vector code.
    static func missingCounts(_ codes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var none = 0, dontKnow = 0, notApplicable = 0, invalid = 0
        for byte in codes {
            none &+= byte == 0 ? 1 : 0
            dontKnow &+= byte == 0xFD ? 1 : 0
            notApplicable &+= byte == 0xFE ? 1 : 0
            invalid &+= byte == 0xFF ? 1 : 0
        }
        return [none, dontKnow, notApplicable, invalid]
    }
}
