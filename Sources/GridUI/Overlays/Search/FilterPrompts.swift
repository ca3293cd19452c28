import GridCore
import TerminalKit

/// The filter prompts of the case queue and the help screen: typing narrows the list as you go.
enum FilterPrompts {
    /// Enter keeps the filter, Esc clears it.
    static func caseFilterKey(_ s: inout AppState, _ field: TextField, _ key: Key) -> [Effect] {
        var field = field
        switch key {
        case .escape:
            s.overlay = nil
            guard !s.cases.filterText.isEmpty else { return [] }
            s.cases.filterText = ""
        case .enter:
            s.overlay = nil
            return []
        default:
            guard Overlays.edit(&field, key) else { return [] }
            s.overlay = .caseFilter(field)
            guard field.text != s.cases.filterText else { return [] }
            s.cases.filterText = field.text
        }
        // The store answers the filter: a fresh count and the first window.
        return CasesScreen.filterChanged(&s)
    }

    /// Edits the help filter in place; Esc or Enter closes the prompt (the filter stays until cleared).
    static func helpFilterKey(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .enter: s.overlay = nil
        default: _ = Overlays.edit(&s.help.filter, key)
        }
        s.help.offset = 0
        return []
    }
}
