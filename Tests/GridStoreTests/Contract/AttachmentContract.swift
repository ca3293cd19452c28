import GridCore
import Testing

/// Case attachments through the one door and `AttachmentReading`, on any store.
@Suite("Store contract: attachments")
struct AttachmentContract {
    /// A new case on a free cell of `theme` (any theme when nil), registered, dispatched, worked and submitted.
    func submittedCase(_ s: StoreUnderTest, themeCode: String? = nil, deadline: DeadlineClass = .threeDays) throws -> CaseRecord {
        let themes = try s.store.themes()
        let cell = try #require(try s.cells([.ok, .unchecked], count: 300)
            .first { c in themeCode == nil || themes.first { $0.id == c.themeID }?.code == themeCode })
        let c = try s.services.recordProblem(CaseDraft(communityID: cell.communityID, themeID: cell.themeID, source: .supervision,
                                                       description: "楼道堆放杂物、电动车飞线", deadlineClass: deadline), context: s.context())
        for step in [CaseAction.register, .assign(unitID: nil), .startRectifying, .submit] {
            _ = try s.services.moveCase(c.number, step, reason: "", context: s.context())
        }
        return c
    }

    func photo(_ kind: AttachmentKind, _ seed: Int, name: String? = nil) -> AttachmentDraft {
        AttachmentDraft(kind: kind, fileName: name ?? "\(kind.zh)-\(seed).png", bytes: DemoPhotos.png(kind: kind, seed: seed), note: "三单元东侧")
    }

    @Test("attached files read back in order with kind, type, size, digest, who and when; the bytes come back whole",
          arguments: StoreKind.allCases)
    func attachAndRead(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let c = try submittedCase(s)
        let added = try s.services.attach([photo(.before, 1, name: "整改前·楼道（东）.png"), photo(.after, 1),
                                           AttachmentDraft(kind: .doc, fileName: "方案.pdf", bytes: DemoPhotos.pdf(title: "plan"))],
                                          to: c.number, context: s.context())
        #expect(added.map(\.index) == [1, 2, 3])
        let listed = try s.store.attachments(of: c.number)
        #expect(listed == added)
        #expect(listed.map(\.kind) == [.before, .after, .doc])
        #expect(listed.map(\.type) == [.png, .png, .pdf])
        #expect(listed[0].fileName == "整改前·楼道（东）.png")
        #expect(listed[0].attachedBy == "admin" && listed[0].attachedAt == Fixture.now)
        let bytes = try #require(try s.store.attachmentContent(listed[0].digest))
        #expect(bytes == DemoPhotos.png(kind: .before, seed: 1))
        #expect(try s.store.attachmentContent(ContentDigest.of([1, 2, 3])) == nil)
        #expect(try s.store.attachments(of: [c.number, CaseNumber(year: 2026, sequence: 9999)]).keys.sorted() == [c.number])
        #expect(try s.store.recentlyAttachedCases(limit: 5).first == c.number)
        // Every attachment is a case event whose reason carries the digest.
        let events = try s.store.caseEvents(c.number).filter { $0.event.action == AttachmentEvent.action }
        #expect(events.map(\.event.reason) == listed.map(\.eventReason))
        #expect(events.allSatisfy { $0.event.to == .submitted }, "attaching does not move the case")
    }

    @Test("the same photo twice on one case is refused and writes nothing; on another case it is stored once and listed on both",
          arguments: StoreKind.allCases)
    func duplicates(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let first = try submittedCase(s), second = try submittedCase(s)
        _ = try s.services.attach([photo(.before, 7)], to: first.number, context: s.context())
        let events = try s.store.caseEvents(first.number).count
        #expect(throws: GridError.self) { try s.services.attach([photo(.after, 8), photo(.before, 7, name: "again.png")], to: first.number, context: s.context()) }
        #expect(try s.store.caseEvents(first.number).count == events, "all or none: the good file of the refused call is not kept")
        #expect(try s.store.attachments(of: first.number).count == 1)
        _ = try s.services.attach([photo(.before, 7)], to: second.number, context: s.context())
        let digest = DemoPhotos.png(kind: .before, seed: 7)
        #expect(try s.store.cases(holding: ContentDigest.of(digest)) == [first.number, second.number].sorted())
    }

    @Test("verification asks for an after-photo where the rules say so, and passes once one is attached", arguments: StoreKind.allCases)
    func verifyNeedsAfterPhoto(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let services = GridServices(s.store, evidence: EvidenceRules(themes: ["corridors": [.threeDays]]))
        let c = try submittedCase(s, themeCode: "corridors")
        #expect(throws: GridError.self) { try services.moveCase(c.number, .verify, reason: "", context: s.context()) }
        #expect(try s.store.caseRecord(c.number)?.state == .submitted)
        _ = try services.attach([photo(.before, 3)], to: c.number, context: s.context())
        #expect(throws: GridError.self) { try services.moveCase(c.number, .verify, reason: "", context: s.context()) }
        _ = try services.attach([photo(.after, 3)], to: c.number, context: s.context())
        #expect(try services.moveCase(c.number, .verify, reason: "", context: s.context()).state == .closed)
        // A theme the rules leave out closes without a photo.
        let other = try submittedCase(s, themeCode: "public_ads")
        #expect(try services.moveCase(other.number, .verify, reason: "", context: s.context()).state == .closed)
    }

    @Test("refusals: a viewer, a closed case, an empty, oversized, mistyped or badly named file, too many bytes for the case",
          arguments: StoreKind.allCases)
    func refusals(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let c = try submittedCase(s)
        let small = GridServices(s.store, evidence: EvidenceRules(maxFileBytes: 6_000, maxCaseBytes: 8_000, maxFilesPerCase: 3))
        let viewer = try s.addOperator("guest", role: .viewer)
        let attempts: [(String, GridServices, AttachmentDraft, Operator, Int32)] = [
            ("viewer", s.services, photo(.before, 1), viewer, 3),
            ("empty", s.services, AttachmentDraft(kind: .before, fileName: "空.jpg", bytes: []), Fixture.admin, 2),
            ("ELF named .jpg", s.services, AttachmentDraft(kind: .before, fileName: "photo.jpg", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]), Fixture.admin, 2),
            ("PDF as after-photo", s.services, AttachmentDraft(kind: .after, fileName: "a.pdf", bytes: DemoPhotos.pdf(title: "x")), Fixture.admin, 2),
            ("control character in the name", s.services, photo(.before, 2, name: "整改\u{1B}[31m前.png"), Fixture.admin, 2),
            ("bidi override in the name", s.services, photo(.before, 2, name: "gnp.\u{202E}exe.png"), Fixture.admin, 2),
            ("over the per-file limit", small, AttachmentDraft(kind: .before, fileName: "big.png",
                                                               bytes: DemoPhotos.png(kind: .before, seed: 1, width: 60, height: 40)), Fixture.admin, 2),
        ]
        for (what, services, draft, actor, code) in attempts {
            do {
                _ = try services.attach([draft], to: c.number, context: s.context(actor))
                Issue.record("\(what) was attached")
            } catch {
                #expect(error.exitCode == code, "\(what): \(error.description)")
            }
        }
        #expect(try s.store.attachments(of: c.number).isEmpty, "no refusal wrote anything")
        _ = try small.attach([photo(.before, 1)], to: c.number, context: s.context())
        #expect(throws: GridError.self, "over the per-case total") { try small.attach([photo(.after, 1)], to: c.number, context: s.context()) }
        _ = try s.services.moveCase(c.number, .verify, reason: "", context: s.context())
        #expect(throws: GridError.self, "a closed case takes no more evidence") { try s.services.attach([photo(.after, 9)], to: c.number, context: s.context()) }
    }
}
