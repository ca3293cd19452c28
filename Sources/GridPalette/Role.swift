import GridCore

/// What a piece of the screen is; palettes map roles to styles, so no screen names a colour.
public enum Role: Hashable, Sendable, CaseIterable {
    case text, title, border, header, muted
    case selection, selectionUnfocused, marked
    case statusBar, keyHint, keyHintKey
    case error, info
    case overdue, changedByOthers
    case status(CellStatus)

    public static let allCases: [Role] = [
        .text, .title, .border, .header, .muted, .selection, .selectionUnfocused, .marked, .statusBar, .keyHint,
        .keyHintKey, .error, .info, .overdue, .changedByOthers,
    ] + CellStatus.allCases.map { .status($0) }

    /// The key naming the role in a palette file.
    public var key: String {
        switch self {
        case .text: "text"
        case .title: "title"
        case .border: "border"
        case .header: "header"
        case .muted: "muted"
        case .selection: "selection"
        case .selectionUnfocused: "selection-unfocused"
        case .marked: "marked"
        case .statusBar: "status-bar"
        case .keyHint: "key-hint"
        case .keyHintKey: "key-hint-key"
        case .error: "error"
        case .info: "info"
        case .overdue: "overdue"
        case .changedByOthers: "changed-by-others"
        case .status(let s): "status-\(s.rawValue)"
        }
    }

    /// The role a palette-file key names.
    public init?(key: String) {
        guard let r = Role.allCases.first(where: { $0.key == key }) else { return nil }
        self = r
    }
}
