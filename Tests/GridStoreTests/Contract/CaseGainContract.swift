import GridCore
import Testing

/// `:sort gain` reads the queue's keys once and windows by number, on any store.
@Suite("Store contract: the case queue by keys and by numbers")
struct CaseGainContract {
    @Test("keys come in queue order, for the same cases as the windows, filtered alike", arguments: StoreKind.allCases)
    func keysInQueueOrder(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        for q in [CaseQueueQuery(), CaseQueueQuery(overdueOnly: true), CaseQueueQuery(text: "垃圾")] {
            let total = try s.store.caseQueueCount(q, today: s.today)
            let window = try s.store.caseQueueWindow(q, today: s.today, offset: 0, limit: total + 10, total: total, anchor: nil)
            let keys = try s.store.caseQueueKeys(q, today: s.today)
            #expect(keys.map(\.number) == window.map(\.record.number), "\(q)")
            #expect(keys.map(\.cell) == window.map { CellKey(communityID: $0.record.communityID, themeID: $0.record.themeID) })
        }
        #expect(try s.store.caseQueueKeys(CaseQueueQuery(), today: s.today).count > 10, "the demo county has open cases")
    }

    @Test("entries come in the order asked, with the queue's names; unknown numbers are left out", arguments: StoreKind.allCases)
    func entriesByNumber(kind: StoreKind) throws {
        let s = try kind.demoCounty()
        let q = CaseQueueQuery()
        let total = try s.store.caseQueueCount(q, today: s.today)
        let window = try s.store.caseQueueWindow(q, today: s.today, offset: 0, limit: total, total: total, anchor: nil)
        let picked = [window[window.count - 1], window[0], window[window.count / 2]]
        let asked = [picked[0].record.number, CaseNumber(year: 1999, sequence: 7), picked[1].record.number, picked[2].record.number]
        let entries = try s.store.caseQueueEntries(asked)
        #expect(entries == picked)
        #expect(try s.store.caseQueueEntries([]).isEmpty)
    }
}
