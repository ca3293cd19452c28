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
    /// anyone who may record findings (each status still passes the cell rules).
    public func authorize(_ batch: ImportBatch, actor: Operator) throws(GridError) {
        let masterData = [batch.offices.count, batch.units.count, batch.properties.count, batch.communities.count, batch.links.count, batch.themes.count]
            .contains { $0 > 0 }
        if masterData { try Policy.authorize(actor, .editMasterData, on: "import \(batch.source)") }
        // A sheet's master data may create offices and name any county; it is a city-level admin's (statuses are
        // checked row by row at the one door, against the operator's office).
        if masterData { try OfficeScope(offices: []).checkWholeDatabase(actor, what: "master data from a sheet (import \(batch.source))") }
        if !batch.statuses.isEmpty { try Policy.authorize(actor, .importStatuses, on: "import \(batch.source)") }
        if batch.addKinds { try Policy.authorize(actor, .editKinds, on: "import \(batch.source) --add-kinds") }
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
