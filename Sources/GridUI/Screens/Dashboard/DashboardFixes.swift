import GridCore
import TerminalKit

/// The dashboard's fixes list (`f`): moving through the cells whose fix gains most, and jumping to one on the board.
extension DashboardScreen {
    static func fixBindings(_ s: AppState) -> [Binding] {
        var list: [Binding] = (s.dashboard.assessment?.fixes.count ?? 0) < 2 ? [] : [
            Binding([.char("k"), .up], "上一项 previous fix") { s in moveFix(&s, by: -1) },
            Binding([.char("j"), .down], "下一项 next fix") { s in moveFix(&s, by: 1) },
        ]
        list += [
            Binding([.enter], "到网格中的这一格 jump to the cell on the board", hint: "跳转", verb: "jump") { s in jumpToFix(&s) },
            Binding([.char("f"), .escape], "返回排名 back to the league table", hint: "返回") { s in
                s.dashboard.fixFocus = false
                return []
            },
        ]
        return list
    }

    static func moveFix(_ s: inout AppState, by delta: Int) -> [Effect] {
        s.dashboard.fixList.move(by: delta, count: s.dashboard.assessment?.fixes.count ?? 0, visible: DashboardView.fixRows)
        return []
    }

    /// Opens the board on the fix's cell: its column, and its row found in the board's scope (widened when needed).
    static func jumpToFix(_ s: inout AppState) -> [Effect] {
        let fixes = s.dashboard.assessment?.fixes ?? []
        guard fixes.indices.contains(s.dashboard.fixList.selection) else { return [] }
        let fix = fixes[s.dashboard.fixList.selection]
        if let column = s.board.themes.firstIndex(where: { $0.id == fix.key.themeID }) { s.board.cursorColumn = column }
        s.message = StatusMessage("\(fix.communityName) · \(fix.themeName) 预计提分 +\(AssessmentOutcome.points(fix.gain, 2))")
        return [.locate(communityID: fix.key.communityID, scope: s.board.scope, filter: s.board.filter)]
    }
}
