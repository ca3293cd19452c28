import GridCore
import GridPalette
import TerminalKit

extension Screen {
    /// One case: its record, both chains and its timeline.
    public static let caseDetail = Screen("case-detail")
}

/// One step of a case's timeline as stored.
public struct CaseTimelineEntry: Hashable, Sendable {
    public var at: Timestamp
    public var event: CaseEvent

    /// Creates an entry.
    public init(at: Timestamp, event: CaseEvent) {
        self.at = at
        self.event = event
    }
}

/// A case with its timeline and both chains: as registered, and as it is now (倒查责任 — trace-back).
public struct CaseDetailData: Hashable, Sendable {
    public var row: CaseRow
    public var events: [CaseTimelineEntry]
    public var currentChain: ChainSnapshot
    /// Photos and documents attached to the case, in the order attached.
    public var attachments: [Attachment] = []
    /// The first timeline row shown.
    public var list = ListState()

    /// Creates a detail.
    public init(row: CaseRow, events: [CaseTimelineEntry], currentChain: ChainSnapshot) {
        self.row = row
        self.events = events
        self.currentChain = currentChain
    }
}

/// The case detail: transition keys act on this case; Esc goes back to the queue.
enum CaseDetailScreen: ScreenModule {
    static let id = Screen.caseDetail
    static let name = "案件详情 case detail"

    static func title(_ s: AppState) -> String { s.caseDetail.map { "案件 \($0.row.record.number)" } ?? "案件" }

    /// The queue the case was opened from (the board's scope and filter do not apply here).
    static func statusContext(_ s: AppState) -> String { CasesScreen.statusContext(s) }

    static func bindings(_ s: AppState) -> [Binding] {
        [
            Binding([.char("k"), .up], "上滚经过 scroll the timeline up") { s in scroll(&s, by: -1) },
            Binding([.char("j"), .down], "下滚经过 scroll the timeline down") { s in scroll(&s, by: 1) },
            Binding([.escape, .char("h"), .left], "返回案件队列 back to the queue", hint: "返回") { s in
                s.caseDetail = nil
                s.screen = .cases
                return CasesScreen.reload(&s)
            },
            CaseNotify.binding,
        ] + CaseTransitions.bindings { s in
            s.caseDetail.map { [(number: $0.row.record.number, name: "\($0.row.communityName)·\($0.row.themeName)")] } ?? []
        }
    }

    static func scroll(_ s: inout AppState, by delta: Int) -> [Effect] {
        guard var d = s.caseDetail else { return [] }
        d.list.offset = max(0, min(d.list.offset + delta, d.events.count - 1))
        s.caseDetail = d
        return []
    }

    static func loaded(_ s: inout AppState, _ d: CaseDetailData) {
        var d = d
        // A reload (after a move) keeps where the timeline was scrolled.
        if let old = s.caseDetail, old.row.record.number == d.row.record.number { d.list = old.list }
        s.caseDetail = d
        s.screen = .caseDetail
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { CaseDetailView.render(s, p, area, &b) }
}
