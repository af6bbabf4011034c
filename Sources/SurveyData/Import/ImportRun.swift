import SurveySchema

/// One pass over one file: the state the importer keeps between records.
final class ImportRun {
    let survey: Survey
    let options: ImportOptions
    let file: String

    private var plan: ImportPlan!
    private var headerCount = 0
    private var headerEffective = 0

    // Accepted columns.
    private var lineNumbers: [UInt32] = []
    private var answers: [[AnswerCode]] = []
    private var categories: [[UInt32]] = []
    private var categoryActive: [Bool] = []
    private var selections: [[UInt64]] = []
    private var texts: [[String]] = []
    private var weights: [Double] = []
    private var fpcs: [Double] = []
    private var respondents = ByteTable(capacity: 1024)

    // Scratch for the row being coded.
    private var answerRow: [AnswerCode] = []
    private var categoryRow: [UInt32] = []
    private var selectionRow: [UInt64] = []
    private var weightRow = 0.0
    private var fpcRow = 0.0

    // Counts.
    private var rowsRead = 0
    private var rowsQuarantined = 0
    private var bytes = 0
    private var reasonCounts: [String: (count: Int, lines: [Int], first: Int)] = [:]
    private var unknown: [UnknownKey: Int] = [:]
    private var unknownNotListed = 0
    private var candidates: [String: [String]] = [:]
    private var closestCache: [UnknownKey: String?] = [:]

    private struct UnknownKey: Hashable {
        var column: String
        var value: String
    }

    init(survey: Survey, options: ImportOptions, file: String) {
        self.survey = survey
        self.options = options
        self.file = file
    }

    // MARK: Records

    func take(_ record: CSVRecord) throws {
        if record.index == 0 {
            try begin(header: record.strings, rawHeader: (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) })
            headerCount = record.count
            headerEffective = record.countIgnoringTrailingEmptyFields
            return
        }
        rowsRead += 1
        if options.progress != nil { trackProgress(record) }
        var reasons: [QuarantineReason] = []
        if case let .unterminatedQuote(line)? = record.problem {
            reasons.append(.unterminatedQuote(line: line))
        } else if record.count < headerEffective || record.countIgnoringTrailingEmptyFields > headerCount {
            let fields = record.count < headerEffective ? record.count : record.countIgnoringTrailingEmptyFields
            reasons.append(.raggedRow(fields: fields, expected: headerEffective))
        } else {
            code(record, into: &reasons)
        }
        if reasons.isEmpty, let respondent = plan.respondent {
            let id = CellText.trimmedASCII(record[respondent.field])
            if !id.isEmpty {
                let (first, inserted) = respondents.insertIfAbsent(UInt32(clamping: record.line), for: id)
                if !inserted {
                    reasons.append(.duplicateRespondent(id: CellText.display(id), firstLine: Int(first)))
                }
            }
        }
        if reasons.isEmpty {
            accept(line: record.line)
        } else {
            try quarantine(record, reasons: reasons)
        }
    }

    private func begin(header: [String], rawHeader: [String]) throws(ImportError) {
        let match = try HeaderMatch(header: header, survey: survey, file: file)
        plan = ImportPlan(survey: survey, header: match, options: options)
        answers = Array(repeating: [], count: plan.scales.count)
        answerRow = Array(repeating: .noAnswer, count: plan.scales.count)
        categories = Array(repeating: [], count: plan.categories.count)
        categoryRow = Array(repeating: 0, count: plan.categories.count)
        categoryActive = Array(repeating: true, count: plan.categories.count)
        selections = Array(repeating: [], count: plan.selections.count)
        selectionRow = Array(repeating: 0, count: plan.selections.count)
        texts = Array(repeating: [], count: plan.texts.count)
        absentOptional = match.absentOptional
        for slot in plan.scales { candidates[slot.column] = slot.coder.knownSpellings }
        for slot in plan.categories { if let values = slot.values { candidates[slot.column] = slot.coder.knownSpellings(values) } }
        for slot in plan.selections {
            if let cell = slot.cell { candidates[cell.column] = slot.knownSpellings }
        }
        do {
            try options.quarantine?.begin(header: rawHeader)
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
    }

    private var absentOptional: [String] = []

    private func trackProgress(_ record: CSVRecord) {
        var n = record.count
        for i in 0..<record.count { n += record[i].count }
        bytes += n
        if rowsRead % max(options.progressInterval, 1) == 0 {
            options.progress?(ImportProgress(rows: rowsRead, bytes: bytes, finished: false))
        }
    }

    /// Codes every cell the plan reads into the scratch row; adds a reason for each problem
    /// that quarantines the row.
    private func code(_ record: CSVRecord, into reasons: inout [QuarantineReason]) {
        let keepInvalid = options.invalidCells == .asMissing
        for (i, slot) in plan.scales.enumerated() {
            let cell = record[slot.field]
            let code = slot.coder.code(cell)
            answerRow[i] = code
            if code == .invalid {
                let value = noteUnknown(column: slot.column, cell: cell)
                if !keepInvalid {
                    reasons.append(.invalidAnswer(column: slot.column, value: value, scale: slot.coder.scale.id,
                                                  closest: closest(slot.column, value)))
                }
            }
        }
        for (i, slot) in plan.categories.enumerated() where categoryActive[i] {
            let cell = record[slot.field]
            if slot.emptyIsProblem && CellText.trimmedASCII(cell).isEmpty {
                switch slot.target {
                case .strata, .cluster:
                    reasons.append(.emptyDesignID(column: slot.column, role: slot.noun))
                default:
                    if keepInvalid { categoryRow[i] = slot.coder.missingLevel() } else {
                        reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: "", closest: nil))
                    }
                }
                continue
            }
            var index = slot.coder.code(cell)
            if index == CategoryCoder.unknown {
                let value = noteUnknown(column: slot.column, cell: cell)
                if keepInvalid {
                    index = slot.coder.missingLevel()
                } else {
                    reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: value,
                                                      closest: closest(slot.column, value)))
                }
            }
            categoryRow[i] = index
        }
        for (i, slot) in plan.selections.enumerated() {
            var bits: UInt64 = 0
            if let one = slot.cell {
                let cell = record[one.field]
                bits = one.coder.code(cell)
                if bits == MultiSelectCoder.invalid {
                    let value = noteUnknown(column: one.column, cell: cell)
                    bits = 0
                    if !keepInvalid {
                        let part = one.coder.firstUnknownPart(value) ?? value
                        reasons.append(.invalidSelection(column: one.column, value: part, question: slot.id))
                    }
                }
            }
            for option in slot.options {
                let cell = record[option.field]
                switch option.coder.isChosen(cell) {
                case true?: bits |= 1 << UInt64(option.bit)
                case false?: break
                case nil:
                    let value = noteUnknown(column: option.column, cell: cell)
                    if !keepInvalid {
                        reasons.append(.invalidOptionCell(column: option.column, value: value, question: slot.id, option: option.code))
                    }
                }
            }
            selectionRow[i] = bits
        }
        if let respondent = plan.respondent, CellText.trimmedASCII(record[respondent.field]).isEmpty, !keepInvalid {
            reasons.append(.emptyRespondentID(column: respondent.column))
        }
        if let weight = plan.weight {
            let cell = record[weight.field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                weightRow = value
            } else {
                reasons.append(.invalidWeight(column: weight.column, value: CellText.display(cell)))
            }
        }
        if let fpc = plan.fpc {
            let cell = record[fpc.field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                fpcRow = value
            } else {
                reasons.append(.invalidFPC(column: fpc.column, value: CellText.display(cell)))
            }
        }
        if !plan.texts.isEmpty {
            // Kept only for accepted rows; read again in `accept`.
            textRecord = plan.texts.map { CellText.display(record[$0.field]) }
        }
    }

    private var textRecord: [String] = []

    private func noteUnknown(column: String, cell: UnsafeRawBufferPointer) -> String {
        let value = CellText.display(cell)
        let key = UnknownKey(column: column, value: value)
        if let count = unknown[key] {
            unknown[key] = count + 1
        } else if unknown.count < ImportReport.unknownValuesListed {
            unknown[key] = 1
        } else {
            unknownNotListed += 1
        }
        return value
    }

    private func closest(_ column: String, _ value: String) -> String? {
        let key = UnknownKey(column: column, value: value)
        if let cached = closestCache[key] { return cached }
        let found = Suggestion.closest(to: value, among: candidates[column] ?? [])
        if closestCache.count < 10_000 { closestCache[key] = found }
        return found
    }

    private func accept(line: Int) {
        lineNumbers.append(UInt32(clamping: line))
        for i in answers.indices { answers[i].append(answerRow[i]) }
        for i in categories.indices where categoryActive[i] {
            categories[i].append(categoryRow[i])
            if case .extra = plan.categories[i].target, plan.categories[i].coder.levels.count > options.extraColumnLevelLimit {
                categoryActive[i] = false
                categories[i] = []
            }
        }
        for i in selections.indices { selections[i].append(selectionRow[i]) }
        for i in texts.indices { texts[i].append(textRecord[i]) }
        if plan.weight != nil { weights.append(weightRow) }
        if plan.fpc != nil { fpcs.append(fpcRow) }
    }

    private func quarantine(_ record: CSVRecord, reasons: [QuarantineReason]) throws(ImportError) {
        rowsQuarantined += 1
        let category = reasons[0].category
        var entry = reasonCounts[category] ?? (0, [], reasonCounts.count)
        entry.count += 1
        if entry.lines.count < ImportReport.firstLinesShown { entry.lines.append(record.line) }
        reasonCounts[category] = entry
        guard let sink = options.quarantine else { return }
        let fields = (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) }
        do {
            try sink.write(QuarantinedRow(line: record.line, reasons: reasons, fields: fields))
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
    }

    // MARK: End

    func finish(_ summary: CSVReadSummary) throws(ImportError) -> ImportResult {
        guard plan != nil else { throw .emptyFile(file: file) }
        do {
            try options.quarantine?.finish()
        } catch {
            throw .quarantineFailed(reason: "\(error)")
        }
        options.progress?(ImportProgress(rows: rowsRead, bytes: bytes, finished: true))
        let dataset = makeDataset()
        let report = makeReport(summary, dataset: dataset)
        return ImportResult(dataset: dataset, report: report)
    }

    private func makeDataset() -> SurveyDataset {
        var dataset = SurveyDataset(rowCount: lineNumbers.count, lineNumbers: lineNumbers)
        for (i, slot) in plan.scales.enumerated() { dataset.answers[slot.id] = answers[i] }
        for (i, slot) in plan.selections.enumerated() { dataset.selections[slot.id] = selections[i] }
        for (i, slot) in plan.texts.enumerated() { dataset.texts[slot.id] = texts[i] }
        for (i, slot) in plan.categories.enumerated() where categoryActive[i] {
            switch slot.target {
            case .group(let id):
                dataset.groups[id] = CategoryColumn(id: id, levels: slot.coder.levels, codes: categories[i])
            case .demographic(let id):
                dataset.demographics[id] = CategoryColumn(id: id, levels: slot.coder.levels, codes: categories[i])
            case .strata:
                dataset.strata = CategoryColumn(id: "strata", levels: slot.coder.levels, codes: categories[i])
            case .cluster:
                dataset.clusters = CategoryColumn(id: "cluster", levels: slot.coder.levels, codes: categories[i])
            case .wave:
                dataset.wave = CategoryColumn(id: "wave", levels: slot.coder.levels, codes: categories[i])
            case .extra(let name):
                dataset.extraColumns[name] = CategoryColumn(id: name, levels: slot.coder.levels, codes: categories[i])
            }
        }
        if plan.weight != nil { dataset.weights = weights }
        if plan.fpc != nil { dataset.fpc = fpcs }
        return dataset
    }

    private func makeReport(_ summary: CSVReadSummary, dataset: SurveyDataset) -> ImportReport {
        let reasons = reasonCounts
            .sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
            .map { ImportReport.ReasonCount(reason: $0.key, count: $0.value.count, firstLines: $0.value.lines) }
        let columns = plan.scales.enumerated().map { i, slot in
            var counts = [Int](repeating: 0, count: 256)
            for code in answers[i] { counts[Int(code.rawValue)] += 1 }
            return ImportReport.ColumnCounts(
                column: slot.column, id: slot.id, answered: counts[1...11].reduce(0, +),
                noAnswer: counts[Int(AnswerCode.noAnswer.rawValue)], dontKnow: counts[Int(AnswerCode.dontKnow.rawValue)],
                notApplicable: counts[Int(AnswerCode.notApplicable.rawValue)], invalidAsMissing: counts[Int(AnswerCode.invalid.rawValue)])
        }
        let unknownValues = unknown
            .sorted { ($0.value, $1.key.column, $1.key.value) > ($1.value, $0.key.column, $0.key.value) }
            .map { ImportReport.UnknownValue(column: $0.key.column, value: $0.key.value, count: $0.value,
                                             closest: closest($0.key.column, $0.key.value)) }
        let extras = plan.categories.enumerated().compactMap { i, slot -> ImportReport.ExtraColumn? in
            guard case .extra(let name) = slot.target else { return nil }
            return ImportReport.ExtraColumn(name: name, distinctValues: slot.coder.levels.count, kept: categoryActive[i])
        }
        return ImportReport(
            file: file, survey: "\(survey.id) \(survey.version)", encoding: summary.encoding.rawValue,
            byteOrderMark: summary.hadByteOrderMark, delimiter: summary.delimiter.description,
            invalidCellPolicy: options.invalidCells.rawValue, bytes: summary.bytesRead, rowsRead: rowsRead,
            rowsAccepted: dataset.rowCount, rowsQuarantined: rowsQuarantined, blankLines: summary.blankLines,
            reasons: reasons, columns: columns, unknownValues: unknownValues, unknownCellsNotListed: unknownNotListed,
            extraColumns: extras, absentOptionalColumns: absentOptional)
    }
}
