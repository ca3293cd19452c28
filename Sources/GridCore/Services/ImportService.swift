/// A store that compares an imported batch with what it holds and applies it in one transaction.
public protocol ImportingStore: Sendable {
    /// Applies `batch` (or only reports, for a dry run) in one transaction with audit rows naming the file. `rules`
    /// are GridCore's: who may import what, and the one status rule every imported status passes through.
    /// `progress(done, total)` is called every thousand records; returning false cancels (nothing is written).
    func importBatch(_ batch: ImportBatch, dryRun: Bool, context: ChangeContext, rules: ImportRules,
                     progress: ((Int, Int) -> Bool)?) throws(GridError) -> ImportOutcome
}

/// The domain rules an import runs under, handed to the store so it never needs its own.
public struct ImportRules: Sendable {
    let services: GridServices

    /// Refuses the whole batch unless `actor` may import everything in it: master data needs an admin, statuses
    /// anyone who may record findings (each status still passes the cell rules). A scoped admin's master data is
    /// checked row by row (`rowScope`); what every office shares — themes, new kinds — needs an admin of the whole database.
    public func authorize(_ batch: ImportBatch, actor stored: Operator) throws(GridError) {
        let actor = stored.acting
        let masterData = [batch.offices.count, batch.units.count, batch.properties.count, batch.communities.count, batch.links.count, batch.themes.count]
            .contains { $0 > 0 }
        if masterData { try Policy.authorize(actor, .editMasterData, on: "import \(batch.source)") }
        let shared = OfficeScope(offices: [])
        if !batch.themes.isEmpty { try shared.checkWholeDatabase(actor, what: "the themes (测评主题) of a sheet (import \(batch.source))") }
        if !batch.statuses.isEmpty { try Policy.authorize(actor, .importStatuses, on: "import \(batch.source)") }
        if batch.addKinds {
            try Policy.authorize(actor, .editKinds, on: "import \(batch.source) --add-kinds")
            try shared.checkWholeDatabase(actor, what: "the kind lists (类型) a sheet adds to (import \(batch.source) --add-kinds)")
        }
    }

    /// The office check of a sheet's master-data rows for `actor`, or nil when they work for the whole database.
    public func rowScope(actor: Operator, offices: [Office]) -> ImportRowScope? {
        ImportRowScope(actor: actor.acting, offices: offices)
    }

    /// Applies one imported status inside the import's transaction, through the same rule as a key press; a
    /// problem row records a case (source 上级交办) whose description is the row's note.
    public func applyStatus(in tx: any StoreTransaction, _ key: CellKey, _ request: StatusChangeRequest,
                            context: ChangeContext) throws -> CellOutcome {
        try services.applyStatus(in: tx, key, request, problem: ProblemDetails(source: .higherLevel), context: context).0
    }
}

extension GridServices {
    /// Imports a batch into `store` under the domain's rules (see `ImportRules`).
    public func importBatch(_ batch: ImportBatch, into store: any ImportingStore, dryRun: Bool, context: ChangeContext,
                            progress: ((Int, Int) -> Bool)? = nil) throws(GridError) -> ImportOutcome {
        var noted = context
        noted.noteSuffix = "import \(batch.source)"
        return try store.importBatch(batch, dryRun: dryRun, context: noted, rules: ImportRules(services: self), progress: progress)
    }
}

/// Where a scoped admin's sheet may write master data: each row's office must be theirs or under theirs (`OfficeScope`),
/// else the row is rejected with the same message as any change outside their offices and the rest goes in; a sheet
/// that would create an office needs an admin of the whole database. The store asks this once per row's office.
public struct ImportRowScope: Sendable {
    let actor: Operator
    let scope: OfficeScope

    /// The check for `actor`, or nil when they work for the whole database (nothing to check).
    public init?(actor: Operator, offices: [Office]) {
        guard actor.officeID != nil else { return nil }
        self.actor = actor
        scope = OfficeScope(offices: offices)
    }

    /// Throws the scope refusal unless the actor may write rows of office `office` (`line`: the sheet's row).
    public func check(office: RowID, line: Int) throws(GridError) {
        try scope.check(actor, office: office, what: "row \(line) (三创办 \(scope.name(office)))")
    }

    /// Why row `line` may not write rows of office `office`, or nil when it may (the store rejects the row with it).
    public func refusal(office: RowID, line: Int) -> String? {
        do { try check(office: office, line: line) } catch { return error.description }
        return nil
    }

    /// Throws: a new office (三创办 `name`) from a sheet is shared by the whole database.
    public func checkNewOffice(_ name: String, line: Int) throws(GridError) {
        try scope.checkWholeDatabase(actor, what: "a new office (三创办 \(name), row \(line))")
    }
}
