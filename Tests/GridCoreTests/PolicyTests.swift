import GridCore
import Testing

@Suite("The permission table")
struct PolicyTests {
    /// The whole table, written out: which roles hold each permission. A change to `Policy.table` must change this.
    static let expected: [(GridPermission, admin: Bool, inspector: Bool, clerk: Bool, viewer: Bool)] = [
        (.recordFinding, true, true, true, false),
        (.handleCase, true, true, true, false),
        (.importStatuses, true, true, true, false),
        (.attachEvidence, true, true, true, false),
        (.registerCase, true, true, false, false),
        (.dispatchCase, true, true, false, false),
        (.sendBackCase, true, true, false, false),
        (.verify, true, true, false, false),
        (.rework, true, true, false, false),
        (.park, true, true, false, false),
        (.exempt, true, true, false, false),
        (.voidCase, true, true, false, false),
        (.decideExtension, true, true, false, false),
        (.reopenCase, true, true, false, false),
        (.escalateCase, true, true, false, false),
        (.issueNotice, true, true, false, false),
        (.approveFurtherExtension, true, false, false, false),
        (.editMasterData, true, false, false, false),
        (.editKinds, true, false, false, false),
        (.assignUnits, true, false, false, false),
        (.manageOperators, true, false, false, false),
        (.replaceDatabase, true, false, false, false),
        (.planRounds, true, true, false, false),
        (.recordInspection, true, true, true, false),
        (.editSiteRegister, true, false, false, false),
        (.notifyCase, true, true, true, false),
        (.issueDispatchSlip, true, true, false, false),
    ]

    @Test("every permission is in the table, and the table is exactly this", arguments: expected.map(\.0))
    func table(permission: GridPermission) throws {
        let row = try #require(Self.expected.first { $0.0 == permission })
        #expect(Policy.allows(.admin, permission) == row.admin)
        #expect(Policy.allows(.inspector, permission) == row.inspector)
        #expect(Policy.allows(.clerk, permission) == row.clerk)
        #expect(Policy.allows(.viewer, permission) == row.viewer)
    }

    @Test("the written-out table covers every permission")
    func complete() {
        #expect(Set(Self.expected.map(\.0)) == Set(GridPermission.allCases))
    }

    @Test("a refusal names the actor's role and who may do it instead", arguments: GridPermission.allCases)
    func refusalNamesWhoMay(permission: GridPermission) {
        let viewer = Operator(login: "guest", name: "访客", role: .viewer)
        do {
            try Policy.authorize(viewer, permission, on: "阳光小区 · 环境卫生")
            Issue.record("a viewer was allowed \(permission)")
        } catch {
            #expect(error.exitCode == 3)
            #expect(error.description.contains("guest is 查看 (viewer)"))
            #expect(error.description.contains("管理员 (admin)"), "\(error.description)")
            #expect(error.description.contains("阳光小区 · 环境卫生"))
            // The advice names the least role that holds the permission: granting it would help.
            let least = [OperatorRole.clerk, .inspector, .admin].first { Policy.allows($0, permission) }
            #expect(error.description.contains("--role \(least?.rawValue ?? "?")`"), "\(error.description)")
        }
    }

    @Test("relationship rules: no unit verifies or decides an extension of its own case; a dispatched case is worked by its unit",
          arguments: [
            // permission, actor's role, actor's unit, case's handling unit, allowed
            (GridPermission.verify, OperatorRole.inspector, RowID?(7), RowID?(7), false),
            (.verify, .inspector, 8, 7, true),
            (.verify, .inspector, nil, 7, true),
            (.rework, .admin, 7, 7, false),
            (.decideExtension, .inspector, 7, 7, false),
            (.decideExtension, .inspector, 8, 7, true),
            (.handleCase, .clerk, 7, 7, true),
            (.handleCase, .clerk, 8, 7, false),
            (.handleCase, .clerk, nil, 7, false),
            (.handleCase, .clerk, nil, nil, true),
            (.handleCase, .inspector, 8, 7, true),
            (.handleCase, .admin, nil, 7, true),
            (.handleCase, .viewer, 7, 7, false),
            (.attachEvidence, .clerk, 7, 7, true),
            (.attachEvidence, .clerk, 8, 7, false),
            (.attachEvidence, .clerk, nil, nil, true),
            (.attachEvidence, .inspector, 8, 7, true),
            (.attachEvidence, .viewer, nil, nil, false),
          ])
    func relationships(permission: GridPermission, role: OperatorRole, unit: RowID?, handling: RowID?, allowed: Bool) {
        let actor = Operator(login: "op", name: "操作员", unitID: unit, role: role)
        var c = CaseRecord(number: CaseNumber(year: 2026, sequence: 7), source: .supervision, communityID: 1, themeID: 1,
                           description: "垃圾满溢", deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "x",
                           chain: ChainSnapshot(chain: []))
        c.handlingUnitID = handling
        let result = Result(catching: { () throws(GridError) in try Policy.authorize(actor, permission, onCase: c) })
        #expect(((try? result.get()) != nil) == allowed, "\(permission) \(role) unit \(String(describing: unit)) case unit \(String(describing: handling))")
        if case .failure(let error) = result { #expect(error.exitCode == 3) }
    }
}

@Suite("One rule for a cell and its cases")
struct CellCaseRuleTests {
    static func open(_ state: CaseState, _ seq: Int = 1) -> CaseRecord {
        var c = CaseRecord(number: CaseNumber(year: 2026, sequence: seq), source: .supervision, communityID: 1, themeID: 1,
                           description: "问题\(seq)", deadlineClass: .threeDays, foundAt: Timestamp(millis: 0), foundBy: "x",
                           chain: ChainSnapshot(chain: []))
        c.state = state
        return c
    }

    /// status key × the open cases' states → what it means. `nil` cases: none open.
    static let table: [(CellStatus, [CaseState], String)] = [
        (.ok, [], "direct"), (.unchecked, [], "direct"), (.fixedOnSite, [], "direct"), (.notApplicable, [], "direct"),
        (.problem, [], "record"), (.problem, [.assigned], "record"),
        (.rectifying, [], "refuse"), (.recheck, [], "refuse"), (.parked, [], "refuse"),
        (.ok, [.submitted], "move verify"), (.ok, [.submitted, .submitted], "move verify verify"),
        (.ok, [.submitted, .rectifying], "refuse"), (.ok, [.assigned], "refuse"), (.ok, [.reported], "refuse"),
        (.rectifying, [.assigned], "move start"), (.rectifying, [.parked], "move resume"),
        (.recheck, [.rectifying], "move submit"), (.fixedOnSite, [.reported], "move fix_on_site"),
        (.parked, [.rectifying], "move park"), (.unchecked, [.reported], "refuse"), (.notApplicable, [.rectifying], "refuse"),
        (.rectifying, [.rectifying], "unchanged"), (.recheck, [.submitted], "unchanged"),
    ]

    @Test("what a status key means on a cell with these open cases", arguments: table)
    func resolve(status: CellStatus, states: [CaseState], expected: String) {
        let cases = states.enumerated().map { Self.open($0.element, $0.offset + 1) }
        let plan = Day("2027-01-31")
        let got: String = switch CellCaseRule.resolve(status, openCases: cases, plan: plan, cellLabel: "阳光小区 · 环境卫生") {
        case .direct: "direct"
        case .unchanged: "unchanged"
        case .recordCase: "record"
        case .carryOverCase: "carry"
        case .moveCases(let moves): (["move"] + moves.map(\.action.code)).joined(separator: " ")
        case .refuse: "refuse"
        }
        #expect(got == expected, "\(status) on \(states)")
    }

    @Test("a refusal names the open cases and the keys that would move them")
    func refusalNamesCases() {
        guard case .refuse(let message) = CellCaseRule.resolve(.ok, openCases: [Self.open(.assigned, 12)], plan: nil,
                                                               cellLabel: "阳光小区 · 环境卫生") else {
            Issue.record("not refused")
            return
        }
        #expect(message.contains("2026-0012 已交办"))
        #expect(message.contains("key 3 开始整改"))
        #expect(message.contains("civgrid case move"))
    }

    @Test("挂账 on a cell being rectified needs the plan date")
    func parkNeedsPlan() {
        #expect(CellCaseRule.resolve(.parked, openCases: [Self.open(.rectifying)], plan: nil, cellLabel: "x")
            == .refuse("挂账 needs a plan date: add --plan YYYY-MM-DD"))
    }

    @Test("imported rows in a case's status carry the problem over as a case in that state")
    func importCarriesOver() {
        #expect(CellCaseRule.resolve(.rectifying, openCases: [], plan: nil, cellLabel: "x", imported: true) == .carryOverCase(.rectifying))
        #expect(CellCaseRule.resolve(.recheck, openCases: [], plan: nil, cellLabel: "x", imported: true) == .carryOverCase(.submitted))
        #expect(CellCaseRule.resolve(.problem, openCases: [Self.open(.reported)], plan: nil, cellLabel: "x", imported: true) == .unchanged)
    }
}
