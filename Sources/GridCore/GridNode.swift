/// A node of the responsibility chain: what the tree, roll-ups and the console's browser point at.
public enum GridNode: Hashable, Sendable {
    case office(RowID)
    case street(RowID)
    case community(RowID)
    case unit(RowID)
    case property(RowID)

    /// The level's Chinese name, for candidate lists and headings.
    public var levelZH: String {
        switch self {
        case .office: "三创办"
        case .street: "街道/乡镇"
        case .community: "小区/点位"
        case .unit: "责任单位"
        case .property: "物业"
        }
    }

    /// The row id inside the node.
    public var id: RowID {
        switch self {
        case .office(let id), .street(let id), .community(let id), .unit(let id), .property(let id): id
        }
    }

    /// The level as a roll-up grouping.
    public var grouping: Grouping {
        switch self {
        case .office: .office
        case .street: .street
        case .community: .community
        case .unit: .unit
        case .property: .property
        }
    }

    /// Stable code of the level for `--json`.
    public var levelCode: String {
        switch self {
        case .office: "office"
        case .street: "street"
        case .community: "community"
        case .unit: "unit"
        case .property: "property"
        }
    }
}

/// A node with its display name and where it sits (office / street), for lists and disambiguation.
public struct NodeRef: Hashable, Sendable {
    public var node: GridNode
    public var name: String
    /// Where it sits, e.g. `城关县三创办 / 城关街道`; empty for an office.
    public var path: String

    /// Creates a node reference.
    public init(node: GridNode, name: String, path: String) {
        self.node = node
        self.name = name
        self.path = path
    }

    /// `name (path, level)`, as shown in candidate lists.
    public var candidateLine: String {
        path.isEmpty ? "\(name)  [\(node.levelZH)]" : "\(name)  [\(node.levelZH) · \(path)]"
    }
}
