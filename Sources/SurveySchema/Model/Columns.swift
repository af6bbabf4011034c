/// The CSV columns that are not answers: who answered, when, in which group, and the
/// sampling design.
public struct Columns: Sendable, Hashable {
    /// The respondent id column, if the export has one.
    public var respondent: String?
    /// The wave (year or period) column, if the export has one.
    public var wave: String?
    /// Grouping columns (service, province, district, channel, …), in file order.
    public var groups: [GroupColumn]
    /// The sampling-design columns; all optional.
    public var design: DesignColumns

    /// The non-answer columns.
    public init(
        respondent: String? = nil, wave: String? = nil, groups: [GroupColumn] = [],
        design: DesignColumns = DesignColumns()
    ) {
        self.respondent = respondent
        self.wave = wave
        self.groups = groups
        self.design = design
    }
}

/// A column results can be grouped by.
public struct GroupColumn: Sendable, Hashable, Identifiable {
    /// The grouping's id, e.g. `province`.
    public var id: String
    /// The CSV column.
    public var column: String
    /// The grouping's name in each language.
    public var label: LocalizedText
    /// The code dictionary, if given; without one the raw cell values are the groups.
    public var values: [CodeLabel]?

    /// A grouping column.
    public init(id: String, column: String, label: LocalizedText, values: [CodeLabel]? = nil) {
        self.id = id
        self.column = column
        self.label = label
        self.values = values
    }
}

/// The sampling-design columns. Each may name a column that is also a grouping column
/// (SIPAS: strata are provinces, clusters are villages).
public struct DesignColumns: Sendable, Hashable {
    /// Sampling weights.
    public var weight: String?
    /// Strata.
    public var strata: String?
    /// Primary sampling units (clusters).
    public var cluster: String?
    /// Finite-population correction (population size or sampling fraction per stratum).
    public var fpc: String?
    /// What the variance does with a stratum that holds a single PSU; nil: refuse the design
    /// (``LonelyUnits/fail``), as R does by default.
    public var lonelyUnits: LonelyUnits?

    /// Design columns; all optional.
    public init(weight: String? = nil, strata: String? = nil, cluster: String? = nil, fpc: String? = nil,
                lonelyUnits: LonelyUnits? = nil) {
        self.weight = weight
        self.strata = strata
        self.cluster = cluster
        self.fpc = fpc
        self.lonelyUnits = lonelyUnits
    }

    /// Whether any design column is declared.
    public var isEmpty: Bool { weight == nil && strata == nil && cluster == nil && fpc == nil }
}

/// `design.lonelyUnits`: how a stratum with one PSU ("lonely") enters the variance. The
/// names are R's `options(survey.lonely.psu = ...)`; the statistics module's
/// `LonelyUnitPolicy` has the same cases and says what each computes.
public enum LonelyUnits: String, Sendable, Hashable, CaseIterable {
    /// Refuse the design, naming the stratum.
    case fail
    /// The stratum adds no variance.
    case remove
    /// The single PSU is centred at the overall mean (conservative).
    case adjust
    /// The single PSU was sampled with certainty: it adds no variance at this stage.
    case certainty
}
