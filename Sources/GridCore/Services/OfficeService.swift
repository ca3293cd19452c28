/// Offices by hand (admins only, `Policy` `.editMasterData`): a city's office and the county offices under it, so one
/// database holds many offices and a city-level operator sees and acts for all of them (see `OfficeScope`).
extension GridServices {
    /// Adds an office (三创办), under `parentID` (a city's office) or at the top level (nil).
    public func addOffice(name raw: String, parentID: RowID?, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "三创办 \(raw)")
            let offices = try ws.tx.offices()
            let name = try MasterDataRules.name(raw, field: "the office name (三创办名称)")
            try MasterDataRules.unique(name, among: offices, id: \.id, name: \.name, except: nil, what: "三创办", place: "in this database")
            if let parentID, !offices.contains(where: { $0.id == parentID }) { throw GridError.notFound("office #\(parentID) does not exist") }
            let office = Office(id: try ws.tx.nextID(.office), name: name, parentID: parentID)
            let under = parentID.map { p in " under \(OfficeScope(offices: offices).name(p))" } ?? ""
            let audit = [AuditEntry(entity: .office, entityID: "\(office.id)", field: "name", oldValue: nil, newValue: name,
                                    note: "新增三创办 (added)\(under)"),
                         parentID.map { AuditEntry(entity: .office, entityID: "\(office.id)", field: "parent_id", oldValue: nil, newValue: "\($0)") }]
                .compactMap { $0 }
            ws.master(audit) { $0.offices.append(office) }
            return MasterDataOutcome(id: office.id, audit: audit)
        }
    }

    /// Puts an office under another (nil: the top level); refused when that would make an office its own ancestor.
    public func setOfficeParent(id: RowID, parentID: RowID?, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "三创办 #\(id)")
            let offices = try ws.tx.offices()
            guard var office = offices.first(where: { $0.id == id }) else { throw GridError.notFound("office #\(id) does not exist") }
            ws.aim(.node(.office(id)))
            guard office.parentID != parentID else { return MasterDataOutcome(id: id, audit: []) }
            let scope = OfficeScope(offices: offices)
            if let parentID {
                guard offices.contains(where: { $0.id == parentID }) else { throw GridError.notFound("office #\(parentID) does not exist") }
                if scope.covers(id, parentID) {
                    throw GridError.invalidInput("\(scope.name(parentID)) is \(office.name) itself or lies under it; an office cannot "
                        + "sit under its own office — choose an office above \(office.name), or \"\" for the top level")
                }
            }
            let audit = [AuditEntry(entity: .office, entityID: "\(id)", field: "parent_id", oldValue: office.parentID.map { "\($0)" },
                                    newValue: parentID.map { "\($0)" })]
            office.parentID = parentID
            ws.master(audit) { $0.offices.append(office) }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }
}
