/// A node of the indicator tree: an aggregate (a part or an aspect, with children) or a
/// criterion (one scored question, read from one CSV column).
///
/// The tree can have any depth; a flat list of aspects holding criteria is the shallow case.
/// Its root is ``Survey/root``, the aggregate with id `overall`.
public enum Indicator: Sendable, Hashable {
    /// A node with children: a part or an aspect.
    case aggregate(Aggregate)
    /// A leaf: one scored question read from one column.
    case criterion(Criterion)

    /// The node's id, unique among all nodes and questions of the survey.
    public var id: String {
        switch self {
        case .aggregate(let node): node.id
        case .criterion(let node): node.id
        }
    }

    /// The node's label in each language.
    public var label: LocalizedText {
        switch self {
        case .aggregate(let node): node.label
        case .criterion(let node): node.label
        }
    }

    /// The children of an aggregate; empty for a criterion.
    public var children: [Indicator] {
        if case .aggregate(let node) = self { return node.children }
        return []
    }

    /// The node's id in the previous edition of the survey, when it changed.
    public var continues: String? {
        switch self {
        case .aggregate(let node): node.continues
        case .criterion(let node): node.continues
        }
    }

    /// Whether the node may be compared with the previous edition (default true).
    public var comparable: Bool {
        switch self {
        case .aggregate(let node): node.comparable
        case .criterion(let node): node.comparable
        }
    }

    /// The criteria at or below this node, depth first in file order.
    public var criteria: [Criterion] {
        switch self {
        case .criterion(let criterion): [criterion]
        case .aggregate(let node): node.criteria
        }
    }
}

/// A part or an aspect: a node whose index combines its children's.
public struct Aggregate: Sendable, Hashable, Identifiable {
    /// The node's id, e.g. `access`.
    public var id: String
    /// The node's label in each language.
    public var label: LocalizedText
    /// How this node combines its children; `nil` means the survey's ``IndexRules/combine``.
    public var combine: CombineRule?
    /// The children, in file order; a loaded survey never has an empty list.
    public var children: [Indicator]
    /// The node's id in the previous edition, when it changed.
    public var continues: String?
    /// Whether the node may be compared with the previous edition.
    public var comparable: Bool

    /// An aggregate node.
    public init(
        id: String, label: LocalizedText, combine: CombineRule? = nil, children: [Indicator],
        continues: String? = nil, comparable: Bool = true
    ) {
        self.id = id
        self.label = label
        self.combine = combine
        self.children = children
        self.continues = continues
        self.comparable = comparable
    }

    /// The criteria below this node, depth first in file order.
    public var criteria: [Criterion] { children.flatMap(\.criteria) }
}

/// A scored question: one CSV column answered on one scale.
public struct Criterion: Sendable, Hashable, Identifiable {
    /// The criterion's id, e.g. `access_signs`.
    public var id: String
    /// The criterion's wording in each language.
    public var label: LocalizedText
    /// The CSV column that holds the answers, e.g. `b1_1`.
    public var column: String
    /// The id of the scale the answers are on.
    public var scale: String
    /// Whether the item is reverse-keyed: a raw value v is coded min + max − v before the
    /// scale's bands apply.
    public var reverse: Bool
    /// The criterion's id in the previous edition, when it changed.
    public var continues: String?
    /// Whether the criterion may be compared with the previous edition.
    public var comparable: Bool

    /// A criterion.
    public init(
        id: String, label: LocalizedText, column: String, scale: String, reverse: Bool = false,
        continues: String? = nil, comparable: Bool = true
    ) {
        self.id = id
        self.label = label
        self.column = column
        self.scale = scale
        self.reverse = reverse
        self.continues = continues
        self.comparable = comparable
    }

    /// The raw answer `value` in the keyed direction: `scale.reversed(value)` when the
    /// criterion is reverse-keyed, else `value` unchanged.
    public func keyed(_ value: Int, on scale: Scale) -> Int {
        reverse ? scale.reversed(value) : value
    }
}
