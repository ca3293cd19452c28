/// The declared-site register, read outside a change: `civgrid site list|show`, the board's ◆ filter's companion
/// and the dashboard's site panel. Kept apart from `GridRepository` so a store gains it on its own; every store
/// that offers it passes `Tests/GridStoreTests/Contract/SiteRegisterContract.swift`.
public protocol SiteRegisterReading: Sendable {
    /// Every live declared site of `officeID` (nil: every office), by site number, with today's chain, the
    /// responsible persons, the cadence in force, open and overdue cases, and the last self-inspection day.
    /// `utcOffsetSeconds`: the office's offset east of UTC, for the local day of a self-inspection.
    func declaredSites(officeID: RowID?, today: Day, utcOffsetSeconds: Int) throws(GridError) -> [DeclaredSite]
    /// The office's default self-inspection cadence (`SiteCadence.standard` until one is set).
    func defaultCadence(officeID: RowID) throws(GridError) -> SiteCadence
}

/// What the site-register services read inside a store transaction, besides `StoreTransaction`.
public protocol SiteRegisterTransaction: StoreTransaction {
    /// A unit's responsible person on a site, or nil.
    func siteContact(communityID: RowID, unitID: RowID) throws -> Contact?
    /// A site's own cadence, or nil when it follows the office default.
    func siteCadence(communityID: RowID) throws -> SiteCadence?
    /// The office's default cadence as stored, or nil when none was set.
    func storedDefaultCadence(officeID: RowID) throws -> SiteCadence?
    /// The highest dispatch-slip number of `year` (0 when none).
    func lastDispatchSlip(year: Int) throws -> Int
}
