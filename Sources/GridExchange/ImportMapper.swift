import GridCore

/// A sheet turned into an import batch, with what was refused and what looks wrong but was kept.
public struct MappedImport: Sendable {
    public var kind: ImportKind
    public var batch: ImportBatch
    /// The header row's cells, for the rejected-rows file.
    public var header: [String]
    /// Refused rows: line, reason, the row as it was.
    public var rejected: [(line: Int, reason: String, row: [String])] = []
    /// Kept, but worth a look (bad phone numbers, near-duplicates).
    public var warnings: [(line: Int, message: String)] = []
    /// Data rows read.
    public var rows = 0
}

/// Maps sheet rows to records: finds the header, normalises values (trimmed; full-width ASCII folded in
/// identifiers, numbers and phones), validates, and reports duplicates within the file.
public struct ImportMapper {
    public var file: String
    public var kind: ImportKind?
    public var overrides: [String: ImportField]
    public var update: Bool
    public var today: Day

    /// Creates a mapper.
    public init(file: String, kind: ImportKind?, overrides: [String: ImportField], update: Bool, today: Day) {
        self.file = file
        self.kind = kind
        self.overrides = overrides
        self.update = update
        self.today = today
    }

    /// Parses `--map 列名=field` arguments.
    public static func overrides(_ maps: [String]) throws(GridError) -> [String: ImportField] {
        var result: [String: ImportField] = [:]
        for m in maps {
            let parts = m.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, let field = ImportField(rawValue: parts[1]) else {
                throw .invalidInput("--map \(m): write COLUMN=field, where field is one of "
                    + ImportField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result[NameKey.of(parts[0])] = field
        }
        return result
    }

    public func map(_ table: TextTableData) throws(GridError) -> MappedImport {
        let columns = try ColumnMap.find(in: table.rows, overrides: overrides, file: file)
        let fields = Set(columns.columns.keys)
        guard let kind = kind ?? ImportKind.guess(fields) else {
            throw .invalidInput("\(file): cannot tell what the sheet holds from its headers; give --kind communities|units|properties|assignments|statuses")
        }
        if kind == .cases {
            throw .invalidInput("importing cases is not possible yet: the case ledger (整改问题台账) does not exist in this version")
        }
        var out = MappedImport(kind: kind, batch: ImportBatch(source: file, update: update), header: table.rows[columns.headerIndex])
        var seen: [String: Int] = [:]
        var seenUnits = Set<String>(), seenProperties = Set<String>()
        for (i, row) in table.rows.enumerated() where i > columns.headerIndex {
            let line = table.lines[i]
            out.rows += 1
            let get: (ImportField) -> String = { f in
                guard let c = columns.columns[f], c < row.count else { return "" }
                return CSV.unneutralised(row[c].trimmingWhitespace())
            }
            do throws(GridError) {
                try ImportMapper.checkText(get, columns: columns.columns, header: out.header)
                try mapRow(kind, get, fields: fields, line: line, into: &out, seen: &seen, units: &seenUnits, properties: &seenProperties)
            } catch {
                out.rejected.append((line, error.description, row))
            }
        }
        return out
    }

    func mapRow(_ kind: ImportKind, _ get: (ImportField) -> String, fields: Set<ImportField>, line: Int, into out: inout MappedImport,
                seen: inout [String: Int], units: inout Set<String>, properties: inout Set<String>) throws(GridError) {
        let office = get(.office)
        // Every phone on the row is checked, whichever record it ends up on; bad ones are kept and reported.
        for field in [ImportField.phone, .headPhone, .liaisonPhone, .managerPhone] where !get(field).isEmpty {
            if !PhoneNumber.normalise(get(field)).valid {
                out.warnings.append((line, "phone “\(get(field))” is neither a mobile (11 digits) nor a landline with area code; kept as written"))
            }
        }
        switch kind {
        case .communities, .assignments:
            let name = try required(get(.community), "小区名称 (community name)")
            let street = try required(get(.street), "所属街道 (street)")
            // One row per community and unit: a community with two units has two rows (as export writes them).
            let communityKey = NameKey.of("\(office)|\(street)|\(name)")
            let key = communityKey + "|" + NameKey.of(get(.unit))
            if let first = seen[key] { throw .invalidInput("duplicate of line \(first) (\(street)/\(name))") }
            seen[key] = line
            let firstRow = seen[communityKey] == nil
            seen[communityKey] = seen[communityKey] ?? line
            if kind == .communities && firstRow {
                out.batch.communities.append(ImportRecord(line: line, try community(get, office: office, street: street, name: name)))
            }
            try chain(get, fields: fields, office: office, street: street, community: name, line: line, into: &out,
                      units: &units, properties: &properties)
        case .units:
            let name = try required(get(.unit), "责任单位 (unit)")
            guard units.insert(NameKey.of("\(office)|\(name)")).inserted else { throw .invalidInput("duplicate unit \(name)") }
            out.batch.units.append(ImportRecord(line: line, try unit(get, office: office, name: name, line: line, out: &out)))
        case .properties:
            let name = try required(get(.property), "物业公司 (property)")
            guard properties.insert(NameKey.of("\(office)|\(name)")).inserted else { throw .invalidInput("duplicate property company \(name)") }
            out.batch.properties.append(ImportRecord(line: line, PropertyFields(office: office, name: name,
                                                                                manager: contact(get(.manager), get(.managerPhone).isEmpty ? get(.phone) : get(.managerPhone), line: line, out: &out))))
        case .statuses:
            let name = try required(get(.community), "小区名称 (community name)")
            let street = try required(get(.street), "所属街道 (street)")
            let theme = try required(get(.theme), "测评主题 (theme)")
            guard let status = CellStatus.parse(get(.status)) else {
                throw .invalidInput("unknown status “\(get(.status))”; use one of \(CellStatus.spellings)")
            }
            var due = try date(get(.due), "期限"), plan = try date(get(.plan), "计划日期")
            // An exported 挂账 carries its plan date in the 期限 column.
            if status == .parked, plan == nil { (plan, due) = (due, nil) }
            let request = StatusChangeRequest(status: status, note: get(.note), due: due, plan: plan, imported: true)
            out.batch.statuses.append(ImportRecord(line: line, StatusFields(office: office, street: street, community: name, theme: theme, request: request)))
        case .themes:
            let code = try required(FullWidth.fold(get(.code)).lowercased(), "代码 (code)")
            guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw .invalidInput("theme code “\(code)” must be ASCII letters, digits and _ (it is used in commands and files)")
            }
            let zh = try required(get(.theme), "测评主题 (theme name)")
            var kinds = Set<CommunityKind>()
            for part in get(.kinds).split(whereSeparator: { "、,，;； ".contains($0) }) {
                guard let k = CommunityKind.parse(String(part)) else {
                    throw .invalidInput("unknown kind “\(part)” in 适用类型; use \(CommunityKind.allCases.map(\.zh).joined(separator: "、"))")
                }
                kinds.insert(k)
            }
            guard !kinds.isEmpty else { throw .invalidInput("适用类型 (kinds) is empty: say which kinds of place the theme is checked at") }
            guard seen.updateValue(line, forKey: "theme|" + code) == nil else { throw .invalidInput("duplicate theme code \(code)") }
            out.batch.themes.append(ImportRecord(line: line, ThemeFields(code: code, zh: zh, en: get(.nameEN).isEmpty ? nil : get(.nameEN), kinds: kinds)))
        case .cases:
            return
        }
    }

    func community(_ get: (ImportField) -> String, office: String, street: String, name: String) throws(GridError) -> CommunityFields {
        var f = CommunityFields(office: office, street: street, name: name)
        f.id = try number(get(.id), "编号 (id)").map(Int64.init)
        if !get(.address).isEmpty { f.address = get(.address) }
        if !get(.note).isEmpty { f.note = get(.note) }
        if !get(.kind).isEmpty {
            guard let k = CommunityKind.parse(get(.kind)) else {
                throw .invalidInput("unknown kind “\(get(.kind))”; use one of \(CommunityKind.allCases.map(\.zh).joined(separator: "、"))")
            }
            f.kind = k
        }
        f.declaredSite = try number(get(.site), "申报点位 (site number)")
        f.households = try number(get(.households), "户数 (households)")
        return f
    }

    /// The unit, property company and link named on a community row, when the sheet has those columns.
    func chain(_ get: (ImportField) -> String, fields: Set<ImportField>, office: String, street: String, community: String, line: Int,
               into out: inout MappedImport, units: inout Set<String>, properties: inout Set<String>) throws(GridError) {
        let unitName = get(.unit), propertyName = get(.property)
        // A generic phone column belongs to the property company when there is one, else to the unit's head.
        let phoneForProperty = !propertyName.isEmpty && get(.managerPhone).isEmpty
        if !propertyName.isEmpty, properties.insert(NameKey.of("\(office)|\(propertyName)")).inserted {
            let phone = phoneForProperty ? get(.phone) : get(.managerPhone)
            out.batch.properties.append(ImportRecord(line: line, PropertyFields(office: office, name: propertyName,
                                                                                manager: contact(get(.manager), phone, line: line, out: &out))))
        }
        guard !unitName.isEmpty else { return }
        if units.insert(NameKey.of("\(office)|\(unitName)")).inserted {
            out.batch.units.append(ImportRecord(line: line, try unit(get, office: office, name: unitName, line: line, out: &out)))
        }
        let role: AssignmentRole
        switch NameKey.of(get(.role)) {
        case "", "lead", "牵头", "包保", "牵头单位", "包保单位": role = .lead
        case "support", "配合", "配合单位": role = .support
        default: throw .invalidInput("unknown role “\(get(.role))”; use 牵头 (lead) or 配合 (support)")
        }
        out.batch.links.append(ImportRecord(line: line, LinkFields(office: office, street: street, community: community, unit: unitName,
                                                                   role: role, property: propertyName.isEmpty ? nil : propertyName)))
    }

    func unit(_ get: (ImportField) -> String, office: String, name: String, line: Int, out: inout MappedImport) throws(GridError) -> UnitFields {
        var f = UnitFields(office: office, name: name)
        if !get(.unitKind).isEmpty {
            guard let k = UnitKind.allCases.first(where: { $0.rawValue == get(.unitKind) || $0.zh == get(.unitKind) }) else {
                throw .invalidInput("unknown unit kind “\(get(.unitKind))”; use 部门, 企事业, 街道/乡镇 or 社区")
            }
            f.kind = k
        }
        let headPhone = get(.headPhone).isEmpty && get(.property).isEmpty ? get(.phone) : get(.headPhone)
        f.head = contact(get(.head), headPhone, line: line, out: &out)
        f.liaison = contact(get(.liaison), get(.liaisonPhone), line: line, out: &out)
        return f
    }

    /// A contact when either part is given; a bad phone is kept as written and reported.
    func contact(_ name: String, _ phone: String, line: Int, out: inout MappedImport) -> Contact? {
        guard !name.isEmpty || !phone.isEmpty else { return nil }
        let (normalised, valid) = PhoneNumber.normalise(phone)
        return Contact(name: name, phone: valid ? normalised : phone)
    }

    /// Every mapped cell of a row against `TextRules`: notes and addresses as notes, everything else as names.
    /// The reason names the column as the sheet's header spells it.
    static func checkText(_ get: (ImportField) -> String, columns: [ImportField: Int], header: [String]) throws(GridError) {
        for (field, column) in columns.sorted(by: { $0.value < $1.value }) {
            let value = get(field)
            guard !value.isEmpty else { continue }
            let name = column < header.count && !header[column].isEmpty ? "column “\(header[column])”" : "column \(column + 1)"
            if field == .note || field == .address {
                try TextRules.checkNote(value, field: name)
            } else {
                try TextRules.checkName(value, field: name)
            }
        }
    }

    func required(_ value: String, _ what: String) throws(GridError) -> String {
        guard !value.isEmpty else { throw .invalidInput("\(what) is empty") }
        return value
    }

    func number(_ value: String, _ what: String) throws(GridError) -> Int? {
        let v = FullWidth.fold(value).trimmingWhitespace()
        guard !v.isEmpty else { return nil }
        guard let n = Int(v), n >= 0 else { throw .invalidInput("\(what) “\(value)” is not a whole number") }
        return n
    }

    /// `YYYY-MM-DD` (or `/`, `.`), or an Excel date serial from an .xlsx cell.
    func date(_ value: String, _ what: String) throws(GridError) -> Day? {
        let v = FullWidth.fold(value).trimmingWhitespace()
        guard !v.isEmpty else { return nil }
        if let d = Day(v) { return d }
        if let serial = Int(v), (20_000...80_000).contains(serial) { return Day(ordinal: serial - 25_569) }
        throw .invalidInput("\(what) “\(value)” is not a date; write YYYY-MM-DD")
    }
}
