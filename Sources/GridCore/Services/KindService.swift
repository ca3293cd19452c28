/// The editable kind lists (admins only, `Policy` `.editKinds`): an office adds its own site kinds (学校, 医院, 车站 …,
/// each checked like one of the nine seeded kinds) and unit kinds (县直部门, 乡镇 …), and relabels any kind.
extension GridServices {
    /// Adds a kind to `list` labelled `label`. A site kind is checked like `like` (a site kind's code or label,
    /// default 其他); a unit kind counts as `like` (default 部门). `code` defaults to `site_N` / `unit_N`.
    public func addKind(_ list: KindList, label raw: String, like: String? = nil, code: String? = nil,
                        context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editKinds, on: "\(list.zh) \(raw)")
            let catalog = try ws.tx.kinds()
            let label = try MasterDataRules.name(raw, field: "the kind's label")
            try Self.uniqueLabel(label, list, catalog, except: nil)
            let existingCodes = Set(catalog.site.map(\.code) + catalog.unit.map(\.code))
            let newCode = try code.map { c throws(GridError) in try Self.checkedCode(c, taken: existingCodes) }
                ?? Self.freeCode(list, after: list == .site ? catalog.site.count : catalog.unit.count, taken: existingCodes)
            var facts = MasterDataChanges()
            let note: String
            switch list {
            case .site:
                let base = try Self.siteKind(like ?? CommunityKind.other.rawValue, catalog).base
                facts.siteKinds = [SiteKind(code: newCode, zh: label, base: base)]
                note = "新增点位类型 (added); checked like \(base.zh)"
            case .unit:
                guard let base = catalog.unitKind(like ?? UnitKind.department.rawValue)?.base else {
                    throw GridError.invalidInput("unknown unit kind “\(like ?? "")” for --like; kinds are \(catalog.labels(.unit))")
                }
                facts.unitKinds = [UnitKindEntry(code: newCode, zh: label, base: base)]
                note = "新增单位类型 (added); counts as \(base.zh)"
            }
            let audit = [AuditEntry(entity: list == .site ? .siteKind : .unitKind, entityID: newCode, field: "name",
                                    oldValue: nil, newValue: label, note: note)]
            ws.master(audit) { $0.siteKinds += facts.siteKinds; $0.unitKinds += facts.unitKinds }
            return MasterDataOutcome(id: 0, code: newCode, audit: audit)
        }
    }

    /// Relabels a kind (found by code or label); communities and units of that kind show the new label.
    public func renameKind(_ list: KindList, _ which: String, to raw: String, context: ChangeContext) throws(GridError) -> MasterDataOutcome {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .editKinds, on: "\(list.zh) \(which)")
            let catalog = try ws.tx.kinds()
            let label = try MasterDataRules.name(raw, field: "the kind's new label")
            let code: String, old: String
            switch list {
            case .site:
                guard let kind = catalog.siteKind(which) else { throw Self.unknownKind(list, which, catalog) }
                (code, old) = (kind.code, kind.zh)
            case .unit:
                guard let kind = catalog.unitKind(which) else { throw Self.unknownKind(list, which, catalog) }
                (code, old) = (kind.code, kind.zh)
            }
            ws.aim(.shared("the kind lists (类型)"))
            guard label != old else { return MasterDataOutcome(id: 0, code: code, audit: []) }
            try Self.uniqueLabel(label, list, catalog, except: code)
            let audit = [AuditEntry(entity: list == .site ? .siteKind : .unitKind, entityID: code, field: "name", oldValue: old, newValue: label)]
            ws.master(audit) { facts in
                if var k = catalog.siteKind(code: code), list == .site { k.zh = label; facts.siteKinds.append(k) }
                if var k = catalog.unitKind(code: code), list == .unit { k.zh = label; facts.unitKinds.append(k) }
            }
            return MasterDataOutcome(id: 0, code: code, audit: audit)
        }
    }

    static func unknownKind(_ list: KindList, _ text: String, _ catalog: KindCatalog) -> GridError {
        .notFound("no \(list.rawValue) kind “\(text)”; kinds are \(catalog.labels(list)) (`civgrid kind list`)")
    }

    static func uniqueLabel(_ label: String, _ list: KindList, _ catalog: KindCatalog, except code: String?) throws(GridError) {
        let key = NameKey.of(label)
        let clash: (code: String, zh: String)? = list == .site
            ? catalog.site.first { $0.code != code && NameKey.of($0.zh) == key }.map { ($0.code, $0.zh) }
            : catalog.unit.first { $0.code != code && NameKey.of($0.zh) == key }.map { ($0.code, $0.zh) }
        if let clash {
            throw .invalidInput("the \(list.rawValue) kind “\(clash.zh)” (\(clash.code)) already exists; choose another label")
        }
    }

    /// A code as typed: lowercase ASCII letters, digits and `_`, starting with a letter, at most 32, not yet used.
    static func checkedCode(_ code: String, taken: Set<String>) throws(GridError) -> String {
        let ok = code.count <= 32 && code.first.map { $0.isASCII && $0.isLowercase } == true
            && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        guard ok else {
            throw .invalidInput("the code “\(code)” (--code) must be lowercase ASCII letters, digits and _, starting with a letter (e.g. school)")
        }
        guard !taken.contains(code) else { throw .invalidInput("the code “\(code)” is already used by another kind; choose another") }
        return code
    }

    /// `site_10`, `unit_5` …: the first free number after the list's length.
    static func freeCode(_ list: KindList, after count: Int, taken: Set<String>) -> String {
        var n = count + 1
        while taken.contains("\(list.rawValue)_\(n)") { n += 1 }
        return "\(list.rawValue)_\(n)"
    }
}
