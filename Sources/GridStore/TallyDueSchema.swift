import GRDB

/// Migration v14 (frozen once landed, like every migration in `Schema`): each community's earliest open due day in
/// its tally, so the overdue filter reads one index entry per overdue community instead of every overdue cell.
enum TallyDueSchema {
    /// v14: `tally.open_due`, the earliest `due_on` among the community's cells whose status can be overdue (有问题,
    /// 整改中, 挂账 — GridCore's `CellStatus.canBeOverdue`); NULL when none has a deadline. A community is overdue on a
    /// day exactly when its `open_due` is before that day (overdue = due yesterday or earlier), so the day is only
    /// compared at read time and nothing here depends on the date.
    ///
    /// The three cell triggers are replaced by ones that keep the counts as before and `open_due` as well: an insert
    /// lowers it when the new cell is earlier; an update or delete that takes away a day that may have been the
    /// earliest reads the community's cells again (a primary-key range of about ten rows). The insert trigger keeps
    /// its name, so `ImportTallies` still drops and restores it around an import's new communities. Existing tallies
    /// are filled from their cells. `community_retired` lists the few retired communities, so the board's overdue
    /// count can be taken on the tally's index alone (`OverdueClause.count`).
    static func v14TallyDue(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tally ADD COLUMN open_due TEXT;
            UPDATE tally SET open_due = (SELECT min(x.due_on) FROM cell x WHERE x.community_id = tally.community_id
                AND x.status IN ('problem','rectifying','parked'));
            CREATE INDEX tally_open_due ON tally(open_due) WHERE open_due IS NOT NULL;
            CREATE INDEX community_retired ON community(retired_on) WHERE retired_on IS NOT NULL;
            DROP TRIGGER cell_tally_insert;
            DROP TRIGGER cell_tally_update;
            DROP TRIGGER cell_tally_delete;
            CREATE TRIGGER cell_tally_insert AFTER INSERT ON cell BEGIN
                UPDATE tally SET unchecked = unchecked + (new.status = 'unchecked'), ok = ok + (new.status = 'ok'),
                    problem = problem + (new.status = 'problem'), rectifying = rectifying + (new.status = 'rectifying'),
                    recheck = recheck + (new.status = 'recheck'), fixed = fixed + (new.status = 'fixed'),
                    parked = parked + (new.status = 'parked'), na = na + (new.status = 'na'),
                    open_due = CASE WHEN new.due_on IS NOT NULL
                            AND (new.status = 'problem' OR new.status = 'rectifying' OR new.status = 'parked')
                            AND (open_due IS NULL OR new.due_on < open_due)
                        THEN new.due_on ELSE open_due END
                WHERE community_id = new.community_id;
            END;
            CREATE TRIGGER cell_tally_update AFTER UPDATE OF status, due_on ON cell
            WHEN old.status IS NOT new.status OR old.due_on IS NOT new.due_on BEGIN
                UPDATE tally SET
                    unchecked = unchecked - (old.status = 'unchecked') + (new.status = 'unchecked'),
                    ok = ok - (old.status = 'ok') + (new.status = 'ok'),
                    problem = problem - (old.status = 'problem') + (new.status = 'problem'),
                    rectifying = rectifying - (old.status = 'rectifying') + (new.status = 'rectifying'),
                    recheck = recheck - (old.status = 'recheck') + (new.status = 'recheck'),
                    fixed = fixed - (old.status = 'fixed') + (new.status = 'fixed'),
                    parked = parked - (old.status = 'parked') + (new.status = 'parked'),
                    na = na - (old.status = 'na') + (new.status = 'na'),
                    open_due = CASE
                        WHEN old.due_on IS NOT NULL AND (old.status = 'problem' OR old.status = 'rectifying' OR old.status = 'parked')
                        THEN (SELECT min(x.due_on) FROM cell x WHERE x.community_id = new.community_id
                            AND (x.status = 'problem' OR x.status = 'rectifying' OR x.status = 'parked'))
                        WHEN new.due_on IS NOT NULL AND (new.status = 'problem' OR new.status = 'rectifying' OR new.status = 'parked')
                            AND (open_due IS NULL OR new.due_on < open_due)
                        THEN new.due_on ELSE open_due END
                WHERE community_id = new.community_id;
            END;
            CREATE TRIGGER cell_tally_delete AFTER DELETE ON cell BEGIN
                UPDATE tally SET unchecked = unchecked - (old.status = 'unchecked'), ok = ok - (old.status = 'ok'),
                    problem = problem - (old.status = 'problem'), rectifying = rectifying - (old.status = 'rectifying'),
                    recheck = recheck - (old.status = 'recheck'), fixed = fixed - (old.status = 'fixed'),
                    parked = parked - (old.status = 'parked'), na = na - (old.status = 'na'),
                    open_due = CASE
                        WHEN old.due_on IS NOT NULL AND (old.status = 'problem' OR old.status = 'rectifying' OR old.status = 'parked')
                        THEN (SELECT min(x.due_on) FROM cell x WHERE x.community_id = old.community_id
                            AND (x.status = 'problem' OR x.status = 'rectifying' OR x.status = 'parked'))
                        ELSE open_due END
                WHERE community_id = old.community_id;
            END;
            """)
    }
}
