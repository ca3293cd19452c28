import GridCore
import GridUI
import TerminalKit

/// A small board in memory: Chinese names of varied lengths, three themes, one overdue cell.
enum UIFixture {
    static let today = Day("2026-11-30")!
    static let themes = [
        CheckTheme(id: 1, code: "public_ads", zh: "公益广告", en: "ads", kinds: [.residential, .market], position: 1),
        CheckTheme(id: 2, code: "sanitation", zh: "环境卫生", en: "sanitation", kinds: [.residential, .market], position: 2),
        CheckTheme(id: 3, code: "flying_leads", zh: "飞线充电", en: "leads", kinds: [.residential], position: 3),
    ]
    static let names = ["阳光小区", "锦绣华庭国际社区", "东湖农贸市场", "桂苑", "金色家园二期", "龙翠荆御景湾"]

    static func rows(offset: Int, count: Int, total: Int) -> [BoardRow] {
        (offset..<min(total, offset + count)).map { i in
            let kind: CommunityKind = i % 3 == 2 ? .market : .residential
            var cells: [RowID: CellState] = [:]
            for t in themes where t.applies(to: kind) {
                let status: CellStatus = (i + Int(t.id)) % 4 == 0 ? .problem : .ok
                cells[t.id] = CellState(communityID: RowID(i + 1), themeID: t.id, status: status,
                                        dueOn: status == .problem ? today.adding(days: i % 2 == 0 ? -1 : 3) : nil, note: "")
            }
            let c = Community(id: RowID(i + 1), streetID: 1, name: names[i % names.count] + (i >= names.count ? "\(i)" : ""), kind: kind)
            return BoardRow(community: c, streetName: "城关镇", cells: cells)
        }
    }

    /// A 80×24 console showing a board of `total` rows, with every effect's data answered from the fixture.
    static func state(total: Int = 40, width: Int = 80, height: Int = 24, role: OperatorRole = .inspector) -> AppState {
        var s = AppState(width: width, height: height, login: "zhangwei", role: role, databaseName: "grid.sqlite", today: today)
        let effects = Reducer.reduce(&s, .start(themes: themes))
        answer(&s, effects, total: total)
        return s
    }

    /// Runs board loads against the fixture (other effects are returned for the test to inspect).
    @discardableResult
    static func answer(_ s: inout AppState, _ effects: [Effect], total: Int = 40) -> [Effect] {
        var rest: [Effect] = []
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            if case .loadBoard(_, _, let offset, let limit, _, _) = e {
                queue += Reducer.reduce(&s, .boardLoaded(total: total, offset: offset, rows: rows(offset: offset, count: limit, total: total)))
            } else {
                rest.append(e)
            }
        }
        return rest
    }

    /// Presses keys, answering board loads, and returns the other effects.
    static func press(_ s: inout AppState, _ keys: [Key], total: Int = 40) -> [Effect] {
        var out: [Effect] = []
        for k in keys { out += answer(&s, Reducer.reduce(&s, .key(k)), total: total) }
        return out
    }
}
