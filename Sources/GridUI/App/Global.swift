import GridCore
import TerminalKit

/// The only things that are not a screen's: quit, help, switching screens, search, the command line, redraw,
/// suspend, and cancelling a background import.
enum Global {
    /// Bindings that go before the screen's: Esc cancels a running import (it matters more than going back).
    static func before(_ s: AppState) -> [Binding] {
        guard s.importing != nil else { return [] }
        return [Binding([.escape], "取消导入 cancel the running import") { s in
            s.message = StatusMessage("正在取消导入… cancelling the import")
            return [.cancelImport]
        }]
    }

    static func bindings(_ s: AppState) -> [Binding] {
        [
            Binding([.char("?"), .function(1)], "帮助 help", hint: "帮助", verb: "help") { s in openHelp(&s) },
            Binding([.tab], "切换屏幕 next screen: 网格 → 案件 → 统计 → 浏览", hint: "切换") { s in switchScreen(&s) },
            Binding([.char("/")], "搜索名称 search names (小区 街道 单位 物业)", hint: "搜索") { s in
                s.overlay = .search(TextField(s.search.query))
                return []
            },
            Binding([.char("n")], "下一个结果 next search hit") { s in SearchOverlay.step(&s, by: 1) },
            Binding([.char("N")], "上一个结果 previous search hit") { s in SearchOverlay.step(&s, by: -1) },
            Binding([.char("W")], "巡检 walk mode: a round's sites theme by theme with check points", verb: "walk") { s in
                WalkScreen.open(&s)
            },
            Binding([.char(":")], "命令行 command line (:goto :filter :sort gain|due|site|board :walk :palette :import :q)") { s in
                s.overlay = .command(TextField())
                return []
            },
            Binding([.ctrl("l")], "重绘屏幕 redraw the screen", verb: "redraw") { _ in [.redraw] },
            Binding([.ctrl("z")], "挂起到后台 suspend (fg resumes)") { _ in [.suspend] },
            Binding([.char("q"), .function(10)], "退出 (所有改动已保存) quit — everything is saved", hint: "退出", verb: "quit") { s in
                s.quitting = true
                return [.quit]
            },
        ]
    }

    static func openHelp(_ s: inout AppState) -> [Effect] {
        if s.screen != .help { s.returnScreen = s.screen }
        s.screen = .help
        s.help = HelpState()
        return []
    }

    /// Tab cycles the screens of the list that are in the cycle; from a detail or help it goes on from where those
    /// were opened.
    static func switchScreen(_ s: inout AppState) -> [Effect] {
        let from = Screens.module(s.screen).inTabCycle ? s.screen : s.returnScreen
        s.screen = Screens.next(after: from)
        return Screens.module(s.screen).show(&s)
    }
}
