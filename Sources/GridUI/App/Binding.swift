import GridCore
import TerminalKit

/// One binding: the keys, what they do, and the help text. The help screen, the key-hint bar and the `:` command
/// completion are generated from the bindings that run, so they cannot drift (lazygit's controllers).
public struct Binding: Sendable {
    public var keys: [Key]
    /// Help text, Chinese then English.
    public var help: String
    /// Short label for the key-hint bar, when the binding is shown there.
    public var hint: String?
    /// The key text in the hint bar when it is not the first key's label (`0-7` for the status keys).
    public var hintKey: String?
    /// The `:` command that runs it too (`:undo`), if any.
    public var verb: String?
    let handler: @Sendable (inout AppState) -> [Effect]

    /// Creates a binding.
    public init(_ keys: [Key], _ help: String, hint: String? = nil, hintKey: String? = nil, verb: String? = nil,
                _ handler: @escaping @Sendable (inout AppState) -> [Effect]) {
        self.keys = keys
        self.help = help
        self.hint = hint
        self.hintKey = hintKey
        self.verb = verb
        self.handler = handler
    }

    /// Runs the binding.
    public func perform(_ s: inout AppState) -> [Effect] { handler(&s) }

    /// The keys as shown to people: `j ↓`.
    public var keyLabel: String { keys.map(KeyLabel.of).joined(separator: " ") }

    /// Only the keys not already taken by `earlier` bindings (nil when none is left): what actually runs.
    func remaining(after taken: Set<Key>) -> Binding? {
        var b = self
        b.keys = keys.filter { !taken.contains($0) }
        return b.keys.isEmpty ? nil : b
    }
}

/// Resolving bindings: the first binding holding a key wins, so a screen's binding shadows a global one.
public enum Bindings {
    /// The bindings that run, in order, each with only the keys that reach it.
    public static func effective(_ list: [Binding]) -> [Binding] {
        var taken = Set<Key>()
        var result: [Binding] = []
        for b in list {
            guard let r = b.remaining(after: taken) else { continue }
            taken.formUnion(r.keys)
            result.append(r)
        }
        return result
    }

    /// What runs on `screen` in state `s`: the screen's bindings, then the global ones.
    public static func on(_ screen: Screen, _ s: AppState) -> [Binding] {
        effective(Global.before(s) + Screens.module(screen).bindings(s) + Global.bindings(s))
    }

    /// What runs on the active screen.
    public static func active(_ s: AppState) -> [Binding] { on(s.screen, s) }

    /// The binding a key runs on the active screen, if any.
    public static func binding(for key: Key, in s: AppState) -> Binding? {
        active(s).first { $0.keys.contains(key) }
    }
}

/// How keys are written in help: `Enter`, `↑`, `Ctrl-L`, `F1`.
public enum KeyLabel {
    /// The label of one key.
    public static func of(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .alt(let c): "Alt-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        }
    }
}
