import Testing
@testable import TerminalKit

@Suite("Display width")
struct DisplayWidthTests {
    let w = DisplayWidth.standard

    @Test("columns per text class", arguments: [
        ("abc", 3), ("阳光小区", 8), ("한국어", 6), ("ｶﾀｶﾅ", 4), ("カタカナ", 8), ("ＡＢＣ１", 8),
        ("─│┌", 3), ("😀", 2), ("👩‍👩‍👧", 2), ("🇨🇳", 2), ("e\u{301}", 1), ("♥\u{FE0F}", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("a\u{200B}b", 2), ("\t", 0), ("", 0),
    ])
    func widths(text: String, columns: Int) {
        #expect(w.of(text) == columns, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("ambiguous characters follow the setting")
    func ambiguous() {
        #expect(DisplayWidth(ambiguous: .narrow).of("○①§") == 3)
        #expect(DisplayWidth(ambiguous: .wide).of("○①§") == 6)
        #expect(DisplayWidth(ambiguous: .wide).of("阳光") == 4)
    }

    @Test("the committed table is sorted and non-overlapping")
    func tableShape() {
        for (a, b) in zip(widthRanges, widthRanges.dropFirst()) {
            #expect(a.0 <= a.1 && a.1 < b.0)
        }
        #expect(unicodeWidthTableVersion == "15.0.0")
    }
}

@Suite("Text fitting")
struct TextFitTests {
    let w = DisplayWidth.standard

    @Test("truncation ends in an ellipsis and never splits a wide character")
    func truncate() {
        #expect(w.truncate("阳光小区", to: 8) == "阳光小区")
        #expect(w.truncate("阳光小区", to: 7) == "阳光小…")
        #expect(w.truncate("阳光小区", to: 6) == "阳光…")
        #expect(w.truncate("阳光小区", to: 1) == "…")
        #expect(w.truncate("abc", to: 0) == "")
        for n in 0...10 {
            #expect(w.of(w.truncate("锦绣华庭二期A栋", to: n)) <= n)
        }
    }

    @Test("padding fills to exact columns, leading or trailing")
    func pad() {
        #expect(w.pad("小区", to: 6) == "小区  ")
        #expect(w.pad("12", to: 5, alignment: .trailing) == "   12")
        #expect(w.pad("阳光小区", to: 5) == "阳光…")
        #expect(w.pad("阳光小区", to: 4) == "阳… ")
    }

    @Test("a text table lines up in display columns with CJK names of varied lengths")
    func table() {
        var t = TextTable(headers: ["名称", "数量"], trailing: [1])
        t.append(["阳光小区", "12"])
        t.append(["Sunny", "3"])
        t.append(["锦绣华庭国际社区", "120"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(Set(lines.map { w.of($0) }).count == 1, "every line ends at the same column: \(lines)")
    }
}
