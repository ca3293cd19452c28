import GridCore
import TerminalKit

/// One key per case transition, shared by the queue and the case detail. Reasons are asked for in an overlay; more
/// than one case is confirmed with the count and the cases named.
enum CaseTransitions {
    /// (key, action, label); `*` marks the ones that need a reason (`CaseAction.needsReason`).
    static let actions: [(Character, CaseAction, String)] = [
        ("r", .register, "立案"), ("a", .assign(unitID: nil), "交办(牵头单位)"), ("w", .startRectifying, "开始整改"),
        ("t", .submit, "提交复核"), ("v", .verify, "复核通过结案"), ("b", .rework, "返工*"), ("x", .void, "作废*"),
        ("e", .escalate, "督办"), ("o", .reopen, "重新打开*"), ("d", .sendBack, "退回*"),
    ]

    /// Every action the domain knows, for labels by code.
    static let known: [CaseAction] = [
        .register, .void, .fixOnSite, .assign(unitID: nil), .sendBack, .startRectifying, .requestExtension(until: Day(ordinal: 0)),
        .approveExtension, .rejectExtension, .park(until: Day(ordinal: 0)), .resume, .submit, .verify, .rework, .reopen, .escalate,
    ]

    /// The Chinese label of an action code as stored in case events (`request_extension` → 申请延期).
    static func zh(_ code: String) -> String {
        // `report` is the event that opens a case (上报); it is not a transition an operator picks.
        code == "report" ? "上报" : code == "notify" ? "通知到场" : code == AttachmentEvent.action ? "上传附件"
            : known.first { $0.code == code }?.zh ?? code
    }

    /// The transition bindings; `targets` gives the case numbers and names a key acts on.
    static func bindings(targets: @escaping @Sendable (AppState) -> [(number: CaseNumber, name: String)]) -> [Binding] {
        actions.map { key, action, label in
            Binding([.char(key)], "\(label) \(action.code)", hint: key == "r" ? "流转" : nil, hintKey: key == "r" ? "r/a/w/t/v" : nil) { s in
                request(&s, action: action, targets: targets(s))
            }
        }
    }

    /// A case on screen (the queue's fetched rows or the open case detail) by number.
    static func loaded(_ s: AppState, _ number: CaseNumber) -> CaseRecord? {
        if let d = s.caseDetail, d.row.record.number == number { return d.row.record }
        return s.cases.rows.first { $0.record.number == number }?.record
    }

    /// A transition key: straight through for one case; a reason overlay where one is needed; a confirmation naming
    /// the cases when there are several.
    static func request(_ s: inout AppState, action: CaseAction, targets: [(number: CaseNumber, name: String)]) -> [Effect] {
        guard !targets.isEmpty else {
            s.message = StatusMessage("没有选中的案件 (no case selected)", isError: true)
            return []
        }
        // Asked before any prompt, from the cases on screen: a step the state or the role rules out is refused now,
        // not after a reason was typed (the service asks again, with the relationship rules).
        for c in targets.compactMap({ t in loaded(s, t.number) }) {
            if let refusal = CaseTransition.refusal(action, on: c) {
                s.message = StatusMessage("未流转: \(refusal)", isError: true)
                return []
            }
            let permission = action.permission(on: c)
            guard Policy.allows(s.role, permission) else {
                let who = OperatorRole.allCases.filter { Policy.allows($0, permission) }.map(\.zh).joined(separator: "、")
                s.message = StatusMessage("未流转: \(s.login) 是\(s.role.zh)，不能\(permission.zh)；可由\(who)办理", isError: true)
                return []
            }
        }
        let names = targets.map { "\($0.number) \($0.name)" }
        if action.needsReason {
            s.overlay = .reason(ReasonPrompt(action: action, numbers: targets.map(\.number), names: names))
            return []
        }
        // One effect for all of them: the service moves every case or none.
        let effects = [Effect.moveCases(targets.map(\.number), action: action, reason: "")]
        if targets.count > 1 {
            s.overlay = .confirm(Confirmation(question: "将 \(targets.count) 件案件 \(action.zh)？ \(action.code) \(targets.count) cases?",
                                              names: names, effects: effects))
            return []
        }
        return effects
    }
}
