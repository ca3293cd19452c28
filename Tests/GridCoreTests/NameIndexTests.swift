import GridCore
import Testing

/// The name index against the matcher it stands in front of: it must find exactly what a walk over every name finds,
/// in the same order, and it must do so by reading only the names that can match.
@Suite("Name index: every hit, in order, at a cost that grows with the hits")
struct NameIndexTests {
    /// Names of varied lengths and kinds, with polyphonic characters, Latin letters, digits, repeats and a character
    /// outside the reading table.
    static let refs: [NodeRef] = {
        let names: [(GridNode, String)] = [
            (.community(1), "阳光小区"), (.community(2), "新阳光小区"), (.community(3), "阳光"), (.community(4), "长安小区"),
            (.community(5), "银行宿舍"), (.community(6), "重庆路小区"), (.community(7), "城关镇机关宿舍"), (.community(8), "A区1号楼"),
            (.community(9), "小区小区"), (.community(10), "阳光小区"), (.community(11), "行政审批服务局家属院"),
            (.community(12), "𠀋字小区"), (.community(13), "长江路新村"), (.community(14), "锦绣华庭"), (.community(15), "桂花苑"),
            (.street(20), "阳光街道"), (.street(21), "长宁镇"), (.street(22), "重阳乡"), (.street(23), "银杏街道"),
            (.unit(30), "阳光物业"), (.unit(31), "住建局"), (.unit(32), "农商银行"), (.unit(33), "中国银行长江路支行"),
            (.property(40), "阳光物业服务有限公司"), (.property(41), "长城物业管理有限公司"), (.property(42), "ＡＢＣ物业"),
        ]
        return names.map { NodeRef(node: $0.0, name: $0.1, path: "") }
    }()

    static let queries = [
        "阳", "阳光", "光小", "小区", "ygxq", "YGXQ", "yangguang", "阳光xq", "yg小区", "yangg", "gx", "y", "x", "yg", "zh", "ch",
        "sh", "chang", "zhang", "changan", "zhangan", "caxq", "zaxq", "yinhang", "yinxing", "yhss", "yxss", "chongqing",
        "zhongqing", "cql", "zql", "a区", "aq", "1号", "a", "1", "abc", "ａｂｃ", "𠀋", "𠀋z", "xqxq", "y光", "yang光", "zhq",
        "wuye", "wy", "yhzjlzh", "zgyh", "cc", "zz", "qxgy", "xiaoqv", "ygxqq", "阴光", "yx", "行", "xing", "hang", "n", "ng",
        "an", "e", "o", "jgss", "jiguan", "lu", "lv", "区", "楼", "·", "yangguangxiaoquyangguang", "ygx", "yangguangx", "yanggx",
        "changanx", "zhangaxq", "chaxq", "yinhangs", "城gx", "y光x", "阳gx", "xingzheng", "xzsp", "hangz", "zhongguoyinhang",
        "cjlzh", "ch安", "1hl", "a区1",
    ]

    /// The reference: every name walked in the index's order (kind, length, given order), exact, then from the
    /// start, then inside.
    static func walkAll(_ query: String) -> [NodeRef] {
        let q = NameMatcher.fold(query)
        guard !q.isEmpty else { return [] }
        let ordered = refs.enumerated().sorted { a, b in
            (rank(a.element.node), NameMatcher.fold(a.element.name).count, a.offset)
                < (rank(b.element.node), NameMatcher.fold(b.element.name).count, b.offset)
        }.map(\.element)
        // Within the start and inside tiers, a name read straight through before one that skips between readings.
        func tier(_ ref: NodeRef) -> Int? {
            if NameMatcher.fold(ref.name) == q { return 0 }
            guard let m = NameMatcher(ref.name).match(q) else { return nil }
            return (m.start == 0 ? 1 : 3) + (m.skipsBetweenReadings ? 1 : 0)
        }
        return (0...4).flatMap { t in ordered.filter { tier($0) == t } }
    }

    static func rank(_ node: GridNode) -> Int {
        switch node {
        case .community: 0
        case .street: 1
        case .unit: 2
        case .property: 3
        case .office: 4
        }
    }

    @Test("the index finds exactly what walking every name finds, in the same order", arguments: queries)
    func sameAsWalkingEveryName(query: String) {
        let index = NameIndex(Self.refs)
        #expect(index.search(query, limit: 1000).map(\.ref) == Self.walkAll(query), "\(query)")
        let top = Array(Self.walkAll(query).prefix(3))
        #expect(index.search(query, limit: 3).map(\.ref) == top, "\(query), first three")
    }

    @Test("polyphonic characters are found by every reading, and the hit shows the reading typed", arguments: [
        ("zhangan", "长安小区", "zhang an"), ("changan", "长安小区", "chang an"), ("yinxing", "银行宿舍", "yin xing"),
        ("yinhang", "银行宿舍", "yin hang"), ("zq", "重庆路小区", "z(hong) q(ing)"), ("cq", "重庆路小区", "c(hong) q(ing)"),
        ("chongqinglu", "重庆路小区", "chong qing lu"),
        ("阳光xq", "阳光小区", "· · x(iao) q(u)"),
    ])
    func polyphonic(query: String, name: String, reason: String) {
        let hit = NameIndex(Self.refs).search(query, limit: 50).first { $0.ref.name == name }
        #expect(hit?.reason == reason, "\(query): \(String(describing: hit))")
    }

    @Test("a name read straight through ranks before one read with an initial between whole readings (xingzheng)")
    func straightReadingsFirst() {
        let names = ["城关工商银行支行", "城关建设银行支行", "中国银行正阳支行", "城关行政审批服务局", "城关农商银行"]
        let index = NameIndex(names.enumerated().map { NodeRef(node: .unit(RowID($0.offset + 1)), name: $0.element, path: "") })
        let hits = index.search("xingzheng", limit: 10)
        #expect(hits.prefix(2).map(\.ref.name) == ["中国银行正阳支行", "城关行政审批服务局"], "\(hits.map(\.ref.name))")
        #expect(hits.first?.reason == "xing zheng")
        #expect(index.search("xingzheng", limit: 1).map(\.ref.name) == ["中国银行正阳支行"])
        // Initials alone and whole readings alone keep the index's order (shorter names first).
        #expect(index.search("xz", limit: 10).map(\.ref.name).first == "城关工商银行支行")
    }

    @Test("two names alike are both exact hits, in the order given; a repeated pair in one name is one hit")
    func duplicates() {
        let index = NameIndex(Self.refs)
        #expect(index.search("阳光小区", limit: 2).map(\.ref.node) == [.community(1), .community(10)])
        #expect(index.search("小区小区", limit: 50).filter { $0.ref.node == .community(9) }.count == 1)
    }

    @Test("nothing to look for finds nothing", arguments: ["", "   ", "''", "　"])
    func emptyQueries(query: String) {
        #expect(NameIndex(Self.refs).lookUp(query, limit: 50).hits.isEmpty)
        #expect(NameIndex(Self.refs).lookUp(query, limit: 50).examined == 0)
    }

    @Test("a limit of zero and an empty index find nothing")
    func limits() {
        #expect(NameIndex(Self.refs).search("阳", limit: 0).isEmpty)
        #expect(NameIndex([]).search("阳", limit: 50).isEmpty)
        #expect(NameIndex([]).count == 0)
    }

    static let small = index(filler: 1_000)
    static let large = index(filler: 60_000)

    /// Four names that match the queries below and `filler` that do not: other characters, whose initials (j h l f m s b
    /// t, and y only before a digit) never stand next to each other as the queries' do.
    static func index(filler: Int) -> NameIndex {
        let few = ["阳光小区", "新阳光小区", "城关机关宿舍", "重庆路小区"].enumerated().map { NodeRef(node: .community(Int64($0.offset + 1)), name: $0.element, path: "") }
        let heads = Array("锦湖兰枫梅松碧水蓝天荆")
        let tails = ["花园", "家园", "华庭", "雅苑", "名府", "嘉园"]
        let filler = (0..<filler).map { i in
            NodeRef(node: .community(Int64(1000 + i)), name: "\(heads[i % heads.count])\(heads[(i / heads.count) % heads.count])\(tails[i % tails.count])\(i)号", path: "")
        }
        return NameIndex(few + filler)
    }

    @Test("a query with few hits examines about as many names at 1,000 names as at 60,000", arguments: ["ygxq", "阳光小区", "cgj", "zql", "阳光xq", "gx", "yangguangxiaoqu", "chongqinglu"])
    func costGrowsWithHits(query: String) {
        let small = Self.small.lookUp(query, limit: 50)
        let large = Self.large.lookUp(query, limit: 50)
        #expect(!small.hits.isEmpty)
        #expect(small.hits.map(\.ref) == large.hits.map(\.ref))
        #expect(large.examined == small.examined, "\(query): \(small.examined) at 1,000 names, \(large.examined) at 60,000")
        #expect(large.examined <= 2 * small.hits.count + 2, "\(query): \(large.examined) examined for \(small.hits.count) hits")
    }

    @Test("a one- or two-letter query matching tens of thousands of names stops at the hits it shows", arguments: ["j", "h", "jy", "hy", "园", "花园"])
    func shortQueriesStopEarly(query: String) {
        let result = Self.large.lookUp(query, limit: 50)
        #expect(result.hits.count == 50)
        #expect(result.examined <= 51, "\(query): \(result.examined) examined for 50 hits")
    }
}
