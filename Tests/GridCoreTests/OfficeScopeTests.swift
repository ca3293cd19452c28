import GridCore
import Testing

@Suite("Office scope: who may change which office's rows")
struct OfficeScopeTests {
    // 江州市 (1) above 东城县 (2) and 西城县 (3); 西城县 above 西关镇办 (4); 北岭县 (5) on its own at the top.
    static let offices = [
        Office(id: 1, name: "江州市创城办"), Office(id: 2, name: "东城县创城办", parentID: 1), Office(id: 3, name: "西城县三创办", parentID: 1),
        Office(id: 4, name: "西关镇创建办", parentID: 3), Office(id: 5, name: "北岭县文明创建工作办公室"),
    ]
    static let scope = OfficeScope(offices: offices)

    /// actor's office (nil: whole database) × target office → may change.
    static let table: [(actor: RowID?, target: RowID, may: Bool)] = [
        (nil, 1, true), (nil, 2, true), (nil, 4, true), (nil, 5, true),
        (1, 1, true), (1, 2, true), (1, 3, true), (1, 4, true), (1, 5, false),
        (2, 2, true), (2, 1, false), (2, 3, false), (2, 4, false), (2, 5, false),
        (3, 3, true), (3, 4, true), (3, 2, false), (3, 1, false),
        (4, 4, true), (4, 3, false), (4, 1, false),
        (5, 5, true), (5, 1, false), (5, 2, false),
        (2, 99, false), // an office that does not exist is nobody's but the whole database's
    ]

    @Test("the scope table", arguments: table.indices)
    func covers(row: Int) {
        let r = Self.table[row]
        #expect(Self.scope.covers(r.actor, r.target) == r.may, "actor \(String(describing: r.actor)) → office \(r.target)")
    }

    @Test("check agrees with covers for every role, and refusals name both offices and whom to ask", arguments: OperatorRole.allCases)
    func checkMatchesCovers(role: OperatorRole) {
        for r in Self.table {
            let actor = Operator(login: "zhang", name: "张伟", role: role, officeID: r.actor)
            do {
                try Self.scope.check(actor, office: r.target, what: "阳光小区 · 环境卫生")
                #expect(r.may)
            } catch {
                #expect(!r.may)
                guard case .permissionDenied(let message) = error, let own = r.actor else { Issue.record("\(error)"); continue }
                #expect(message.hasPrefix("阳光小区 · 环境卫生 belongs to \(Self.scope.name(r.target)); you (zhang) work for \(Self.scope.name(own))"))
                #expect(message.contains("ask an admin (管理员) of \(Self.scope.name(r.target))") && message.contains("city-level admin"))
            }
        }
    }

    @Test("a refusal to a county clerk names the city above the other county as someone to ask")
    func refusalNamesCity() throws {
        let clerk = Operator(login: "li", name: "李娜", role: .clerk, officeID: 2)
        #expect(throws: GridError.permissionDenied("西关新村 belongs to 西关镇创建办; you (li) work for 东城县创城办 and may change only its rows; "
            + "ask an admin (管理员) of 西关镇创建办 or 西城县三创办 or 江州市创城办 or a city-level admin (one with no office) to do it")) {
            try Self.scope.check(clerk, office: 4, what: "西关新村")
        }
        let cityAdmin = Operator(login: "wang", name: "王", role: .admin, officeID: 3)
        #expect(throws: GridError.self) { try Self.scope.check(cityAdmin, office: 2, what: "x") }
        do {
            try Self.scope.check(cityAdmin, office: 2, what: "东关小区")
        } catch {
            #expect("\(error)".contains("and those of the offices under it (西关镇创建办)"))
        }
    }

    @Test("whole-database things are refused to every scoped operator and allowed to the others")
    func wholeDatabase() {
        for office in [RowID?.none, 1, 2, 5] {
            let actor = Operator(login: "zhao", name: "赵", role: .admin, officeID: office)
            let refused = (try? Self.scope.checkWholeDatabase(actor, what: "the kind lists (类型)")) == nil
            #expect(refused == (office != nil))
        }
    }

    @Test("a cycle in the parent links ends the walk instead of hanging")
    func cycle() {
        let looped = OfficeScope(offices: [Office(id: 1, name: "甲", parentID: 2), Office(id: 2, name: "乙", parentID: 1),
                                           Office(id: 3, name: "丙")])
        #expect(looped.covers(1, 2) && looped.covers(2, 1) && !looped.covers(3, 1) && !looped.covers(1, 3))
        #expect(Set(looped.descendants(of: 1)) == [1, 2])
    }

    @Test("descendants, children and tree sums")
    func treeSums() {
        #expect(Self.scope.descendants(of: 1).sorted() == [1, 2, 3, 4])
        #expect(Self.scope.descendants(of: 3) == [3, 4])
        #expect(Self.scope.descendants(of: nil).count == 5)
        #expect(Self.scope.children(of: nil).map(\.id) == [5, 1].sorted { Self.scope.name($0) < Self.scope.name($1) })
        #expect(Self.scope.children(of: 1).map(\.id).sorted() == [2, 3])
        var own: [RowID: StatusCounts] = [:]
        for (id, n) in [(1, 1), (2, 10), (3, 100), (4, 1000), (5, 7)] as [(RowID, Int)] {
            var c = StatusCounts()
            for _ in 0..<n { c.add(CellState(communityID: id, themeID: 1, status: .ok), today: Day(year: 2026, month: 12, day: 4)!) }
            own[id] = c
        }
        let sums = Self.scope.treeSums(own)
        #expect(sums[1]?.total == 1111 && sums[3]?.total == 1100 && sums[2]?.total == 10 && sums[5]?.total == 7)
    }
}
