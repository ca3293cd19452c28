import Foundation
import Testing
import TerminalKit
@testable import TerminalNcurses

/// The real ncurses backend without a terminal: `newterm` on /dev/null, draw, read the cells back.
@Suite("ncurses backend, headless", .serialized)
struct NcursesHeadlessTests {
    @Test("draws CJK, ASCII and styles into ncurses' screen and reads them back")
    func drawAndReadBack() throws {
        #expect(TerminalSetup.ensureUTF8Locale() == nil)
        let output = try #require(fopen("/dev/null", "w"))
        let input = try #require(fopen("/dev/null", "r"))
        setenv("LINES", "12", 1)
        setenv("COLUMNS", "40", 1)
        let backend = try NcursesBackend(colorsAllowed: true, input: input, output: output, term: "xterm-256color")
        defer {
            backend.shutdown()
            fclose(output)
            fclose(input)
            unsetenv("LINES")
            unsetenv("COLUMNS")
        }
        #expect(backend.size.width == 40)
        #expect(backend.size.height == 12)
        let terminal = Terminal(backend: backend)
        var frame = Buffer(width: 40, height: 12)
        frame.put("阳光小区 达标", x: 0, y: 0, style: Style(fg: .ansi(2), bold: true))
        frame.put("Sunny", x: 3, y: 1, style: Style(reverse: true))
        terminal.draw(frame)
        #expect(backend.readBack(x: 0, y: 0)?.text == "阳")
        #expect(backend.readBack(x: 0, y: 0)?.bold == true)
        #expect(backend.readBack(x: 2, y: 0)?.text == "光")
        #expect(backend.readBack(x: 9, y: 0)?.text == "达")
        #expect((backend.readBack(x: 0, y: 0)?.pair ?? 0) > 0, "a colour pair was allocated")
        #expect(backend.readBack(x: 3, y: 1)?.text == "S")
        #expect(backend.readBack(x: 3, y: 1)?.reverse == true)
        frame.put("月", x: 2, y: 0, style: Style(fg: .ansi(2), bold: true))
        #expect(terminal.draw(frame) == 1)
        #expect(backend.readBack(x: 2, y: 0)?.text == "月")
    }

    @Test("preflight refuses dumb and unknown terminals and non-terminals with a clear message")
    func preflight() {
        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        #expect(throws: TerminalUnusable.self) { try NcursesBackend.preflight(term: "xterm", inputFD: null, outputFD: null) }
        var master: Int32 = 0, slave: Int32 = 0
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { return }
        defer { close(master); close(slave) }
        #expect(throws: TerminalUnusable.self) { try NcursesBackend.preflight(term: "dumb", inputFD: slave, outputFD: slave) }
        #expect(throws: TerminalUnusable.self) { try NcursesBackend.preflight(term: nil, inputFD: slave, outputFD: slave) }
        #expect(throws: TerminalUnusable.self) { try NcursesBackend.preflight(term: "no-such-terminal-xyz", inputFD: slave, outputFD: slave) }
        #expect(throws: Never.self) { try NcursesBackend.preflight(term: "vt100", inputFD: slave, outputFD: slave) }
    }
}

/// The committed width table against glibc's wcwidth under C.UTF-8, over the ranges operators meet.
@Suite("width table versus glibc")
struct GlibcWidthTests {
    /// Ranges compared: Latin, CJK, Hangul, kana, fullwidth forms, box drawing, emoji, combining marks.
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x1100...0x11FF, 0x2500...0x257F, 0x2E80...0x303F,
        0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF,
    ]

    /// Every difference, each with the reason it is accepted. A new difference fails the test until it is
    /// understood and listed here.
    static func justification(_ cp: UInt32, ours: Int, glibc: Int) -> String? {
        if glibc == -1 { return "glibc marks it unprintable or unassigned; we still give it a width so layout never breaks" }
        if (0x1160...0x11FF).contains(cp) && ours == 0 { return "Hangul medial/final jamo combine with the leading jamo" }
        if cp == 0x00AD { return "soft hyphen: both count it as 1" }
        return nil
    }

    @Test("every difference from glibc is listed and justified")
    func compare() {
        _ = TerminalSetup.ensureUTF8Locale()
        var unexplained: [String] = []
        var explained = 0
        for range in GlibcWidthTests.ranges {
            for cp in range {
                guard let scalar = Unicode.Scalar(cp) else { continue }
                let ours = DisplayWidth.standard.of(scalar: scalar)
                let theirs = TerminalSetup.glibcWidth(cp)
                guard ours != theirs else { continue }
                if GlibcWidthTests.justification(cp, ours: ours, glibc: theirs) != nil {
                    explained += 1
                } else {
                    unexplained.append(String(format: "U+%04X ours %d glibc %d", cp, ours, theirs))
                }
            }
        }
        #expect(unexplained.isEmpty, "unexplained differences: \(unexplained.prefix(40))")
    }
}
