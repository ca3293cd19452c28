import GridCore
import GridPalette
import TerminalKit

/// What is drawn over the current screen. While one is open it has every key (it is a text field or a question).
public enum Overlay: Hashable, Sendable {
    case problemForm(ProblemForm)
    case parkForm(ParkForm)
    case masterDataForm(MasterDataForm)
    case confirm(Confirmation)
    case reason(ReasonPrompt)
    case command(TextField)
    case search(TextField)
    case caseFilter(TextField)
    case helpFilter
    case filterMenu
}

/// Routes keys to the open overlay and draws it.
enum Overlays {
    static func key(_ s: inout AppState, _ key: Key) -> [Effect] {
        guard let overlay = s.overlay else { return [] }
        switch overlay {
        case .problemForm(let f): return ProblemFormOverlay.key(&s, f, key)
        case .parkForm(let f): return ParkFormOverlay.key(&s, f, key)
        case .masterDataForm(let f): return MasterDataFormOverlay.key(&s, f, key)
        case .confirm(let c): return ConfirmOverlay.key(&s, c, key)
        case .reason(let r): return ConfirmOverlay.reasonKey(&s, r, key)
        case .command(let field): return CommandLine.key(&s, field, key)
        case .search(let field): return SearchOverlay.key(&s, field, key)
        case .caseFilter(let field): return FilterPrompts.caseFilterKey(&s, field, key)
        case .helpFilter: return FilterPrompts.helpFilterKey(&s, key)
        case .filterMenu: return FilterMenu.key(&s, key)
        }
    }

    static func view(_ s: AppState, _ p: Palette, _ b: inout Buffer) {
        guard let overlay = s.overlay else { return }
        switch overlay {
        case .problemForm(let f): ProblemFormOverlay.view(f, p, &b)
        case .parkForm(let f): ParkFormOverlay.view(f, p, &b)
        case .masterDataForm(let f): MasterDataFormOverlay.view(f, p, &b)
        case .confirm(let c): ConfirmOverlay.view(c, p, &b)
        case .reason(let r): ConfirmOverlay.reasonView(r, p, &b)
        case .command(let field): prompt(":", field, s, p, &b)
        case .search(let field):
            SearchOverlay.results(s, p, &b)
            prompt("/", field, s, p, &b)
        case .caseFilter(let field): prompt("筛选 filter: ", field, s, p, &b)
        case .helpFilter: break
        case .filterMenu: FilterMenu.view(s, p, &b)
        }
    }

    /// A one-line prompt in place of the key-hint bar.
    static func prompt(_ sigil: String, _ field: TextField, _ s: AppState, _ p: Palette, _ b: inout Buffer) {
        let y = s.height - 1
        b.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: p[.text])
        let x = b.put(sigil, x: 0, y: y, style: p[.header])
        field.render(in: Rect(x: x, y: y, width: max(1, s.width - x), height: 1), style: p[.text], into: &b)
    }

    /// Closes the overlay without changing anything, and says so.
    static func cancel(_ s: inout AppState) -> [Effect] {
        s.overlay = nil
        s.message = StatusMessage("已取消，未改动 (cancelled, nothing changed)")
        return []
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
}
