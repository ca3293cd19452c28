import GridCore
import TerminalKit

/// A case as the queue shows it: the record with the names it refers to.
public struct CaseRow: Hashable, Sendable {
    public var record: CaseRecord
    public var communityName: String
    public var themeName: String
    public var unitName: String

    /// Creates a row.
    public init(record: CaseRecord, communityName: String, themeName: String, unitName: String) {
        self.record = record
        self.communityName = communityName
        self.themeName = themeName
        self.unitName = unitName
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

/// The case queue: open cases by time left, overdue first.
public struct CaseQueueState: Hashable, Sendable {
    public var rows: [CaseRow] = []
    public var selection = 0
    public var offset = 0
    public var loaded = false
    public var detail: CaseDetailData?
    /// An action waiting for its reason (作废, 返工 …).
    public var pendingReason: (action: String, field: TextField)? {
        get { pendingAction.map { ($0, pendingField) } }
        set {
            pendingAction = newValue?.action
            pendingField = newValue?.field ?? TextField()
        }
    }
    var pendingAction: String?
    var pendingField = TextField()

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
        if let pending = s.cases.pendingAction {
            var field = s.cases.pendingField
            switch key {
            case .escape:
                s.cases.pendingReason = nil
                s.message = StatusMessage("已取消 (cancelled)")
            case .enter:
                s.cases.pendingReason = nil
                guard let c = s.cases.detail?.row ?? s.cases.selected else { return [] }
                return [.moveCase(number: c.record.number.description, action: pending, reason: field.text)]
            default:
                if Overlays.edit(&field, key) { s.cases.pendingField = field }
            }
            return []
        }
        guard case .char(let ch) = key, let action = CaseKeys.actions.first(where: { $0.0 == ch }) else { return nil }
        guard let c = s.cases.detail?.row ?? s.cases.selected else { return [] }
        if CaseKeys.needsReason.contains(action.1) {
            s.cases.pendingReason = (action.1, TextField())
            return []
        }
        return [.moveCase(number: c.record.number.description, action: action.1, reason: "")]
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
        s.cases.selection = max(0, min(count - 1, s.cases.selection))
        s.cases.offset = ListView.offset(selection: s.cases.selection, offset: s.cases.offset, visible: s.boardVisibleRows, count: count)
        return []
    }
}
