/// What the master-data services read inside a store transaction (seeing the transaction's own writes).
public protocol MasterDataReading: AnyObject {
    /// All offices, by name.
    func offices() throws -> [Office]
    /// One street, or nil.
    func street(id: RowID) throws -> Street?
    /// The streets of an office.
    func streets(officeID: RowID) throws -> [Street]
    /// One community, or nil (retired ones included).
    func community(id: RowID) throws -> Community?
    /// The communities of a street, retired ones included.
    func communities(streetID: RowID) throws -> [Community]
    /// One unit, or nil.
    func unit(id: RowID) throws -> ResponsibleUnit?
    /// The units of an office.
    func units(officeID: RowID) throws -> [ResponsibleUnit]
    /// One property company, or nil.
    func property(id: RowID) throws -> PropertyCompany?
    /// The property companies of an office.
    func properties(officeID: RowID) throws -> [PropertyCompany]
    /// The themes (which ones apply to a new community's kind).
    func themes() throws -> [CheckTheme]
    /// Both kind lists.
    func kinds() throws -> KindCatalog
    /// The id the next new row of `table` gets (one more than the highest in use).
    func nextID(_ table: MasterTable) throws -> RowID
    /// How many cases at a community are still open.
    func openCaseCount(communityID: RowID) throws -> Int
}

/// Master-data lists read outside a change: the kind lists (labels on screens and in exports, `civgrid kind list`)
/// and an office's streets (the browser lists a new street before it has communities).
public protocol MasterListReading: Sendable {
    /// Both kind lists, seeded kinds first, then the office's own in the order they were added.
    func kinds() throws(GridError) -> KindCatalog
    /// The streets of an office, in the order they were added.
    func streets(officeID: RowID) throws(GridError) -> [Street]
}
