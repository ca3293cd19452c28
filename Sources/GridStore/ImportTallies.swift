import GRDB

/// The cell tallies of the communities an import adds, counted once at the end instead of by the `cell_tally_insert`
/// trigger for every cell: that trigger's UPDATE was an eighth of a 100,000-row import (nine cells a community).
///
/// Inside the import's transaction the trigger is dropped, the communities and their cells are written, their tally
/// rows (inserted at zero by `community_tally`) get the counts the trigger would have added, and the trigger is created
/// again from the very text `sqlite_master` held. It is all one transaction: a failure or a dry run rolls the trigger
/// back with everything else, and no other connection ever sees the schema without it. Existing communities' cells
/// (a theme import adds those) are written before it is dropped, so they keep the trigger.
struct ImportTallies {
    /// The trigger's CREATE statement as stored, kept to restore it.
    private let triggerSQL: String
    /// New communities have ids above this one.
    private let lastCommunityBefore: Int64

    /// Drops the trigger; nil when the database has none (then nothing is deferred and nothing restored).
    init?(_ db: Database, lastCommunityBefore: Int64) throws {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cell_tally_insert'")
        else { return nil }
        triggerSQL = sql
        self.lastCommunityBefore = lastCommunityBefore
        try db.execute(sql: "DROP TRIGGER cell_tally_insert")
    }

    /// Adds the new communities' cells to their tallies, as the trigger adds each cell, then restores the trigger.
    /// `cells` is each new community's number of cells: `NewCommunities` writes them all 未检查 (the column's default)
    /// without a due day, so the trigger would have left the tally's earliest open due day (`open_due`, v14) NULL, as
    /// `community_tally` inserted it; the statuses a sheet brings are written afterwards, through the update trigger.
    func finish(_ db: Database, cells: [(community: Int64, count: Int)]) throws {
        let update = try db.makeStatement(sql: "UPDATE tally SET unchecked = unchecked + ? WHERE community_id = ?")
        for (community, count) in cells where count > 0 {
            precondition(community > lastCommunityBefore, "only communities this import added have deferred tallies")
            try update.execute(arguments: [count, community])
        }
        try db.execute(sql: triggerSQL)
    }
}
