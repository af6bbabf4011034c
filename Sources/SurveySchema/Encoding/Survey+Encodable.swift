import Foundation

/// The canonical encoding: the survey as plain JSON (a subset of JSON5) with every value
/// explicit, defaults included, keys sorted. Loading it gives back an equal ``Survey``.
extension Survey: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }

    /// The canonical JSON of this survey, pretty-printed with sorted keys.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "format": .number(Double(format)),
            "id": .string(id),
            "version": .string(version),
            "title": title.jsonValue,
            "languages": .array(languages.map(JSONValue.string)),
            "defaultLanguage": .string(defaultLanguage),
            "scales": .object(Dictionary(uniqueKeysWithValues: scales.map { ($0.id, $0.jsonValue) })),
            "index": index.jsonValue,
            "indicators": .array(indicators.map(\.jsonValue)),
            "questions": .array(questions.map(\.jsonValue)),
            "columns": columns.jsonValue,
        ]
        object["description"] = description?.jsonValue
        return .object(object)
    }
}

private func ints(_ values: [Int]) -> JSONValue { .array(values.map { .number(Double($0)) }) }
private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

extension LocalizedText {
    var jsonValue: JSONValue { .object(byLanguage.mapValues(JSONValue.string)) }
}

extension Scale {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "points": .array(points.map { .object(["value": .number(Double($0.value)), "label": $0.label.jsonValue]) }),
            "satisfied": ints(satisfied),
            "missing": .object([
                "noAnswer": strings(missing.noAnswer),
                "dontKnow": strings(missing.dontKnow),
                "notApplicable": strings(missing.notApplicable),
            ]),
        ]
        object["neutral"] = neutral.map(ints)
        object["dissatisfied"] = dissatisfied.map(ints)
        return .object(object)
    }
}

extension IndexRules {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "measure": .string(measure.rawValue),
            "combine": .string(combine.rawValue),
            "interval": .string(interval),
            "level": .number(level),
            "minValidN": .number(Double(minValidN)),
            "disclosureThreshold": .number(Double(disclosureThreshold)),
        ]
        object["maxIntervalWidth"] = maxIntervalWidth.map(JSONValue.number)
        return .object(object)
    }
}

extension Indicator {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["id": .string(id), "label": label.jsonValue, "comparable": .bool(comparable)]
        object["continues"] = continues.map(JSONValue.string)
        switch self {
        case .aggregate(let node):
            object["children"] = .array(node.children.map(\.jsonValue))
            object["combine"] = node.combine.map { .string($0.rawValue) }
        case .criterion(let node):
            object["column"] = .string(node.column)
            object["scale"] = .string(node.scale)
            object["reverse"] = .bool(node.reverse)
        }
        return .object(object)
    }
}

extension CodeLabel {
    var jsonValue: JSONValue { .object(["code": .string(code), "label": label.jsonValue]) }
}

extension Question {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "kind": .string(kind.rawValue), "label": label.jsonValue,
            "comparable": .bool(comparable),
        ]
        object["continues"] = continues.map(JSONValue.string)
        object["column"] = column.map(JSONValue.string)
        object["scale"] = scale.map(JSONValue.string)
        object["separator"] = separator.map(JSONValue.string)
        object["values"] = values.map { .array($0.map(\.jsonValue)) }
        if kind == .multiSelect {
            object["options"] = .array(options.map { option in
                var entry: [String: JSONValue] = ["code": .string(option.code), "label": option.label.jsonValue]
                entry["column"] = option.column.map(JSONValue.string)
                return .object(entry)
            })
        }
        return .object(object)
    }
}

extension Columns {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "groups": .array(groups.map { group in
                var entry: [String: JSONValue] = [
                    "id": .string(group.id), "column": .string(group.column), "label": group.label.jsonValue,
                ]
                entry["values"] = group.values.map { .array($0.map(\.jsonValue)) }
                return .object(entry)
            }),
        ]
        object["respondent"] = respondent.map(JSONValue.string)
        object["wave"] = wave.map(JSONValue.string)
        var design: [String: JSONValue] = [:]
        design["weight"] = self.design.weight.map(JSONValue.string)
        design["strata"] = self.design.strata.map(JSONValue.string)
        design["cluster"] = self.design.cluster.map(JSONValue.string)
        design["fpc"] = self.design.fpc.map(JSONValue.string)
        design["lonelyUnits"] = self.design.lonelyUnits.map { .string($0.rawValue) }
        object["design"] = .object(design)
        return .object(object)
    }
}
