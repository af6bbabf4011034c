extension SurveyLoader {
    /// Reads `columns`: respondent, wave, groups and design. Absent means none.
    func readColumns(_ top: Fields) -> Columns? {
        guard top.has("columns") else { return Columns() }
        guard let fields = top.object("columns", keys: SurveyFormat.columns) else { return nil }
        let respondent = column(fields, "respondent", required: false)
        let wave = column(fields, "wave", required: false)
        var valid = fields.has("respondent") == (respondent != nil) && fields.has("wave") == (wave != nil)

        var groups: [GroupColumn] = []
        if let entries = fields.list("groups") {
            var groupIDs: [String: SurveyPath] = [:]
            for (value, path) in entries {
                guard let group = reader.object(value, at: path, keys: SurveyFormat.group) else {
                    valid = false
                    continue
                }
                let id = group.id()
                if let id {
                    if let first = groupIDs[id] {
                        reader.report(.duplicateEntry(id, firstAt: first), at: path.appending("id"))
                        valid = false
                    } else {
                        groupIDs[id] = path.appending("id")
                    }
                }
                let column = column(group, required: true)
                let label = group.text("label")
                let values = group.has("values") ? codeLabels(group, "values") : nil
                guard let id, let column, let label, group.has("values") == (values != nil) else {
                    valid = false
                    continue
                }
                groups.append(GroupColumn(id: id, column: column, label: label, values: values))
            }
        } else if fields.has("groups") {
            valid = false
        }

        var design = DesignColumns()
        if let designFields = fields.object("design", keys: SurveyFormat.design) {
            // Design columns may name a grouping column (strata = province), so they are
            // not recorded in the column registry.
            design.weight = designFields.string("weight")
            design.strata = designFields.string("strata")
            design.cluster = designFields.string("cluster")
            design.fpc = designFields.string("fpc")
            design.lonelyUnits = designFields.name("lonelyUnits", as: LonelyUnits.self, kind: "lonely-unit rule")
            let read = [design.weight, design.strata, design.cluster, design.fpc, design.lonelyUnits?.rawValue]
                .compactMap { $0 }.count
            valid = valid && read == designFields.values.keys.filter(SurveyFormat.design.keys.contains).count
                && designFields.values.keys.allSatisfy(SurveyFormat.design.keys.contains)
        } else if fields.has("design") {
            valid = false
        }
        guard valid else { return nil }
        return Columns(respondent: respondent, wave: wave, groups: groups, design: design)
    }
}
