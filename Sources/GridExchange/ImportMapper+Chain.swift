import GridCore

/// What the mapper remembers across rows: duplicates, and where each unit and property company's record is, so a
/// later row can fill in its contacts or be reported as a conflict.
struct MappingState {
    var seen: [String: Int] = [:]
    var units: [String: Int] = [:]
    var properties: [String: Int] = [:]
    var offices = Set<String>()

    /// Blank rows (nothing but commas or spaces) and summary rows (合计, 小计, 总计 in the first filled cell).
    static func isSkippable(_ row: [String]) -> Bool {
        guard let first = row.first(where: { !$0.trimmingWhitespace().isEmpty }) else { return true }
        let key = NameKey.of(first)
        return ["合计", "小计", "总计", "共计", "总数"].contains { key.hasPrefix($0) }
    }
}

extension ImportField {
    /// The field's place in `allCases`, for the per-row value array. A payload-free enum is stored as its case's
    /// declaration index, which is its place in the synthesised `allCases` (a test checks every case): a dictionary
    /// lookup here hashed the raw value's string, ten times a row.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

extension ImportMapper {
    /// 无物业, 无, 自管, —, / …: the community has no property company.
    static func meansNoProperty(_ value: String) -> Bool {
        noProperty.contains(NameKey.of(value))
    }

    static let noProperty: Set<String> = ["无物业", "无", "自管", "业主自管", "居民自管", "自治", "无物业管理", "暂无", "没有", "-", "—", "——", "/",
                                          "\\", "－", "／", "无物业公司"]

    /// The scalars that separate unit names in one cell.
    static let unitSeparators = Set("、/／,，;；".unicodeScalars)

    /// A cell naming two or more units (`县住建局、县城投集团`, `/`, `，`): the first leads, the others support.
    static func unitNames(_ cell: String) -> [String] {
        // Most cells name one unit: no separator scalar, so no split (the same result, without comparing characters).
        if !cell.unicodeScalars.contains(where: { ImportMapper.unitSeparators.contains($0) }) {
            let name = cell.trimmingWhitespace()
            return name.isEmpty ? [] : [name]
        }
        return cell.split(whereSeparator: { "、/／,，;；".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The unit(s), property company and links named on a community row, when the sheet has those columns.
    func chain(_ get: (ImportField) -> String, office: String, street: String, community: String, line: Int,
               into out: inout MappedImport, state: inout MappingState) throws(GridError) {
        let propertyName = ImportMapper.meansNoProperty(get(.property)) ? "" : get(.property)
        if !propertyName.isEmpty {
            addProperty(get, office: office, name: propertyName, line: line, into: &out, state: &state)
        } else if !get(.managerPhone).isEmpty || !get(.manager).isEmpty {
            var ignored: [String] = []
            _ = contact(get(.manager), get(.managerPhone), what: "", line: line, out: &out, notes: &ignored)
            out.warnings.append((line, "物业 contact “\([get(.manager), get(.managerPhone)].filter { !$0.isEmpty }.joined(separator: " "))” "
                + "but no property company on the row; not stored"))
        }
        let names = ImportMapper.unitNames(get(.unit))
        guard !names.isEmpty else { return }
        var role: AssignmentRole
        switch NameKey.of(get(.role)) {
        case "", "lead", "牵头", "包保", "牵头单位", "包保单位", "责任单位": role = .lead
        case "support", "配合", "配合单位", "协助", "协助单位": role = .support
        default: throw .invalidInput("unknown role “\(get(.role))”; use 牵头 (lead) or 配合 (support)")
        }
        for (i, unitName) in names.enumerated() {
            if i == 0 {
                try addUnit(get, office: office, name: unitName, line: line, into: &out, state: &state)
            } else if state.units[NameKey.of("\(office)|\(unitName)")] == nil {
                // A supporting unit named beside the lead: the row's contacts are the lead's, not its.
                state.units[NameKey.of("\(office)|\(unitName)")] = out.batch.units.count
                out.batch.units.append(ImportRecord(line: line, UnitFields(office: office, name: unitName)))
            }
            // Every unit named on the row answers for the community's property company (责任单位管物业), supporting ones too.
            var link = LinkFields(office: office, street: street, community: community, unit: unitName, role: role,
                                  property: propertyName.isEmpty ? nil : propertyName)
            // The row's responsible person (具体责任人) is the first unit's on this site.
            if i == 0 { link.person = try sitePerson(get, line: line, out: &out) }
            out.batch.links.append(ImportRecord(line: line, link))
            role = .support
        }
    }

    /// The row's 具体责任人 and phone, checked by GridCore's rule (a bad phone refuses the row), or nil.
    func sitePerson(_ get: (ImportField) -> String, line: Int, out: inout MappedImport) throws(GridError) -> Contact? {
        guard !get(.sitePerson).isEmpty || !get(.sitePersonPhone).isEmpty else { return nil }
        return try SiteRules.person(name: get(.sitePerson), phone: get(.sitePersonPhone)).contact
    }

    /// A unit's record, or (seen before) its contacts merged into the first record; different contacts are a conflict.
    func addUnit(_ get: (ImportField) -> String, office: String, name: String, line: Int, into out: inout MappedImport,
                 state: inout MappingState) throws(GridError) {
        var f = UnitFields(office: office, name: name)
        if !get(.unitKind).isEmpty {
            f.kindName = get(.unitKind)
            f.kind = UnitKind.allCases.first { $0.rawValue == get(.unitKind) || $0.zh == get(.unitKind) }
        }
        // A phone column with no person before it belongs to the unit's head unless the row names a property company.
        let generic = get(.phone).isEmpty || (!get(.property).isEmpty && !ImportMapper.meansNoProperty(get(.property))) ? "" : get(.phone)
        var notes: [String] = []
        f.head = contact(get(.head), get(.headPhone).isEmpty ? generic : get(.headPhone), what: "负责人电话", line: line, out: &out, notes: &notes)
        f.liaison = contact(get(.liaison), get(.liaisonPhone), what: "联络员电话", line: line, out: &out, notes: &notes)
        let key = NameKey.of("\(office)|\(name)")
        guard let i = state.units[key] else {
            state.units[key] = out.batch.units.count
            out.batch.units.append(ImportRecord(line: line, f, note: notes.joined(separator: "; ")))
            return
        }
        var first = out.batch.units[i]
        merge(&first.fields.head, f.head, what: "责任单位 \(name) 负责人", firstLine: first.line, line: line, out: &out)
        merge(&first.fields.liaison, f.liaison, what: "责任单位 \(name) 联络员", firstLine: first.line, line: line, out: &out)
        if first.fields.kind == nil { first.fields.kind = f.kind }
        if first.fields.kindName == nil { first.fields.kindName = f.kindName }
        if first.note.isEmpty { first.note = notes.joined(separator: "; ") }
        out.batch.units[i] = first
    }

    func addProperty(_ get: (ImportField) -> String, office: String, name: String, line: Int, into out: inout MappedImport,
                     state: inout MappingState) {
        var notes: [String] = []
        let phone = get(.managerPhone).isEmpty ? get(.phone) : get(.managerPhone)
        let manager = contact(get(.manager), phone, what: "项目经理电话", line: line, out: &out, notes: &notes)
        let key = NameKey.of("\(office)|\(name)")
        guard let i = state.properties[key] else {
            state.properties[key] = out.batch.properties.count
            out.batch.properties.append(ImportRecord(line: line, PropertyFields(office: office, name: name, manager: manager),
                                                     note: notes.joined(separator: "; ")))
            return
        }
        var first = out.batch.properties[i]
        merge(&first.fields.manager, manager, what: "物业 \(name) 项目经理", firstLine: first.line, line: line, out: &out)
        out.batch.properties[i] = first
    }

    /// Fills what the first row left empty; a different name or phone is reported, and the first row's kept.
    func merge(_ kept: inout Contact?, _ other: Contact?, what: String, firstLine: Int, line: Int, out: inout MappedImport) {
        guard let other else { return }
        guard var c = kept else { kept = other; return }
        let nameDiffers = !c.name.isEmpty && !other.name.isEmpty && NameKey.of(c.name) != NameKey.of(other.name)
        let phoneDiffers = !c.phone.isEmpty && !other.phone.isEmpty && c.phone != other.phone
        if nameDiffers || phoneDiffers {
            out.conflicts.append((line, "\(what): this row gives “\(other.display)”, line \(firstLine) gave “\(c.display)”; "
                + "line \(firstLine)'s is kept — make the rows agree (or import the units sheet) to change it"))
            return
        }
        if c.name.isEmpty { c.name = other.name }
        if c.phone.isEmpty { c.phone = other.phone }
        kept = c
    }

    /// A contact when either part is given; the phone in its stored form (the original noted when it changed), a
    /// bad one kept as written and reported.
    func contact(_ name: String, _ phone: String, what: String, line: Int, out: inout MappedImport, notes: inout [String]) -> Contact? {
        guard !name.isEmpty || !phone.isEmpty else { return nil }
        let (stored, valid) = PhoneNumber.normalise(phone)
        if !valid {
            out.warnings.append((line, "phone “\(phone)” is neither a mobile (11 digits) nor a landline with area code; kept as written"))
            return Contact(name: name, phone: phone)
        }
        if stored != phone { notes.append("\(what)原为 “\(phone)” (written as), stored as \(stored)") }
        return Contact(name: name, phone: stored)
    }

    /// Every mapped cell of a row against `TextRules`: notes and addresses as notes, everything else as names.
    /// The reason names the column as the sheet's header spells it.
    static func checkText(_ get: (ImportField) -> String, columns: [(key: ImportField, value: Int)], header: [String]) throws(GridError) {
        for (field, column) in columns {
            let value = get(field)
            guard !value.isEmpty else { continue }
            if field == .note || field == .address {
                try TextRules.checkNote(value, field: columnName(column, header))
            } else {
                try TextRules.checkName(value, field: columnName(column, header))
            }
        }
    }

    static func columnName(_ column: Int, _ header: [String]) -> String {
        column < header.count && !header[column].isEmpty ? "column “\(header[column])”" : "column \(columnLetter(column))"
    }

    static let nameFields: [ImportField] = [.office, .county, .street, .community, .unit, .property, .head, .liaison, .manager]

    /// A `?` or U+FFFD in a name is usually a character lost when Excel saved the sheet as GBK: kept, and said.
    static func lostCharacters(_ get: (ImportField) -> String, columns: [(key: ImportField, value: Int)], header: [String], line: Int,
                               into out: inout MappedImport) {
        for (field, column) in columns where nameFields.contains(field) {
            let value = get(field)
            // Byte tests: `String.contains(String)` goes through Foundation's search, which cost more than the row's mapping.
            guard value.utf8.contains(UInt8(ascii: "?")) || value.unicodeScalars.contains("\u{FFFD}") else { continue }
            out.warnings.append((line, "\(columnName(column, header)) “\(value)” holds ? or � — probably a character lost when the sheet "
                + "was saved as GBK/ANSI; kept as written. Save it as “CSV UTF-8” or .xlsx and import again"))
        }
    }
}
