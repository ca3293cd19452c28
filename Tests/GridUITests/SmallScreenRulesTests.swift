import GridCore
import GridPalette
@testable import GridUI
import Testing
import TerminalKit

/// Issue 10's smaller rules, each with its own test.
@Suite("Badges, completion")
struct SmallScreenRulesTests {
    @Test("browser badges keep 逾 (overdue) first and end with … when cut, at any width", arguments: [8, 10, 14, 40])
    func badgesCut(width: Int) {
        var counts = StatusCounts()
        counts[.problem] = 12
        counts[.rectifying] = 7
        counts[.recheck] = 3
        counts[.ok] = 40
        counts.overdue = 5
        var b = Buffer(width: width, height: 1)
        _ = Renderer.badges(counts, compact: false, x: 0, y: 0, maxX: width, palette: BuiltinPalettes.default, &b)
        let row = b.rowText(0).trimmingWhitespace()
        #expect(row.hasPrefix("逾5"), "\(row)")
        let all = Labels.badges(counts, compact: false).map(\.0).joined(separator: " ")
        if DisplayWidth.standard.of(all) > width {
            #expect(row.hasSuffix("…"), "cut badges end with …: \(row)")
        } else {
            #expect(row == all)
        }
    }

    @Test(":goto completes place names from the board, the browser and search hits")
    func gotoCompletes() {
        var s = UIFixture.state()
        _ = UIFixture.press(&s, [.char(":")] + "goto 锦".map { .char($0) } + [.tab])
        guard case .command(let field)? = s.overlay else { Issue.record("no command line: \(String(describing: s.overlay))"); return }
        #expect(field.text == "goto 锦绣华庭国际社区")
        _ = UIFixture.press(&s, [.escape, .char(":")] + "goto 阳".map { .char($0) } + [.tab])
        guard case .command(let again)? = s.overlay else { Issue.record("no command line"); return }
        #expect(again.text.hasPrefix("goto 阳光小区"), "\(again.text)")
    }
}
