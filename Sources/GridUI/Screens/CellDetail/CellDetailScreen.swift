import GridCore
import GridPalette
import TerminalKit

extension Screen {
    /// One cell: the chain responsible for it and its history.
    public static let cellDetail = Screen("cell-detail")
}

/// The cell detail screen's data: the chain responsible for it and its history.
public struct CellDetail: Hashable, Sendable {
    public var key: CellKey
    public var communityName: String
    public var streetName: String
    public var theme: CheckTheme
    public var cell: CellState
    public var chain: [ChainLink]
    public var history: [AuditRow]
    public var offset = 0

    /// Creates a detail.
    public init(key: CellKey, communityName: String, streetName: String, theme: CheckTheme, cell: CellState,
                chain: [ChainLink], history: [AuditRow]) {
        self.key = key
        self.communityName = communityName
        self.streetName = streetName
        self.theme = theme
        self.cell = cell
        self.chain = chain
        self.history = history
    }
}

/// The cell detail screen: scrolls its history table; status keys change the cell.
enum CellDetailScreen: ScreenModule {
    static let id = Screen.cellDetail
    static let name = "单元详情 cell detail"

    static func title(_ s: AppState) -> String { "单元详情" }

    static func bindings(_ s: AppState) -> [Binding] {
        [
            Binding([.char("k"), .up], "上滚 scroll up") { s in
                let offset = s.detail?.offset ?? 0
                s.detail?.offset = max(0, offset - 1)
                return []
            },
            Binding([.char("j"), .down], "下滚 scroll down") { s in
                guard let d = s.detail else { return [] }
                s.detail?.offset = min(d.offset + 1, max(0, d.history.count - 1))
                return []
            },
            Binding([.escape, .char("h"), .left, .enter], "返回网格 back to the board", hint: "返回") { s in
                s.screen = .board
                return []
            },
        ] + Changes.statusBindings { s in s.detail?.key }
    }

    static func loaded(_ s: inout AppState, _ detail: CellDetail) {
        s.detail = detail
        if s.screen != .cellDetail { s.returnScreen = s.screen == .help ? .board : s.screen }
        s.screen = .cellDetail
    }

    static func view(_ s: AppState, _ p: Palette, _ area: Rect, _ b: inout Buffer) { CellDetailView.render(s, p, area, &b) }
}
