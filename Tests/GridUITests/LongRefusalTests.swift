import GridCore
import GridPalette
import Testing
import TerminalKit
@testable import GridUI

/// A refusal too long for the status bar takes both bottom lines, so its advice is read whole (a review found the
/// useful half of every refusal cut off at 80 and 100 columns).
@Suite("Long refusals on the status bar")
struct LongRefusalTests {
    static let refusal = "未保存: 云明苑 · 楼道与消防通道 has open case 2026-2109 已立案; its status follows the case: "
        + "key 3 开始整改 moves it, or open it with Enter in the case queue"

    @Test("the whole refusal is on the two bottom lines at 80 and 100 columns", arguments: [80, 100])
    func wholeRefusal(width: Int) {
        var s = UIFixture.state()
        s.width = width
        s.height = 24
        s.message = StatusMessage(Self.refusal, isError: true)
        let screen = Renderer.render(s, palette: BuiltinPalettes.default)
        let text = screen.rowText(22) + screen.rowText(23)
        let squeezed = text.filter { $0 != " " }
        #expect(squeezed.contains(Self.refusal.filter { $0 != " " }), "\(screen.rowText(22))\n\(screen.rowText(23))")
    }

    @Test("a short message keeps the key hints")
    func shortMessage() {
        var s = UIFixture.state()
        s.width = 80
        s.height = 24
        s.message = StatusMessage("已保存", isError: false)
        let screen = Renderer.render(s, palette: BuiltinPalettes.default)
        #expect(screen.rowText(23).contains("帮助"))
    }
}
