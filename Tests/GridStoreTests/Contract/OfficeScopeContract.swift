import GridCore
import Testing

/// Many offices in one database on any store: a city's office above two counties', operators scoped to one county
/// refused every change to the other (nothing written, not even an audit row), a city-level operator acting in both,
/// and the city's roll-ups summing its counties'.
@Suite("Store contract: offices and scope")
struct OfficeScopeContract {
    /// The demo county under a new city office, a second county beside it with one community, and three operators.
    struct City {
        let s: StoreUnderTest
        let city: Office
        let east: Office  // the demo county
        let west: Office
        let westCommunity: RowID
        let westClerk = Operator(login: "zhao_xi", name: "赵西城", role: .clerk)
        let westAdmin = Operator(login: "qian_xi", name: "钱县管", role: .admin)
        let cityInspector = Operator(login: "sun_shi", name: "孙市督查", role: .inspector)

        init(_ kind: StoreKind) throws {
            s = try kind.demoCounty()
            let demo = try #require(try s.store.offices().first)
            let cityID = try s.services.addOffice(name: "江州市创城办", parentID: nil, context: s.context()).id
            _ = try s.services.setOfficeParent(id: demo.id, parentID: cityID, context: s.context())
            let westID = try s.services.addOffice(name: "西城县创城办", parentID: cityID, context: s.context()).id
            let street = try s.services.addStreet(officeID: westID, name: "西关街道", context: s.context())
            westCommunity = try s.services.addCommunity(CommunityDraft(streetID: street.id, name: "西关新村"), context: s.context()).id
            let offices = try s.store.offices()
            city = try #require(offices.first { $0.id == cityID })
            east = try #require(offices.first { $0.id == demo.id })
            west = try #require(offices.first { $0.id == westID })
            for var op in [westClerk, westAdmin, cityInspector] {
                op.officeID = op.login == "sun_shi" ? cityID : westID
                _ = try s.services.saveOperator(op, context: s.context())
            }
        }

        func scoped(_ op: Operator) throws -> Operator { try s.store.operatorAccount(login: op.login) }
    }

    @Test("offices keep their parent; operators from before keep the whole database", arguments: StoreKind.allCases)
    func treeAndDefaults(kind: StoreKind) throws {
        let c = try City(kind)
        #expect(c.east.parentID == c.city.id && c.west.parentID == c.city.id && c.city.parentID == nil)
        #expect(try c.s.store.operatorAccount(login: Fixture.admin.login).officeID == nil)
        #expect(try c.scoped(c.westClerk).officeID == c.west.id && c.scoped(c.cityInspector).officeID == c.city.id)
        // From a second connection, as another process reads it.
        #expect(try c.s.reopen().operators().first { $0.login == "zhao_xi" }?.officeID == c.west.id)
    }

    @Test("a county clerk's change to another county's cell is refused, naming both offices, and writes nothing",
          arguments: StoreKind.allCases)
    func clerkRefusedAcrossCounties(kind: StoreKind) throws {
        let c = try City(kind)
        let target = try #require(try c.s.cells([.unchecked]).first)
        let auditBefore = try c.s.store.latestAuditID()
        let markerBefore = try c.s.store.changeMarker()
        let error = #expect(throws: GridError.self) {
            _ = try c.s.services.setStatus(target.key, StatusChangeRequest(status: .ok), context: c.s.context(c.westClerk))
        }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("belongs to \(c.east.name)"))
        #expect(message.contains(c.east.name) && message.contains("work for \(c.west.name)") && message.contains("zhao_xi"))
        #expect(try c.s.store.latestAuditID() == auditBefore)
        #expect(try c.s.store.changeMarker() == markerBefore)
        #expect(try c.s.cell(target.key)?.status == .unchecked)
        // A problem (上报) there is refused the same way, before any case number is taken.
        expectOutOfScope {
            _ = try c.s.services.recordProblem(CaseDraft(communityID: target.communityID, themeID: target.themeID, source: .supervision,
                                                                         description: "垃圾满溢", deadlineClass: .threeDays),
                                               context: c.s.context(c.westClerk))
        }
        #expect(try c.s.store.latestAuditID() == auditBefore)
    }

    @Test("in their own county the clerk works; a city-level inspector works in every county", arguments: StoreKind.allCases)
    func inScopeWorks(kind: StoreKind) throws {
        let c = try City(kind)
        let own = try #require(try c.s.store.cells(communityID: c.westCommunity).first)
        let done = try c.s.services.setStatus(CellKey(communityID: c.westCommunity, themeID: own.cell.themeID),
                                              StatusChangeRequest(status: .ok), context: c.s.context(c.westClerk))
        #expect(done.after.status == .ok)
        let east = try #require(try c.s.cells([.unchecked]).first)
        let byCity = try c.s.services.setStatus(east.key, StatusChangeRequest(status: .ok), context: c.s.context(c.cityInspector))
        #expect(byCity.after.status == .ok)
    }

    @Test("case steps, master data, operators and assignments across counties are refused", arguments: StoreKind.allCases)
    func otherServicesRefused(kind: StoreKind) throws {
        let c = try City(kind)
        let before = try c.s.store.latestAuditID()
        let open = try #require(try c.s.store.cases(openOnly: true, communityID: nil, limit: 1).first)
        expectOutOfScope {
            _ = try c.s.services.moveCase(open.number, .escalate, reason: "跨县督办", context: c.s.context(c.westAdmin))
        }
        expectOutOfScope {
            _ = try c.s.services.addStreet(officeID: c.east.id, name: "越界街道", context: c.s.context(c.westAdmin))
        }
        // A county admin may not make anyone work for the whole database, nor take over another county's operator.
        expectOutOfScope {
            _ = try c.s.services.saveOperator(Operator(login: "zhou", name: "周全", role: .admin), context: c.s.context(c.westAdmin))
        }
        expectOutOfScope {
            _ = try c.s.services.addOffice(name: "北城县创城办", parentID: nil, context: c.s.context(c.westAdmin))
        }
        let eastCommunity = open.communityID
        let unit = try #require(try c.s.store.chain(communityID: eastCommunity, on: c.s.today).first?.unit.id)
        expectOutOfScope {
            _ = try c.s.services.assign(communityID: eastCommunity, unitID: unit, role: .support, propertyID: nil,
                                        context: c.s.context(c.westAdmin))
        }
        #expect(try c.s.store.latestAuditID() == before)
        // Within their county the same admin adds a street and a clerk of that county.
        _ = try c.s.services.addStreet(officeID: c.west.id, name: "西城开发区", context: c.s.context(c.westAdmin))
        _ = try c.s.services.saveOperator(Operator(login: "wu_xi", name: "吴西", role: .clerk, officeID: c.west.id),
                                          context: c.s.context(c.westAdmin))
        #expect(try c.s.store.operatorAccount(login: "wu_xi").officeID == c.west.id)
    }

    @Test("the city's roll-up sums its counties'; the counties' roll-ups stay their own", arguments: StoreKind.allCases)
    func cityRollups(kind: StoreKind) throws {
        let c = try City(kind)
        let offices = try c.s.store.offices()
        let sums = try c.s.store.officeTreeCounts(offices, today: c.s.today)
        let east = try c.s.store.rollup(of: .office(c.east.id), today: c.s.today)
        let west = try c.s.store.rollup(of: .office(c.west.id), today: c.s.today)
        #expect(east.total > 0 && west.total > 0)
        #expect(sums[c.city.id]?.total == east.total + west.total)
        #expect(sums[c.east.id] == east && sums[c.west.id] == west)
        let streets = try c.s.store.rollups(groupedBy: .street, withinOffices: [c.city.id, c.east.id, c.west.id], today: c.s.today)
        #expect(streets.reduce(0) { $0 + $1.counts.total } == east.total + west.total)
        #expect(streets.contains { $0.node?.name == "西关街道" })
    }

    @Test("undo, notices and rounds reaching into another county are refused; a round over the own county's street is not",
          arguments: StoreKind.allCases)
    func undoNoticesRounds(kind: StoreKind) throws {
        let c = try City(kind)
        let westInspector = Operator(login: "li_xi", name: "李西督查", role: .inspector, officeID: c.west.id)
        _ = try c.s.services.saveOperator(westInspector, context: c.s.context())
        let east = try #require(try c.s.cells([.unchecked]).first)
        let changed = try c.s.services.setStatus(east.key, StatusChangeRequest(status: .ok), context: c.s.context())
        let before = try c.s.store.latestAuditID()
        // Undo of another county's change (the console's u) goes through the same door.
        expectOutOfScope {
            _ = try c.s.services.restore([changed.before], expecting: [changed.after], context: c.s.context(westInspector))
        }
        let eastCase = try #require(try c.s.store.cases(openOnly: true, communityID: nil, limit: 1).first)
        expectOutOfScope {
            _ = try c.s.services.issueNotice(year: 2031, issue: nil, from: Day(year: 2031, month: 1, day: 1)!,
                                             to: Day(year: 2031, month: 1, day: 31)!, cases: [eastCase.number], context: c.s.context(westInspector))
        }
        let from = c.s.today.adding(days: 1), to = c.s.today.adding(days: 7)
        expectOutOfScope {
            _ = try c.s.services.addRound(RoundDraft(name: "全市大检查", kind: .supervision, from: from, to: to), context: c.s.context(westInspector))
        }
        let eastStreet = try #require(try c.s.store.streets(officeID: c.east.id).first)
        expectOutOfScope {
            _ = try c.s.services.addRound(RoundDraft(name: "越界检查", kind: .supervision, from: from, to: to,
                                                     scope: RoundScope(streetIDs: [eastStreet.id])), context: c.s.context(westInspector))
        }
        #expect(try c.s.store.latestAuditID() == before)
        let westStreet = try #require(try c.s.store.streets(officeID: c.west.id).first)
        let round = try c.s.services.addRound(RoundDraft(name: "西城第1周督查", kind: .supervision, from: from, to: to,
                                                         scope: RoundScope(streetIDs: [westStreet.id])), context: c.s.context(westInspector))
        #expect(round.scope.streetIDs == [westStreet.id])
        // The city's inspector may plan one over the whole city.
        _ = try c.s.services.addRound(RoundDraft(name: "江州市月度督查", kind: .supervision, from: from, to: to,
                                                 scope: RoundScope(streetIDs: [westStreet.id, eastStreet.id])), context: c.s.context(c.cityInspector))
    }

    @Test("a sheet's statuses and master data for another county are refused row by row; a county admin imports their own",
          arguments: StoreKind.allCases)
    func importScoped(kind: StoreKind) throws {
        let c = try City(kind)
        let cell = try #require(try c.s.cells([.unchecked]).first)
        let row = try #require(try c.s.store.communities(in: .community(cell.communityID), filter: .none, offset: 0, limit: 1, today: c.s.today).first)
        let theme = try #require(try c.s.store.themes().first { $0.id == cell.themeID })
        var statuses = ImportBatch(source: "东城检查表.csv", update: true)
        statuses.statuses.append(ImportRecord(line: 2, StatusFields(office: c.east.name, street: row.streetName, community: row.community.name,
                                                                    theme: theme.zh, request: StatusChangeRequest(status: .ok, imported: true))))
        let before = try c.s.store.latestAuditID()
        // A refused row is reported and rolled back to its savepoint, as any row the cell rule refuses.
        let outcome = try c.s.services.importBatch(statuses, into: c.s.store, dryRun: false, context: c.s.context(c.westClerk))
        #expect(outcome.rejected.map(\.line) == [2])
        #expect(outcome.rejected.first?.reason.contains("belongs to \(c.east.name)") == true, "\(outcome.rejected)")
        #expect(try c.s.store.latestAuditID() == before)
        #expect(try c.s.cell(cell.key)?.status == .unchecked)
        // A county admin's sheet: rows of their county go in, a row of the other county is rejected with the scope's
        // message (units, property companies, communities and links alike), and so is a row that would add an office.
        var master = ImportBatch(source: "两县小区.csv", update: false)
        master.communities.append(ImportRecord(line: 2, CommunityFields(office: c.west.name, street: "西关街道", name: "西关二村")))
        master.communities.append(ImportRecord(line: 3, CommunityFields(office: c.east.name, street: "越界街道", name: "越界小区")))
        master.units.append(ImportRecord(line: 4, UnitFields(office: c.west.name, name: "西城县住建局")))
        master.units.append(ImportRecord(line: 5, UnitFields(office: c.east.name, name: "越界单位")))
        master.properties.append(ImportRecord(line: 6, PropertyFields(office: c.east.name, name: "越界物业")))
        master.offices.append(ImportRecord(line: 7, OfficeFields(county: "北城县")))
        let outcome2 = try c.s.services.importBatch(master, into: c.s.store, dryRun: false, context: c.s.context(c.westAdmin))
        #expect(outcome2.rejected.map(\.line).sorted() == [3, 5, 6, 7], "\(outcome2.rejected)")
        for r in outcome2.rejected where r.line != 7 {
            #expect(r.reason.contains("belongs to \(c.east.name)") && r.reason.contains("you (qian_xi) work for \(c.west.name)"), "\(r)")
        }
        #expect(outcome2.rejected.first { $0.line == 7 }?.reason.contains("shared by every office") == true, "\(outcome2.rejected)")
        #expect(try c.s.store.findNodes("西关二村", levels: [.community]).count == 1)
        #expect(try c.s.store.findNodes("西城县住建局", levels: [.unit]).count == 1)
        #expect(try c.s.store.findNodes("越界", levels: [.community, .unit, .property, .street]).isEmpty)
        #expect(try c.s.store.offices().count == 3)
        // Themes are every office's: a county admin's sheet with themes is refused as a whole.
        var themes = ImportBatch(source: "主题.csv", update: false)
        themes.themes.append(ImportRecord(line: 2, ThemeFields(code: "night_market", zh: "夜市", en: nil, kinds: [])))
        let themeBefore = try c.s.store.latestAuditID()
        expectOutOfScope {
            _ = try c.s.services.importBatch(themes, into: c.s.store, dryRun: false, context: c.s.context(c.westAdmin))
        }
        #expect(try c.s.store.latestAuditID() == themeBefore)
    }

    /// Fails unless `body` is refused by the office scope (not for another reason).
    func expectOutOfScope(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("not refused", sourceLocation: sourceLocation)
        } catch GridError.permissionDenied(let message) {
            #expect(message.contains("you (") && message.contains(") work for "), "\(message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("refused for another reason: \(error)", sourceLocation: sourceLocation)
        }
    }
}
