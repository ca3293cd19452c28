import GridCore

/// Themes and cell statuses from a sheet: the records that create or change cells.
extension PGImportRun {
    /// A theme by code: a new one gets a cell in every community of its kinds; an existing one may gain kinds but
    /// never lose them here (that would delete cells and their history).
    mutating func theme(_ r: ImportRecord<ThemeFields>) throws {
        let f = r.fields
        let what = "测评主题 \(f.zh) [\(f.code)]"
        guard let old = themes.first(where: { $0.code == f.code }) else {
            let position = (themes.map(\.position).max() ?? 0) + 1
            let id = try insert("INSERT INTO theme (code, name_zh, name_en, kinds, position) VALUES (?, ?, ?, ?, ?)",
                                [f.code, f.zh, f.en ?? f.code, f.kinds.map(\.rawValue).sorted().joined(separator: ","), position])
            try addCells(theme: id, kinds: f.kinds)
            themes.append(CheckTheme(id: id, code: f.code, zh: f.zh, en: f.en ?? f.code, kinds: f.kinds, position: position))
            try audit(.theme, "\(id)", nil, "code", nil, f.code)
            outcome.changes.append(.init(kind: .new, line: r.line, what: what, details: []))
            return
        }
        if !old.kinds.isSubset(of: f.kinds) {
            let dropped = old.kinds.subtracting(f.kinds).map(\.zh).sorted().joined(separator: "、")
            return reject(r.line, "\(what) would stop applying to \(dropped); that deletes cells and their history, so it is not done by import")
        }
        var diffs: [(String, String, String, String)] = []
        if f.zh != old.zh { diffs.append(("name_zh", "名称", old.zh, f.zh)) }
        if let en = f.en, en != old.en { diffs.append(("name_en", "英文名称", old.en, en)) }
        let added = f.kinds.subtracting(old.kinds)
        if !added.isEmpty {
            diffs.append(("kinds", "适用类型", old.kinds.map(\.rawValue).sorted().joined(separator: ","),
                          f.kinds.map(\.rawValue).sorted().joined(separator: ",")))
        }
        if batch.update && !added.isEmpty { try addCells(theme: old.id, kinds: added) }
        try update("theme", id: old.id, community: nil, diffs: diffs, line: r.line, what: what, importedName: f.code, storedName: old.code)
        if batch.update, let i = themes.firstIndex(where: { $0.id == old.id }) { themes[i].kinds.formUnion(f.kinds) }
    }

    func addCells(theme: Int64, kinds: Set<CommunityKind>) throws {
        let list = kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
        try s.query("INSERT INTO cell (community_id, theme_id) SELECT id, ? FROM community WHERE kind IN (\(list)) ON CONFLICT DO NOTHING",
                    [theme])
    }

    mutating func status(_ r: ImportRecord<StatusFields>) throws {
        let f = r.fields
        guard let office = office(f.office, line: r.line) else { return }
        guard let street = try street(office: office, name: f.street, create: false),
              let communityID = try lookup("community", parentColumn: "street_id", parent: street, name: f.community) else {
            return reject(r.line, "no community “\(f.street)/\(f.community)”")
        }
        let key = NameKey.of(f.theme)
        guard let theme = themes.first(where: {
            NameKey.of($0.code) == key || NameKey.of($0.zh) == key || NameKey.of($0.en) == key
        }) else { return reject(r.line, "unknown theme “\(f.theme)”") }
        guard let old = try s.text("SELECT status FROM cell WHERE community_id = ? AND theme_id = ?", [communityID, theme.id])
            .flatMap(CellStatus.init(rawValue:)) else {
            return reject(r.line, "\(theme.zh) is not checked at \(f.community) (its kind has no such cell)")
        }
        let label = "\(f.community) · \(theme.zh)"
        // The same rule as any status change (GridCore's), with the file named in its audit rows; a refused row is rolled
        // back to its savepoint and reported, the rest of the sheet goes in.
        try s.query("SAVEPOINT civgrid_row")
        do {
            let result = try rules.applyStatus(in: PostgresTransaction(s), CellKey(communityID: communityID, themeID: theme.id), f.request,
                                               context: context)
            try s.query("RELEASE SAVEPOINT civgrid_row")
            let cases = result.cases.map { "案件 \($0.number)" }
            outcome.changes.append(.init(kind: result.changesSomething ? .changed : .unchanged, line: r.line, what: "状态 \(label)",
                                         details: result.changesSomething ? PGImportRun.statusDetails(old, result) + cases : []))
        } catch let e as GridError {
            try s.query("ROLLBACK TO SAVEPOINT civgrid_row")
            reject(r.line, e.description)
        }
    }

    /// Every field of the cell that changes (`状态: 有问题 → 整改中; 期限: — → 2026-12-10`).
    static func statusDetails(_ old: CellStatus, _ result: CellOutcome) -> [String] {
        let before = result.before, after = result.after
        var details: [String] = []
        if old != after.status { details.append("状态: \(old.zh) → \(after.status.zh)") }
        if before.dueOn != after.dueOn {
            details.append("期限: \(before.dueOn?.description ?? "—") → \(after.dueOn?.description ?? "—")")
        }
        if before.note != after.note { details.append("说明: \(before.note.isEmpty ? "—" : before.note) → \(after.note.isEmpty ? "—" : after.note)") }
        return details.isEmpty ? ["\(old.zh) → \(after.status.zh)"] : details
    }
}
