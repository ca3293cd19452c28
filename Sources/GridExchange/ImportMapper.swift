import GridCore

/// A sheet turned into an import batch, with what was refused, skipped, ignored and what looks wrong but was kept.
public struct MappedImport: Sendable {
    public var kind: ImportKind
    public var batch: ImportBatch
    /// The header row's cells, for the rejected-rows file.
    public var header: [String]
    /// Refused rows: line, reason, the row as it was.
    public var rejected: [(line: Int, reason: String, row: [String])] = []
    /// Kept, but worth a look (bad phone numbers, lost characters).
    public var warnings: [(line: Int, message: String)] = []
    /// The same unit or property company given different contacts on different rows: the first is kept.
    public var conflicts: [(line: Int, message: String)] = []
    /// Columns with a header that the import did not use (`F 职务`), so the office sees what was ignored.
    public var unusedColumns: [String] = []
    /// Data rows read (blank and summary rows included).
    public var rows = 0
    /// Blank rows and summary rows (合计, 小计, 总计): skipped, neither imported nor rejected.
    public var skipped = 0
    /// Data rows that were neither skipped nor refused by the mapper.
    public var mappedRows: Int { rows - skipped - rejected.count }
}

/// Maps sheet rows to records: finds the header (by text and position), normalises values (trimmed; full-width
/// letters and digits folded in names, phones in one stored form), validates, and reports duplicates and
/// conflicting contacts within the file.
public struct ImportMapper {
    public var file: String
    public var kind: ImportKind?
    public var overrides: [ColumnOverride]
    public var update: Bool
    public var today: Day

    /// Creates a mapper.
    public init(file: String, kind: ImportKind?, overrides: [ColumnOverride], update: Bool, today: Day) {
        self.file = file
        self.kind = kind
        self.overrides = overrides
        self.update = update
        self.today = today
    }

    /// Creates a mapper with overrides by header text (`列名 → field`).
    public init(file: String, kind: ImportKind?, overrides: [String: ImportField], update: Bool, today: Day) {
        self.init(file: file, kind: kind, overrides: overrides.map { ColumnOverride(written: $0.key, field: $0.value) }, update: update, today: today)
    }

    /// Parses `--map COLUMN=field` arguments; COLUMN is a header as written, a column letter (`F`) or a
    /// 1-based column number (`6`).
    public static func overrides(_ maps: [String]) throws(GridError) -> [ColumnOverride] {
        var result: [ColumnOverride] = []
        for m in maps {
            let parts = m.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, let field = ImportField(rawValue: parts[1]) else {
                throw .invalidInput("--map \(m): write COLUMN=field (COLUMN a header, a letter like F or a number like 6), where field is one of "
                    + ImportField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result.append(ColumnOverride(written: parts[0], field: field))
        }
        return result
    }

    /// Maps a whole table; throws when the header cannot be found or does not say what the sheet holds.
    public func map(_ table: TextTableData) throws(GridError) -> MappedImport {
        let columns = try ColumnMap.find(in: table.rows, overrides: overrides, file: file)
        let header = table.rows[columns.headerIndex]
        let fields = Set(columns.columns.keys)
        var kind: ImportKind
        if let given = self.kind { kind = given } else { kind = try guessKind(fields, columns: columns, header: header) }
        if kind == .cases {
            throw .invalidInput("importing cases is not possible yet: the case ledger (整改问题台账) does not exist in this version")
        }
        try checkRequired(kind, columns: columns, header: header)
        var out = MappedImport(kind: kind, batch: ImportBatch(source: file, update: update), header: header)
        out.unusedColumns = columns.unused.map { "\(columnLetter($0)) \(header[$0].trimmingWhitespace())" }
        var state = MappingState()
        let ordered = columns.columns.sorted { $0.value < $1.value }
        var values = [String](repeating: "", count: ImportField.allCases.count)
        for (i, row) in table.rows.enumerated() where i > columns.headerIndex {
            let line = table.lines[i]
            out.rows += 1
            if MappingState.isSkippable(row) { out.skipped += 1; continue }
            for k in values.indices { values[k] = "" }
            for (f, c) in ordered where c < row.count {
                let raw = CSV.unneutralised(row[c].trimmingWhitespace())
                values[f.ordinal] = f == .note ? raw : FullWidth.foldAlphanumerics(raw)
            }
            let get: (ImportField) -> String = { values[$0.ordinal] }
            do throws(GridError) {
                try ImportMapper.checkText(get, columns: ordered, header: header)
                ImportMapper.lostCharacters(get, columns: ordered, header: header, line: line, into: &out)
                try mapRow(kind, get, fields: fields, line: line, into: &out, state: &state)
            } catch {
                out.rejected.append((line, error.description, row))
            }
        }
        out.batch.fileRows = out.rows
        return out
    }

    func guessKind(_ fields: Set<ImportField>, columns: ColumnMap, header: [String]) throws(GridError) -> ImportKind {
        if let k = ImportKind.guess(fields) { return k }
        throw .invalidInput("\(file): cannot tell what the sheet holds from its headers (line \(columns.headerIndex + 1)). Found: "
            + ColumnMap.describe(header) + " — understood as " + understood(columns, header: header) + ". Expected one of: "
            + "小区名称 + 所属街道 (communities, with 责任单位/物业公司 for the chain), 责任单位 (units), 物业公司 (properties), "
            + "小区名称 + 所属街道 + 测评主题 + 状态 (statuses), 代码 + 测评主题 + 适用类型 (themes). Give --kind, or --map COLUMN=field "
            + "(COLUMN a header, letter or number) for the columns it did not recognise.")
    }

    func checkRequired(_ kind: ImportKind, columns: ColumnMap, header: [String]) throws(GridError) {
        let missing = kind.required.filter { columns.columns[$0] == nil }
        guard !missing.isEmpty else { return }
        let names = missing.map { "\($0.label) (\($0.rawValue); also written \($0.spellings.dropFirst().prefix(6).joined(separator: "、")))" }
        throw .invalidInput("\(file): a \(kind.rawValue) sheet needs a column for " + names.joined(separator: " and ")
            + "; the header row (line \(columns.headerIndex + 1)) has " + ColumnMap.describe(header) + " — understood as "
            + understood(columns, header: header) + ". Rename the column or map it: --map COLUMN=\(missing[0].rawValue)")
    }

    func understood(_ columns: ColumnMap, header: [String]) -> String {
        let known = columns.columns.sorted { $0.value < $1.value }.map { "\(columnLetter($0.value))=\($0.key.rawValue)" }
        return known.isEmpty ? "nothing" : known.joined(separator: ", ")
    }

    func mapRow(_ kind: ImportKind, _ get: (ImportField) -> String, fields: Set<ImportField>, line: Int, into out: inout MappedImport,
                state: inout MappingState) throws(GridError) {
        let office = try self.office(get, line: line, into: &out, state: &state)
        switch kind {
        case .communities, .assignments:
            let name = try required(get(.community), "小区名称 (community name)")
            let street = try required(get(.street), "所属街道 (street)")
            // One row per community and unit: a community with two units has two rows (as export writes them).
            let communityKey = NameKey.of("\(office)|\(street)|\(name)")
            let key = communityKey + "|" + NameKey.of(get(.unit))
            if let first = state.seen[key] { throw .invalidInput("duplicate of line \(first) (\(street)/\(name))") }
            state.seen[key] = line
            let firstRow = state.seen[communityKey] == nil
            state.seen[communityKey] = state.seen[communityKey] ?? line
            if kind == .communities && firstRow {
                out.batch.communities.append(ImportRecord(line: line, try community(get, office: office, street: street, name: name)))
            }
            try chain(get, office: office, street: street, community: name, line: line, into: &out, state: &state)
        case .units:
            let name = try required(get(.unit), "责任单位 (unit)")
            guard state.units[NameKey.of("\(office)|\(name)")] == nil else { throw .invalidInput("duplicate unit \(name)") }
            try addUnit(get, office: office, name: name, line: line, into: &out, state: &state)
        case .properties:
            let name = try required(get(.property), "物业公司 (property)")
            guard state.properties[NameKey.of("\(office)|\(name)")] == nil else { throw .invalidInput("duplicate property company \(name)") }
            addProperty(get, office: office, name: name, line: line, into: &out, state: &state)
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
            try theme(get, line: line, into: &out, state: &state)
        case .cases:
            return
        }
    }

    /// The row's office: the 三创办 column, else the county's office (created when missing), else empty (the
    /// database's only office).
    func office(_ get: (ImportField) -> String, line: Int, into out: inout MappedImport, state: inout MappingState) throws(GridError) -> String {
        if !get(.office).isEmpty { return get(.office) }
        let county = get(.county)
        guard !county.isEmpty else { return "" }
        let fields = OfficeFields(county: county)
        if state.offices.insert(NameKey.of(fields.name)).inserted { out.batch.offices.append(ImportRecord(line: line, fields)) }
        return fields.name
    }

    func community(_ get: (ImportField) -> String, office: String, street: String, name: String) throws(GridError) -> CommunityFields {
        var f = CommunityFields(office: office, street: street, name: name)
        f.id = try number(get(.id), "编号 (id)").map(Int64.init)
        if !get(.address).isEmpty { f.address = get(.address) }
        if !get(.note).isEmpty { f.note = get(.note) }
        // Kinds are the office's list (学校, 医院 … besides the nine): the store resolves the label against it.
        if !get(.kind).isEmpty {
            f.kindName = get(.kind)
            f.kind = CommunityKind.parse(get(.kind))
        }
        f.declaredSite = try number(get(.site), "申报点位 (site number)")
        f.households = try number(get(.households), "户数 (households)")
        f.order = try officeOrder(get(.order), "排序 (order)")
        f.streetOrder = try officeOrder(get(.streetOrder), "街道排序 (street order)")
        if !get(.cadence).isEmpty { f.cadence = try SiteRules.cadence(get(.cadence)) }
        return f
    }

    func theme(_ get: (ImportField) -> String, line: Int, into out: inout MappedImport, state: inout MappingState) throws(GridError) {
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
        guard state.seen.updateValue(line, forKey: "theme|" + code) == nil else { throw .invalidInput("duplicate theme code \(code)") }
        out.batch.themes.append(ImportRecord(line: line, ThemeFields(code: code, zh: zh, en: get(.nameEN).isEmpty ? nil : get(.nameEN), kinds: kinds)))
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

    /// An office order number (0…999999), nil when empty.
    func officeOrder(_ value: String, _ what: String) throws(GridError) -> Int? {
        guard !FullWidth.fold(value).trimmingWhitespace().isEmpty else { return nil }
        guard let n = OfficeOrder.parse(value) else {
            throw .invalidInput("\(what) “\(value)” is not an order number: give a whole number from 0 to 999999, or leave it empty")
        }
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
