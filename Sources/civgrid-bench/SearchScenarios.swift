import Foundation
import GridCore
import GridStore

/// Search at scale: what the first search costs (it builds the name index: time and resident memory), and keystrokes
/// by kind of query — Hanzi, full pinyin, initials, one and two letters (which match tens of thousands of names at
/// province), and Hanzi mixed with letters. Each keystroke scenario runs three times; the worst run is reported.
extension Scenarios {
    /// Queries as an operator types them, keystroke by keystroke, by kind.
    static let searchQueries: [(kind: String, words: [String])] = [
        ("Hanzi", ["阳", "阳光", "阳光小", "阳光小区", "华", "华庭", "城关", "住建局", "物业", "新村", "公厕", "市场", "人民路", "锦绣花园"]),
        ("full pinyin", ["yan", "yang", "yangg", "yangguang", "huat", "huating", "chengg", "chengguan", "wuye", "xincun",
                         "changjiang", "zhangjiang", "yinhang", "jinxiuhuayuan"]),
        ("initials", ["ygx", "ygxq", "hyx", "cgj", "zjj", "wyfw", "xcu", "cjl", "jxhy", "rmlx", "yhs", "zmxq"]),
        ("1 letter", ["y", "h", "c", "x", "q", "z", "s", "w", "j", "g", "a", "l"]),
        ("2 letters", ["yg", "xq", "hy", "zh", "ch", "sh", "wy", "ya", "li", "gu", "an", "jd"]),
        ("Hanzi and letters", ["阳光x", "阳光xq", "yg小区", "城g", "华t", "新c", "人民l", "y光", "yang光"]),
    ]

    func search() throws {
        var builds: [Double] = []
        for run in 0..<Scenarios.runs {
            let store = try self.store.open()
            defer { store.close() }
            let before = residentMB()
            builds += try Recorder.time(1) { _ in _ = try store.search("阳", limit: 50) }
            if run == 0 {
                recorder.add("5 search: resident memory before the index", name, [before], unit: "MB")
                recorder.add("5 search: resident memory after the index", name, [residentMB()], unit: "MB")
            }
        }
        recorder.add("5 search: index build (first search)", name, builds, unit: "ms")
        let store = try self.store.open()
        defer { store.close() }
        _ = try store.search("阳", limit: 50)
        for (kind, words) in Scenarios.searchQueries {
            try worst("5 search keystroke: \(kind)") {
                try Recorder.time(quick ? 24 : 120) { i in _ = try store.search(words[i % words.count], limit: 50) }
            }
        }
    }
}
