import GridCore
import Testing

extension StoreUnderTest {
    /// The store's round port (every store in the suite must keep rounds).
    func rounds() throws -> any RoundReading { try #require(store as? any RoundReading) }

    /// A round planned and started by the admin.
    func startedRound(_ name: String = "12月第1周两督", kind: RoundKind = .jointSupervision, unit: RowID? = nil, team: [String] = [],
                      scope: RoundScope = .everything) throws -> InspectionRound {
        let planned = try services.addRound(RoundDraft(name: name, kind: kind, unitID: unit, from: today, to: today.adding(days: 6),
                                                       team: team, scope: scope), context: context())
        return try services.startRound(planned.id, context: context())
    }

    /// Coverage of `round` as of the fixture's day.
    func coverage(round: RoundID? = nil, since: Day? = nil, scope: CommunityScope = .all) throws -> Coverage {
        try rounds().coverage(CoverageQuery(roundID: round, since: since, scope: scope, today: today, utcOffsetSeconds: 8 * 3600))
    }
}

/// Rounds and inspections through the one door, on any store.
@Suite("Store contract: rounds and inspections")
struct RoundContract {
    @Test("a round goes planned → in progress → closed, each move audited; other moves are refused and write nothing",
          arguments: StoreKind.allCases)
    func lifecycle(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let before = try s.store.latestAuditID()
        let planned = try s.services.addRound(RoundDraft(name: "12月第1周督查", kind: .supervision, from: s.today, to: s.today.adding(days: 4),
                                                         team: ["zhangwei", "ouyangmx"]), context: s.context())
        #expect(planned.state == .planned && planned.id == 1)
        let refused = #expect(throws: GridError.self) { try s.services.closeRound(planned.id, context: s.context()) }
        #expect(refused?.description.contains("civgrid round start 1") == true)
        _ = try s.services.startRound(planned.id, context: s.context())
        #expect(throws: GridError.self) { try s.services.startRound(planned.id, context: s.context()) }
        let closed = try s.services.closeRound(planned.id, context: s.context())
        #expect(closed.state == .closed && closed.closedAt == Fixture.now && closed.startedAt == Fixture.now)
        #expect(throws: GridError.self) { try s.services.startRound(planned.id, context: s.context()) }
        let stored = try #require(try s.rounds().round(id: planned.id))
        #expect(stored == closed)
        #expect(stored.team == ["zhangwei", "ouyangmx"])
        let trail = try s.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(trail.map(\.record.entry.entity) == [.round, .round, .round])
        #expect(trail.map { $0.record.entry.newValue ?? "" } == ["closed", "in_progress", "planned"])
        #expect(try s.rounds().rounds(RoundQuery(states: [.closed])).map(\.id) == [1])
        #expect(try s.rounds().rounds(RoundQuery(states: [.planned])).isEmpty)
    }

    @Test("a plan is checked: name, dates, unit for 自查 only, team of operators who may inspect, scope that exists",
          arguments: StoreKind.allCases)
    func planChecks(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        _ = try s.addOperator("leader", role: .viewer)
        _ = try s.startedRound("两督第一轮")
        let unit = try #require(try s.store.chain(communityID: try s.cells([.ok])[0].communityID, on: s.today).first?.unit.id)
        let bad: [(RoundDraft, String)] = [
            (RoundDraft(name: "两督第一轮", kind: .supervision, from: s.today, to: s.today), "already exists"),
            (RoundDraft(name: "", kind: .supervision, from: s.today, to: s.today), "needs a name"),
            (RoundDraft(name: "17", kind: .supervision, from: s.today, to: s.today), "reads as a round number"),
            (RoundDraft(name: "倒着的轮次", kind: .supervision, from: s.today, to: s.today.adding(days: -1)), "end before they start"),
            (RoundDraft(name: "无单位自查", kind: .selfInspection, from: s.today, to: s.today), "--unit"),
            (RoundDraft(name: "督查带单位", kind: .supervision, unitID: unit, from: s.today, to: s.today), "--unit"),
            (RoundDraft(name: "陌生人", kind: .unannounced, from: s.today, to: s.today, team: ["nobody"]), "no operator “nobody”"),
            (RoundDraft(name: "领导随行", kind: .unannounced, from: s.today, to: s.today, team: ["leader"]), "may not record inspections"),
            (RoundDraft(name: "名单重复", kind: .unannounced, from: s.today, to: s.today, team: ["zhangwei", "zhangwei"]), "twice"),
            (RoundDraft(name: "不存在的街道", kind: .mockAssessment, from: s.today, to: s.today, scope: RoundScope(streetIDs: [99_999])), "street #99999"),
            (RoundDraft(name: "不存在的主题", kind: .mockAssessment, from: s.today, to: s.today, scope: RoundScope(themeIDs: [99_999])), "theme #99999"),
            (RoundDraft(name: "控制字符\u{1B}[2J", kind: .supervision, from: s.today, to: s.today), "control character"),
        ]
        let clerk = try s.addOperator("clerk1", role: .clerk)
        let before = try s.store.latestAuditID()
        for (draft, message) in bad {
            let refusal = #expect(throws: GridError.self) { try s.services.addRound(draft, context: s.context()) }
            #expect(refusal?.description.contains(message) == true, "\(draft.name): \(refusal?.description ?? "accepted")")
        }
        let denied = #expect(throws: GridError.self) {
            try s.services.addRound(RoundDraft(name: "录入员的轮次", kind: .supervision, from: s.today, to: s.today), context: s.context(clerk))
        }
        #expect(denied?.exitCode == 3)
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.rounds().rounds(RoundQuery()).count == 1)
    }

    @Test("checked, still 达标: the inspection is a fact with its audit row though the cell does not change", arguments: StoreKind.allCases)
    func inspectionWithoutChange(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let round = try s.startedRound()
        let cell = try #require(try s.cells([.ok]).first)
        let before = try s.store.latestAuditID()
        let out = try s.services.inspect(InspectionRequest(roundID: round.id, cell: cell.key, result: .ok, note: "复查仍达标"),
                                         context: s.context())
        #expect(!out.changedCell && !out.cell.changesSomething)
        #expect(try s.cell(cell.key) == cell)
        let trail = try s.store.auditTrail(AuditQuery(afterID: before, limit: 10))
        #expect(trail.count == 1)
        let entry = try #require(trail.first?.record.entry)
        #expect(entry.entity == .inspection && entry.entityID == "\(out.inspection.id)" && entry.newValue == "ok")
        #expect(entry.communityID == cell.communityID)
        #expect(entry.note.contains("未变更"))
        let stored = try s.rounds().inspections(InspectionQuery(roundID: round.id))
        #expect(stored == [out.inspection])
        #expect(stored.first?.kind == .jointSupervision && stored.first?.by == "admin" && stored.first?.at == Fixture.now)
        #expect(try s.rounds().inspections(InspectionQuery(communityID: cell.communityID)).count == 1)
    }

    @Test("a problem found in a round records a case with the round's kind as source, linked to the round", arguments: StoreKind.allCases)
    func problemMakesLinkedCase(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 2)
        let joint = try s.startedRound()
        let lead = try #require(try s.store.chain(communityID: cells[1].communityID, on: s.today).first { $0.assignment.role == .lead })
        let selfCheck = try s.startedRound("物业自查第3周", kind: .selfInspection, unit: lead.unit.id)
        let out = try s.services.inspect([
            InspectionRequest(roundID: joint.id, cell: cells[0].key, result: .problem, note: "楼道堆放杂物",
                              problem: ProblemDetails(source: .citizen, deadlineClass: .immediate)),
            InspectionRequest(roundID: selfCheck.id, cell: cells[1].key, result: .problem, note: "飞线充电"),
        ], context: s.context())
        let jointCase = try #require(out[0].inspection.caseNumber)
        let selfCase = try #require(out[1].inspection.caseNumber)
        #expect(try s.store.caseRecord(jointCase)?.source == .supervision) // 两督 → 督查; the request's source is the round's
        #expect(try s.store.caseRecord(jointCase)?.deadlineClass == .immediate)
        #expect(try s.store.caseRecord(selfCase)?.source == .selfInspection)
        #expect(try s.cell(cells[0].key)?.status == .problem)
        #expect(try s.rounds().inspection(recording: jointCase)?.roundID == joint.id)
        #expect(try s.rounds().inspection(recording: jointCase)?.kind == .jointSupervision)
        #expect(try s.rounds().inspection(recording: selfCase)?.kind == .selfInspection)
        #expect(out[0].changedCell)
        let problem = #expect(throws: GridError.self) {
            try s.services.inspect(InspectionRequest(roundID: joint.id, cell: cells[1].key, result: .problem), context: s.context())
        }
        #expect(problem?.description.contains("--note") == true)
    }

    @Test("refused inspections write nothing: closed or planned round, unknown round, outside scope, not on the team, bad note, viewer",
          arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cells = try s.cells([.ok], count: 3)
        let open = try s.startedRound(scope: RoundScope(communityIDs: [cells[0].communityID]))
        let closed = try s.services.closeRound(try s.startedRound("上周暗访", kind: .unannounced).id, context: s.context())
        let planned = try s.services.addRound(RoundDraft(name: "下周模拟测评", kind: .mockAssessment, from: s.today, to: s.today),
                                              context: s.context())
        let teamed = try s.startedRound("专班督查", kind: .supervision, team: ["zhangwei"])
        let inspector = try s.addOperator("ouyangmx", role: .inspector)
        let viewer = try s.addOperator("leader", role: .viewer)
        let outside = try #require(try s.cells([.ok], count: 60).first { $0.communityID != cells[0].communityID })
        let attempts: [(InspectionRequest, Operator, String)] = [
            (InspectionRequest(roundID: closed.id, cell: cells[0].key, result: .ok), Fixture.admin, "已结束"),
            (InspectionRequest(roundID: planned.id, cell: cells[0].key, result: .ok), Fixture.admin, "civgrid round start \(planned.id)"),
            (InspectionRequest(roundID: 999, cell: cells[0].key, result: .ok), Fixture.admin, "no round #999"),
            (InspectionRequest(roundID: open.id, cell: outside.key, result: .ok), Fixture.admin, "outside the scope"),
            (InspectionRequest(roundID: teamed.id, cell: cells[0].key, result: .ok), inspector, "not on the team"),
            (InspectionRequest(roundID: open.id, cell: cells[0].key, result: .ok, note: "好\u{1B}]52;c;ZXZpbA==\u{07}"), Fixture.admin, "U+001B"),
            (InspectionRequest(roundID: open.id, cell: cells[0].key, result: .ok, note: "\u{202E}gnp.exe"), Fixture.admin, "U+202E"),
            (InspectionRequest(cell: cells[0].key, result: .ok), viewer, "查看 (viewer)"),
            (InspectionRequest(cell: CellKey(communityID: cells[0].communityID, themeID: 99_999), result: .ok), Fixture.admin, "no cell"),
        ]
        let before = try s.store.latestAuditID()
        for (request, actor, message) in attempts {
            let refusal = #expect(throws: GridError.self) { try s.services.inspect(request, context: s.context(actor)) }
            #expect(refusal?.description.contains(message) == true, "\(message): \(refusal?.description ?? "accepted")")
        }
        // A batch with one refused inspection writes none of them.
        #expect(throws: GridError.self) {
            try s.services.inspect([InspectionRequest(roundID: open.id, cell: cells[0].key, result: .ok),
                                    InspectionRequest(roundID: closed.id, cell: cells[0].key, result: .ok)], context: s.context())
        }
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.rounds().inspections(InspectionQuery()).isEmpty)
    }

    @Test("coverage of a round and of a period: cells, sites, themes, who checked, and the sites not yet checked",
          arguments: StoreKind.allCases)
    func coverage(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let first = try #require(try s.cells([.ok, .unchecked]).first)
        let community = first.communityID
        let street = try #require(try s.store.community(id: community)?.streetID)
        let round = try s.startedRound(scope: RoundScope(streetIDs: [street]))
        let inspector = try s.addOperator("zhangwei", role: .inspector)
        let empty = try s.coverage(round: round.id)
        #expect(empty.checkedCells == 0 && empty.cells > 0 && empty.untouchedSites == empty.sites)
        let cells = try s.store.cells(communityID: community).map(\.cell).filter { [.ok, .unchecked].contains($0.status) }
        _ = try s.services.inspect(cells.map { InspectionRequest(roundID: round.id, cell: $0.key, result: .ok) }, context: s.context(inspector))
        _ = try s.services.inspect(InspectionRequest(roundID: round.id, cell: cells[0].key, result: .ok), context: s.context())
        let c = try s.coverage(round: round.id)
        #expect(c.checkedCells == cells.count && c.cells == empty.cells && c.touchedSites == 1)
        #expect(c.operators.map(\.login) == ["zhangwei", "admin"])
        #expect(c.operators.first?.inspections == cells.count)
        #expect(c.results[.ok] == cells.count + 1)
        #expect(c.unchecked.allSatisfy { $0.communityID != community || $0.checked < $0.cells })
        #expect(c.themes.reduce(0) { $0 + $1.checked } == cells.count)
        // The same inspections by period, narrowed to the community; a later day sees none.
        let period = try s.coverage(since: s.today, scope: .community(community))
        #expect(period.sites == 1 && period.checkedCells == cells.count)
        #expect(try s.coverage(since: s.today.adding(days: 1), scope: .community(community)).checkedCells == 0)
        // A site never inspected reads as such; the checked one has its latest inspection.
        let never = try #require(c.unchecked.first { $0.communityID != community })
        #expect(never.lastAt == nil && never.checked == 0)
        #expect(throws: GridError.self) { try s.coverage(round: 999) }
        #expect(throws: GridError.self) { try s.coverage() }
    }

    @Test("the latest inspection per community, of one kind or any (the site register's last self-inspection)", arguments: StoreKind.allCases)
    func lastInspection(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let cell = try #require(try s.cells([.ok]).first)
        let lead = try #require(try s.store.chain(communityID: cell.communityID, on: s.today).first { $0.assignment.role == .lead })
        let selfCheck = try s.startedRound("牵头单位自查", kind: .selfInspection, unit: lead.unit.id)
        let joint = try s.startedRound()
        let own = try s.services.inspect(InspectionRequest(roundID: selfCheck.id, cell: cell.key, result: .ok), context: s.context())
        let later = Fixture.context(Fixture.admin, at: GridClock.fixed(Timestamp(millis: Fixture.now.millis + 3_600_000), utcOffsetSeconds: 8 * 3600))
        let office = try s.services.inspect(InspectionRequest(roundID: joint.id, cell: cell.key, result: .ok), context: later)
        let other = try #require(try s.cells([.ok, .unchecked], count: 40).first { $0.communityID != cell.communityID })
        let selfLast = try s.rounds().lastInspections(kind: .selfInspection, communityIDs: [cell.communityID, other.communityID])
        #expect(selfLast == [cell.communityID: own.inspection])
        #expect(try s.rounds().lastInspections(kind: nil, communityIDs: [cell.communityID]) == [cell.communityID: office.inspection])
        #expect(try s.rounds().lastInspections(kind: .mockAssessment, communityIDs: [cell.communityID]).isEmpty)
    }

    @Test("an inspection that changes the cell goes through the cell/case rule: 达标 on a cell awaiting re-check verifies its case",
          arguments: StoreKind.allCases)
    func resultMovesCases(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let recheck = try #require(try s.cells([.recheck]).first)
        let round = try s.startedRound()
        let out = try s.services.inspect(InspectionRequest(roundID: round.id, cell: recheck.key, result: .ok, note: "复核通过"),
                                         context: s.context())
        #expect(out.changedCell && out.cell.after.status == .ok)
        #expect(out.cell.cases.allSatisfy { $0.state == .closed })
        #expect(out.inspection.caseNumber == nil)
        let rectifying = try #require(try s.cells([.rectifying]).first)
        let refusal = #expect(throws: GridError.self) {
            try s.services.inspect(InspectionRequest(roundID: round.id, cell: rectifying.key, result: .ok), context: s.context())
        }
        #expect(refusal?.description.contains("整改中") == true)
    }
}
