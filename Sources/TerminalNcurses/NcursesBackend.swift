import CNcursesw
import Glibc
import TerminalKit

/// Why the console cannot start in this terminal, with what to do instead.
public struct TerminalUnusable: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The real terminal over ncursesw: `newterm` on the process's terminal, wide characters through
/// `cchar_t`, colour pairs allocated on first use, `wget_wch` with a timeout, mouse and resize.
public final class NcursesBackend: TerminalBackend {
    let screen: OpaquePointer
    /// The stream ncurses writes to; OSC 52 goes there after a refresh (see `sendControl`).
    let outputStream: UnsafeMutablePointer<FILE>?
    let window: UnsafeMutablePointer<WINDOW>
    /// Colours the terminal shows (1 when colour is off; above 256 for a direct-colour terminal such as
    /// TERM=xterm-direct, where theme RGB colours are sent as they are).
    public let colorCount: Int
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var cursorVisible = false

    struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Checks what would make ncurses fail or draw garbage, before touching the terminal.
    /// `term` is `$TERM`; the streams must be terminals.
    public static func preflight(term: String?, inputFD: Int32, outputFD: Int32) throws(TerminalUnusable) {
        guard isatty(inputFD) == 1, isatty(outputFD) == 1 else {
            throw TerminalUnusable(description: "the console needs a terminal on stdin and stdout; in scripts use the "
                + "commands (civgrid tree, show, set, log …)")
        }
        guard let term, !term.isEmpty, term != "dumb" else {
            throw TerminalUnusable(description: "TERM is \(term.map { "“\($0)”" } ?? "not set"), which cannot position the "
                + "cursor; set TERM to your terminal's type, e.g. TERM=xterm-256color")
        }
        var err: Int32 = 0
        guard setupterm(term, outputFD, &err) == OK else {
            throw TerminalUnusable(description: "TERM=\(term) is not in the terminfo database; set TERM to a known type "
                + "such as xterm-256color, screen-256color or vt100")
        }
        let cup = tigetstr("cup")
        let invalid = UnsafeMutablePointer<CChar>(bitPattern: -1)
        guard let cup, cup != invalid else {
            throw TerminalUnusable(description: "TERM=\(term) cannot move the cursor (no cup capability); use a full-screen terminal type")
        }
    }

    /// Starts ncurses on the given streams. Call `preflight` and install signal handlers first.
    public init(colorsAllowed: Bool, input: UnsafeMutablePointer<FILE>? = cnc_stdin(), output: UnsafeMutablePointer<FILE>? = cnc_stdout(),
                term: String? = nil) throws(TerminalUnusable) {
        guard let scr = newterm(term, output, input) else {
            throw TerminalUnusable(description: "ncurses could not start on this terminal (newterm failed)")
        }
        screen = scr
        outputStream = output
        set_term(scr)
        window = cnc_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // Let ncurses scroll the screen with insert/delete-line when the board moves by a row, instead of
        // rewriting every row (it matters over a slow SSH link).
        idlok(window, true)
        set_escdelay(25)
        wtimeout(window, 250)
        curs_set(0)
        var colors = 1
        if colorsAllowed && has_colors() {
            start_color()
            use_default_colors()
            // A direct-colour terminfo (COLORS = 2^24) takes RGB values as colour numbers.
            colors = Int(cnc_COLORS()) > 256 ? Int(cnc_COLORS()) : Int(min(cnc_COLORS(), 256))
        }
        colorCount = colors
        mousemask(CNC_ALL_MOUSE_EVENTS, nil)
        mouseinterval(0)
        NcursesBackend.defineKeyVariants()
    }

    /// Teaches ncurses the sequences PuTTY, Xshell and the Linux console send for F1–F4, Home and End
    /// under TERM values whose terminfo describes them differently.
    static func defineKeyVariants() {
        let variants: [(String, Int32)] = [
            ("\u{1B}[11~", KEY_F0 + 1), ("\u{1B}[12~", KEY_F0 + 2), ("\u{1B}[13~", KEY_F0 + 3), ("\u{1B}[14~", KEY_F0 + 4),
            ("\u{1B}[[A", KEY_F0 + 1), ("\u{1B}[[B", KEY_F0 + 2), ("\u{1B}[[C", KEY_F0 + 3), ("\u{1B}[[D", KEY_F0 + 4),
            ("\u{1B}OP", KEY_F0 + 1), ("\u{1B}OQ", KEY_F0 + 2), ("\u{1B}OR", KEY_F0 + 3), ("\u{1B}OS", KEY_F0 + 4),
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
            ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ]
        for (seq, code) in variants where key_defined(seq) == 0 { define_key(seq, code) }
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func draw(_ changes: [CellChange]) {
        var wch = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        for change in changes {
            let scalars = Array(change.cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)))
            for i in wch.indices { wch[i] = i < scalars.count ? wchar_t(bitPattern: scalars[i].value) : 0 }
            if scalars.isEmpty { wch[0] = 0x20 }
            let (attrs, pair) = attributes(change.cell.style)
            _ = cnc_put(window, Int32(change.y), Int32(change.x), wch, attrs, pair)
        }
    }

    func attributes(_ style: Style) -> (attr_t, Int32) {
        var a = CNC_A_NORMAL
        if style.bold { a |= CNC_A_BOLD }
        if style.reverse { a |= CNC_A_REVERSE }
        if style.underline { a |= CNC_A_UNDERLINE }
        if style.dim { a |= CNC_A_DIM }
        guard colorCount > 1 else { return (a, 0) }
        return (a, pair(fg: index(style.fg), bg: index(style.bg)))
    }

    func index(_ c: Color) -> Int32 {
        switch c.downsampled(to: colorCount) {
        case .default: return -1
        case .ansi(let i): return Int32(i)
        case .indexed(let i):
            if colorCount > 256, let v = c.rgbValue { return Int32(v.r << 16 | v.g << 8 | v.b) }
            return Int32(i)
        case .rgb(let r, let g, let b): return colorCount > 256 ? Int32(Int(r) << 16 | Int(g) << 8 | Int(b)) : -1
        }
    }

    /// The pair for a colour combination, allocated on first use.
    func pair(fg: Int32, bg: Int32) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard nextPair < min(cnc_COLOR_PAIRS(), 32767) else { return 0 }
        let p = nextPair
        nextPair += 1
        init_extended_pair(p, fg, bg)
        pairs[key] = p
        return p
    }

    public func setCursor(_ position: (x: Int, y: Int)?) {
        if let position {
            if !cursorVisible { curs_set(1) }
            wmove(window, Int32(position.y), Int32(position.x))
        } else if cursorVisible {
            curs_set(0)
        }
        cursorVisible = position != nil
    }

    public func invalidate() {
        clearok(window, true)
    }

    public func flush() {
        wrefresh(window)
    }

    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        wtimeout(window, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == KEY_CODE_YES { return special(Int32(ch)) }
        guard rc == OK else { return .tick }
        return character(UInt32(ch))
    }

    func special(_ code: Int32) -> TerminalEvent {
        switch code {
        case KEY_RESIZE: return .resize(width: size.width, height: size.height)
        case KEY_MOUSE: return mouse() ?? .tick
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .key(.function(Int(code - KEY_F0)))
        default: return .tick
        }
    }

    func character(_ c: UInt32) -> TerminalEvent {
        switch c {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27:
            // Alt+key arrives as ESC followed at once by the key.
            wtimeout(window, 0)
            var next: wint_t = 0
            let rc = wget_wch(window, &next)
            if rc == OK, let s = Unicode.Scalar(UInt32(next)), next >= 0x20 { return .key(.alt(Character(s))) }
            return .key(.escape)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(c + 96)!)))
        default:
            guard let s = Unicode.Scalar(c) else { return .tick }
            return .key(.char(Character(s)))
        }
    }

    func mouse() -> TerminalEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & CNC_BUTTON4_PRESSED != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if event.bstate & CNC_BUTTON5_PRESSED != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if event.bstate & (CNC_BUTTON1_PRESSED | CNC_BUTTON1_CLICKED) != 0 { return .mouse(MouseEvent(kind: .press, x: x, y: y)) }
        if event.bstate & CNC_BUTTON1_RELEASED != 0 { return .mouse(MouseEvent(kind: .release, x: x, y: y)) }
        return nil
    }

    /// Leaves curses mode (the terminal is usable again); `resume` comes back.
    public func suspend() {
        endwin()
    }

    /// Returns to curses mode after `suspend` and forces a full repaint.
    public func resume() {
        reset_prog_mode()
        clearok(window, true)
        wrefresh(window)
    }

    /// Ends curses mode for good. Safe to call more than once.
    public func shutdown() {
        if isendwin() == false { endwin() }
    }

    /// The grapheme, attributes and pair ncurses holds at a cell (headless tests read the screen back).
    public func readBack(x: Int, y: Int) -> (text: String, bold: Bool, reverse: Bool, pair: Int32)? {
        var out = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        guard cnc_read(window, Int32(y), Int32(x), &out, &attrs, &pair) != ERR else { return nil }
        let text = String(String.UnicodeScalarView(out.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return (text, attrs & CNC_A_BOLD != 0, attrs & CNC_A_REVERSE != 0, Int32(pair))
    }
}
