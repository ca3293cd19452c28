import GridCore

/// `--office NAME` of `civgrid operator add|set`: the office (三创办) an operator works for, by exact name or unique
/// prefix; an unknown name is refused with the list of offices, so a typo never leaves someone scoped to nothing.
enum OperatorOffice {
    /// The office `query` names; "" (or 全部) means the whole database (nil).
    static func id(_ query: String, db: any GridRepository) throws(GridError) -> RowID? {
        let q = query.trimmingWhitespace()
        if q.isEmpty || q == "全部" { return nil }
        let offices = try db.offices()
        let exact = offices.filter { $0.name == q }
        let prefixed = exact.isEmpty ? offices.filter { $0.name.hasPrefix(q) } : exact
        if prefixed.count == 1 { return prefixed[0].id }
        let list = offices.map(\.name).joined(separator: "、")
        if prefixed.isEmpty {
            throw .notFound("no office “\(q)”; the offices are: \(list) (`civgrid office list`; \"\" for the whole database)")
        }
        throw .ambiguous(what: "offices", query: q, candidates: prefixed.map(\.name))
    }

    /// The office's name for listings (`全部` for an operator working for the whole database).
    static func label(_ id: RowID?, offices: [Office]) -> String {
        guard let id else { return "全部" }
        return offices.first { $0.id == id }?.name ?? "#\(id)"
    }
}
