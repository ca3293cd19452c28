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

    /// How a confirmation names the case: community · theme.
    var name: String { "\(communityName)·\(themeName)" }
}

/// The case queue: open cases by time left, overdue first, fetched by window like the board. The filter is a
/// query the store answers; the console holds the count and a few screens of rows.
public struct CaseQueueState: Hashable, Sendable {
    /// Rows in the queue as filtered (the store's count).
    public var total = 0
    /// Absolute index of `rows[0]`.
    public var windowOffset = 0
    /// The fetched window: a few screens of the filtered queue.
    public var rows: [CaseRow] = []
    /// The query the window was fetched for (a reply to an older query is dropped).
    public var loadedQuery = CaseQueueQuery()
    /// Free text matched against number, state, source, street, community, theme, unit and property company.
    public var filterText = ""
    public var overdueOnly = false
    public var escalatedOnly = false
    /// The queue's order: by deadline (the store's index) or by expected points gained (`:sort gain`).
    public var sort = CaseQueueSort.deadline
    /// With `sort == .gain`: every case of the filtered queue in gain order (nil while it is computed), and the
    /// expected points each case's fix gains (absent: none).
    public var gainOrder: [CaseNumber]?
    public var gains: [CaseNumber: Double] = [:]
    /// Marked case numbers, inside the window or not: a transition key applies to all of them.
    public var marks: Set<CaseNumber> = []
    /// How each mark is named in a confirmation (the row was on screen when it was marked).
    public var markNames: [CaseNumber: String] = [:]
    public var today = Day(ordinal: 0)
    /// The selected row and the first row shown (absolute indexes into the filtered queue).
    public var list = ListState()
    public var loaded = false
    /// Whether a window request is outstanding (avoids asking twice).
    public var loading = false

    public init() {}

    /// The filter as the store's query.
    public var query: CaseQueueQuery { CaseQueueQuery(text: filterText, overdueOnly: overdueOnly, escalatedOnly: escalatedOnly) }

    /// The filter in words, for the title bar.
    public var filterLabel: String {
        var parts: [String] = []
        if !filterText.isEmpty { parts.append("“\(filterText)”") }
        if overdueOnly { parts.append("逾期") }
        if escalatedOnly { parts.append("督办") }
        return parts.isEmpty ? "" : " 筛选:" + parts.joined(separator: "+")
    }

    /// The selected row.
    public var selection: Int {
        get { list.selection }
        set { list.selection = newValue }
    }
    /// The first row shown.
    public var offset: Int { list.offset }

    /// The row at an absolute index, if it is in the fetched window.
    public func row(at index: Int) -> CaseRow? {
        let i = index - windowOffset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    /// The selected case (nil while its row is being fetched).
    public var selected: CaseRow? { row(at: selection) }
}

/// How the case queue is ordered.
public enum CaseQueueSort: String, Hashable, Sendable, CaseIterable {
    /// Overdue first, then by time left (the store's `case_queue` index).
    case deadline
    /// By the expected points fixing the case's cell would gain in the assessment (most first), then by deadline.
    case gain
}
