/// One service call's view of the store: reads go to the transaction, overlaid with what this call has already
/// decided, and every decision is collected into one `ChangeSet` that `finish` hands to the store.
final class Workspace {
    let tx: any StoreTransaction
    let context: ChangeContext
    /// The acting operator as stored inside this transaction.
    let actor: Operator
    let now: Timestamp
    private(set) var changes = ChangeSet()
    private var cellOrder: [CellKey] = []
    private var cellsWritten: [CellKey: CellState] = [:]
    private var casesWritten: [CaseNumber: CaseRecord] = [:]
    private var newNumbers: Set<CaseNumber> = []
    private var newCasesAt: [CellKey: [CaseNumber]] = [:]
    private var sequences: [Int: Int] = [:]
    private var attachmentsWritten: [CaseNumber: [Attachment]] = [:]
    /// What this request is aimed at (cells, cases, rows named by id), checked against the actor's offices in `finish`
    /// even when it changes nothing: a request into another county is refused whatever it would have done.
    private(set) var targets: [ScopeTarget] = []
    private var targetSet: Set<ScopeTarget> = []
    /// Cells and their cases as stored, read ahead in one go for a change to many cells (`prefetch`); a key read ahead
    /// but absent from `cellsRead` has no cell.
    private var prefetched: Set<CellKey> = []
    private var cellsRead: [CellKey: CellState] = [:]
    private var casesRead: [CellKey: [CaseRecord]] = [:]

    init(_ tx: any StoreTransaction, context: ChangeContext) throws {
        self.tx = tx
        self.context = context
        // Read inside the transaction: a role revoked a moment ago is already in force; unknown logins are viewers.
        // A removed operator acts as a viewer (`Operator.acting`): refused every change, with when and by whom it was removed.
        actor = try tx.storedOperator(login: context.actor.login)?.acting ?? .unknown(login: context.actor.login)
        now = context.clock.now()
    }

    var today: Day { context.clock.today }

    /// Notes that this request is aimed at `target` (see `targets`).
    func aim(_ target: ScopeTarget) {
        if targetSet.insert(target).inserted { targets.append(target) }
    }

    /// Reads the stored cells at `keys` and their cases in a few statements, so that a change to many cells costs the
    /// store a fixed number of reads rather than two per cell (on a server, each read is a round trip). Reads within
    /// one call see the stored state, so reading it ahead answers exactly what reading it cell by cell would.
    func prefetch(_ keys: [CellKey]) throws {
        let fresh = Array(Set(keys).subtracting(prefetched))
        guard fresh.count > 1 else { return }
        cellsRead.merge(try tx.cells(fresh)) { old, _ in old }
        casesRead.merge(try tx.cases(at: fresh)) { old, _ in old }
        prefetched.formUnion(fresh)
    }

    /// A cell as it stands in this call, or a not-found error naming it. The cell is one this request is aimed at.
    func cell(_ key: CellKey) throws -> CellState {
        aim(.cell(key))
        if let written = cellsWritten[key] { return written }
        guard let stored = try prefetched.contains(key) ? cellsRead[key] : tx.cell(key) else {
            throw GridError.notFound("community #\(key.communityID) has no cell for theme #\(key.themeID) "
                + "(the theme does not apply to its kind); see `civgrid show` for its cells")
        }
        return stored
    }

    /// `阳光小区 · 环境卫生`, for messages (ids when even that cannot be read).
    func label(_ key: CellKey) -> String {
        (try? tx.cellLabel(key)) ?? "#\(key.communityID)/\(key.themeID)"
    }

    /// Every case at a cell as it stands in this call.
    func cases(at key: CellKey) throws -> [CaseRecord] {
        let stored = try (prefetched.contains(key) ? casesRead[key] ?? [] : tx.cases(at: key)).map { casesWritten[$0.number] ?? $0 }
        return stored + (newCasesAt[key] ?? []).compactMap { casesWritten[$0] }
    }

    /// One case as it stands in this call, or a not-found error. The case is one this request is aimed at.
    func caseRecord(_ number: CaseNumber) throws -> CaseRecord {
        aim(.caseNumber(number))
        return try peekCase(number)
    }

    /// One case as it stands in this call, read only (a preview): not a target of the request, since reading is not scoped.
    func peekCase(_ number: CaseNumber) throws -> CaseRecord {
        if let written = casesWritten[number] { return written }
        guard let stored = try tx.caseRecord(number) else {
            throw GridError.notFound("no case \(number); `civgrid case list` shows the numbers")
        }
        return stored
    }

    /// The next free case number of `year`.
    func nextCaseNumber(year: Int) throws -> CaseNumber {
        let next = try (sequences[year] ?? tx.lastCaseSequence(year: year)) + 1
        sequences[year] = next
        return CaseNumber(year: year, sequence: next)
    }

    /// Writes a cell's new state with its audit entries.
    func write(cell: CellState, audit: [AuditEntry]) {
        let key = CellKey(communityID: cell.communityID, themeID: cell.themeID)
        var stamped = cell
        stamped.changedAt = now
        stamped.changedBy = actor.login
        if cellsWritten.updateValue(stamped, forKey: key) == nil { cellOrder.append(key) }
        changes.audit += audit
    }

    /// Records a new case with its first event.
    func insert(_ record: CaseRecord, event: CaseEvent) {
        newNumbers.insert(record.number)
        casesWritten[record.number] = record
        newCasesAt[CellKey(communityID: record.communityID, themeID: record.themeID), default: []].append(record.number)
        changes.caseEvents.append(CaseEventFact(number: record.number, event: event, from: nil))
    }

    /// Records a case's step.
    func update(_ record: CaseRecord, event: CaseEvent, from: CaseState) {
        casesWritten[record.number] = record
        changes.caseEvents.append(CaseEventFact(number: record.number, event: event, from: from))
    }

    /// Ends assignments and adds a new one, with its audit entries.
    func relink(ending ids: [RowID], adding link: Assignment, audit: [AuditEntry]) {
        changes.endedAssignments += ids.map { (id: $0, on: link.validFrom) }
        changes.newAssignments.append(link)
        changes.audit += audit
    }

    /// Adds or updates an operator.
    func save(_ account: Operator, audit: [AuditEntry]) {
        changes.operators.append(account)
        changes.audit += audit
    }

    /// Records master-data rows (kinds, streets, communities and their new cells, units, property companies).
    func master(_ audit: [AuditEntry], _ body: (inout MasterDataChanges) -> Void) {
        body(&changes.masterData)
        changes.audit += audit
    }

    /// Records an issued notice.
    func notice(_ notice: NoticeFact, audit: AuditEntry) {
        changes.notices.append(notice)
        changes.audit.append(audit)
    }

    /// Sets or clears a street's or community's office order.
    func order(_ fact: OrderFact, audit: AuditEntry) {
        changes.orders.append(fact)
        changes.audit.append(audit)
    }

    /// Records rounds planned or moved and inspections, with their audit entries.
    func rounds(_ audit: [AuditEntry], _ body: (inout RoundChanges) -> Void) {
        body(&changes.rounds)
        changes.audit += audit
    }

    /// Records declared-site register facts (site contacts, cadences) with their audit entries.
    func site(_ audit: [AuditEntry], _ body: (inout SiteRegisterChanges) -> Void) {
        body(&changes.siteRegister)
        changes.audit += audit
    }

    /// Records a file attached to a case (with its `attach` event); `attachment` is how it reads back in this call.
    func attach(_ fact: AttachmentFact, as attachment: Attachment) {
        changes.attachments.append(fact)
        attachmentsWritten[fact.number, default: []].append(attachment)
    }

    /// A case's attachments as they stand in this call.
    func attachments(of number: CaseNumber) throws -> [Attachment] {
        try tx.attachments(of: number) + (attachmentsWritten[number] ?? [])
    }

    /// Hands everything decided to the store, in one go.
    func finish() throws -> ChangeSet {
        changes.cells = cellOrder.compactMap { cellsWritten[$0] }
        let numbers = casesWritten.keys.sorted()
        changes.newCases = numbers.filter { newNumbers.contains($0) }.compactMap { casesWritten[$0] }
        changes.updatedCases = numbers.filter { !newNumbers.contains($0) }.compactMap { casesWritten[$0] }
        for i in changes.audit.indices { changes.audit[i].note = context.annotate(changes.audit[i].note) }
        // Where the operator may write (their office and those under it) is checked once, here, on every row — and on
        // every target, so a request into another county that would change nothing is refused like one that would.
        if let scope = try ScopeGuard(self) {
            try scope.check(changes)
            try scope.check(targets)
        }
        guard !changes.isEmpty else { return changes }
        try tx.persist(changes, context: context, at: now)
        return changes
    }
}
