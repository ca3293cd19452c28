import GridCore
import TerminalKit

/// Keys while a form, confirmation, prompt or menu is open.
enum Overlays {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect] {
        guard let overlay = s.overlay else { return [] }
        switch overlay {
        case .form(let form): return formKey(&s, form, key)
        case .confirm(let targets, let status):
            switch key {
            case .char("y"), .char("Y"), .enter:
                s.overlay = nil
                return [.saveStatus(targets: targets, request: StatusChangeRequest(status: status))]
            case .char("n"), .char("N"), .escape:
                s.overlay = nil
                s.message = StatusMessage("已取消，未改动 (cancelled, nothing changed)")
            default: break
            }
            return []
        case .command(var field):
            switch key {
            case .escape: s.overlay = nil
            case .enter:
                s.overlay = nil
                return CommandPrompt.run(&s, field.text)
            case .tab:
                field = TextField(CommandPrompt.complete(field.text, themes: s.availableThemes))
                s.overlay = .command(field)
            default:
                if edit(&field, key) { s.overlay = .command(field) }
            }
            return []
        case .search(var field):
            switch key {
            case .escape:
                s.overlay = nil
                s.search = SearchState()
                return []
            case .enter:
                s.overlay = nil
                return s.search.hits.isEmpty ? [] : Search.jump(&s)
            default:
                guard edit(&field, key) else { return [] }
                s.overlay = .search(field)
                return field.text.trimmingWhitespace().isEmpty ? [] : [.search(field.text)]
            }
        case .filterMenu:
            return filterKey(&s, key)
        }
    }

    /// Line editing shared by prompts and form fields; false when the key is not an edit.
    static func edit(_ field: inout TextField, _ key: Key) -> Bool {
        switch key {
        case .char(let c): field.insert(String(c))
        case .backspace: field.backspace()
        case .delete: field.deleteForward()
        case .left: field.move(-1)
        case .right: field.move(1)
        case .home, .ctrl("a"): field.moveToEnd(false)
        case .end, .ctrl("e"): field.moveToEnd(true)
        default: return false
        }
        return true
    }

    static func formKey(_ s: inout AppState, _ form: StatusForm, _ key: Key) -> [Effect] {
        var f = form
        switch key {
        case .escape:
            s.overlay = nil
            s.message = StatusMessage("已取消，未改动 (cancelled, nothing changed)")
            return []
        case .enter:
            return Changes.submit(&s, f)
        case .tab, .backTab, .down, .up:
            f.focus = f.focus == 0 ? 1 : 0
        default:
            if f.focus == 0 {
                _ = edit(&f.note, key)
            } else if f.status == .parked {
                _ = edit(&f.plan, key)
            } else if key == .left || key == .right || key == .char(" ") {
                let all = StatusForm.deadlineChoices
                let step = key == .left ? -1 : 1
                let index = all.firstIndex(of: f.deadline) ?? 0
                f.deadline = all[(index + step + all.count) % all.count]
            }
        }
        f.error = nil
        s.overlay = .form(f)
        return []
    }

    static func filterKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        var filter = s.board.filter
        switch key {
        case .escape, .enter, .char("f"), .char("q"):
            s.overlay = nil
            return []
        case .char("o"): filter.overdueOnly.toggle()
        case .char("d"): filter.declaredOnly.toggle()
        case .char("x"): filter = .none
        case .char(let c):
            guard let status = CellStatus.allCases.first(where: { $0.key == c }) else { return [] }
            if filter.statuses.remove(status) == nil { filter.statuses.insert(status) }
        default: return []
        }
        s.board.filter = filter
        s.screen = .board
        return Board.reload(&s, resetCursor: true)
    }
}

/// The `:` command line: `goto NAME`, `filter …`, `theme NAME`, `q`.
enum CommandPrompt {
    static let commands = ["goto", "filter", "theme", "import", "quit", "q", "w", "help"]
    static let filterWords = ["overdue", "declared", "clear"] + CellStatus.allCases.map(\.zh)

    static func run(_ s: inout AppState, _ text: String) -> [Effect] {
        let words = text.trimmingWhitespace().split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first else { return [] }
        let arg = words.count > 1 ? words[1].trimmingWhitespace() : ""
        switch verb {
        case "q", "quit", "q!", "wq", "x":
            s.quitting = true
            return [.quit]
        case "w":
            s.message = StatusMessage("每次改动都已立即保存 (everything is saved as you go)")
            return []
        case "help":
            return Input.perform(&s, .help)
        case "goto", "g":
            guard !arg.isEmpty else { return usage(&s, "goto 名称") }
            s.pendingGoto = true
            s.search = SearchState(query: arg)
            return [.search(arg)]
        case "theme":
            guard !arg.isEmpty else { return usage(&s, "theme \(s.availableThemes.joined(separator: "|"))") }
            return [.applyTheme(arg)]
        case "filter":
            return filter(&s, arg)
        case "import":
            guard !arg.isEmpty else { return usage(&s, "import 文件.csv|.xlsx") }
            guard s.importing == nil else {
                s.message = StatusMessage("已有导入在进行 (an import is already running; Esc cancels it)", isError: true)
                return []
            }
            s.importing = ImportActivity(file: arg)
            return [.startImport(arg)]
        default:
            s.message = StatusMessage("未知命令 “\(verb)”；可用: goto filter theme q (unknown command)", isError: true)
            return []
        }
    }

    static func filter(_ s: inout AppState, _ arg: String) -> [Effect] {
        var f = s.board.filter
        switch arg {
        case "overdue", "逾期": f.overdueOnly = true
        case "declared", "申报点位": f.declaredOnly = true
        case "clear", "none", "": f = .none
        default:
            guard let status = CellStatus.parse(arg) else {
                return usage(&s, "filter overdue|declared|clear|<状态>")
            }
            f.statuses.insert(status)
        }
        s.board.filter = f
        s.screen = .board
        return Board.reload(&s, resetCursor: true)
    }

    static func usage(_ s: inout AppState, _ text: String) -> [Effect] {
        s.message = StatusMessage("用法 usage: :\(text)", isError: true)
        return []
    }

    /// Completes the command word, or a theme name or filter word after it.
    static func complete(_ text: String, themes: [String]) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            let hits = commands.filter { $0.hasPrefix(parts[0]) }
            return hits.count == 1 ? hits[0] + " " : commonPrefix(hits, fallback: text)
        }
        let options = parts[0] == "theme" ? themes : parts[0] == "filter" ? filterWords : []
        let hits = options.filter { $0.hasPrefix(parts[1]) }
        if hits.count == 1 { return parts[0] + " " + hits[0] }
        return parts[0] + " " + commonPrefix(hits, fallback: parts[1])
    }

    static func commonPrefix(_ words: [String], fallback: String) -> String {
        guard var prefix = words.first else { return fallback }
        for w in words.dropFirst() {
            while !w.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count >= fallback.count ? prefix : fallback
    }
}
