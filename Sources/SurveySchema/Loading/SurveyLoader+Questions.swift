extension SurveyLoader {
    /// Reads `questions`: everything that is not a criterion. Absent means none.
    func readQuestions(_ top: Fields) -> [Question]? {
        guard let entries = top.list("questions") else { return top.has("questions") ? nil : [] }
        var questions: [Question] = []
        var valid = true
        for (value, path) in entries {
            if let question = readQuestion(value, at: path) {
                questions.append(question)
            } else {
                valid = false
            }
        }
        return valid ? questions : nil
    }

    private func readQuestion(_ value: JSONValue, at path: SurveyPath) -> Question? {
        guard let fields = reader.object(value, at: path, keys: SurveyFormat.question) else { return nil }
        let id = fields.id()
        if let id { register(id: id, at: path.appending("id")) }
        let kind = fields.name("kind", as: QuestionKind.self, kind: "question kind", required: true)
        let label = fields.text("label")
        let continues = fields.id("continues", required: false)
        let comparable = fields.bool("comparable")
        guard let kind else { return nil }

        let allowed = SurveyFormat.keys(for: kind)
        for key in SurveyFormat.question.keys where fields.has(key) && !allowed.contains(key) {
            reader.report(.keyNotApplicable(key, reason: "does not apply to a question of kind \"\(kind.rawValue)\""), at: path.appending(key))
        }
        var valid = id != nil && label != nil
            && fields.has("continues") == (continues != nil) && fields.has("comparable") == (comparable != nil)
            && fields.values.keys.allSatisfy { allowed.contains($0) }

        var column: String?
        var scale: String?
        var options: [Option] = []
        var separator: String?
        var values: [CodeLabel]?
        switch kind {
        case .overall, .evaluation, .expectation, .screener:
            column = self.column(fields, required: true)
            scale = scaleReference(fields, required: true)
            valid = valid && column != nil && scale != nil
        case .text, .demographic:
            column = self.column(fields, required: true)
            valid = valid && column != nil
            if kind == .demographic, fields.has("values") {
                values = codeLabels(fields, "values")
                valid = valid && values != nil
            }
        case .multiSelect:
            column = self.column(fields, required: false)
            valid = valid && fields.has("column") == (column != nil)
            if column != nil {
                separator = fields.string("separator") ?? SurveyFormat.defaultSeparator
            } else if fields.has("separator") {
                reader.report(.keyNotApplicable("separator", reason: "applies only to a multiSelect question with one \"column\""), at: path.appending("separator"))
                valid = false
            }
            if let read = readOptions(fields, questionID: id ?? "", questionHasColumn: fields.has("column")) {
                options = read
            } else {
                valid = false
            }
        }
        guard valid, let id, let label else { return nil }
        return Question(
            id: id, kind: kind, label: label, column: column, scale: scale, options: options,
            separator: separator, values: values, continues: continues, comparable: comparable ?? true)
    }

    private func readOptions(_ fields: Fields, questionID: String, questionHasColumn: Bool) -> [Option]? {
        guard let entries = fields.list("options", required: true, nonEmpty: true) else { return nil }
        var options: [Option] = []
        var codes: [String: SurveyPath] = [:]
        var valid = !entries.isEmpty
        var parsed: [(Fields, SurveyPath)] = []
        for (value, path) in entries {
            guard let option = reader.object(value, at: path, keys: SurveyFormat.option) else {
                valid = false
                continue
            }
            parsed.append((option, path))
        }
        let withColumns = parsed.filter { $0.0.has("column") }.count
        if questionHasColumn, withColumns > 0 {
            reader.report(.questionAndOptionColumns(questionID), at: fields.path)
            valid = false
        } else if !questionHasColumn, withColumns == 0, !parsed.isEmpty {
            reader.report(.multiSelectWithoutColumns(questionID), at: fields.path)
            valid = false
        }
        for (option, path) in parsed {
            let code = option.string("code", required: true)
            if let code {
                if let first = codes[code] {
                    reader.report(.duplicateEntry(code, firstAt: first), at: path.appending("code"))
                    valid = false
                } else {
                    codes[code] = path.appending("code")
                }
            }
            let label = option.text("label")
            var column: String?
            if !questionHasColumn, withColumns > 0 {
                if option.has("column") {
                    column = self.column(option, required: true)
                    valid = valid && column != nil
                } else {
                    reader.report(.optionWithoutColumn, at: path)
                    valid = false
                }
            }
            guard let code, let label else {
                valid = false
                continue
            }
            options.append(Option(code: code, label: label, column: column))
        }
        return valid ? options : nil
    }

    /// Reads a code dictionary: a list of `{ code, label }` with unique codes.
    func codeLabels(_ fields: Fields, _ key: String) -> [CodeLabel]? {
        guard let entries = fields.list(key, nonEmpty: true) else { return nil }
        var result: [CodeLabel] = []
        var codes: [String: SurveyPath] = [:]
        var valid = !entries.isEmpty
        for (value, path) in entries {
            guard let entry = reader.object(value, at: path, keys: SurveyFormat.codeLabel) else {
                valid = false
                continue
            }
            let code = entry.string("code", required: true)
            let label = entry.text("label")
            if let code {
                if let first = codes[code] {
                    reader.report(.duplicateEntry(code, firstAt: first), at: path.appending("code"))
                    valid = false
                } else {
                    codes[code] = path.appending("code")
                }
            }
            guard let code, let label else {
                valid = false
                continue
            }
            result.append(CodeLabel(code: code, label: label))
        }
        return valid ? result : nil
    }
}
