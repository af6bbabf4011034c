extension BatchCoder {
    /// Codes every cell the plan reads into the row scratch; adds a reason for each problem
    /// that quarantines the row. Invalid cells are counted in `unknown` under either policy.
    @inline(__always)
    func code(_ record: CSVRecord, reasons: inout [QuarantineReason], unknown: inout [UnknownValueKey: Int]) {
        var invalid = false
        // Every field the plan reads lies below the header's effective width, which the caller
        // checked the record reaches: the fields are read without a bounds check each.
        let cells = record.fields
        scaleFields.withUnsafeBufferPointer { fields in
            scaleTables.withUnsafeBufferPointer { tables in
                for i in 0..<fields.count {
                    let cell = cells[fields[i]]
                    // Cells of one or two bytes are looked up untrimmed: the tables are filled
                    // under trimmed spellings only, so a space in such a cell finds `undecided`
                    // and goes the long way, which trims.
                    var code: UInt8
                    switch cell.count {
                    case 0: code = AnswerCode.noAnswer.rawValue
                    case 1: code = tables[i][Int(cell[0])]
                    case 2: code = tables[i][256 + (Int(cell[0]) << 8 | Int(cell[1]))]
                    default: code = ScaleCoder.undecided
                    }
                    if code == ScaleCoder.undecided { code = scaleCoders[i].code(cell).rawValue }
                    rowAnswers[i] = code
                    if code == AnswerCode.invalid.rawValue { invalid = true }
                }
            }
        }
        if invalid { noteInvalidAnswers(record, reasons: &reasons, unknown: &unknown) }
        let keepInvalid = self.keepInvalid
        categoryFields.withUnsafeBufferPointer { fields in
            unownedCategoryCoders.withUnsafeBufferPointer { coders in
                for i in 0..<fields.count where active[i] {
                    let alias = categoryAlias[i]
                    let cell = cells[fields[i]]
                    if alias >= 0 {
                        if CellText.trimmedASCII(cell).isEmpty {
                            categoryProblem(i, record, reasons: &reasons, unknown: &unknown, keepInvalid: keepInvalid)
                        } else {
                            rowCategories[i] = rowCategories[alias]
                        }
                        continue
                    }
                    let index = coders[i]._withUnsafeGuaranteedRef { $0.code(cell) }
                    rowCategories[i] = index
                    // An empty (or all-space) cell is ``CategoryCoder/empty``; outside the
                    // dictionary, ``CategoryCoder/unknown``: both take the slow path.
                    if index >= CategoryCoder.empty {
                        categoryProblem(i, record, reasons: &reasons, unknown: &unknown, keepInvalid: keepInvalid)
                    }
                }
            }
        }
        for i in 0..<selectionFields.count {
            if let coder = unownedSelectionCoders[i] {
                let bits = coder._withUnsafeGuaranteedRef { $0.code(record[selectionFields[i]]) }
                rowSelections[i] = bits
                if bits == MultiSelectCoder.invalid { codeSelection(i, record, reasons: &reasons, unknown: &unknown) }
            } else {
                codeSelection(i, record, reasons: &reasons, unknown: &unknown)
            }
        }
        if let field = respondentField, !keepInvalid, CellText.trimmedASCII(record[field]).isEmpty {
            reasons.append(.emptyRespondentID(column: plan.respondent!.column))
        }
        if let field = weightField {
            let cell = record[field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                rowWeight = value
            } else {
                reasons.append(.invalidWeight(column: plan.weight!.column, value: CellText.shown(cell)))
            }
        }
        if let field = fpcField {
            let cell = record[field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                rowFPC = value
            } else {
                reasons.append(.invalidFPC(column: plan.fpc!.column, value: CellText.shown(cell)))
            }
        }
        if !rowTexts.isEmpty {
            for (i, text) in plan.texts.enumerated() { rowTexts[i] = CellText.display(record[text.field]) }
        }
    }
    private func note(_ column: String, _ cell: UnsafeRawBufferPointer, _ unknown: inout [UnknownValueKey: Int]) -> String {
        let value = CellText.shown(cell)
        unknown[UnknownValueKey(column: column, value: value), default: 0] += 1
        return value
    }

    /// The slow path of a row with invalid answers: count them and give the reasons.
    private func noteInvalidAnswers(_ record: CSVRecord, reasons: inout [QuarantineReason], unknown: inout [UnknownValueKey: Int]) {
        for (i, slot) in plan.scales.enumerated() where rowAnswers[i] == AnswerCode.invalid.rawValue {
            let value = note(slot.column, record[slot.field], &unknown)
            if options.invalidCells == .quarantineRow {
                reasons.append(.invalidAnswer(column: slot.column, value: value, scale: slot.coder.scale.id,
                                              closest: closest(slot.column, value)))
            }
        }
    }

    /// The slow path of a categorical cell that is empty or outside its dictionary.
    private func categoryProblem(_ i: Int, _ record: CSVRecord, reasons: inout [QuarantineReason],
                                 unknown: inout [UnknownValueKey: Int], keepInvalid: Bool) {
        let slot = plan.categories[i]
        let cell = record[slot.field]
        if CellText.trimmedASCII(cell).isEmpty {
            if !slot.emptyIsProblem {
                // An unanswered demographic, an empty extra cell: the level "".
                rowCategories[i] = slot.coder.hasDictionary ? slot.coder.missingLevel() : slot.coder.code(text: "")
                return
            }
            switch slot.target {
            case .strata, .cluster:
                reasons.append(.emptyDesignID(column: slot.column, role: slot.noun))
            default:
                if keepInvalid {
                    rowCategories[i] = slot.coder.missingLevel()
                } else {
                    reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: "", closest: nil))
                }
            }
            return
        }
        let value = note(slot.column, cell, &unknown)
        if keepInvalid {
            rowCategories[i] = slot.coder.missingLevel()
        } else {
            reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: value,
                                              closest: closest(slot.column, value)))
        }
    }

    /// The slow path of a multi-select question: the per-option shape, or an invalid cell.
    private func codeSelection(_ i: Int, _ record: CSVRecord, reasons: inout [QuarantineReason],
                               unknown: inout [UnknownValueKey: Int]) {
        let slot = plan.selections[i]
        var bits: UInt64 = 0
        if let one = slot.cell {
            let cell = record[one.field]
            bits = one.coder.code(cell)
            if bits == MultiSelectCoder.invalid {
                let value = note(one.column, cell, &unknown)
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
                let value = note(option.column, cell, &unknown)
                if !keepInvalid {
                    reasons.append(.invalidOptionCell(column: option.column, value: value, question: slot.id, option: option.code))
                }
            }
        }
        rowSelections[i] = bits
    }
}
