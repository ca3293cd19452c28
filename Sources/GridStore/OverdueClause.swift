import GRDB

/// The board's overdue filter over `tally.open_due` (v14): a community is overdue today exactly when its earliest open
/// due day is before today, so the filter reads one tally entry per community and never the cells.
///
/// Two forms, because which costs less depends on how many communities are overdue, and SQLite (without statistics)
/// cannot tell: driven from the tally's index (`fromTally`: each overdue community of the whole database looked up by
/// id, then sorted into board order — cheap when few are overdue, tens of milliseconds at province when a quarter
/// are), or probing each row's tally by key while the board-order index is walked (`probe`: a window stops after its
/// rows, which come often when many are overdue — but a walk finds nothing quickly when few are). `resolved` asks the
/// tally's index whether at least `denseAt` communities are overdue (reading at most that many entries) and picks.
enum OverdueClause {
    /// Which form a `CommunityWhere`'s overdue part has.
    enum Form: Equatable {
        /// No overdue part.
        case none
        /// `fromTally`, not yet compared with the tally (`resolved` decides).
        case unresolved
        /// `fromTally`, chosen: few communities are overdue.
        case fromTally
        /// `probe`, chosen: many communities are overdue.
        case probing
    }

    /// The overdue communities, driven from the tally's `tally_open_due` index.
    static let fromTally = "c.id IN (SELECT community_id FROM tally WHERE open_due < :today)"
    /// The row's own tally, probed by its key.
    static let probe = "EXISTS (SELECT 1 FROM tally t WHERE t.community_id = c.id AND t.open_due < :today)"
    /// From this many overdue communities on, walking the board and probing is the cheaper form: at province
    /// (100,000 communities) a window then finds its rows within about 3,000 board entries.
    static let denseAt = 2_000

    /// Whether at least `denseAt` communities are overdue on `:today` (bound in `arguments`).
    static func isDense(_ db: Database, arguments: StatementArguments) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM tally WHERE open_due < :today LIMIT \(denseAt))",
                         arguments: arguments) == denseAt
    }

    /// The overdue communities on the whole board, counted on the tally's index alone, whatever the form (no community
    /// row is read): every community has exactly one tally row, so this is the count of `fromTally` less the retired
    /// communities (`community_retired`, v14, lists those few).
    static func count(_ db: Database, arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM tally WHERE open_due < :today
                AND community_id NOT IN (SELECT id FROM community WHERE retired_on IS NOT NULL)
            """, arguments: arguments) ?? 0
    }
}

extension CommunityWhere {
    /// The clause with its overdue part in the form that costs less today (`OverdueClause`); unchanged without one.
    func resolved(_ db: Database) throws -> CommunityWhere {
        guard overdue == .unresolved else { return self }
        return inForm(try OverdueClause.isDense(db, arguments: arguments) ? .probing : .fromTally)
    }

    /// The clause with its overdue part in `form`, decided (tests read both forms).
    func inForm(_ form: OverdueClause.Form) -> CommunityWhere {
        guard overdue != .none else { return self }
        var w = self
        if form == .probing { w.sql = sql.replacingOccurrences(of: OverdueClause.fromTally, with: OverdueClause.probe) }
        w.overdue = form
        return w
    }
}
