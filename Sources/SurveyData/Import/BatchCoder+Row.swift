extension BatchCoder {
    /// Codes every cell the plan reads into `row`; adds a reason for each problem that
    /// quarantines the row. Invalid cells are counted in `unknown` under either policy.
    func code(_ record: CSVRecord, into row: inout RowScratch, reasons: inout [QuarantineReason],
              unknown: inout [UnknownValueKey: Int]) {
        let keepInvalid = options.invalidCells == .asMissing
        func note(_ column: String, _ cell: UnsafeRawBufferPointer) -> String {
            let value = CellText.display(cell)
            let key = UnknownValueKey(column: column, value: value)
            if let count = unknown[key] {
                unknown[key] = count + 1
            } else {
                unknown[key] = 1
            }
            return value
        }
        for (i, slot) in plan.scales.enumerated() {
            let cell = record[slot.field]
            let code = slot.coder.code(cell)
            row.answers[i] = code
            if code == .invalid {
                let value = note(slot.column, cell)
                if !keepInvalid {
                    reasons.append(.invalidAnswer(column: slot.column, value: value, scale: slot.coder.scale.id,
                                                  closest: closest(slot.column, value)))
                }
            }
        }
        for (i, slot) in plan.categories.enumerated() where active[i] {
            let cell = record[slot.field]
            if slot.emptyIsProblem && CellText.trimmedASCII(cell).isEmpty {
                switch slot.target {
                case .strata, .cluster:
                    reasons.append(.emptyDesignID(column: slot.column, role: slot.noun))
                default:
                    if keepInvalid {
                        row.categories[i] = slot.coder.missingLevel()
                    } else {
                        reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: "", closest: nil))
                    }
                }
                continue
            }
            var index = slot.coder.code(cell)
            if index == CategoryCoder.unknown {
                let value = note(slot.column, cell)
                if keepInvalid {
                    index = slot.coder.missingLevel()
                } else {
                    reasons.append(.unknownGroupValue(column: slot.column, group: slot.noun, value: value,
                                                      closest: closest(slot.column, value)))
                }
            }
            row.categories[i] = index
        }
        for (i, slot) in plan.selections.enumerated() {
            var bits: UInt64 = 0
            if let one = slot.cell {
                let cell = record[one.field]
                bits = one.coder.code(cell)
                if bits == MultiSelectCoder.invalid {
                    let value = note(one.column, cell)
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
                    let value = note(option.column, cell)
                    if !keepInvalid {
                        reasons.append(.invalidOptionCell(column: option.column, value: value, question: slot.id, option: option.code))
                    }
                }
            }
            row.selections[i] = bits
        }
        if let respondent = plan.respondent, CellText.trimmedASCII(record[respondent.field]).isEmpty, !keepInvalid {
            reasons.append(.emptyRespondentID(column: respondent.column))
        }
        if let weight = plan.weight {
            let cell = record[weight.field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                row.weight = value
            } else {
                reasons.append(.invalidWeight(column: weight.column, value: CellText.display(cell)))
            }
        }
        if let fpc = plan.fpc {
            let cell = record[fpc.field]
            if let value = NumberParsing.double(cell), value > 0, value.isFinite {
                row.fpc = value
            } else {
                reasons.append(.invalidFPC(column: fpc.column, value: CellText.display(cell)))
            }
        }
        for (i, text) in plan.texts.enumerated() { row.texts[i] = CellText.display(record[text.field]) }
    }
}
