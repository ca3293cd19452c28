import GridCore
import TerminalKit

/// Status keys on the board and the cell detail, bulk confirmation, saved changes and undo.
enum Changes {
    /// One key per status (the domain's one-key codes), applied to the marked cells or the cell `cursor` gives.
    static func statusBindings(cursor: @escaping @Sendable (AppState) -> CellKey?) -> [Binding] {
        CellStatus.allCases.map { status in
            Binding([.char(status.key)], CellCaseRule.keyHelp(status), hint: status == .unchecked ? "状态" : nil,
                    hintKey: status == .unchecked ? "0-7" : nil) { s in
                request(&s, status: status, cursor: cursor(s))
            }
        }
    }

    /// A status key: targets are the marked cells on the board, else the cursor cell. A problem opens the problem
    /// form (it records a case), parking opens the park form, more than one cell asks for confirmation first.
    static func request(_ s: inout AppState, status: CellStatus, cursor: CellKey?) -> [Effect] {
        let targets = s.screen == .board && !s.board.marks.isEmpty
            ? s.board.marks.sorted { ($0.communityID, $0.themeID) < ($1.communityID, $1.themeID) }
            : cursor.map { [$0] } ?? []
        guard !targets.isEmpty else {
            s.message = StatusMessage("此处没有测评单元 (the theme does not apply here)", isError: true)
            return []
        }
        // The one permission table, asked early so a viewer is not shown a form (the service asks it again).
        guard Policy.allows(s.role, .recordFinding) else {
            s.message = StatusMessage("\(s.login) 是查看角色，不能修改；请管理员授权 (viewers may not change cells)", isError: true)
            return []
        }
        let names = targets.map { cellName(s, $0) }
        switch status {
        case .problem:
            s.overlay = .problemForm(ProblemForm(targets: targets, names: names))
            return []
        case .parked:
            s.overlay = .parkForm(ParkForm(targets: targets, names: names, today: s.today))
            return []
        default:
            break
        }
        let effect = Effect.saveStatus(targets: targets, request: StatusChangeRequest(status: status))
        if targets.count > 1 {
            s.overlay = .confirm(Confirmation(question: "将 \(targets.count) 格设为 \(status.zh)？ set \(targets.count) cells to \(status.en)?",
                                              names: names, effects: [effect]))
            return []
        }
        return [effect]
    }

    /// `小区·主题` for a cell, from the loaded rows or the open detail.
    static func cellName(_ s: AppState, _ key: CellKey) -> String {
        let community = s.board.rows.first { $0.community.id == key.communityID }?.community.name
            ?? (s.detail?.key.communityID == key.communityID ? s.detail?.communityName : nil) ?? "#\(key.communityID)"
        let theme = s.board.themes.first { $0.id == key.themeID }?.zh ?? (s.detail?.theme.zh ?? "")
        return "\(community)·\(theme)"
    }

    static func saved(_ s: inout AppState, before: [CellState], after: [CellState], isUndo: Bool) -> [Effect] {
        for cell in after { apply(&s, cell) }
        if isUndo {
            s.undo.removeLast()
            s.message = StatusMessage("已撤销 \(after.count) 格 (undone, and recorded in the log)")
        } else {
            if !before.isEmpty { s.undo.append(UndoBatch(before: before, after: after)) }
            s.board.marks = []
            s.message = StatusMessage(summary(s, before: before, after: after))
        }
        return []
    }

    static func casesRecorded(_ s: inout AppState, numbers recorded: [CaseNumber], cells: [CellState]) -> [Effect] {
        for cell in cells { apply(&s, cell) }
        s.board.marks = []
        let numbers = recorded.map(\.description)
        let list = numbers.count > 3 ? "\(numbers.prefix(3).joined(separator: ", ")) 等 \(numbers.count) 件" : numbers.joined(separator: ", ")
        s.message = StatusMessage("已上报案件 \(list)（撤销请作废案件 civgrid case move … void）")
        return []
    }

    /// Updates a saved cell wherever it is shown.
    static func apply(_ s: inout AppState, _ cell: CellState) {
        if let i = s.board.rows.firstIndex(where: { $0.community.id == cell.communityID }) {
            s.board.rows[i].cells[cell.themeID] = cell
        }
        if s.detail?.key == CellKey(communityID: cell.communityID, themeID: cell.themeID) {
            s.detail?.cell = cell
        }
    }

    static func summary(_ s: AppState, before: [CellState], after: [CellState]) -> String {
        guard let first = after.first else { return "未变更 (nothing changed)" }
        if after.count > 1 { return "已保存 \(after.count) 格 → \(first.status.zh)" }
        let name = cellName(s, CellKey(communityID: first.communityID, themeID: first.themeID))
        let old = before.first.map { "\($0.status.zh) → " } ?? ""
        let due = first.dueOn.map { "，期限 \($0)" } ?? ""
        return "已保存: \(name) \(old)\(first.status.zh)\(due)"
    }
}
