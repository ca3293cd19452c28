import GridCore
import Testing

@Suite("Rounds and inspections (pure rules)")
struct RoundTests {
    static let now = Timestamp(iso: "2026-12-01T02:00:00.000Z")!

    static func round(_ state: RoundState = .inProgress, kind: RoundKind = .jointSupervision, team: [String] = [],
                      unit: RowID? = nil) -> InspectionRound {
        InspectionRound(id: 3, name: "12月第1周两督", kind: kind, unitID: unit, from: Day("2026-12-01")!, to: Day("2026-12-07")!,
                        team: team, state: state, createdBy: "zhangwei", createdAt: now)
    }

    /// Every (from, to) pair of states, written out: only planned → in progress → closed exists.
    static let moveTable: [(RoundState, RoundState, Bool)] = [
        (.planned, .planned, false), (.planned, .inProgress, true), (.planned, .closed, false),
        (.inProgress, .planned, false), (.inProgress, .inProgress, false), (.inProgress, .closed, true),
        (.closed, .planned, false), (.closed, .inProgress, false), (.closed, .closed, false),
    ]

    @Test("state moves: planned → in progress → closed and nothing else", arguments: moveTable.indices)
    func stateMoves(index: Int) {
        let (from, to, allowed) = Self.moveTable[index]
        #expect(RoundRules.allows(from, to: to) == allowed)
        let round = Self.round(from)
        if allowed {
            #expect(throws: Never.self) { try RoundRules.checkMove(round, to: to) }
        } else {
            let refusal = #expect(throws: GridError.self) { try RoundRules.checkMove(round, to: to) }
            #expect(refusal?.exitCode == 2)
            #expect(refusal?.description.contains("#3 两督 12月第1周两督") == true, "\(refusal?.description ?? "")")
        }
    }

    @Test("a refused move says what to do instead")
    func refusalsSayWhatToDo() {
        let early = #expect(throws: GridError.self) { try RoundRules.checkMove(Self.round(.planned), to: .closed) }
        #expect(early?.description.contains("civgrid round start 3") == true)
        let again = #expect(throws: GridError.self) { try RoundRules.checkMove(Self.round(.closed), to: .inProgress) }
        #expect(again?.description.contains("civgrid round add") == true)
    }

    @Test("only a round in progress takes inspections")
    func openRounds() {
        #expect(throws: Never.self) { try RoundRules.checkOpen(Self.round(.inProgress)) }
        let planned = #expect(throws: GridError.self) { try RoundRules.checkOpen(Self.round(.planned)) }
        #expect(planned?.description.contains("计划中") == true)
        let closed = #expect(throws: GridError.self) { try RoundRules.checkOpen(Self.round(.closed)) }
        #expect(closed?.description.contains("已结束") == true)
    }

    /// Kind → label and the case source its problems record (v2's sources know only 督查 and 自查 of these).
    static let kindTable: [(RoundKind, String, CaseSource)] = [
        (.selfInspection, "自查", .selfInspection), (.supervision, "督查", .supervision), (.jointSupervision, "两督", .supervision),
        (.unannounced, "暗访", .supervision), (.mockAssessment, "模拟测评", .supervision),
    ]

    @Test("round kinds: labels, case sources and every spelling parses", arguments: kindTable.indices)
    func kinds(index: Int) {
        let (kind, zh, source) = Self.kindTable[index]
        #expect(kind.zh == zh)
        #expect(kind.caseSource == source)
        for spelling in [kind.rawValue, zh, kind.en, kind.en.uppercased(), " \(zh) "] { #expect(RoundKind.parse(spelling) == kind) }
    }

    @Test("inspection results parse in Chinese, English and by status key; other statuses are not results")
    func results() {
        let spellings: [(String, InspectionResult?)] = [
            ("达标", .ok), ("ok", .ok), ("1", .ok), ("compliant", .ok), ("有问题", .problem), ("problem", .problem), ("2", .problem),
            ("不适用", .notApplicable), ("na", .notApplicable), ("7", .notApplicable), ("n/a", .notApplicable),
            ("现场整改", .fixedOnSite), ("fixed", .fixedOnSite), ("整改中", nil), ("未查", nil), ("", nil), ("好", nil),
        ]
        for (text, result) in spellings { #expect(InspectionResult.parse(text) == result, "\(text)") }
    }

    @Test("scope: named communities and streets, declared sites only, themes; empty means everything")
    func scope() {
        let site = Community(id: 7, streetID: 2, name: "东门农贸市场", kind: .market, declaredSite: 4)
        let estate = Community(id: 8, streetID: 3, name: "阳光小区", kind: .residential)
        #expect(RoundScope.everything.covers(site) && RoundScope.everything.covers(estate))
        #expect(RoundScope.everything.covers(themeID: 99))
        let street = RoundScope(streetIDs: [2])
        #expect(street.covers(site) && !street.covers(estate))
        let named = RoundScope(communityIDs: [8], themeIDs: [1, 2])
        #expect(named.covers(estate) && !named.covers(site) && named.covers(themeID: 2) && !named.covers(themeID: 3))
        let declared = RoundScope(declaredSitesOnly: true)
        #expect(declared.covers(site) && !declared.covers(estate))
    }

    @Test("team and self-inspection unit decide who records in a round")
    func roundRelationships() throws {
        let inspector = Operator(login: "ouyangmx", name: "欧阳明轩", role: .inspector)
        let admin = Operator(login: "root", name: "管理员", role: .admin)
        let teamed = Self.round(team: ["zhangwei"])
        let refused = #expect(throws: GridError.self) { try Policy.authorize(inspector, .recordInspection, inRound: teamed) }
        #expect(refused?.exitCode == 3)
        #expect(refused?.description.contains("zhangwei") == true)
        try Policy.authorize(admin, .recordInspection, inRound: teamed)
        let selfCheck = Self.round(kind: .selfInspection, unit: 5)
        let otherClerk = Operator(login: "lina", name: "李娜", unitID: 6, role: .clerk)
        let ownClerk = Operator(login: "wangfang", name: "王芳", unitID: 5, role: .clerk)
        #expect(throws: GridError.self) { try Policy.authorize(otherClerk, .recordInspection, inRound: selfCheck) }
        try Policy.authorize(ownClerk, .recordInspection, inRound: selfCheck)
        try Policy.authorize(inspector, .recordInspection, inRound: selfCheck)
        let viewer = Operator(login: "leader", name: "赵建国", role: .viewer)
        #expect(throws: GridError.self) { try Policy.authorize(viewer, .recordInspection, inRound: Self.round()) }
    }

    @Test("coverage adds up cells, sites, themes, operators and the sites still owing checks")
    func coverageTally() throws {
        let themes = [CheckTheme(id: 1, code: "ads", zh: "公益广告", en: "Ads", kinds: [.residential], position: 1),
                      CheckTheme(id: 2, code: "env", zh: "环境卫生", en: "Sanitation", kinds: [.residential], position: 2)]
        let sites = [CoverageSite(communityID: 10, name: "阳光小区", streetName: "城关镇", declaredSite: nil, themeIDs: [1, 2]),
                     CoverageSite(communityID: 11, name: "东门农贸市场", streetName: "城关镇", declaredSite: 1, themeIDs: [2]),
                     CoverageSite(communityID: 12, name: "欧阳家属院", streetName: "兰平镇", declaredSite: nil, themeIDs: [1, 2])]
        let t = Self.now
        let checks = [CoverageCheck(cell: CellKey(communityID: 10, themeID: 1), by: "zhangwei", result: .ok, at: t),
                      CoverageCheck(cell: CellKey(communityID: 10, themeID: 1), by: "lina", result: .problem, at: t),
                      CoverageCheck(cell: CellKey(communityID: 11, themeID: 2), by: "zhangwei", result: .ok, at: t),
                      // Outside the scope: not counted.
                      CoverageCheck(cell: CellKey(communityID: 99, themeID: 1), by: "lina", result: .ok, at: t)]
        var asked: [RowID] = []
        let c = CoverageTally.compute(sites: sites, themes: themes, checks: checks, siteLimit: 1) { id in
            asked.append(id)
            return nil
        }
        #expect((c.cells, c.checkedCells) == (5, 2))
        #expect((c.sites, c.touchedSites, c.completeSites, c.untouchedSites) == (3, 2, 1, 1))
        #expect((c.declaredSites, c.touchedDeclaredSites) == (1, 1))
        #expect(c.themes.map(\.checked) == [1, 1])
        #expect(c.themes.map(\.cells) == [2, 3])
        #expect(c.operators.map(\.login) == ["zhangwei", "lina"])
        #expect(c.results[.ok] == 2 && c.results[.problem] == 1 && c.inspections == 3)
        // Least checked first, and only as many as asked for (the last check asked only for those).
        #expect(c.unchecked.map(\.name) == ["欧阳家属院"])
        #expect(asked == [12])
        #expect(c.headline == "覆盖 2/5 格 · 小区/点位 2/3 · 申报点位 1/1")
    }

    @Test("coverage needs a round or a day, never all of history")
    func coverageNeedsBounds() {
        let q = CoverageQuery(today: Day("2026-12-01")!, utcOffsetSeconds: 8 * 3600)
        #expect(throws: GridError.self) { try q.validate() }
        var since = q
        since.since = Day("2026-11-01")
        #expect(throws: Never.self) { try since.validate() }
        #expect(since.sinceInstant == Timestamp(iso: "2026-10-31T16:00:00.000Z"))
    }
}
