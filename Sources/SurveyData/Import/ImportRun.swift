import Foundation
import SurveySchema

/// One pass over one file, on the calling thread: matches the header, hands batches to the
/// workers' ``BatchCoder``s, and merges their results in file order — categorical levels
/// mapped to the file's, respondent ids checked across batches, quarantined rows counted and
/// written in line order.
final class ImportRun {
    let survey: Survey
    let options: ImportOptions
    let file: String
    /// The workers' coders, one per worker: worker `k` codes its batches with coder `k`.
    let coderSet = CoderSet()
    /// Extra columns dropped, shared with the coders.
    let drops = ColumnDrops()
    /// The batches' column blocks, recycled once merged.
    let blocks = BlockPool()

    /// The size of the input when known (a file's, or the bytes in memory): the accepted
    /// columns are sized from it after the first batch (see ``reserve(after:)``).
    var expectedBytes: Int?
    private var reserved = false

    private var plan: ImportPlan?
    private var coders: [BatchCoder] = []
    private var absentOptional: [String] = []

    // Accepted columns.
    private var lineNumbers: [UInt32] = []
    private var answers: [[AnswerCode]] = []
    private var categories: [CategoryCodes] = []
    private var categoryActive: [Bool] = []
    /// For a slot whose coder (so whose codes, row for row) an earlier slot shares, that
    /// slot's index, else -1: a stratum or cluster column that is also a grouping column.
    /// Its codes are not stored twice; the dataset's column shares the other's storage.
    private var categoryAlias: [Int] = []
    /// Per category slot, whether its codes are stored (see ``ImportOptions/onlyGroupings``;
    /// a slot that another slot aliases is stored when that one is) and whether its column goes
    /// into the dataset.
    private var categoryStored: [Bool] = []
    private var categoryPublished: [Bool] = []
    /// Whether the line numbers are kept (not with ``ImportOptions/onlyGroupings``).
    private var keepsLines = true
    private var levels: [[String]] = []
    /// Per category slot, each level's UTF-8 bytes → its index in `levels`. Levels are NFC
    /// (``CellText/display(_:)``), and NFC strings are equal exactly when their bytes are: this
    /// is the `String`-keyed map without hashing a `String` (which normalizes) per level.
    private var levelIndex: [ByteTable] = []
    /// Per coder, per category slot: the worker's level index → the file's.
    private var localToGlobal: [[[UInt32]]] = []
    /// Per coder, per category slot: whether its map is still the identity (the worker's
    /// levels are the file's, in the same order), so that its codes are appended as they are.
    /// Kept as levels are mapped, rather than checked over the whole map at every batch.
    private var identityMap: [[Bool]] = []
    /// Per category slot, the round of the batch whose merge dropped the column (an extra
    /// column with too many values), else `Int.max`. Levels coded in later rounds are not
    /// counted: the count is that of every row coded before the column was dropped.
    private var dropRound: [Int] = []
    private var selections: [[UInt64]] = []
    private var texts: [[String]] = []
    private var weights: [Double] = []
    private var fpcs: [Double] = []
    private var answerCounts: [Int] = []
    private let respondents = RespondentTable()
    /// Rows accepted so far (``lineNumbers`` holds them too, when rows are kept).
    private var acceptedRows = 0
    /// Without ``ImportOptions/keepsRows``: per extra column, which of its levels accepted rows
    /// have (their number is the report's distinct values, as the renumbered column's would be).
    private var usedLevels: [Int: [Bool]] = [:]

    // Counts.
    private var rowsRead = 0
    private var rowsQuarantined = 0
    private var bytes = 0
    private var reasonCounts: [String: (count: Int, lines: [Int], order: Int)] = [:]
    private var unknown: [UnknownValueKey: Int] = [:]
    private var unknownNotListed = 0
    private var nextProgress: Int

    // Quarantined rows waiting to be written: a duplicate's fields are fetched at the end.
    private var waiting: [QuarantinedRow] = []
    private var unfetched: Set<Int> = []

    init(survey: Survey, options: ImportOptions, file: String) {
        self.survey = survey
        self.options = options
        self.file = file
        nextProgress = max(options.progressInterval, 1)
    }

    // MARK: Header

    func header(_ record: CSVRecord) throws {
        let match = try HeaderMatch(header: record.strings, survey: survey, file: file)
        absentOptional = match.absentOptional
        let count = record.count, effective = record.countIgnoringTrailingEmptyFields
        let workers = max(1, min(options.parallelism, 2))
        let plans = (0..<workers).map { _ in ImportPlan(survey: survey, header: match, options: options) }
        drops.reset(count: plans[0].categories.count)
        coders = plans.enumerated().map { id, plan in
            BatchCoder(id: id, plan: plan, options: options, headerCount: count, headerEffective: effective, drops: drops,
                       blocks: blocks)
        }
        let plan = coders[0].plan
        self.plan = plan
        coderSet.coders = coders
        dropRound = Array(repeating: .max, count: plan.categories.count)
        answers = Array(repeating: [], count: plan.scales.count)
        categories = Array(repeating: [], count: plan.categories.count)
        categoryActive = Array(repeating: true, count: plan.categories.count)
        categoryAlias = coders[0].categoryAlias
        projectColumns(plan)
        levels = plan.categories.map(\.coder.levels)
        levelIndex = levels.map { list in
            let table = ByteTable(capacity: max(list.count, 8))
            for (index, level) in list.enumerated() { _ = Self.withBytes(level) { table.insertIfAbsent(UInt32(index), for: $0) } }
            return table
        }
        localToGlobal = coders.map { _ in levels.map { list in list.indices.map(UInt32.init) } }
        identityMap = coders.map { _ in levels.map { _ in true } }
        selections = Array(repeating: [], count: plan.selections.count)
        texts = Array(repeating: [], count: plan.texts.count)
        answerCounts = Array(repeating: 0, count: plan.scales.count * 4)
        do {
            try options.quarantine?.begin(header: (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) })
        } catch {
            throw ImportError.quarantineFailed(reason: "\(error)")
        }
    }

    /// Decides which category slots are stored and published (``ImportOptions/onlyGroupings``).
    private func projectColumns(_ plan: ImportPlan) {
        let count = plan.categories.count
        categoryStored = Array(repeating: true, count: count)
        categoryPublished = Array(repeating: true, count: count)
        guard let wanted = options.onlyGroupings else { return }
        let names = plan.categories.compactMap { slot -> String? in
            switch slot.target {
            case .group(let id): id
            case .extra(let name): name
            default: nil
            }
        }
        guard wanted.isSubset(of: names) else { return }
        keepsLines = false
        for (i, slot) in plan.categories.enumerated() {
            categoryPublished[i] = switch slot.target {
            case .group(let id), .extra(let id): wanted.contains(id)
            case .strata, .cluster, .wave: true
            case .demographic: false
            }
        }
        categoryStored = categoryPublished
        for i in 0..<count where categoryPublished[i] && categoryAlias[i] >= 0 { categoryStored[categoryAlias[i]] = true }
    }

    // MARK: Merging a batch

    func consume(_ batch: BatchResult) throws {
        guard let plan else { return }
        if !reserved { reserve(after: batch) }
        rowsRead += batch.rowsRead
        bytes += batch.bytes

        mapLevels(of: batch)

        try mergeRows(of: batch, plan: plan)
        // No copy of the block's arrays is left here: the worker that takes it next reuses them.
        blocks.give(batch.columns)

        for (key, count) in batch.unknown {
            if let known = unknown[key] {
                unknown[key] = known + count
            } else if unknown.count < ImportReport.unknownValuesListed {
                unknown[key] = count
            } else {
                unknownNotListed += count
            }
        }
        if options.progress != nil, rowsRead >= nextProgress {
            options.progress?(ImportProgress(rows: rowsRead, bytes: bytes, finished: false))
            nextProgress = (rowsRead / max(options.progressInterval, 1) + 1) * max(options.progressInterval, 1)
        }
    }

    /// Checks the batch's respondent ids against the file's (in file order), quarantines its
    /// rows and their duplicates, and appends the rest to the accepted columns.
    private func mergeRows(of batch: BatchResult, plan: ImportPlan) throws {
        var duplicates: [QuarantinedRow] = []
        var keep: [Bool]?
        let columns = batch.columns.storage
        if plan.respondent != nil {
            columns.idHashes.withUnsafeBufferPointer { respondents.touch($0) }
            columns.ids.withUnsafeBytes { ids in
                var start = 0
                for row in columns.idEnds.indices {
                    let end = Int(columns.idEnds[row])
                    defer { start = end }
                    guard end > start else { continue }
                    let id = UnsafeRawBufferPointer(rebasing: ids[start..<end])
                    let line = columns.lineNumbers[row]
                    let (first, inserted) = respondents.insertIfAbsent(line, for: id, hash: columns.idHashes[row])
                    if !inserted {
                        if keep == nil { keep = Array(repeating: true, count: columns.rows) }
                        keep![row] = false
                        let reason = QuarantineReason.duplicateRespondent(id: CellText.shown(id), firstLine: Int(first))
                        duplicates.append(QuarantinedRow(line: Int(line), reasons: [reason], fields: []))
                    }
                }
            }
        }
        try quarantine(merge(batch.quarantined, duplicates), fetching: Set(duplicates.map(\.line)))
        append(batch, keep: keep)
    }

    /// The levels the batch's coder added while coding it, mapped to the file's (in the
    /// order each coder coded its batches, which is file order).
    private func mapLevels(of batch: BatchResult) {
        for i in batch.newLevels.indices {
            precondition(localToGlobal[batch.coder][i].count == batch.levelBase[i], "a coder's batches are merged in order")
            // A column dropped in an earlier round: its later levels are not counted.
            let ignored = batch.round > dropRound[i]
            let table = levelIndex[i]
            for level in batch.newLevels[i] {
                let global: UInt32
                if ignored {
                    global = .max
                } else {
                    let next = UInt32(levels[i].count)
                    global = Self.withBytes(level) { table.insertIfAbsent(next, for: $0) }.value
                    if global == next { levels[i].append(level) }
                }
                if global != UInt32(localToGlobal[batch.coder][i].count) { identityMap[batch.coder][i] = false }
                localToGlobal[batch.coder][i].append(global)
            }
        }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// A batch coded and thrown away (its cut fell inside quotes): only the levels its coder
    /// learnt there are kept, since the coder's later batches number them.
    func discard(_ batch: BatchResult) {
        guard plan != nil else { return }
        mapLevels(of: batch)
        blocks.give(batch.columns)
    }

    /// Sizes the accepted columns for the rows the input should hold, judging by the first
    /// batch's bytes per row (plus a tenth), so that they do not grow by doubling: no copies,
    /// and no moment when a column and its doubled copy are both resident. Pages reserved and
    /// never written cost address space only.
    private func reserve(after batch: BatchResult) {
        guard let expectedBytes, batch.rowsRead >= 100, batch.bytes > 0 else { return }
        reserved = true
        let perRow = Double(batch.bytes) / Double(batch.rowsRead)
        let rows = Int(min(Double(expectedBytes) / perRow * 1.1, Double(UInt32.max))) + 1024
        if plan?.respondent != nil { respondents.reserve(rows) }
        guard options.keepsRows else { return }
        if keepsLines { lineNumbers.reserveCapacity(rows) }
        for i in answers.indices { answers[i].reserveCapacity(rows) }
        for i in categories.indices where categoryAlias[i] < 0 && categoryStored[i] { categories[i].reserveCapacity(rows) }
        for i in selections.indices { selections[i].reserveCapacity(rows) }
        if plan?.weight != nil { weights.reserveCapacity(rows) }
        if plan?.fpc != nil { fpcs.reserveCapacity(rows) }
    }

    /// Two lists of rows, each in line order, as one list in line order.
    private func merge(_ a: [QuarantinedRow], _ b: [QuarantinedRow]) -> [QuarantinedRow] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        return (a + b).sorted { $0.line < $1.line }
    }

    /// Without ``ImportOptions/keepsRows``: marks the levels of extra columns that kept rows
    /// have, and drops an extra column past the level limit as ``append(_:keep:)`` does.
    /// With ``ImportOptions/keepsRows`` it does the same for the extra columns not stored.
    private func countLevels(_ batch: BatchResult, keep: [Bool]?) {
        let columns = batch.columns.storage, rows = columns.rows
        for i in categories.indices where categoryActive[i] && categoryAlias[i] < 0 && !(options.keepsRows && categoryStored[i]) {
            guard case .extra = plan!.categories[i].target else { continue }
            let map = localToGlobal[batch.coder][i]
            let codes = columns.categories.column(i, rows: rows)
            var used = usedLevels[i] ?? []
            if used.count < levels[i].count { used += [Bool](repeating: false, count: levels[i].count - used.count) }
            for row in codes.indices where keep?[row] ?? true { used[Int(map[Int(codes[row])])] = true }
            usedLevels[i] = used
            if levels[i].count > options.extraColumnLevelLimit {
                categoryActive[i] = false
                usedLevels[i] = nil
                dropRound[i] = batch.round
                drops.drop(i, round: batch.round)
            }
        }
    }

    private func append(_ batch: BatchResult, keep: [Bool]?) {
        let columns = batch.columns.storage, rows = columns.rows
        for k in answerCounts.indices { answerCounts[k] += batch.answerCounts[k] }
        if let keep {
            for row in keep.indices where !keep[row] {
                for i in answers.indices {
                    if let kind = BatchCoder.missingKind(AnswerCode(rawValue: columns.answers.column(i, rows: rows)[row])) {
                        answerCounts[i * 4 + kind] -= 1
                    }
                }
            }
        }
        acceptedRows += keep.map { $0.lazy.filter { $0 }.count } ?? rows
        guard options.keepsRows else {
            countLevels(batch, keep: keep)
            return
        }
        /// Appends the kept values of `values` (all of them, without duplicates) to `column`.
        func append<T, U>(_ values: UnsafeBufferPointer<T>, to column: inout [U], _ transform: (T) -> U) {
            if let keep {
                for row in values.indices where keep[row] { column.append(transform(values[row])) }
            } else {
                column.append(contentsOf: values.lazy.map(transform))
            }
        }
        func append<T>(_ values: UnsafeBufferPointer<T>, to column: inout [T]) {
            if keep == nil {
                column.append(contentsOf: values)
            } else {
                append(values, to: &column) { $0 }
            }
        }
        /// Appends the kept codes to a category column, widening it to hold `largest` first.
        func append(_ values: UnsafeBufferPointer<UInt32>, to column: inout CategoryCodes, largest: UInt32,
                    _ transform: (UInt32) -> UInt32) {
            if let keep {
                var kept: [UInt32] = []
                for row in values.indices where keep[row] { kept.append(transform(values[row])) }
                column.append(contentsOf: kept, largest: largest)
            } else {
                withoutActuallyEscaping(transform) { transform in
                    column.append(contentsOf: values.lazy.map(transform), largest: largest)
                }
            }
        }
        if keepsLines { columns.lineNumbers.withUnsafeBufferPointer { append($0, to: &lineNumbers) } }
        if categoryStored.contains(false) { countLevels(batch, keep: keep) }
        for i in answers.indices {
            columns.answers.column(i, rows: rows).withMemoryRebound(to: AnswerCode.self) { append($0, to: &answers[i]) }
        }
        for i in categories.indices where categoryActive[i] && categoryAlias[i] < 0 && categoryStored[i] {
            let map = localToGlobal[batch.coder][i]
            let identity = identityMap[batch.coder][i]
            let codes = columns.categories.column(i, rows: rows)
            // Every global code is below the file's level count so far: the width to hold.
            let largest = UInt32(max(levels[i].count, 1) - 1)
            if identity {
                append(codes, to: &categories[i], largest: largest) { $0 }
            } else {
                map.withUnsafeBufferPointer { map in append(codes, to: &categories[i], largest: largest) { map[Int($0)] } }
            }
            if case .extra = plan!.categories[i].target, levels[i].count > options.extraColumnLevelLimit {
                categoryActive[i] = false
                categories[i] = []
                dropRound[i] = batch.round
                drops.drop(i, round: batch.round)
            }
        }
        for i in selections.indices { append(columns.selections.column(i, rows: rows), to: &selections[i]) }
        for i in texts.indices {
            batch.texts[i].withUnsafeBufferPointer { append($0, to: &texts[i]) }
        }
        if plan!.weight != nil { columns.weights.withUnsafeBufferPointer { append($0, to: &weights) } }
        if plan!.fpc != nil { columns.fpcs.withUnsafeBufferPointer { append($0, to: &fpcs) } }
    }

    private func quarantine(_ rows: [QuarantinedRow], fetching: Set<Int>) throws {
        for row in rows {
            rowsQuarantined += 1
            let category = row.reasons[0].category
            var entry = reasonCounts[category] ?? (0, [], reasonCounts.count)
            entry.count += 1
            if entry.lines.count < ImportReport.firstLinesShown { entry.lines.append(row.line) }
            reasonCounts[category] = entry
        }
        guard options.quarantine != nil else { return }
        waiting.append(contentsOf: rows)
        unfetched.formUnion(fetching)
        try flush()
    }

    /// Writes the waiting rows up to the first whose fields are still to be fetched.
    private func flush() throws {
        guard let sink = options.quarantine else { return }
        var written = 0
        do {
            for row in waiting {
                if unfetched.contains(row.line) { break }
                try sink.write(row)
                written += 1
            }
        } catch {
            throw ImportError.quarantineFailed(reason: "\(error)")
        }
        waiting.removeFirst(written)
    }

    // MARK: End

    /// The lines whose fields the quarantine still needs (duplicate respondents): the caller
    /// reads them from the file again and hands them to ``finish(_:fetched:)``.
    var linesToFetch: Set<Int> { unfetched }

    func finish(_ summary: CSVReadSummary, fetched: [Int: [String]]) throws(ImportError) -> ImportResult {
        guard let plan else { throw .emptyFile(file: file) }
        do {
            for i in waiting.indices where unfetched.contains(waiting[i].line) {
                waiting[i].fields = fetched[waiting[i].line] ?? []
            }
            unfetched = []
            try flush()
            try options.quarantine?.finish()
        } catch let error as ImportError {
            throw error
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
        options.progress?(ImportProgress(rows: rowsRead, bytes: bytes, finished: true))
        let dataset = makeDataset(plan)
        return ImportResult(dataset: dataset, report: makeReport(summary, plan: plan, dataset: dataset))
    }

    private func makeDataset(_ plan: ImportPlan) -> SurveyDataset {
        guard options.keepsRows else { return SurveyDataset() }
        var dataset = SurveyDataset(rowCount: acceptedRows, lineNumbers: lineNumbers)
        for (i, slot) in plan.scales.enumerated() { dataset.answers[slot.id] = answers[i] }
        for (i, slot) in plan.selections.enumerated() { dataset.selections[slot.id] = selections[i] }
        for (i, slot) in plan.texts.enumerated() { dataset.texts[slot.id] = texts[i] }
        // Renumbering levels is a pass over each column: the columns are shared between the
        // cores, and each is renumbered in place (the run gives its arrays up, so that the
        // dataset's columns are the same buffers, not copies).
        let active = plan.categories.indices.filter { categoryActive[$0] && categoryAlias[$0] < 0 && categoryStored[$0] }
        let renumbered = Renumbered(active.map { categories[$0] })
        categories = []
        let levels = self.levels
        let keeping = plan.categories.map { $0.coder.hasDictionary ? $0.values?.count ?? 0 : 0 }
        DispatchQueue.concurrentPerform(iterations: active.count) { k in
            let i = active[k]
            var codes = renumbered.take(k)
            let order = Self.renumberInOrderOfAppearance(&codes, levels: levels[i], keeping: keeping[i])
            renumbered.set(k, CategoryColumn(id: "", levels: order, codes: codes))
        }
        var columns: [Int: CategoryColumn] = [:]
        for (k, i) in active.enumerated() { columns[i] = renumbered.columns[k]! }
        for i in plan.categories.indices where categoryActive[i] && categoryAlias[i] >= 0 && categoryPublished[i] {
            columns[i] = columns[categoryAlias[i]]
        }
        for i in plan.categories.indices where categoryActive[i] && categoryPublished[i] {
            var column = columns[i]!
            switch plan.categories[i].target {
            case .group(let id): column.id = id; dataset.groups[id] = column
            case .demographic(let id): column.id = id; dataset.demographics[id] = column
            case .strata: column.id = "strata"; dataset.strata = column
            case .cluster: column.id = "cluster"; dataset.clusters = column
            case .wave: column.id = "wave"; dataset.wave = column
            case .extra(let name): column.id = name; dataset.extraColumns[name] = column
            }
        }
        if plan.weight != nil { dataset.weights = weights }
        if plan.fpc != nil { dataset.fpc = fpcs }
        return dataset
    }

    /// Renumbers `codes` in place so that levels are numbered in order of first appearance
    /// among the accepted rows (how many workers read the file and which rows were
    /// quarantined do not change it), and returns the levels in that order; the first
    /// `keeping` levels (a dictionary's codes) keep their places, and levels no accepted row
    /// has are dropped.
    static func renumberInOrderOfAppearance(_ codes: inout CategoryCodes, levels: [String], keeping: Int) -> [String] {
        var renumber = [UInt32](repeating: .max, count: levels.count)
        var order: [String] = []
        for i in 0..<min(keeping, levels.count) {
            renumber[i] = UInt32(i)
            order.append(levels[i])
        }
        // First appearances, in one read-only pass; then the codes are rewritten in place.
        func scan<T: FixedWidthInteger>(_ codes: UnsafeBufferPointer<T>) {
            renumber.withUnsafeMutableBufferPointer { renumber in
                for code in codes where renumber[Int(code)] == .max {
                    renumber[Int(code)] = UInt32(order.count)
                    order.append(levels[Int(code)])
                }
            }
        }
        codes.withUnsafeBuffer { buffer in
            switch buffer {
            case .uint8(let b): scan(b)
            case .uint16(let b): scan(b)
            case .uint32(let b): scan(b)
            }
        }
        let identity = renumber.indices.allSatisfy { renumber[$0] == UInt32($0) || renumber[$0] == .max }
        if !identity { codes.remap(renumber.map { $0 == .max ? 0 : $0 }, largest: UInt32(max(order.count, 1) - 1)) }
        return order
    }

    private func makeReport(_ summary: CSVReadSummary, plan: ImportPlan, dataset: SurveyDataset) -> ImportReport {
        let reasons = reasonCounts
            .sorted { ($0.value.count, -$0.value.order) > ($1.value.count, -$1.value.order) }
            .map { ImportReport.ReasonCount(reason: $0.key, count: $0.value.count, firstLines: $0.value.lines) }
        let columns = plan.scales.enumerated().map { i, slot in
            let missing = answerCounts[(i * 4)..<(i * 4 + 4)].map { $0 }
            return ImportReport.ColumnCounts(
                column: slot.column, id: slot.id, answered: acceptedRows - missing.reduce(0, +),
                noAnswer: missing[0], dontKnow: missing[1], notApplicable: missing[2], invalidAsMissing: missing[3])
        }
        let coder = coders[0]
        let unknownValues = unknown
            .sorted { ($0.value, $1.key.column, $1.key.value) > ($1.value, $0.key.column, $0.key.value) }
            .map { ImportReport.UnknownValue(column: $0.key.column, value: $0.key.value, count: $0.value,
                                             closest: coder.closest($0.key.column, $0.key.value)) }
        let extras = plan.categories.enumerated().compactMap { i, slot -> ImportReport.ExtraColumn? in
            guard case .extra(let name) = slot.target else { return nil }
            return ImportReport.ExtraColumn(name: name, distinctValues: dataset.extraColumns[name]?.levels.count
                                                ?? usedLevels[i].map { $0.lazy.filter { $0 }.count } ?? levels[i].count,
                                            kept: categoryActive[i])
        } + plan.notKeptExtras.map { ImportReport.ExtraColumn(name: $0, distinctValues: 0, kept: false) }
        return ImportReport(
            file: file, survey: "\(survey.id) \(survey.version)", encoding: summary.encoding.rawValue,
            byteOrderMark: summary.hadByteOrderMark, delimiter: summary.delimiter.description,
            invalidCellPolicy: options.invalidCells.rawValue, bytes: summary.bytesRead, rowsRead: rowsRead,
            rowsAccepted: acceptedRows, rowsQuarantined: rowsQuarantined, blankLines: summary.blankLines,
            reasons: reasons, columns: columns, unknownValues: unknownValues, unknownCellsNotListed: unknownNotListed,
            extraColumns: extras, absentOptionalColumns: absentOptional)
    }
}

/// Columns renumbered on several threads, each taking its own slot's column out and putting
/// it back renumbered.
private final class Renumbered: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: [CategoryCodes]
    private(set) var columns: [CategoryColumn?]

    init(_ inputs: [CategoryCodes]) {
        self.inputs = inputs
        columns = Array(repeating: nil, count: inputs.count)
    }

    /// Column `k`, now held by the caller alone.
    func take(_ k: Int) -> CategoryCodes {
        lock.lock()
        defer { lock.unlock() }
        let column = inputs[k]
        inputs[k] = []
        return column
    }

    func set(_ k: Int, _ column: CategoryColumn) {
        lock.lock()
        columns[k] = column
        lock.unlock()
    }
}

/// The workers' coders, set once the header is read; worker `k` codes with `coders[k]`.
final class CoderSet: @unchecked Sendable {
    var coders: [BatchCoder] = []

    func code(_ batch: CSVRecordBatch) throws -> BatchResult {
        try coders[batch.worker].code(batch)
    }
}

/// The round in which each category slot was dropped (`Int.max`: kept), written by the
/// merge and read by the coders at the start of each batch: a batch of a later round does
/// not code the column. A coder may start a round before the merge of the round before has
/// decided; what it codes then is not counted (``ImportRun`` ignores levels of later rounds),
/// so the result does not depend on timing.
final class ColumnDrops: @unchecked Sendable {
    private let lock = NSLock()
    private var rounds: [Int] = []

    func reset(count: Int) {
        lock.lock()
        rounds = Array(repeating: .max, count: count)
        lock.unlock()
    }

    func drop(_ slot: Int, round: Int) {
        lock.lock()
        rounds[slot] = min(rounds[slot], round)
        lock.unlock()
    }

    /// Whether each slot is coded in `round`.
    func active(in round: Int) -> [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return rounds.map { round <= $0 }
    }
}
