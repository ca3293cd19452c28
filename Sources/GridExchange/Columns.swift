import GridCore

/// The fields an import understands, and the header spellings offices use for them (Chinese or English).
public enum ImportField: String, CaseIterable, Sendable {
    case office, street, community, address, kind, site, households, note
    case unit, unitKind = "unit_kind", role, head, headPhone = "head_phone", liaison, liaisonPhone = "liaison_phone"
    case property, manager, managerPhone = "manager_phone", phone
    case theme, status, due, plan
    case code, nameEN = "name_en", kinds
    case id

    /// Header spellings, compared after folding full-width characters and removing spaces.
    var spellings: [String] {
        switch self {
        case .office: ["三创办", "创城办", "office"]
        case .street: ["所属街道", "街道", "街道/乡镇", "乡镇", "所属乡镇", "街道乡镇", "street", "town"]
        case .community: ["小区名称", "小区", "名称", "点位名称", "点位", "小区/点位", "name", "community"]
        case .address: ["地址", "详细地址", "小区地址", "address"]
        case .kind: ["类型", "小区类型", "点位类型", "kind"]
        case .site: ["申报点位", "点位编号", "申报点位编号", "点位号", "site", "declared_site"]
        case .households: ["户数", "住户数", "总户数", "households"]
        case .note: ["备注", "说明", "问题描述", "note"]
        case .unit: ["责任单位", "包保单位", "牵头单位", "单位名称", "unit"]
        case .unitKind: ["单位类型", "unit_kind"]
        case .role: ["角色", "包保类型", "责任类型", "role"]
        case .head: ["负责人", "单位负责人", "联系人", "head"]
        case .headPhone: ["负责人电话", "负责人手机", "head_phone"]
        case .liaison: ["联络员", "liaison"]
        case .liaisonPhone: ["联络员电话", "联络员手机", "liaison_phone"]
        case .property: ["物业公司", "物业服务企业", "物业", "物业名称", "property"]
        case .manager: ["项目经理", "物业负责人", "物业经理", "manager"]
        case .managerPhone: ["项目经理电话", "物业电话", "经理电话", "manager_phone"]
        case .phone: ["电话", "联系电话", "手机", "手机号", "联系方式", "phone"]
        case .theme: ["测评主题", "主题", "theme"]
        case .status: ["状态", "责任状态", "status"]
        case .due: ["期限", "整改期限", "完成时限", "due"]
        case .plan: ["计划日期", "计划完成日期", "plan"]
        case .code: ["代码", "编码", "主题代码", "code"]
        case .nameEN: ["英文名称", "英文名", "name_en"]
        case .kinds: ["适用类型", "适用点位类型", "kinds"]
        case .id: ["编号", "小区编号", "id"]
        }
    }

    /// The field a header names, if any.
    static func of(header: String) -> ImportField? {
        let key = NameKey.of(header)
        return allCases.first { field in field.rawValue == key || field.spellings.contains { NameKey.of($0) == key } }
    }
}

/// What a sheet holds.
public enum ImportKind: String, CaseIterable, Sendable {
    case communities, units, properties, assignments, themes, statuses, cases

    /// Guesses from the fields found in the header row.
    static func guess(_ fields: Set<ImportField>) -> ImportKind? {
        if fields.contains(.theme) && fields.contains(.status) { return .statuses }
        if fields.contains(.code) && fields.contains(.kinds) { return .themes }
        if fields.contains(.community) { return .communities }
        if fields.contains(.unit) { return .units }
        if fields.contains(.property) { return .properties }
        return nil
    }
}

/// The header row and which column holds which field.
struct ColumnMap {
    var headerIndex: Int
    var columns: [ImportField: Int]

    /// Finds the header among the first rows (merged title rows above it are skipped): the row naming
    /// the most known fields. `overrides` (`--map 列名=field`) win.
    static func find(in rows: [[String]], overrides: [String: ImportField], file: String) throws(GridError) -> ColumnMap {
        var best: ColumnMap?
        for (i, row) in rows.prefix(10).enumerated() {
            var columns: [ImportField: Int] = [:]
            for (c, header) in row.enumerated() {
                let trimmed = header.trimmingWhitespace()
                if let f = overrides[NameKey.of(trimmed)] ?? ImportField.of(header: trimmed), columns[f] == nil { columns[f] = c }
            }
            if columns.count >= 2, columns.count > (best?.columns.count ?? 0) { best = ColumnMap(headerIndex: i, columns: columns) }
        }
        guard let best else {
            let first = rows.first.map { $0.joined(separator: ", ") } ?? "(empty)"
            throw .invalidInput("\(file): no header row found in the first 10 rows (first row: \(first)); headers such as "
                + "小区名称, 所属街道, 责任单位, 物业公司, 联系电话 are recognised, or map yours with --map 列名=community")
        }
        return best
    }
}
