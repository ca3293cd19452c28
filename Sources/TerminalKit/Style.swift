/// A colour as a theme names it; backends down-sample it to what the terminal can show.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// One of the 256 indexed colours.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI colour names, in index order.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                               "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `default`, one of the 16 names (also `gray`/`grey`), `0`–`255` or `#rrggbb`.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" || t.isEmpty { self = .default; return }
        if let i = Color.names.firstIndex(of: t) { self = .ansi(UInt8(i)); return }
        if t == "gray" || t == "grey" { self = .ansi(8); return }
        if let n = Int(t), (0...255).contains(n) { self = n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n)); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }

    /// The colour as 8-bit RGB, for contrast checks and down-sampling; nil for `default`.
    public var rgbValue: (r: Int, g: Int, b: Int)? {
        switch self {
        case .default: return nil
        case .ansi(let i): return Color.xterm(Int(i))
        case .indexed(let i): return Color.xterm(Int(i))
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        }
    }

    /// xterm's palette value of an indexed colour.
    static func xterm(_ i: Int) -> (r: Int, g: Int, b: Int) {
        let base16 = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                      (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                      (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        if i < 16 { return base16[i] }
        if i < 232 {
            let n = i - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[n / 36], steps[n / 6 % 6], steps[n % 6])
        }
        let g = 8 + (i - 232) * 10
        return (g, g, g)
    }

    /// The nearest colour among the first `count` indexed colours (8, 16 or 256); `.default` stays, and
    /// so does everything on a direct-colour terminal (`count` above 256).
    public func downsampled(to count: Int) -> Color {
        guard count <= 256, let (r, g, b) = rgbValue else { return self }
        if case .ansi(let i) = self, Int(i) < count { return self }
        if case .indexed(let i) = self, Int(i) < count { return self }
        var best = 0, bestDistance = Int.max
        for i in 0..<min(count, 256) {
            let c = Color.xterm(i)
            let d = (c.r - r) * (c.r - r) + (c.g - g) * (c.g - g) + (c.b - b) * (c.b - b)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best < 16 ? .ansi(UInt8(best)) : .indexed(UInt8(best))
    }
}

/// How a cell is drawn: colours plus attributes. Attributes alone must carry meaning in monochrome.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    /// Creates a style.
    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with colours removed (monochrome terminals, `NO_COLOR`).
    public var withoutColor: Style {
        Style(bold: bold, reverse: reverse, underline: underline, dim: dim)
    }

    /// A compact description for snapshots: `fg=green,bg=default,b,r,u,d`.
    public var code: String {
        var parts: [String] = []
        if fg != .default { parts.append("fg=\(Style.name(fg))") }
        if bg != .default { parts.append("bg=\(Style.name(bg))") }
        if bold { parts.append("b") }
        if reverse { parts.append("r") }
        if underline { parts.append("u") }
        if dim { parts.append("d") }
        return parts.isEmpty ? "-" : parts.joined(separator: ",")
    }

    static func name(_ c: Color) -> String {
        switch c {
        case .default: "default"
        case .ansi(let i): Color.names[Int(i)]
        case .indexed(let i): "\(i)"
        case .rgb(let r, let g, let b): "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
