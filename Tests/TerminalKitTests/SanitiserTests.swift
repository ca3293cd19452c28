import Testing
@testable import TerminalKit

@Suite("Sanitiser: nothing an operator did not write reaches the terminal raw")
struct SanitiserTests {
    /// Every code a terminal acts on: C0, DEL, C1, bidi controls and marks, line/paragraph separators.
    static let hostile: [Unicode.Scalar] = (Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x061C, 0x200E, 0x200F, 0x2028, 0x2029] + Array(0x202A...0x202E) + Array(0x2066...0x2069)).map { Unicode.Scalar($0)! }

    @Test("every control code is replaced by something visible, and the result holds none")
    func everyCode() {
        for s in SanitiserTests.hostile {
            let text = "名\(Character(s))称"
            let clean = Sanitiser.clean(text)
            #expect(clean != text, "U+\(String(s.value, radix: 16)) passed")
            #expect(!clean.unicodeScalars.contains { Sanitiser.isUnsafe($0) }, "U+\(String(s.value, radix: 16)) left \(clean.debugDescription)")
            #expect(clean.hasPrefix("名") && clean.hasSuffix("称"))
        }
    }

    @Test("ESC shows as ␛, BEL as ␇, DEL as ␡, CSI (U+009B) and RLO as their code")
    func visibleForms() {
        #expect(Sanitiser.clean("\u{1B}]52;c;QUFB\u{07}") == "␛]52;c;QUFB␇")
        #expect(Sanitiser.clean("a\u{7F}") == "a␡")
        #expect(Sanitiser.clean("\u{9B}2J") == "\\u{9B}2J")
        #expect(Sanitiser.clean("x\u{202E}y") == "x\\u{202E}y")
    }

    @Test("allowed C0 characters pass; plain CJK, emoji and combining marks pass unchanged")
    func allowed() {
        #expect(Sanitiser.forLines("一\n二\t三\r") == "一\n二\t三␍")
        #expect(Sanitiser.clean("一\n二") == "一␊二")
        let plain = "阳光小区 ①号楼 👩‍👩‍👧 e\u{301} ＡＢＣ"
        #expect(Sanitiser.clean(plain) == plain)
        #expect(!Sanitiser.needsCleaning(plain))
    }

    @Test("the console's buffer shows controls visibly through the same sanitiser, one cell per picture")
    func buffer() {
        var b = Buffer(width: 30, height: 1)
        b.put("a\u{1B}[2Jb\u{9B}c", x: 0, y: 0)
        let row = b.rowText(0)
        #expect(row.hasPrefix("a␛[2Jb\\u{9B}c"), "\(row)")
        #expect(!b.cells.contains { $0.text.unicodeScalars.contains { Sanitiser.isUnsafe($0) } })
        var fitted = Buffer(width: 10, height: 1)
        fitted.put("\u{1B}\u{1B}\u{1B}", x: 0, y: 0, width: 5)
        #expect(fitted.rowText(0).hasPrefix("␛␛␛  "))
    }

    @Test("a text table measures what it prints")
    func table() {
        var t = TextTable(headers: ["名称", "n"])
        t.append(["a\u{1B}b", "1"])
        t.append(["long", "2"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines[1] == "a␛b   1", "\(lines)")
        #expect(lines[2] == "long  2")
    }
}
