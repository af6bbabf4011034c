extension SurveyLoader {
    /// Reads `indicators`: the top level of the tree (the root's children).
    func readIndicators(_ top: Fields) -> [Indicator]? {
        guard let entries = top.list("indicators", required: true, nonEmpty: true) else { return nil }
        return readNodes(entries, level: 1)
    }

    /// Nodes at `level` of the tree (the root's children are at level 1).
    private func readNodes(_ entries: [(JSONValue, SurveyPath)], level: Int) -> [Indicator]? {
        var nodes: [Indicator] = []
        var valid = true
        for (value, path) in entries {
            if let node = readNode(value, at: path, level: level) {
                nodes.append(node)
            } else {
                valid = false
            }
        }
        return valid ? nodes : nil
    }

    private func readNode(_ value: JSONValue, at path: SurveyPath, level: Int) -> Indicator? {
        guard level <= SurveyFormat.maxTreeDepth else {
            reader.report(.treeTooDeep(limit: SurveyFormat.maxTreeDepth), at: path)
            return nil
        }
        guard let fields = reader.object(value, at: path, keys: SurveyFormat.indicator) else { return nil }
        let id = fields.id()
        if let id { register(id: id, at: path.appending("id")) }
        let label = fields.text("label")
        let continues = fields.id("continues", required: false)
        let comparable = fields.bool("comparable")
        let commonValid = id != nil && label != nil
            && fields.has("continues") == (continues != nil) && fields.has("comparable") == (comparable != nil)

        switch (fields.has("children"), fields.has("column")) {
        case (true, true):
            reader.report(.childrenAndColumn, at: path)
            return nil
        case (false, false):
            reader.report(.neitherChildrenNorColumn, at: path)
            return nil
        case (true, false):
            for key in SurveyFormat.criterionOnly.sorted() where fields.has(key) {
                reader.report(.keyNotApplicable(key, reason: "applies only to criteria (nodes with \"column\")"), at: path.appending(key))
            }
            let combine = fields.name("combine", as: CombineRule.self, kind: "combine rule")
            guard let entries = fields.list("children") else { return nil }
            if entries.isEmpty {
                reader.report(.emptyAggregate(id ?? ""), at: path.appending("children"))
            }
            let children = readNodes(entries, level: level + 1)
            guard commonValid, let id, let label, let children, !children.isEmpty,
                  fields.has("combine") == (combine != nil)
            else { return nil }
            return .aggregate(Aggregate(
                id: id, label: label, combine: combine, children: children,
                continues: continues, comparable: comparable ?? true))
        case (false, true):
            for key in SurveyFormat.aggregateOnly.sorted() where fields.has(key) {
                reader.report(.keyNotApplicable(key, reason: "applies only to aggregates (nodes with \"children\")"), at: path.appending(key))
            }
            let column = column(fields, required: true)
            let scale = scaleReference(fields, required: true)
            let reverse = fields.bool("reverse")
            guard commonValid, let id, let label, let column, let scale,
                  fields.has("reverse") == (reverse != nil)
            else { return nil }
            return .criterion(Criterion(
                id: id, label: label, column: column, scale: scale, reverse: reverse ?? false,
                continues: continues, comparable: comparable ?? true))
        }
    }
}
