/// A field an edit may change: `nil` leaves it as it is, a value (empty included) replaces it.
public struct UnitEdit: Hashable, Sendable {
    /// A new name (checked against the office's other units).
    public var name: String?
    /// A unit kind's code or label.
    public var kind: String?
    public var head: String?
    public var headPhone: String?
    public var liaison: String?
    public var liaisonPhone: String?

    /// Creates an edit; every field left nil stays as it is.
    public init(name: String? = nil, kind: String? = nil, head: String? = nil, headPhone: String? = nil, liaison: String? = nil,
                liaisonPhone: String? = nil) {
        self.name = name
        self.kind = kind
        self.head = head
        self.headPhone = headPhone
        self.liaison = liaison
        self.liaisonPhone = liaisonPhone
    }
}

/// Responsible units (责任单位) and property companies (物业) by hand (admins only, `.editMasterData`).
extension GridServices {
    /// Adds a unit to an office (nil: the only office) with its kind and contacts.
    public func addUnit(officeID: RowID?, name raw: String, details: UnitEdit, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "责任单位 \(raw)")
            let office = try MasterDataRules.office(officeID, in: ws.tx.offices())
            let name = try MasterDataRules.name(raw, field: "the unit name (责任单位名称)")
            try MasterDataRules.unique(name, among: ws.tx.units(officeID: office.id), id: \.id, name: \.name, except: nil,
                                       what: "责任单位", place: "in \(office.name)")
            var unit = ResponsibleUnit(id: try ws.tx.nextID(.unit), officeID: office.id, name: name, kind: .department,
                                       head: Contact(name: "", phone: ""), liaison: Contact(name: "", phone: ""))
            let changes = try Self.apply(details, to: &unit, kinds: ws.tx.kinds())
            let audit = [AuditEntry(entity: .unit, entityID: "\(unit.id)", field: "name", oldValue: nil, newValue: name,
                                    note: "新增 (added) in \(office.name)")] + changes.map { $0.entry(unit.id) }
            ws.master(audit) { $0.units.append(unit) }
            return MasterDataOutcome(id: unit.id, audit: audit)
        }
    }

    /// Renames a unit; refused when the office already has a unit of that name.
    public func renameUnit(id: RowID, to raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try updateUnit(id: id, UnitEdit(name: raw), context: context)
    }

    /// Changes a unit's name, kind, head (包保领导/负责人) or liaison and their phones, all or none; one audit entry per
    /// changed field.
    public func updateUnit(id: RowID, _ edit: UnitEdit, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "责任单位 #\(id)")
            guard var unit = try ws.tx.unit(id: id) else { throw GridError.notFound("unit #\(id) does not exist") }
            ws.aim(.node(.unit(id)))
            var renamed: [FieldChange] = []
            if let raw = edit.name {
                let name = try MasterDataRules.name(raw, field: "the new unit name")
                if name != unit.name {
                    try MasterDataRules.unique(name, among: ws.tx.units(officeID: unit.officeID), id: \.id, name: \.name, except: id,
                                               what: "责任单位", place: "in this office")
                    renamed.append(FieldChange(field: "name", old: unit.name, new: name))
                    unit.name = name
                }
            }
            let audit = try (renamed + Self.apply(edit, to: &unit, kinds: ws.tx.kinds())).map { $0.entry(id) }
            if !audit.isEmpty { ws.master(audit) { $0.units.append(unit) } }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// Adds a property company to an office (nil: the only office) with its manager (项目经理) and phone.
    public func addProperty(officeID: RowID?, name raw: String, manager: String?, phone: String?,
                            context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "物业 \(raw)")
            let office = try MasterDataRules.office(officeID, in: ws.tx.offices())
            let name = try MasterDataRules.name(raw, field: "the property company name (物业公司名称)")
            if ["无物业", "无", "自管", "—", "/"].contains(name) {
                throw GridError.invalidInput("“\(name)” means no property company; a community without one needs none added "
                    + "(`civgrid assign … --no-property`)")
            }
            try MasterDataRules.unique(name, among: ws.tx.properties(officeID: office.id), id: \.id, name: \.name, except: nil,
                                       what: "物业公司", place: "in \(office.name)")
            var company = PropertyCompany(id: try ws.tx.nextID(.property), officeID: office.id, name: name, manager: Contact(name: "", phone: ""))
            let changes = try Self.apply(manager: manager, phone: phone, to: &company)
            let audit = [AuditEntry(entity: .property, entityID: "\(company.id)", field: "name", oldValue: nil, newValue: name,
                                    note: "新增 (added) in \(office.name)")] + changes.map { $0.entry(company.id, .property) }
            ws.master(audit) { $0.properties.append(company) }
            return MasterDataOutcome(id: company.id, audit: audit)
        }
    }

    /// Renames a property company; refused when the office already has one of that name.
    public func renameProperty(id: RowID, to raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try updateProperty(id: id, name: raw, manager: nil, phone: nil, context: context)
    }

    /// Changes a property company's name, manager or phone, all or none (nil leaves a field as it is).
    public func updateProperty(id: RowID, name raw: String? = nil, manager: String?, phone: String?,
                               context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editMasterData, on: "物业 #\(id)")
            guard var company = try ws.tx.property(id: id) else { throw GridError.notFound("property company #\(id) does not exist") }
            ws.aim(.node(.property(id)))
            var renamed: [FieldChange] = []
            if let raw {
                let name = try MasterDataRules.name(raw, field: "the new property company name")
                if name != company.name {
                    try MasterDataRules.unique(name, among: ws.tx.properties(officeID: company.officeID), id: \.id, name: \.name, except: id,
                                               what: "物业公司", place: "in this office")
                    renamed.append(FieldChange(field: "name", old: company.name, new: name))
                    company.name = name
                }
            }
            let audit = try (renamed + Self.apply(manager: manager, phone: phone, to: &company)).map { $0.entry(id, .property) }
            if !audit.isEmpty { ws.master(audit) { $0.properties.append(company) } }
            return MasterDataOutcome(id: id, audit: audit)
        }
    }

    /// Applies an edit to a unit, validating every field first; returns the fields that changed.
    static func apply(_ edit: UnitEdit, to unit: inout ResponsibleUnit, kinds: KindCatalog) throws(GridError) -> [FieldChange] {
        var out: [FieldChange] = []
        if let text = edit.kind {
            guard let kind = kinds.unitKind(text) else {
                throw .invalidInput("unknown unit kind “\(text)”; kinds are \(kinds.labels(.unit)); or \(KindCatalog.howToAdd(.unit, text))")
            }
            let old = kinds.label(of: unit)
            unit.kind = kind.base
            unit.kindCode = kind.isSeeded ? nil : kind.code
            if old != kind.zh { out.append(FieldChange(field: "kind", old: old, new: kind.zh)) }
        }
        if let name = edit.head {
            let new = try MasterDataRules.person(name, field: "the head (--head)")
            if new != unit.head.name { out.append(FieldChange(field: "head", old: unit.head.name, new: new)) }
            unit.head.name = new
        }
        if let phone = edit.headPhone {
            let (new, note) = try MasterDataRules.phone(phone, field: "the head's phone (--head-phone)")
            if new != unit.head.phone { out.append(FieldChange(field: "head_phone", old: unit.head.phone, new: new, note: note ?? "")) }
            unit.head.phone = new
        }
        if let name = edit.liaison {
            let new = try MasterDataRules.person(name, field: "the liaison (--liaison)")
            if new != unit.liaison.name { out.append(FieldChange(field: "liaison", old: unit.liaison.name, new: new)) }
            unit.liaison.name = new
        }
        if let phone = edit.liaisonPhone {
            let (new, note) = try MasterDataRules.phone(phone, field: "the liaison's phone (--liaison-phone)")
            if new != unit.liaison.phone { out.append(FieldChange(field: "liaison_phone", old: unit.liaison.phone, new: new, note: note ?? "")) }
            unit.liaison.phone = new
        }
        return out
    }

    /// Applies a manager and phone to a property company, validating both first; returns the fields that changed.
    static func apply(manager: String?, phone: String?, to company: inout PropertyCompany) throws(GridError) -> [FieldChange] {
        var out: [FieldChange] = []
        let newManager = try manager.map { n throws(GridError) in try MasterDataRules.person(n, field: "the manager (--manager)") }
        let newPhone = try phone.map { p throws(GridError) in try MasterDataRules.phone(p, field: "the manager's phone (--phone)") }
        if let new = newManager, new != company.manager.name {
            out.append(FieldChange(field: "manager", old: company.manager.name, new: new))
            company.manager.name = new
        }
        if let (new, note) = newPhone, new != company.manager.phone {
            out.append(FieldChange(field: "manager_phone", old: company.manager.phone, new: new, note: note ?? ""))
            company.manager.phone = new
        }
        return out
    }
}

/// One changed field of a unit or property company, before it becomes an audit entry.
struct FieldChange {
    var field: String
    var old: String
    var new: String
    var note = ""

    func entry(_ id: RowID, _ entity: AuditEntity = .unit) -> AuditEntry {
        AuditEntry(entity: entity, entityID: "\(id)", field: field, oldValue: old.isEmpty ? nil : old, newValue: new.isEmpty ? nil : new,
                   note: note)
    }
}
