import GridCore
import Testing

@Suite("Search by Hanzi, pinyin and initials")
struct PinyinSearchTests {
    @Test("readings come from the generated table, every reading of a polyphonic character", arguments: [
        ("阳", ["yang"]), ("长", ["chang", "zhang"]), ("行", ["hang", "heng", "xing"]), ("重", ["chong", "tong", "zhong"]),
        ("绿", ["lu", "lv"]), ("a", []),
    ])
    func readings(character: String, expected: [String]) {
        #expect(Set(Pinyin.readings(Character(character))).isSuperset(of: Set(expected)), "\(Pinyin.readings(Character(character)))")
        if expected.isEmpty { #expect(Pinyin.readings(Character(character)).isEmpty) }
    }

    @Test("阳光小区 is found however it is typed", arguments: [
        "阳光小区", "阳光", "光小", "ygxq", "YGXQ", "yangguang", "yangguangxiaoqu", "阳光xq", "yg小区", "yangg", "guangxiao", "gx",
        "ｙｇｘｑ", "yang guang",
    ])
    func found(query: String) {
        #expect(NameMatcher("阳光小区").match(NameMatcher.fold(query)) != nil, "\(query)")
    }

    @Test("what does not fit is not found", arguments: ["yx", "阴光", "ygxqq", "qxgy", "xiaoqv"])
    func notFound(query: String) {
        #expect(NameMatcher("阳光小区").match(NameMatcher.fold(query)) == nil, "\(query)")
    }

    @Test("polyphonic characters match by any reading, so nobody has to guess the machine's choice", arguments: [
        ("长安小区", ["changan", "zhangan", "caxq", "zaxq", "chaxq", "zhaxq"]),
        ("银行宿舍", ["yinhang", "yinxing", "yhss", "yxss"]),
        ("重庆路", ["chongqing", "zhongqing", "cql", "zql"]),
    ])
    func polyphonic(name: String, queries: [String]) {
        for q in queries { #expect(NameMatcher(name).match(NameMatcher.fold(q)) != nil, "\(name) by \(q)") }
    }

    @Test("hits rank exact, then prefix, then any part; communities before streets, units and property companies; with the reading")
    func ranking() {
        let index = NameIndex([
            NodeRef(node: .unit(1), name: "阳光物业", path: ""),
            NodeRef(node: .community(2), name: "新阳光小区", path: ""),
            NodeRef(node: .community(3), name: "阳光小区", path: ""),
            NodeRef(node: .street(4), name: "阳光街道", path: ""),
            NodeRef(node: .community(5), name: "阳光", path: ""),
            NodeRef(node: .community(6), name: "城关小区", path: ""),
        ])
        let hits = index.search("阳光", limit: 10)
        #expect(hits.map(\.ref.name) == ["阳光", "阳光小区", "阳光街道", "阳光物业", "新阳光小区"])
        let pinyin = index.search("ygxq", limit: 10)
        #expect(pinyin.map(\.ref.name) == ["阳光小区", "新阳光小区"])
        #expect(pinyin.first?.reason == "y(ang) g(uang) x(iao) q(u)")
        #expect(index.search("阳光", limit: 10).first?.reason == "", "typed as written: no reading to show")
        #expect(index.search("cgxq", limit: 10).map(\.ref.name) == ["城关小区"])
        #expect(index.search("zz", limit: 10).isEmpty)
    }
}
