import GridCore

/// Status keys, the quick form, bulk confirmation, saved changes and undo.
enum Changes {
    /// A status key on the board or the detail: targets are the marked cells, else the cursor cell.
    static func request(_ s: inout AppState, status: CellStatus, cursor: CellKey?) -> [Effect] {
        let targets = s.screen == .board && !s.board.marks.isEmpty
            ? s.board.marks.sorted { ($0.communityID, $0.themeID) < ($1.communityID, $1.themeID) }
            : cursor.map { [$0] } ?? []
        guard !targets.isEmpty else {
            s.message = StatusMessage("此处没有测评单元 (the theme does not apply here)", isError: true)
            return []
        }
        guard s.role != .viewer else {
            s.message = StatusMessage("\(s.login) 是查看角色，不能修改；请管理员授权 (viewers may not change cells)", isError: true)
            return []
        }
        if status == .problem || status == .parked {
            s.overlay = .form(StatusForm(targets: targets, status: status, today: s.today))
            return []
        }
        if targets.count > 1 {
            s.overlay = .confirm(targets: targets, status: status)
            return []
        }
        return [.saveStatus(targets: targets, request: StatusChangeRequest(status: status))]
    }

    /// Turns a filled form into a request, or explains what is missing.
    static func submit(_ s: inout AppState, _ form: StatusForm) -> [Effect] {
        var f = form
        let note = f.note.text.trimmingWhitespace()
        guard !note.isEmpty else {
            f.error = "请填写说明 (a note is required for \(form.status.zh))"
            f.focus = 0
            s.overlay = .form(f)
            return []
        }
        if form.status == .problem {
            // A problem found on site is a case (上报), and the cell follows it.
            s.overlay = nil
            return [.recordCases(targets: form.targets, description: note, deadlineClass: form.deadline)]
        }
        var request = StatusChangeRequest(status: form.status, note: note)
        if form.status == .parked {
            guard let plan = Day(f.plan.text), plan > s.today else {
                f.error = "计划日期须为今天之后的 YYYY-MM-DD (plan date must be after today)"
                f.focus = 1
                s.overlay = .form(f)
                return []
            }
            request.plan = plan
        }
        s.overlay = nil
        return [.saveStatus(targets: form.targets, request: request)]
    }

    static func saved(_ s: inout AppState, before: [CellState], after: [CellState], isUndo: Bool) -> [Effect] {
        for cell in after { apply(&s, cell) }
        if isUndo {
            s.undo.removeLast()
            s.message = StatusMessage("已撤销 \(after.count) 格 (undone, and recorded in the log)")
        } else {
            if !before.isEmpty { s.undo.append(before) }
            s.board.marks = []
            s.message = StatusMessage(summary(s, before: before, after: after))
        }
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
        let community = s.board.rows.first { $0.community.id == first.communityID }?.community.name
            ?? s.detail?.communityName ?? ""
        let theme = s.board.themes.first { $0.id == first.themeID }?.zh ?? ""
        let old = before.first.map { "\($0.status.zh) → " } ?? ""
        let due = first.dueOn.map { "，期限 \($0)" } ?? ""
        return "已保存: \(community)·\(theme) \(old)\(first.status.zh)\(due)"
    }
}
