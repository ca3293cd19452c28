/// What an office types to add a community or declared site between imports.
public struct CommunityDraft: Hashable, Sendable {
    public var streetID: RowID
    public var name: String
    /// A site kind's code or label (住宅小区, 学校 …); empty means 住宅小区.
    public var kind: String
    /// Declared inspection-site number (申报点位), nil when not declared.
    public var declaredSite: Int?
    public var address: String
    public var households: Int?
    public var note: String

    /// Creates a draft.
    public init(streetID: RowID, name: String, kind: String = "", declaredSite: Int? = nil, address: String = "",
                households: Int? = nil, note: String = "") {
        self.streetID = streetID
        self.name = name
        self.kind = kind
        self.declaredSite = declaredSite
        self.address = address
        self.households = households
        self.note = note
    }
}

/// Streets and communities by hand (admins only, `Policy` `.editMasterData`): the same name rules as an import,
/// duplicates refused naming the existing row, every change audited in its transaction.
extension GridServices {
    /// Adds a street (街道/乡镇) to an office (nil: the only office).
    public func addStreet(officeID: RowID?, name raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "街道 \(raw)")
            let office = try MasterDataRules.office(officeID, in: ws.tx.offices())
            let name = try MasterDataRules.name(raw, field: "the street name (街道名称)")
            try MasterDataRules.unique(name, among: ws.tx.streets(officeID: office.id), id: \.id, name: \.name, except: nil,
                                       what: "街道", place: "in \(office.name)")
            let street = Street(id: try ws.tx.nextID(.street), officeID: office.id, name: name)
            let audit = [AuditEntry(entity: .street, entityID: "\(street.id)", field: "name", oldValue: nil, newValue: name,
                                    note: "新增街道 (added) in \(office.name)")]
            ws.master(audit) { $0.streets.append(street) }
            return MasterDataOutcome(id: street.id, audit: audit)
        }
    }

    /// Renames a street; refused when the office already has a street of that name.
    public func renameStreet(id: RowID, to raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "街道 #\(id)")
            guard var street = try ws.tx.street(id: id) else { throw GridError.notFound("street #\(id) does not exist") }
            ws.aim(.node(.street(id)))
            let name = try MasterDataRules.name(raw, field: "the new street name")
            guard name != street.name else { return MasterDataOutcome(id: id, audit: []) }
            try MasterDataRules.unique(name, among: ws.tx.streets(officeID: street.officeID), id: \.id, name: \.name, except: id,
                                       what: "街道", place: "in this office")
            let audit = [AuditEntry(entity: .street, entityID: "\(id)", field: "name", oldValue: street.name, newValue: name)]
            street.name = name
            ws.master(audit) { $0.streets.append(street) }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// Adds a community or declared site with its cells (未查, one per theme its kind is checked on).
    public func addCommunity(_ draft: CommunityDraft, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "小区 \(draft.name)")
            guard let street = try ws.tx.street(id: draft.streetID) else { throw GridError.notFound("street #\(draft.streetID) does not exist") }
            let name = try MasterDataRules.name(draft.name, field: "the community name (小区名称)")
            try TextRules.checkName(draft.address, field: "the address (--address)")
            try TextRules.checkNote(draft.note, field: "the note (--note)")
            let kind = try Self.siteKind(draft.kind.isEmpty ? CommunityKind.residential.rawValue : draft.kind, ws.tx.kinds())
            if let n = draft.declaredSite, n <= 0 { throw GridError.invalidInput("the declared-site number (--site) must be 1 or more, not \(n)") }
            if let h = draft.households, h < 0 { throw GridError.invalidInput("households (--households) cannot be negative (\(h))") }
            try MasterDataRules.unique(name, among: ws.tx.communities(streetID: street.id), id: \.id, name: \.name, except: nil,
                                       what: "小区", place: "in \(street.name)", hint: Self.retiredHint)
            try SiteRules.checkUnique(draft.declaredSite, for: nil, officeID: street.officeID, in: ws.tx)
            let c = Community(id: try ws.tx.nextID(.community), streetID: street.id, name: name,
                              address: draft.address.trimmingWhitespace(), kind: kind.base, declaredSite: draft.declaredSite,
                              households: draft.households, note: draft.note, siteKindCode: kind.isSeeded ? nil : kind.code)
            let cells = try ws.tx.themes().filter { $0.applies(to: kind.base) }.map { CellKey(communityID: c.id, themeID: $0.id) }
            let audit = [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "name", oldValue: nil,
                                    newValue: "\(street.name)/\(name)",
                                    note: "新增 (added): \(kind.zh)" + (c.declaredSite.map { ", 申报点位 第\($0)号" } ?? "") + ", \(cells.count) cells")]
            ws.master(audit) { $0.communities.append(c); $0.newCells += cells }
            return MasterDataOutcome(id: c.id, audit: audit)
        }
    }

    /// Renames a community; refused when its street already has one of that name.
    public func renameCommunity(id: RowID, to raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try editCommunity(id, context) { ws, c in
            let name = try MasterDataRules.name(raw, field: "the new community name")
            guard name != c.name else { return [] }
            try MasterDataRules.unique(name, among: ws.tx.communities(streetID: c.streetID), id: \.id, name: \.name, except: c.id,
                                       what: "小区", place: "in this street", hint: Self.retiredHint)
            defer { c.name = name }
            return [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "name", oldValue: c.name, newValue: name)]
        }
    }

    /// Moves a community to another street (of any office); its cells, cases, chain and history go with it.
    public func moveCommunity(id: RowID, toStreet streetID: RowID, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try editCommunity(id, context) { ws, c in
            guard streetID != c.streetID else { return [] }
            guard let to = try ws.tx.street(id: streetID) else { throw GridError.notFound("street #\(streetID) does not exist") }
            let from = try ws.tx.street(id: c.streetID)
            try MasterDataRules.unique(c.name, among: ws.tx.communities(streetID: to.id), id: \.id, name: \.name, except: c.id,
                                       what: "小区", place: "in \(to.name)", hint: Self.retiredHint)
            if to.officeID != from?.officeID { try SiteRules.checkUnique(c.declaredSite, for: c.id, officeID: to.officeID, in: ws.tx) }
            defer { c.streetID = to.id }
            return [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "street",
                               oldValue: from?.name ?? "#\(c.streetID)", newValue: to.name, note: "迁移 (moved)")]
        }
    }

    /// Retires a community (已撤销) or brings it back: it leaves (or rejoins) the board, the browser, roll-ups and
    /// search; its cells, cases, chain and audit stay in the ledger either way.
    public func setRetired(communityID id: RowID, _ retired: Bool, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "小区 #\(id)")
            guard var c = try ws.tx.community(id: id) else { throw GridError.notFound("community #\(id) does not exist") }
            ws.aim(.node(.community(id)))
            guard c.isRetired != retired else { return MasterDataOutcome(id: id, audit: []) }
            if !retired, let street = try ws.tx.street(id: c.streetID) {
                try SiteRules.checkUnique(c.declaredSite, for: c.id, officeID: street.officeID, in: ws.tx)
            }
            let open = try ws.tx.openCaseCount(communityID: id)
            let old = c.retiredOn
            c.retiredOn = retired ? ws.today : nil
            let note = retired ? "撤销 (retired)" + (open > 0 ? "; \(open) open cases stay in the ledger" : "") : "恢复 (brought back)"
            let audit = [AuditEntry(entity: .community, entityID: "\(id)", communityID: id, field: "retired_on",
                                    oldValue: old?.description, newValue: c.retiredOn?.description, note: note)]
            ws.master(audit) { $0.communities.append(c) }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// Runs an edit of a live community: authorised, refused for a retired one, written when `body` returns entries.
    func editCommunity(_ id: RowID, _ context: ChangeContext,
                       _ body: (Workspace, inout Community) throws -> [AuditEntry]) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "小区 #\(id)")
            guard var c = try ws.tx.community(id: id) else { throw GridError.notFound("community #\(id) does not exist") }
            ws.aim(.node(.community(id)))
            if let day = c.retiredOn {
                throw GridError.invalidInput("\(c.name) was retired (已撤销) on \(day); bring it back first with `civgrid community unretire`")
            }
            let audit = try body(ws, &c)
            if !audit.isEmpty { ws.master(audit) { $0.communities.append(c) } }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// A site kind by code or label, or a refusal listing the kinds and how to add one.
    static func siteKind(_ text: String, _ catalog: KindCatalog) throws(GridError) -> SiteKind {
        guard let kind = catalog.siteKind(text) else {
            throw .invalidInput("unknown site kind “\(text)”; kinds are \(catalog.labels(.site)); or "
                + KindCatalog.howToAdd(.site, text))
        }
        return kind
    }

    static func retiredHint(_ c: Community) -> String {
        c.retiredOn.map { ", retired (已撤销) on \($0) — bring it back with `civgrid community unretire`" } ?? ""
    }
}
