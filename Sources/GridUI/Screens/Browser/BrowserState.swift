import GridCore
import TerminalKit

extension Screen {
    /// Miller columns: office → streets → communities → units → property companies.
    public static let browser = Screen("browser")
}

/// What a browser row is, as loaded: the view turns it into a label and detail lines (display text is GridUI's).
public enum BrowserNode: Hashable, Sendable {
    case office
    case street
    /// A community with its street and its chain of responsible units.
    case community(Community, streetName: String, chain: [ChainLink])
    /// A unit responsible for the community the column is under.
    case unit(ChainLink)
    /// A property company a unit supervises, with its project manager.
    case property(manager: String)
    /// The communities of a unit that have no property company.
    case selfManaged
}

/// One row of a browser column: a node with its roll-up.
public struct BrowserItem: Hashable, Sendable {
    public var ref: NodeRef?
    public var node: BrowserNode
    public var counts: StatusCounts?
    /// Whether Enter drills into it.
    public var hasChildren: Bool
    /// The office's label for a community's or unit's kind (学校, 县直部门 …), when the loader knows it.
    public var kindLabel: String?

    /// Creates an item.
    public init(ref: NodeRef?, node: BrowserNode, counts: StatusCounts?, hasChildren: Bool) {
        self.ref = ref
        self.node = node
        self.counts = counts
        self.hasChildren = hasChildren
    }
}

/// One column of the Miller browser: the children of `parent` (nil = the offices).
public struct BrowserLevel: Hashable, Sendable {
    public var parent: NodeRef?
    public var items: [BrowserItem]
    public var list = ListState()

    /// Creates a level.
    public init(parent: NodeRef?, items: [BrowserItem]) {
        self.parent = parent
        self.items = items
    }

    /// The selected row.
    public var selection: Int {
        get { list.selection }
        set { list.selection = newValue }
    }

    /// The selected item, if any.
    public var selected: BrowserItem? { items.indices.contains(selection) ? items[selection] : nil }
}

public extension BrowserItem {
    /// The row label as the browser shows it.
    var label: String { BrowserView.label(self) }
}

public extension BrowserItem {
    /// The detail pane's lines for it.
    var details: [String] { BrowserView.details(self) }
}
