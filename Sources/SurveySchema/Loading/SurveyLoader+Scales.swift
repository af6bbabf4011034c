extension SurveyLoader {
    /// Reads `scales`: an object from scale id to scale.
    func readScales(_ top: Fields) -> [Scale]? {
        guard let value = top.value("scales", required: true) else {
            undeclaredScalesAreUnknown = true
            return nil
        }
        let path = top.path.appending("scales")
        guard case .object(let entries) = value else {
            reader.report(.wrongType(expected: "an object from scale id to scale", found: value.kindName), at: path)
            undeclaredScalesAreUnknown = true
            return nil
        }
        if entries.isEmpty {
            reader.report(.noScales, at: path)
        }
        var valid = true
        var result: [Scale] = []
        for id in entries.keys.sorted() {
            let scalePath = path.appending(id)
            reader.checkID(id, at: scalePath)
            if let scale = readScale(id: id, entries[id]!, at: scalePath) {
                scales[id] = scale
                result.append(scale)
            } else {
                // Keep references to it quiet: the scale is declared, only broken.
                scales[id] = Scale(id: id, points: [], satisfied: [])
                valid = false
            }
        }
        return valid ? result : nil
    }

    private func readScale(id: String, _ value: JSONValue, at path: SurveyPath) -> Scale? {
        guard let fields = reader.object(value, at: path, keys: SurveyFormat.scale) else { return nil }
        let points = readPoints(fields)
        let values = points.map { Set($0.map(\.value)) }
        let minimum = points?.first?.value ?? 0, maximum = points?.last?.value ?? 0

        var bands: [(name: String, values: [(Int, SurveyPath)])] = []
        func band(_ key: String, required: Bool) -> [Int]? {
            guard let entries = fields.ints(key, required: required, nonEmpty: true) else { return nil }
            if let values {
                for (value, entryPath) in entries where !values.contains(value) {
                    reader.report(.valueNotOnScale(value, min: minimum, max: maximum), at: entryPath)
                }
            }
            bands.append((key, entries))
            return entries.map(\.0)
        }
        let satisfied = band("satisfied", required: true)
        let neutral = band("neutral", required: false)
        let dissatisfied = band("dissatisfied", required: false)
        // A value in two bands is reported where it appears the second time.
        var bandOf: [Int: String] = [:]
        for (name, entries) in bands {
            for (value, entryPath) in entries {
                if let first = bandOf[value] {
                    reader.report(.overlappingBands(value: value, first: first, second: name), at: entryPath)
                } else {
                    bandOf[value] = name
                }
            }
        }
        let labels = points.map { Set($0.flatMap { $0.label.byLanguage.values.map { $0.lowercased() } }) }
        let missing = readMissing(fields, pointValues: values, pointLabels: labels)

        guard let points, let satisfied, let missing,
              fields.has("neutral") == (neutral != nil), fields.has("dissatisfied") == (dissatisfied != nil)
        else { return nil }
        return Scale(id: id, points: points, satisfied: satisfied, neutral: neutral, dissatisfied: dissatisfied, missing: missing)
    }

    /// Reads `points`: 2 to 11 points with consecutive increasing whole values.
    private func readPoints(_ fields: Fields) -> [ScalePoint]? {
        guard let entries = fields.list("points", required: true) else { return nil }
        if entries.count < 2 || entries.count > 11 {
            reader.report(.pointCount(entries.count), at: fields.path.appending("points"))
        }
        var points: [ScalePoint] = []
        var seen: [Int: SurveyPath] = [:]
        var labelsSeen: [String: SurveyPath] = [:]  // language + lowercased text
        var valid = entries.count >= 2 && entries.count <= 11
        for (value, pointPath) in entries {
            guard let point = reader.object(value, at: pointPath, keys: SurveyFormat.point) else {
                valid = false
                continue
            }
            let number = point.int("value", required: true, minimum: nil)
            let label = point.text("label")
            guard let number, let label else {
                valid = false
                continue
            }
            if let first = seen[number] {
                reader.report(.duplicatePointValue(number, firstAt: first), at: pointPath.appending("value"))
                valid = false
                continue
            }
            if let previous = points.last?.value, number != previous + 1 {
                reader.report(.pointsNotConsecutive(value: number, previous: previous), at: pointPath.appending("value"))
                valid = false
            }
            seen[number] = pointPath.appending("value")
            for (language, text) in label.byLanguage.sorted(by: { $0.key < $1.key }) {
                let key = "\(language)\u{0}\(text.lowercased())"
                if let first = labelsSeen[key] {
                    reader.report(.duplicatePointLabel(text, language: language, firstAt: first), at: pointPath.appending("label").appending(language))
                    valid = false
                } else {
                    labelsSeen[key] = pointPath.appending("label").appending(language)
                }
            }
            points.append(ScalePoint(value: number, label: label))
        }
        return valid ? points : nil
    }

    /// Reads `missing`: codes by kind; absent means only the empty cell is missing.
    private func readMissing(_ fields: Fields, pointValues: Set<Int>?, pointLabels: Set<String>?) -> MissingCodes? {
        guard fields.has("missing") else { return MissingCodes() }
        guard let missing = fields.object("missing", keys: SurveyFormat.missing) else { return nil }
        var codes: [MissingKind: [String]] = [:]
        var seen: [String: SurveyPath] = [:]
        var valid = true
        for kind in MissingKind.allCases {
            guard let entries = missing.strings(kind.rawValue, allowEmptyStrings: true) else {
                if missing.has(kind.rawValue) { valid = false }
                continue
            }
            for (code, codePath) in entries {
                if let first = seen[code] {
                    reader.report(.duplicateEntry(code, firstAt: first), at: codePath)
                    valid = false
                } else if let number = Int(code), pointValues?.contains(number) == true {
                    reader.report(.missingCodeIsPoint(code), at: codePath)
                    valid = false
                } else if pointLabels?.contains(code.lowercased()) == true {
                    reader.report(.missingCodeIsLabel(code), at: codePath)
                    valid = false
                }
                seen[code] = seen[code] ?? codePath
            }
            codes[kind] = entries.map(\.0)
        }
        guard valid else { return nil }
        return MissingCodes(noAnswer: codes[.noAnswer] ?? [""], dontKnow: codes[.dontKnow] ?? [], notApplicable: codes[.notApplicable] ?? [])
    }
}
