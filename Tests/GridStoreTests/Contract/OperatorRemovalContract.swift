import GridCore
import Testing

/// `removeOperator` on any store: the row stays (the audit names the person) marked removed, the login may no longer
/// change anything, the last admin stays, a restore gives the access back, and a county admin may remove only their
/// county's operators.
@Suite("Store contract: removing an operator")
struct OperatorRemovalContract {
    static let clerk = Operator(login: "ouyang_nana", name: "欧阳娜娜", role: .clerk)

    @Test("a removed operator keeps its row, is audited with the reason, and is refused every change", arguments: StoreKind.allCases)
    func removedMayNotAct(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        _ = try s.services.saveOperator(Self.clerk, context: s.context())
        let cell = try #require(try s.cells([.unchecked]).first)
        let entries = try s.services.removeOperator(login: Self.clerk.login, reason: "调离 (transferred)", context: s.context())
        #expect(entries.map(\.field) == ["removed_at"] && entries.first?.note.contains("调离") == true, "\(entries)")
        let stored = try #require(try s.reopen().operators().first { $0.login == Self.clerk.login })
        #expect(stored.isRemoved && stored.removedBy == Fixture.admin.login && stored.role == .clerk)
        let trail = try s.store.auditTrail(AuditQuery(limit: 5))
        #expect(trail.contains { $0.record.entry.entityID == Self.clerk.login && $0.record.entry.field == "removed_at"
                && $0.record.entry.note.contains("调离") })
        let before = try s.store.latestAuditID()
        let refused = OfficeNoticeContract.refusal {
            _ = try s.services.setStatus(cell.key, StatusChangeRequest(status: .ok), context: s.context(Self.clerk))
        }
        let message = "\(refused.map { "\($0)" } ?? "")"
        #expect(refused?.exitCode == 3 && message.contains("\(Self.clerk.login) was removed (已停用)")
                && message.contains("by \(Fixture.admin.login)"), "\(message)")
        #expect(try s.store.latestAuditID() == before)
        // Removing again changes nothing; a restore gives the access back, audited.
        #expect(try s.services.removeOperator(login: Self.clerk.login, reason: "", context: s.context()).isEmpty)
        var back = stored
        (back.removedAt, back.removedBy) = (nil, nil)
        #expect(try s.services.saveOperator(back, context: s.context()).map(\.field) == ["removed_at"])
        #expect(try s.services.setStatus(cell.key, StatusChangeRequest(status: .ok), context: s.context(Self.clerk)).after.status == .ok)
    }

    @Test("the last admin cannot be removed, and a removed admin no longer counts as one", arguments: StoreKind.allCases)
    func lastAdmin(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let admins = try s.store.operators().filter { $0.role == .admin && !$0.isRemoved && $0.login != Fixture.admin.login }
        for other in admins { _ = try s.services.removeOperator(login: other.login, reason: "", context: s.context()) }
        let before = try s.store.latestAuditID()
        let last = #expect(throws: GridError.self) {
            _ = try s.services.removeOperator(login: Fixture.admin.login, reason: "", context: s.context())
        }
        #expect("\(last.map { "\($0)" } ?? "")".contains("last admin"))
        var demoted = try s.store.operatorAccount(login: Fixture.admin.login)
        demoted.role = .clerk
        #expect(throws: GridError.self) { _ = try s.services.saveOperator(demoted, context: s.context()) }
        #expect(try s.store.latestAuditID() == before)
        #expect(try s.store.operatorAccount(login: Fixture.admin.login).role == .admin)
    }

    @Test("bad requests: unknown login, a clerk removing, a county admin removing another county's operator", arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let c = try OfficeScopeContract.City(kind)
        let s = c.s
        _ = try s.services.saveOperator(Operator(login: "zhou_dong", name: "周东城", role: .clerk, officeID: c.east.id), context: s.context())
        let before = try s.store.latestAuditID()
        #expect(throws: GridError.notFound("nobody is not an operator; `civgrid operator list` lists the logins")) {
            _ = try s.services.removeOperator(login: "nobody", reason: "", context: s.context())
        }
        let westClerk = try c.scoped(c.westClerk)
        #expect(OfficeNoticeContract.refusal {
            _ = try s.services.removeOperator(login: "zhou_dong", reason: "", context: s.context(westClerk))
        }?.exitCode == 3)
        let westAdmin = try c.scoped(c.westAdmin)
        let scoped = OfficeNoticeContract.refusal {
            _ = try s.services.removeOperator(login: "zhou_dong", reason: "", context: s.context(westAdmin))
        }
        let message = "\(scoped.map { "\($0)" } ?? "")"
        #expect(scoped?.exitCode == 3 && message.contains("belongs to \(c.east.name)") && message.contains("work for \(c.west.name)"), "\(message)")
        #expect(try s.store.latestAuditID() == before)
        // Their own county's clerk the west admin may remove.
        #expect(try !s.services.removeOperator(login: c.westClerk.login, reason: "离职", context: s.context(westAdmin)).isEmpty)
    }
}
