import Testing
@testable import TerminalKit

@Suite("Wrapping text by display width")
struct TextWrapTests {
    let m = DisplayWidth.standard

    @Test("Chinese wraps between characters, never past the width, and loses nothing", arguments: [1, 2, 3, 7, 10, 38])
    func chinese(columns: Int) {
        let text = "路面、绿地、楼前屋后无垃圾，无积存污水；垃圾桶加盖（无满溢）。Lamp 100% lit"
        let lines = m.wrap(text, to: columns)
        for line in lines { #expect(m.of(line) <= max(columns, 2), "\(line)") }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test("closing punctuation never starts a line: the character before it comes down with it")
    func noLineStart() {
        let lines = m.wrap("无垃圾无积水，桶盖齐全。", to: 12)
        #expect(lines == ["无垃圾无积", "水，桶盖齐", "全。"])
        // From two characters a line on, punctuation always finds a character to lean on.
        for columns in 4...20 {
            for line in m.wrap("醒目位置有公益广告各至少1处，固定载体，横幅易拉宝不算。", to: columns).dropFirst() {
                #expect(!DisplayWidth.noLineStart.contains(line.first!), "\(columns): \(line)")
            }
        }
    }

    @Test("a Latin word moves down whole when it fits a line; a word longer than the line is cut")
    func latin() {
        #expect(m.wrap("check the fire lanes", to: 12) == ["check the", "fire lanes"])
        #expect(m.wrap("extinguishers", to: 5) == ["extin", "guish", "ers"])
    }

    @Test("control characters are shown as pictures before measuring; a wide character wider than the line goes alone")
    func sanitisedAndNarrow() {
        #expect(m.wrap("a\u{1B}[2Jb", to: 3) == ["a␛[", "2Jb"])
        #expect(m.wrap("楼道", to: 1) == ["楼", "道"])
        #expect(m.wrap("", to: 5) == [""])
        #expect(m.wrap("abc", to: 0).isEmpty)
    }
}
