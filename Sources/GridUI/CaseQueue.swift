import GridCore
import TerminalKit

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

/// A case with its timeline and both chains: as registered, and as it is now (倒查责任 — trace-back).
public struct CaseDetailData: Hashable, Sendable {
    public var row: CaseRow
    public var events: [String]
    public var currentChain: String

    /// Creates a detail.
    public init(row: CaseRow, events: [String], currentChain: String) {
        self.row = row
        self.events = events
        self.currentChain = currentChain
    }
}

/// A transition waiting for the reason the operator is typing.
public struct PendingReason: Hashable, Sendable {
    public var action: String
    public var field = TextField()
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
    /// Typing a filter (after `/`).
    public var filterField: TextField?
    /// Marked case numbers: a transition key applies to all of them.
    public var marks: Set<String> = []
    public var today = Day(ordinal: 0)

    mutating func applyFilter() {
        rows = all.filter { row in
            (filterText.isEmpty || row.matches(filterText)) && (!overdueOnly || row.record.isOverdue(today: today))
                && (!escalatedOnly || row.record.escalated)
        }
        // Fewer rows must not leave the selection or the first shown row past the end (a header and no rows);
        // the reducer then scrolls to the selection with the screen's height (CaseQueue.clamp).
        selection = max(0, min(rows.count - 1, selection))
        offset = max(0, min(offset, selection))
    }

    /// The filter in words, for the title bar.
    public var filterLabel: String {
        var parts: [String] = []
        if !filterText.isEmpty { parts.append("“\(filterText)”") }
        if overdueOnly { parts.append("逾期") }
        if escalatedOnly { parts.append("督办") }
        return parts.isEmpty ? "" : " 筛选:" + parts.joined(separator: "+")
    }
    public var selection = 0
    public var offset = 0
    public var loaded = false
    public var detail: CaseDetailData?
    /// An action waiting for its reason (作废, 返工 …).
    public var pendingReason: PendingReason?

    public init() {}

    /// The selected case.
    public var selected: CaseRow? { rows.indices.contains(selection) ? rows[selection] : nil }
}

/// One key per transition in the queue and the case detail; reasons are asked for where required.
enum CaseKeys {
    static let actions: [(Character, String, String)] = [
        ("r", "register", "立案"), ("a", "assign", "交办(牵头单位)"), ("w", "start", "开始整改"), ("t", "submit", "提交复核"),
        ("v", "verify", "复核通过结案"), ("b", "rework", "返工*"), ("x", "void", "作废*"), ("e", "escalate", "督办"),
        ("o", "reopen", "重新打开*"), ("d", "send_back", "退回*"),
    ]
    static let needsReason: Set<String> = ["rework", "void", "reopen", "send_back"]
}

enum CaseQueue {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect]? {
        if var field = s.cases.filterField {
            switch key {
            case .escape:
                s.cases.filterField = nil
                s.cases.filterText = ""
            case .enter:
                s.cases.filterField = nil
            default:
                if Overlays.edit(&field, key) {
                    s.cases.filterField = field
                    s.cases.filterText = field.text
                    s.cases.selection = 0
                }
            }
            clamp(&s)
            return []
        }
        if s.cases.detail == nil {
            switch key {
            case .char("/"):
                s.cases.filterField = TextField(s.cases.filterText)
                return []
            case .char("O"):
                s.cases.overdueOnly.toggle()
                s.cases.selection = 0
                clamp(&s)
                return []
            case .char("!"):
                s.cases.escalatedOnly.toggle()
                s.cases.selection = 0
                clamp(&s)
                return []
            case .char(" "):
                guard let c = s.cases.selected else { return [] }
                let n = c.record.number.description
                if s.cases.marks.remove(n) == nil { s.cases.marks.insert(n) }
                s.message = StatusMessage("已标记 \(s.cases.marks.count) 件")
                return perform(&s, .down)
            default: break
            }
        }
        if var pending = s.cases.pendingReason {
            switch key {
            case .escape:
                s.cases.pendingReason = nil
                s.message = StatusMessage("已取消 (cancelled)")
            case .enter:
                s.cases.pendingReason = nil
                return targets(s).map { .moveCase(number: $0, action: pending.action, reason: pending.field.text) }
            default:
                if Overlays.edit(&pending.field, key) { s.cases.pendingReason = pending }
            }
            return []
        }
        guard case .char(let ch) = key, let action = CaseKeys.actions.first(where: { $0.0 == ch }) else { return nil }
        guard !targets(s).isEmpty else { return [] }
        if CaseKeys.needsReason.contains(action.1) {
            s.cases.pendingReason = PendingReason(action: action.1)
            return []
        }
        return targets(s).map { .moveCase(number: $0, action: action.1, reason: "") }
    }

    /// The open case, else the marked cases (bulk dispatch, bulk escalation …), else the selected one.
    static func targets(_ s: AppState) -> [String] {
        if let d = s.cases.detail { return [d.row.record.number.description] }
        if !s.cases.marks.isEmpty { return s.cases.marks.sorted() }
        return s.cases.selected.map { [$0.record.number.description] } ?? []
    }

    static func perform(_ s: inout AppState, _ command: Command) -> [Effect] {
        if s.cases.detail != nil {
            if command == .close || command == .goUp { s.cases.detail = nil }
            return []
        }
        let count = s.cases.rows.count
        switch command {
        case .up: s.cases.selection -= 1
        case .down: s.cases.selection += 1
        case .pageUp: s.cases.selection -= s.boardVisibleRows
        case .pageDown: s.cases.selection += s.boardVisibleRows
        case .top: s.cases.selection = 0
        case .bottom: s.cases.selection = count - 1
        case .openDetail:
            guard let c = s.cases.selected else { return [] }
            return [.loadCaseDetail(c.record.number.description)]
        default: return []
        }
        clamp(&s)
        return []
    }

    /// Keeps the selection on a shown row and scrolls so it is visible, after a move, a filter or a reload.
    static func clamp(_ s: inout AppState) {
        let count = s.cases.rows.count
        s.cases.selection = max(0, min(count - 1, s.cases.selection))
        s.cases.offset = ListView.offset(selection: s.cases.selection, offset: s.cases.offset, visible: s.boardVisibleRows, count: count)
    }
}
