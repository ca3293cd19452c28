/// The batch reads' answer for stores that read a cell cheaply (SQLite in-process): one `cell(_:)` / `cases(at:)` per
/// key, exactly what a service would read without the batch.
extension StoreTransaction {
    /// One `cell(_:)` per key.
    public func cells(_ keys: [CellKey]) throws -> [CellKey: CellState] {
        var found: [CellKey: CellState] = [:]
        for key in keys where found[key] == nil {
            if let cell = try cell(key) { found[key] = cell }
        }
        return found
    }

    /// One `cases(at:)` per key.
    public func cases(at keys: [CellKey]) throws -> [CellKey: [CaseRecord]] {
        var found: [CellKey: [CaseRecord]] = [:]
        for key in Set(keys) {
            let cases = try cases(at: key)
            if !cases.isEmpty { found[key] = cases }
        }
        return found
    }
}
