import Testing
@testable import TerminalKit

@Suite("Buffer and diff")
struct BufferTests {
    @Test("a wide grapheme takes a lead cell and a continuation cell")
    func wideCells() {
        var b = Buffer(width: 6, height: 1)
        let end = b.put("阳a光", x: 0, y: 0)
        #expect(end == 5)
        #expect(b[0, 0].text == "阳" && !b[0, 0].isContinuation)
        #expect(b[1, 0].isContinuation)
        #expect(b[2, 0].text == "a")
        #expect(b.rowText(0) == "阳a光 ")
    }

    @Test("a wide grapheme that does not fit is padded, never split")
    func noSplitAtEdge() {
        var b = Buffer(width: 5, height: 1)
        b.put("阳光小区", x: 0, y: 0)
        #expect(b.rowText(0) == "阳光 ")
        #expect(!b[4, 0].isContinuation)
        var c = Buffer(width: 10, height: 1)
        c.put("阳光小区", x: 0, y: 0, maxX: 3)
        #expect(c.rowText(0) == "阳         ".prefix(10).description || c.rowText(0).hasPrefix("阳 "))
        #expect(!c[2, 0].isContinuation)
    }

    @Test("writing over half of a wide grapheme clears the other half")
    func overwriteHalf() {
        var b = Buffer(width: 4, height: 1)
        b.put("阳光", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b[0, 0].text == " ")
        #expect(b[1, 0].text == "x")
        #expect(b[2, 0].text == "光")
        b.put("y", x: 2, y: 0)
        #expect(!b[3, 0].isContinuation)
        #expect(b.rowText(0) == " xy ")
    }

    @Test("control characters are shown visibly (ESC as ␛, by Sanitiser) and cannot move the cursor")
    func controls() {
        var b = Buffer(width: 6, height: 1)
        b.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(b.rowText(0) == "a␛[2Jb")
    }

    @Test("fitted text is truncated with an ellipsis in display columns")
    func fitted() {
        var b = Buffer(width: 10, height: 1)
        b.put("锦绣华庭国际社区", x: 0, y: 0, width: 7)
        #expect(b.rowText(0) == "锦绣华…   ")
    }

    @Test("the diff sends only changed cells, and a wide change as its lead cell")
    func diff() {
        var a = Buffer(width: 10, height: 3)
        a.put("阳光小区", x: 0, y: 1)
        var b = a
        b.put("月", x: 2, y: 1)
        let changes = BufferDiff.changes(from: a, to: b)
        #expect(changes == [CellChange(x: 2, y: 1, cell: Cell("月"))])
        #expect(BufferDiff.changes(from: a, to: a).isEmpty)
        #expect(BufferDiff.changes(from: nil, to: a).count == 30 - 4, "a full paint skips continuation cells")
        #expect(BufferDiff.changes(from: Buffer(width: 5, height: 3), to: a).count == 26, "a size change repaints everything")
    }

    @Test("the terminal sends diffs through the backend; the in-memory screen matches the buffer")
    func memoryBackend() {
        let backend = MemoryBackend(width: 12, height: 2)
        let terminal = Terminal(backend: backend)
        var frame = Buffer(width: 12, height: 2)
        frame.put("东湖农贸市场", x: 0, y: 0, style: Style(fg: .ansi(2), bold: true))
        #expect(terminal.draw(frame) == 24 - 6)
        #expect(backend.screen.rowText(0) == "东湖农贸市场")
        #expect(backend.screen[0, 0].style.bold)
        frame.put("x", x: 0, y: 1)
        #expect(terminal.draw(frame) == 1)
        terminal.invalidate()
        #expect(terminal.draw(frame) == 24 - 6)
    }

    @Test("a text field moves its cursor by grapheme and places it by display width")
    func textField() {
        var f = TextField("阳光")
        f.insert("小区")
        f.move(-1)
        var b = Buffer(width: 20, height: 1)
        f.render(in: Rect(x: 2, y: 0, width: 10, height: 1), style: .plain, into: &b)
        #expect(b.cursor?.x == 2 + 6)
        f.backspace()
        #expect(f.text == "阳光区")
        var narrow = Buffer(width: 6, height: 1)
        TextField("锦绣华庭国际社区").render(in: Rect(x: 0, y: 0, width: 6, height: 1), style: .plain, into: &narrow)
        #expect(narrow.cursor?.x == 4, "after 社区, the last two graphemes kept in view")
        #expect(narrow.rowText(0).hasPrefix("社区") || narrow.rowText(0).contains("社区"))
    }

    @Test("colours parse from names, numbers and hex, and down-sample to the terminal's palette")
    func colors() {
        #expect(Color(parsing: "bright-red") == .ansi(9))
        #expect(Color(parsing: "200") == .indexed(200))
        #expect(Color(parsing: "#ff0000")?.downsampled(to: 16) == .ansi(9))
        #expect(Color(parsing: "#ff0000")?.downsampled(to: 8) == .ansi(1))
        #expect(Color(parsing: "#1f4e8c")?.downsampled(to: 256) != nil)
        #expect(Color(parsing: "chartreuse") == nil)
        #expect(Color(parsing: "256") == nil)
    }
}

@Suite("Buffer consistency")
struct BufferConsistencyTests {
    @Test("wide graphemes written over wide graphemes one column apart leave no orphan halves")
    func shiftedOverwrite() {
        var b = Buffer(width: 8, height: 1)
        b.put(" 阳光小", x: 0, y: 0)
        b.put("云枫厂", x: 1, y: 0)
        #expect(b.rowText(0) == " 云枫厂 ")
        var c = Buffer(width: 8, height: 1)
        c.put("阳光小区", x: 0, y: 0)
        c.put("云枫厂", x: 1, y: 0)
        #expect(c.rowText(0) == " 云枫厂 ")
        for x in 0..<8 where c[x, 0].isContinuation {
            #expect(x > 0 && !c[x - 1, 0].isContinuation && DisplayWidth.standard.of(c[x - 1, 0].text) == 2)
        }
    }
}
