import GridCore

/// The fields an import understands, and the header spellings offices use for them (Chinese or English).
public enum ImportField: String, CaseIterable, Sendable {
    case office, county, street, community, address, kind, site, households, note
    case unit, unitKind = "unit_kind", role, head, headPhone = "head_phone", liaison, liaisonPhone = "liaison_phone"
    case property, manager, managerPhone = "manager_phone", phone
    case theme, status, due, plan
    case code, nameEN = "name_en", kinds
    case id
    case order, streetOrder = "street_order"
    case sitePerson = "site_person", sitePersonPhone = "site_person_phone", cadence

    /// Header spellings, compared after folding full-width characters and removing spaces; a header that matches
    /// none is tried again without its bracketed part (小区（网格）名称 → 小区名称, 街道（乡镇） → 街道).
    var spellings: [String] {
        switch self {
        case .office: ["三创办", "创城办", "文明办", "office"]
        case .county: ["区县", "县区", "县(市、区)", "县(市,区)", "县市区", "县(区)", "区(县)", "所属区县", "所属县区", "所在区县", "区县名称",
                       "县(市、区)名称", "县", "county", "district"]
        case .street: ["所属街道", "街道", "街道/乡镇", "乡镇/街道", "乡镇", "所属乡镇", "街道乡镇", "乡镇街道", "所在街道", "所在乡镇", "镇街", "街镇",
                       "镇(街道)", "街道名称", "乡镇名称", "street", "town"]
        case .community: ["小区名称", "小区", "名称", "点位名称", "点位", "小区/点位", "社区名称", "小区名", "网格名称", "小区网格名称",
                          "name", "community"]
        case .address: ["地址", "详细地址", "小区地址", "点位地址", "address"]
        case .kind: ["类型", "小区类型", "点位类型", "kind"]
        case .site: ["申报点位", "点位编号", "申报点位编号", "点位号", "site", "declared_site"]
        case .households: ["户数", "住户数", "总户数", "households"]
        case .note: ["备注", "说明", "问题描述", "note"]
        case .unit: ["责任单位", "包保单位", "牵头单位", "单位名称", "责任单位名称", "包联单位", "包保单位名称", "包联单位名称", "结对单位",
                     "共建单位", "unit"]
        case .unitKind: ["单位类型", "unit_kind"]
        case .role: ["角色", "包保类型", "责任类型", "role"]
        case .head: ["负责人", "单位负责人", "联系人", "包保领导", "包联领导", "责任领导", "责任人", "分管领导", "联系领导", "单位领导",
                     "领导", "head"]
        case .headPhone: ["负责人电话", "负责人手机", "head_phone"]
        case .liaison: ["联络员", "单位联络员", "liaison"]
        case .liaisonPhone: ["联络员电话", "联络员手机", "liaison_phone"]
        case .property: ["物业公司", "物业服务企业", "物业", "物业名称", "物业公司名称", "物业服务企业名称", "物业企业", "物业服务公司",
                         "物业单位", "property"]
        case .manager: ["项目经理", "物业负责人", "物业经理", "物业联系人", "物业项目经理", "manager"]
        case .managerPhone: ["项目经理电话", "物业电话", "经理电话", "manager_phone"]
        case .phone: ["电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "办公电话", "phone"]
        case .theme: ["测评主题", "主题", "theme"]
        case .status: ["状态", "责任状态", "status"]
        case .due: ["期限", "整改期限", "完成时限", "due"]
        case .plan: ["计划日期", "计划完成日期", "plan"]
        case .code: ["代码", "编码", "主题代码", "code"]
        case .nameEN: ["英文名称", "英文名", "name_en"]
        case .kinds: ["适用类型", "适用点位类型", "kinds"]
        case .id: ["编号", "小区编号", "id"]
        case .order: ["排序", "序号", "顺序", "排序号", "显示顺序", "小区排序", "点位排序", "order"]
        case .streetOrder: ["街道排序", "乡镇排序", "街道序号", "乡镇序号", "街道顺序", "乡镇顺序", "street_order"]
        // 责任人 alone stays the unit's head (包保领导) unless the sheet has a head column already (see `columns(of:)`).
        case .sitePerson: ["具体责任人", "点位责任人", "现场责任人", "责任人(点位)", "site_person"]
        case .sitePersonPhone: ["具体责任人电话", "点位责任人电话", "责任人电话", "责任人手机", "现场责任人电话", "site_person_phone"]
        case .cadence: ["自查周期", "自查频次", "自查频率", "cadence"]
        }
    }

    /// The person or organisation fields whose phone a following phone column holds.
    var phoneField: ImportField? {
        switch self {
        case .head, .unit: .headPhone
        case .liaison: .liaisonPhone
        case .manager, .property: .managerPhone
        case .sitePerson: .sitePersonPhone
        default: nil
        }
    }

    var isPhone: Bool { [.phone, .headPhone, .liaisonPhone, .managerPhone, .sitePersonPhone].contains(self) }

    /// The Chinese header the importer writes for the field, for messages.
    public var label: String { spellings[0] }

    static let byKey: [String: ImportField] = {
        var map: [String: ImportField] = [:]
        for field in allCases {
            for s in [field.rawValue] + field.spellings where map[NameKey.of(s)] == nil { map[NameKey.of(s)] = field }
        }
        return map
    }()

    static let phoneSuffixes = ["联系电话", "电话号码", "手机号码", "电话", "手机号", "手机", "联系方式"]

    /// The field a header names, if any: its spelling, the spelling without a bracketed part, or a person's
    /// name followed by a phone word (包保领导电话 → head_phone, 物业公司联系电话 → manager_phone).
    static func of(header: String) -> ImportField? {
        let key = NameKey.of(header)
        if let f = byKey[key] { return f }
        let bare = withoutBrackets(key)
        if bare != key, !bare.isEmpty, let f = byKey[bare] { return f }
        for suffix in phoneSuffixes where bare.hasSuffix(suffix) && bare.count > suffix.count {
            if let person = byKey[String(bare.dropLast(suffix.count))], let phone = person.phoneField { return phone }
        }
        return nil
    }

    /// `小区(网格)名称` → `小区名称` (brackets already folded to ASCII by `NameKey`; 【】 too).
    static func withoutBrackets(_ key: String) -> String {
        var out = "", depth = 0
        for ch in key {
            if ch == "(" || ch == "【" || ch == "[" { depth += 1; continue }
            if ch == ")" || ch == "】" || ch == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }
}

/// What a sheet holds.
public enum ImportKind: String, CaseIterable, Sendable {
    case communities, units, properties, assignments, themes, statuses, cases

    /// Guesses from the fields found in the header row; nil when the headers do not say (never a guess
    /// into another kind: a sheet with a street column is not a list of units).
    static func guess(_ fields: Set<ImportField>) -> ImportKind? {
        let places: Set<ImportField> = [.street, .community, .county, .address, .households, .site, .kind]
        if fields.contains(.theme) && fields.contains(.status) { return .statuses }
        if fields.contains(.code) && fields.contains(.kinds) { return .themes }
        if fields.contains(.community) && fields.contains(.street) { return .communities }
        if !fields.isDisjoint(with: places) { return nil }
        if fields.contains(.unit) { return .units }
        if fields.contains(.property) { return .properties }
        return nil
    }

    /// The columns a sheet of this kind cannot do without.
    var required: [ImportField] {
        switch self {
        case .communities, .assignments: [.community, .street]
        case .units: [.unit]
        case .properties: [.property]
        case .statuses: [.community, .street, .theme, .status]
        case .themes: [.code, .theme, .kinds]
        case .cases: []
        }
    }
}

/// A `--map` target: a header as written, a column letter (`F`) or a 1-based column number (`6`).
public struct ColumnOverride: Sendable, Hashable {
    /// As the operator wrote it, for messages.
    public var written: String
    public var field: ImportField

    /// The column this override names in `header`, if any: header text first, then letter or number.
    func column(in header: [String]) -> Int? {
        let key = NameKey.of(written)
        if let i = header.firstIndex(where: { NameKey.of($0) == key }) { return i }
        if let n = Int(key), n >= 1 { return n <= max(header.count, 1) ? n - 1 : nil }
        let letters = written.trimmingWhitespace().uppercased()
        guard !letters.isEmpty, letters.count <= 3, letters.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else { return nil }
        let index = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
        return index < header.count ? index : nil
    }
}

/// `A`, `B`, … `AA` for a 0-based column.
func columnLetter(_ index: Int) -> String {
    var n = index + 1, out = ""
    while n > 0 {
        let r = (n - 1) % 26
        out = String(UnicodeScalar(UInt8(65 + r))) + out
        n = (n - 1) / 26
    }
    return out
}

/// The header row and which column holds which field.
struct ColumnMap {
    var headerIndex: Int
    var columns: [ImportField: Int]
    /// Columns with a header the importer did not use (unknown, or a second column for a field already found).
    var unused: [Int] = []

    /// The columns of one header row: overrides first, then each header by its text, and a bare phone column
    /// (联系电话, 手机) by its position — it holds the phone of the person or organisation column before it.
    static func columns(of row: [String], overrides: [ColumnOverride]) -> (columns: [ImportField: Int], unused: [Int]) {
        var columns: [ImportField: Int] = [:]
        var fixed: [Int: ImportField] = [:]
        for o in overrides { if let c = o.column(in: row) { fixed[c] = o.field } }
        for (c, f) in fixed where columns[f] == nil { columns[f] = c }
        var unused: [Int] = []
        var anchor: ImportField?
        for (c, header) in row.enumerated() {
            if let f = fixed[c] {
                if f.phoneField != nil { anchor = f }
                continue
            }
            let trimmed = header.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            guard var f = ImportField.of(header: trimmed) else { unused.append(c); continue }
            if f == .phone, let a = anchor, let owner = a.phoneField, columns[owner] == nil { f = owner }
            // A second person column spelt 责任人 beside the unit's head is the site's responsible person (具体责任人).
            if f == .head, columns[.head] != nil, columns[.sitePerson] == nil, NameKey.of(trimmed) == "责任人" { f = .sitePerson }
            if f.phoneField != nil { anchor = f } else if !f.isPhone { anchor = nil }
            if columns[f] == nil { columns[f] = c } else { unused.append(c) }
        }
        // 责任人电话 without a site person column is the phone of the unit's head named 责任人 (as before v9).
        if let c = columns[.sitePersonPhone], columns[.sitePerson] == nil, columns[.headPhone] == nil {
            columns[.sitePersonPhone] = nil
            columns[.headPhone] = c
        }
        // The manager's phone column after a property column without a manager, and so on: the person's name is
        // optional, the phone is theirs.
        return (columns, unused)
    }

    /// Finds the header among the first rows (merged title rows above it are skipped): the row naming
    /// the most known fields (a row naming one is a header only when no row names more; the kind's required
    /// columns are checked afterwards, with one clear message). `overrides` (`--map 列名=field`, `--map F=field`, `--map 6=field`) win; one that
    /// names no column of the header is an error.
    static func find(in rows: [[String]], overrides: [ColumnOverride], file: String) throws(GridError) -> ColumnMap {
        var best: ColumnMap?
        for (i, row) in rows.prefix(10).enumerated() {
            let (columns, unused) = ColumnMap.columns(of: row, overrides: overrides)
            if !columns.isEmpty, columns.count > (best?.columns.count ?? 0) { best = ColumnMap(headerIndex: i, columns: columns, unused: unused) }
        }
        guard let best else {
            let first = rows.first.map { $0.joined(separator: ", ") } ?? "(empty)"
            throw .invalidInput("\(file): no header row found in the first 10 rows (first row: \(first)); headers such as "
                + "小区名称, 所属街道, 责任单位, 物业公司, 联系电话 are recognised, or map yours with --map 列名=community (or --map B=community)")
        }
        let header = rows[best.headerIndex]
        for o in overrides where o.column(in: header) == nil {
            throw .invalidInput("\(file): --map \(o.written)=\(o.field.rawValue) names no column; the header row (line \(best.headerIndex + 1)) has "
                + describe(header) + "; name a column by its header, its letter (A, B …) or its number (1, 2 …)")
        }
        return best
    }

    /// `A 小区名称, B 所属街道, …` for messages.
    static func describe(_ header: [String]) -> String {
        header.enumerated().map { "\(columnLetter($0.offset)) \($0.element.isEmpty ? "(blank)" : $0.element)" }.joined(separator: ", ")
    }
}
