import GridCore

/// `n` on a case: record that the unit was notified to come to the site, and put the ≤140-character message on the
/// clipboard (OSC 52) to paste into SMS or WeChat.
enum CaseNotify {
    static let binding = Binding([.char("n")],
                                 "通知到场 notify: copy the message to the clipboard (OSC 52; a terminal may not support it — "
                                    + "in tmux set -g set-clipboard on) and record it",
                                 hint: "通知", verb: "notify") { s in
        guard let number = s.caseDetail?.row.record.number else { return [] }
        guard s.caseDetail?.row.record.state.isOpen == true else {
            s.message = StatusMessage("案件已结 (case \(number) is closed): only an open case is notified", isError: true)
            return []
        }
        s.message = StatusMessage("通知中… notifying")
        return [.notifyCase(number)]
    }

    /// The notification was recorded: the message goes to the clipboard, the status bar says so, the detail reloads.
    static func notified(_ s: inout AppState, number: CaseNumber, message: String, recipients: String) -> [Effect] {
        s.message = StatusMessage("已复制并记录通知 (copied via OSC 52 and recorded) → \(recipients)")
        return [.copyToClipboard(message), .loadCaseDetail(number)]
    }
}
