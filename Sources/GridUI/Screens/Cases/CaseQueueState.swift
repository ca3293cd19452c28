import GridCore
import TerminalKit

extension Screen {
    /// The open cases, overdue first.
    public static let cases = Screen("cases")
}

/// A case as the queue shows it: the record with the names it refers to.
public struct CaseRow: Hashable, Sendable {
    public var record: CaseRecord
    public var communityName: String
    public var themeName: String
    public var unitName: String
    public var streetName: String

    /// Creates a row.
    public init(record: CaseRecord, communityName: String, themeName: String, unitName: String, streetName: String = "") {
        self.record = record
        self.communityName = communityName
        self.themeName = themeName
        self.unitName = unitName
        self.streetName = streetName
    }

    /// Whether the row mentions `text` in its number, state, source, street, community, theme, unit or property company.
    func matches(_ text: String) -> Bool {
        let r = record
        return [r.number.description, r.state.zh, r.source.zh, streetName, communityName, themeName, unitName, r.chain.propertyName ?? "",
                r.description].contains { $0.contains(text) }
    }
}

/// The case queue: open cases by time left, overdue first.
public struct CaseQueueState: Hashable, Sendable {
    /// Every open case as loaded.
    public var all: [CaseRow] = [] {
        didSet { applyFilter() }
    }
    /// The rows shown: `all` narrowed by the filter.
    public private(set) var rows: [CaseRow] = []
    /// Free text matched against state, source, street, community, theme, unit and property company.
    public var filterText = "" {
        didSet { applyFilter() }
    }
    public var overdueOnly = false {
        didSet { applyFilter() }
    }
    public var escalatedOnly = false {
        didSet { applyFilter() }
    }
    /// Marked case numbers: a transition key applies to all of them.
    public var marks: Set<CaseNumber> = []
    public var today = Day(ordinal: 0)

    mutating func applyFilter() {
        rows = all.filter { row in
            (filterText.isEmpty || row.matches(filterText)) && (!overdueOnly || row.record.isOverdue(today: today))
                && (!escalatedOnly || row.record.escalated)
        }
        // Fewer rows must not leave the selection or the first shown row past the end (a header and no rows);
        // the reducer then scrolls to the selection with the screen's height (CaseQueue.clamp).
        list.selection = max(0, min(rows.count - 1, list.selection))
        list.offset = max(0, min(list.offset, list.selection))
    }

    /// The filter in words, for the title bar.
    public var filterLabel: String {
        var parts: [String] = []
        if !filterText.isEmpty { parts.append("“\(filterText)”") }
        if overdueOnly { parts.append("逾期") }
        if escalatedOnly { parts.append("督办") }
        return parts.isEmpty ? "" : " 筛选:" + parts.joined(separator: "+")
    }
    /// The selected row and the first row shown.
    public var list = ListState()
    public var loaded = false
    /// The selected row.
    public var selection: Int {
        get { list.selection }
        set { list.selection = newValue }
    }
    /// The first row shown.
    public var offset: Int { list.offset }

    public init() {}

    /// The selected case.
    public var selected: CaseRow? { rows.indices.contains(selection) ? rows[selection] : nil }
}

