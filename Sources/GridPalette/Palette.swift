import TerminalKit

/// A colour scheme: a complete mapping of roles to styles plus the border glyphs. ("Theme" in this project means
/// an assessment theme, 测评主题; the colours are a palette.)
public struct Palette: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]
    public var glyphs: BorderGlyphs

    /// Creates a palette.
    public init(name: String, styles: [Role: Style], glyphs: BorderGlyphs = .unicode) {
        self.name = name
        self.styles = styles
        self.glyphs = glyphs
    }

    /// The style of a role (plain if a palette somehow lacks it; `themes check` reports missing roles).
    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// The theme for a terminal that shows `colors` colours (1 = monochrome): colours down-sampled, or
    /// removed entirely so attributes alone carry the meaning.
    public func adapted(colors: Int) -> Palette {
        var t = self
        for (role, style) in styles {
            if colors < 8 {
                t.styles[role] = Palette.monochrome(role, style)
            } else {
                var s = style
                s.fg = s.fg.downsampled(to: colors)
                s.bg = s.bg.downsampled(to: colors)
                t.styles[role] = s
            }
        }
        return t
    }

    /// A style with its colours removed. A background colour that carried the meaning (the selection, the bars)
    /// becomes reverse video, so the selected row stays visible on `TERM=vt100`/`linux` and in monochrome.
    static func monochrome(_ role: Role, _ style: Style) -> Style {
        var s = style.withoutColor
        let hasAttribute = s.bold || s.reverse || s.underline || s.dim
        if !hasAttribute, style.bg != .default {
            if role == .selectionUnfocused { s.underline = true } else { s.reverse = true }
        }
        return s
    }
}

/// The palettes compiled into the binary, so the console runs with no palette files at all.
public enum BuiltinPalettes {
    /// The dark default.
    public static let `default`: Palette = {
        func s(_ fg: String, _ bg: String = "default", bold: Bool = false, reverse: Bool = false, underline: Bool = false) -> Style {
            Style(fg: Color(parsing: fg) ?? .default, bg: Color(parsing: bg) ?? .default, bold: bold, reverse: reverse,
                  underline: underline)
        }
        return Palette(name: "default", styles: [
            .text: s("default"), .title: s("bright-white", "blue", bold: true), .border: s("bright-black"),
            .header: s("bright-cyan", bold: true), .muted: s("bright-black"),
            .selection: s("black", "cyan", reverse: false), .selectionUnfocused: s("default", "bright-black"),
            .marked: s("bright-yellow", bold: true, underline: true),
            .statusBar: s("black", "white"), .keyHint: s("default"), .keyHintKey: s("black", "cyan", bold: true),
            .error: s("bright-white", "red", bold: true), .info: s("black", "green"),
            .overdue: s("bright-white", "red", bold: true), .changedByOthers: s("black", "bright-magenta", bold: true),
            .status(.unchecked): s("bright-black"), .status(.ok): s("green"), .status(.problem): s("bright-red", bold: true),
            .status(.rectifying): s("yellow"), .status(.recheck): s("bright-cyan"), .status(.fixedOnSite): s("bright-green"),
            .status(.parked): s("magenta"), .status(.notApplicable): s("bright-black"),
        ])
    }()

    /// Attributes only: for `NO_COLOR` and terminals without colour. Every role stays distinguishable
    /// because the cell labels are text, and selection, overdue and errors use reverse, bold and underline.
    public static let monochrome: Palette = {
        let bold = Style(bold: true), rev = Style(reverse: true), under = Style(underline: true)
        var styles: [Role: Style] = [:]
        for role in Role.allCases { styles[role] = .plain }
        styles[.title] = Style(bold: true, reverse: true)
        styles[.header] = bold
        styles[.muted] = Style(dim: true)
        styles[.selection] = rev
        styles[.selectionUnfocused] = under
        styles[.marked] = Style(bold: true, underline: true)
        styles[.statusBar] = rev
        styles[.keyHintKey] = rev
        styles[.error] = Style(bold: true, reverse: true)
        styles[.info] = bold
        styles[.overdue] = Style(bold: true, underline: true)
        styles[.changedByOthers] = Style(bold: true, reverse: true)
        styles[.status(.problem)] = bold
        styles[.status(.unchecked)] = Style(dim: true)
        styles[.status(.notApplicable)] = Style(dim: true)
        return Palette(name: "monochrome", styles: styles)
    }()

    /// Built-in palettes by name.
    public static let all: [String: Palette] = ["default": `default`, "monochrome": monochrome]
}
