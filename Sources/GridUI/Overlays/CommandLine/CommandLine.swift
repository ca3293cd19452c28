import GridCore
import TerminalKit

/// The `:` command line: `goto NAME`, `filter …`, `sort gain|due` (the case queue) or `sort site|board` (the board), `palette NAME` (`theme` is accepted too), `import FILE`, `q`, and
/// the command word of every binding that runs on the screen (`:undo`, `:help` …). Tab completes all of them.
enum CommandLine {
    /// Commands of the command line itself (the bindings' verbs come on top, per screen).
    static let commands = ["goto", "filter", "sort", "palette", "theme", "import", "quit", "q", "w"]
    /// `gain`/`due` order the case queue; `site`/`board` order the board (BoardSiteOrder).
    static let sortWords = ["gain", "due", "site", "board"]
    static let filterWords = ["overdue", "declared", "clear", "sites", "site"] + CellStatus.allCases.map(\.zh)

    /// Every command word that works here: the command line's own and the verbs of the bindings that run.
    static func words(_ s: AppState) -> [String] {
        commands + Bindings.active(s).compactMap(\.verb).filter { !commands.contains($0) }
    }

    static func key(_ s: inout AppState, _ field: TextField, _ key: Key) -> [Effect] {
        var field = field
        switch key {
        case .escape: s.overlay = nil
        case .enter:
            s.overlay = nil
            return run(&s, field.text)
        case .tab:
            s.overlay = .command(TextField(complete(field.text, s)))
        default:
            if Overlays.edit(&field, key) { s.overlay = .command(field) }
        }
        return []
    }

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
        case "goto", "g":
            guard !arg.isEmpty else { return usage(&s, "goto 名称") }
            s.search = SearchState(query: arg, pendingGoto: true)
            return [.search(arg)]
        case "palette", "theme":
            guard !arg.isEmpty else { return usage(&s, "palette \(s.availablePalettes.joined(separator: "|"))") }
            return [.applyPalette(arg)]
        case "filter":
            return filter(&s, arg)
        case "sort":
            return BoardSiteOrder.isBoardSort(arg) ? BoardSiteOrder.sort(&s, arg) : CaseGainSort.command(&s, arg)
        case "import":
            guard !arg.isEmpty else { return usage(&s, "import 文件.csv|.xlsx") }
            guard s.importing == nil else {
                s.message = StatusMessage("已有导入在进行 (an import is already running; Esc cancels it)", isError: true)
                return []
            }
            s.importing = ImportActivity(file: arg)
            return [.startImport(arg)]
        default:
            if let binding = Bindings.active(s).first(where: { $0.verb == verb }) { return binding.perform(&s) }
            s.message = StatusMessage("未知命令 “\(verb)”；可用: \(self.words(s).joined(separator: " ")) (unknown command)", isError: true)
            return []
        }
    }

    static func filter(_ s: inout AppState, _ arg: String) -> [Effect] {
        var f = s.board.filter
        switch arg {
        case "overdue", "逾期": f.overdueOnly = true
        case "declared", "申报点位", "sites", "点位": f.declaredOnly = true
        case "clear", "none", "": f = .none
        default:
            if let range = BoardSiteOrder.range(arg) {
                f.siteNumbers = range
                break
            }
            guard let status = CellStatus.parse(arg) else {
                return usage(&s, "filter overdue|sites|site N[-M]|clear|<状态>")
            }
            f.statuses.insert(status)
        }
        s.board.filter = f
        s.screen = .board
        return BoardScreen.reload(&s, resetCursor: true)
    }

    static func usage(_ s: inout AppState, _ text: String) -> [Effect] {
        s.message = StatusMessage("用法 usage: :\(text)", isError: true)
        return []
    }

    /// Names `:goto` completes: communities on the board, the browser's columns and the last search's hits.
    static func names(_ s: AppState) -> [String] {
        var seen = Set<String>()
        let all = s.board.rows.map(\.community.name) + s.browser.flatMap { $0.items.compactMap(\.ref?.name) } + s.search.hits.map(\.ref.name)
        return all.filter { seen.insert($0).inserted }
    }

    /// Completes the command word, or a palette name, filter word or place name after it.
    static func complete(_ text: String, _ s: AppState) -> String {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            let hits = words(s).filter { $0.hasPrefix(parts[0]) }
            return hits.count == 1 ? hits[0] + " " : commonPrefix(hits, fallback: text)
        }
        let options: [String] = switch parts[0] {
        case "palette", "theme": s.availablePalettes
        case "filter": filterWords
        case "sort": sortWords
        case "goto", "g": names(s)
        default: []
        }
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
