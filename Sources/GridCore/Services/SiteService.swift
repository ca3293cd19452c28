/// One edit of a declared site's register entry (`civgrid site set`): any of its number, kind, cadence and one unit's
/// responsible person, applied together in one transaction or not at all.
public struct SiteEdit: Hashable, Sendable {
    /// A number change: set, or clear (the community stops being a declared site).
    public enum Number: Hashable, Sendable { case set(Int), clear }
    /// A cadence change: the site's own, or back to the office default.
    public enum Cadence: Hashable, Sendable { case set(SiteCadence), officeDefault }

    public var communityID: RowID
    public var number: Number?
    /// A site kind's code or label (学校, 农贸市场 …).
    public var kind: String?
    public var cadence: Cadence?
    /// A unit assigned to the site today, and its responsible person and phone (both empty: cleared).
    public var contact: (unitID: RowID, name: String, phone: String)?

    /// Creates an edit of `communityID` that changes nothing yet.
    public init(communityID: RowID) { self.communityID = communityID }

    public static func == (a: SiteEdit, b: SiteEdit) -> Bool {
        a.communityID == b.communityID && a.number == b.number && a.kind == b.kind && a.cadence == b.cadence
            && a.contact?.unitID == b.contact?.unitID && a.contact?.name == b.contact?.name && a.contact?.phone == b.contact?.phone
    }

    public func hash(into h: inout Hasher) { h.combine(communityID) }
}

/// The declared-site register through the one door (`Policy` `.editSiteRegister`): numbers unique in an office,
/// kinds from the editable list, cadences, and the responsible person each unit names for a site.
extension GridServices {
    /// Applies `edit` to a live community; refused as a whole on the first rule it breaks.
    public func editSite(_ edit: SiteEdit, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        let id = edit.communityID
        return try run(context) { ws in
            try Policy.authorize(ws.actor, .editSiteRegister, on: "申报点位 #\(id)")
            let tx = try Self.siteTransaction(ws)
            guard var c = try tx.community(id: id) else { throw GridError.notFound("community #\(id) does not exist") }
            ws.aim(.node(.community(id)))
            if let day = c.retiredOn {
                throw GridError.invalidInput("\(c.name) was retired (已撤销) on \(day); bring it back first with `civgrid community unretire`")
            }
            guard let street = try tx.street(id: c.streetID) else { throw GridError.notFound("street #\(c.streetID) does not exist") }
            var audit: [AuditEntry] = []
            var cells: [CellKey] = []
            if let number = edit.number { audit += try Self.renumber(&c, number, officeID: street.officeID, tx) }
            if let kind = edit.kind { (audit, cells) = try Self.rekind(&c, kind, tx, audit) }
            if let cadence = edit.cadence { audit += try Self.recadence(c, cadence, tx, ws) }
            if let contact = edit.contact { audit += try Self.recontact(c, contact, tx, ws) }
            let master = audit.contains { $0.field == "declared_site" || $0.field == "kind" }
            if master { ws.master([]) { $0.communities.append(c); $0.newCells += cells } }
            ws.site(audit) { _ in }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// Sets an office's default self-inspection cadence (nil office: the only one).
    public func setDefaultCadence(officeID: RowID?, _ cadence: SiteCadence, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editSiteRegister, on: "自查周期")
            let tx = try Self.siteTransaction(ws)
            let office = try MasterDataRules.office(officeID, in: tx.offices())
            ws.aim(.node(.office(office.id)))
            try SiteRules.checkCadenceRange(cadence)
            let old = try tx.storedDefaultCadence(officeID: office.id)
            guard old != cadence else { return MasterDataOutcome(id: office.id, audit: []) }
            let audit = [AuditEntry(entity: .office, entityID: "\(office.id)", field: "self_check_days",
                                    oldValue: (old ?? .standard).days.description, newValue: "\(cadence.days)",
                                    note: "申报点位默认自查周期 (default self-inspection cadence) \(cadence)")]
            ws.site(audit) { $0.officeCadences.append((office.id, cadence)) }
            return MasterDataOutcome(id: office.id, audit: audit)
        }
    }

    static func siteTransaction(_ ws: Workspace) throws(GridError) -> any SiteRegisterTransaction {
        guard let tx = ws.tx as? any SiteRegisterTransaction else {
            throw .database("this store does not keep a declared-site register (申报点位)")
        }
        return tx
    }

    static func renumber(_ c: inout Community, _ change: SiteEdit.Number, officeID: RowID, _ tx: any MasterDataReading) throws -> [AuditEntry] {
        let new: Int?
        switch change {
        case .set(let n):
            try SiteRules.checkUnique(n, for: c.id, officeID: officeID, in: tx)
            new = n
        case .clear:
            new = nil
        }
        guard new != c.declaredSite else { return [] }
        defer { c.declaredSite = new }
        return [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "declared_site",
                           oldValue: c.declaredSite.map(String.init), newValue: new.map(String.init),
                           note: new == nil ? "不再是申报点位 (no longer a declared site)" : "申报点位 第\(new!)号")]
    }

    /// A new kind: the themes its base adds get 未查 cells; a kind that would drop a theme the site is checked on is
    /// refused (its cells and cases would lose their theme).
    static func rekind(_ c: inout Community, _ text: String, _ tx: any SiteRegisterTransaction,
                       _ audit: [AuditEntry]) throws -> ([AuditEntry], [CellKey]) {
        let kind = try siteKind(text, tx.kinds())
        let newCode = kind.isSeeded ? nil : kind.code
        guard kind.base != c.kind || newCode != c.siteKindCode else { return (audit, []) }
        let themes = try tx.themes()
        let dropped = themes.filter { $0.applies(to: c.kind) && !$0.applies(to: kind.base) }
        if !dropped.isEmpty {
            throw GridError.invalidInput("\(c.name) cannot become \(kind.zh): it would no longer be checked on "
                + dropped.map(\.zh).joined(separator: "、") + ", whose cells and cases it keeps; choose a kind checked on those themes "
                + "(`civgrid kind add site \(kind.zh) --like \(try tx.kinds().label(of: c))` adds one)")
        }
        let added = themes.filter { !$0.applies(to: c.kind) && $0.applies(to: kind.base) }.map { CellKey(communityID: c.id, themeID: $0.id) }
        let old = try tx.kinds().label(of: c)
        c.kind = kind.base
        c.siteKindCode = newCode
        let entry = AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "kind", oldValue: old, newValue: kind.zh,
                               note: added.isEmpty ? "" : "\(added.count) new cells 未查")
        return (audit + [entry], added)
    }

    static func recadence(_ c: Community, _ change: SiteEdit.Cadence, _ tx: any SiteRegisterTransaction, _ ws: Workspace) throws -> [AuditEntry] {
        guard c.declaredSite != nil else {
            throw GridError.invalidInput("\(c.name) is not a declared site (申报点位); give it a number first (--number N)")
        }
        let new: SiteCadence?
        if case .set(let cadence) = change { try SiteRules.checkCadenceRange(cadence); new = cadence } else { new = nil }
        let old = try tx.siteCadence(communityID: c.id)
        guard old != new else { return [] }
        ws.site([]) { $0.siteCadences.append((c.id, new)) }
        return [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "self_check_days",
                           oldValue: old.map { "\($0.days)" }, newValue: new.map { "\($0.days)" },
                           note: "自查周期 (self-inspection cadence) " + (new.map(\.description) ?? "按默认 (office default)"))]
    }

    static func recontact(_ c: Community, _ edit: (unitID: RowID, name: String, phone: String), _ tx: any SiteRegisterTransaction,
                          _ ws: Workspace) throws -> [AuditEntry] {
        guard let unit = try tx.unit(id: edit.unitID) else { throw GridError.notFound("unit #\(edit.unitID) does not exist") }
        let chain = try tx.chain(communityID: c.id, on: ws.today)
        guard chain.contains(where: { $0.unit.id == unit.id }) else {
            let units = chain.map { "\($0.unit.name)（\($0.assignment.role.zh)）" }.joined(separator: "、")
            throw GridError.invalidInput("\(unit.name) does not answer for \(c.name) today (its units: \(units.isEmpty ? "none" : units)); "
                + "link it first with `civgrid assign \(c.name) \(unit.name) --role support`")
        }
        let (person, note) = try SiteRules.person(name: edit.name, phone: edit.phone)
        let old = try tx.siteContact(communityID: c.id, unitID: unit.id)
        let cleared = person.name.isEmpty && person.phone.isEmpty
        guard old != (cleared ? nil : person) else { return [] }
        ws.site([]) { $0.contacts.append(SiteContact(communityID: c.id, unitID: unit.id, person: person)) }
        return [AuditEntry(entity: .community, entityID: "\(c.id)", communityID: c.id, field: "site_contact.\(unit.id)",
                           oldValue: old?.display, newValue: cleared ? nil : person.display,
                           note: "\(unit.name) 具体责任人 (responsible person on the site)" + (note.map { "; \($0)" } ?? ""))]
    }
}
