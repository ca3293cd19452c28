@testable import GridCore
import Testing

/// A removed operator (`Operator.removedAt`) acts as a viewer: the policy table refuses every permission to every
/// role once removed, saying so, and a removed admin's OS account no longer vouches for `CIVGRID_LOGIN` or a pinned clock.
@Suite("Removed operators")
struct OperatorRemovalTests {
    static let removedAt = Timestamp(millis: 1_790_000_000_000)

    @Test("every permission is refused to a removed operator of every role, naming the removal", arguments: OperatorRole.allCases)
    func policyRefusesRemoved(role: OperatorRole) {
        let op = Operator(login: "欧阳娜娜", name: "欧阳娜娜", role: role, removedAt: Self.removedAt, removedBy: "admin")
        #expect(op.isRemoved && op.acting.role == .viewer && op.acting.removedAt == Self.removedAt)
        // As stored (a front end's check, e.g. replacing the database) and as the door reads it: refused either way.
        for permission in GridPermission.allCases {
            for actor in [op, op.acting] { expectRemovalRefusal(actor, permission) }
        }
    }

    /// Fails unless `permission` is refused to `actor` with the removal's message.
    func expectRemovalRefusal(_ actor: Operator, _ permission: GridPermission) {
        do {
            try Policy.authorize(actor, permission, on: "阳光小区 · 环境卫生")
            Issue.record("\(actor.role) \(permission) allowed after removal")
        } catch GridError.permissionDenied(let message) {
            #expect(message.contains("欧阳娜娜 was removed (已停用)") && message.contains("by admin")
                    && message.contains("civgrid operator set 欧阳娜娜 --restore"), "\(message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("an active operator is its own acting self")
    func activeUnchanged() {
        let op = Operator(login: "zhang", name: "张伟", role: .inspector, officeID: 3)
        #expect(!op.isRemoved && op.acting == op)
    }

    @Test("a removed admin's OS account no longer lets CIVGRID_LOGIN or CIVGRID_NOW through")
    func identity() throws {
        let removed = Operator(login: "svc", name: "服务账号", role: .admin, removedAt: Self.removedAt, removedBy: "root")
        #expect(throws: GridError.self) { _ = try Identity.acting(osUser: "svc", claimed: "zhang", pinned: false, osAccount: removed) }
        #expect(throws: GridError.self) { try Identity.checkPinnedClock("2026-01-01T00:00:00Z", pinned: false, osUser: "svc", osAccount: removed) }
        var active = removed
        active.removedAt = nil
        #expect(try Identity.acting(osUser: "svc", claimed: "zhang", pinned: false, osAccount: active) == "zhang")
    }

    @Test("the audit of a removal and a restore: one removed_at entry each")
    func audit() {
        let old = Operator(login: "li", name: "李娜", role: .clerk)
        var gone = old
        gone.removedAt = Self.removedAt
        let removal = OperatorAudit.entries(old: old, new: gone)
        #expect(removal.map(\.field) == ["removed_at"] && removal[0].newValue == Self.removedAt.description && removal[0].note.contains("removed"))
        let restore = OperatorAudit.entries(old: gone, new: old)
        #expect(restore.map(\.field) == ["removed_at"] && restore[0].newValue == nil && restore[0].note.contains("restored"))
    }
}
