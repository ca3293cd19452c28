extension PGSchema {
    /// pg8: the SQLite store's v14 — `tally.open_due`, each community's earliest `due_on` among its cells whose status
    /// can be overdue (有问题, 整改中, 挂账), NULL when none has a deadline; a community is overdue on a day exactly when
    /// its `open_due` is before it. The cell trigger function is replaced by one that keeps the counts as before and
    /// `open_due` as well (an insert, or an update that takes no possibly-earliest day away, only lowers it; otherwise
    /// the community's cells are read again, a primary-key range), and the trigger fires on a due day change too.
    /// Existing tallies are filled from their cells. The index holds the community, so the overdue filter is an
    /// index-only range over the overdue communities; `community_retired` lists the few retired communities, so the
    /// board's overdue count is taken on the two indexes alone (`PGCommunityWhere.count`).
    static let pg8TallyDue: [String] = [
        #"ALTER TABLE tally ADD COLUMN open_due TEXT COLLATE "C""#,
        #"""
        UPDATE tally t SET open_due = x.due FROM (
            SELECT community_id, min(due_on) AS due FROM cell
            WHERE due_on IS NOT NULL AND status IN ('problem','rectifying','parked') GROUP BY community_id) x
        WHERE x.community_id = t.community_id
        """#,
        #"CREATE INDEX tally_open_due ON tally(open_due, community_id) WHERE open_due IS NOT NULL"#,
        #"CREATE INDEX community_retired ON community(retired_on, id) WHERE retired_on IS NOT NULL"#,
        #"""
        CREATE OR REPLACE FUNCTION civgrid_cell_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            o TEXT := CASE WHEN TG_OP IN ('UPDATE','DELETE') THEN OLD.status END;
            n TEXT := CASE WHEN TG_OP IN ('UPDATE','INSERT') THEN NEW.status END;
            od TEXT := CASE WHEN TG_OP IN ('UPDATE','DELETE') AND OLD.status IN ('problem','rectifying','parked') THEN OLD.due_on END;
            nd TEXT := CASE WHEN TG_OP IN ('UPDATE','INSERT') AND NEW.status IN ('problem','rectifying','parked') THEN NEW.due_on END;
            c BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.community_id ELSE NEW.community_id END;
        BEGIN
            IF o IS NOT DISTINCT FROM n AND od IS NOT DISTINCT FROM nd THEN RETURN NULL; END IF;
            UPDATE tally SET
                unchecked = unchecked - (o IS NOT DISTINCT FROM 'unchecked')::int + (n IS NOT DISTINCT FROM 'unchecked')::int,
                ok = ok - (o IS NOT DISTINCT FROM 'ok')::int + (n IS NOT DISTINCT FROM 'ok')::int,
                problem = problem - (o IS NOT DISTINCT FROM 'problem')::int + (n IS NOT DISTINCT FROM 'problem')::int,
                rectifying = rectifying - (o IS NOT DISTINCT FROM 'rectifying')::int + (n IS NOT DISTINCT FROM 'rectifying')::int,
                recheck = recheck - (o IS NOT DISTINCT FROM 'recheck')::int + (n IS NOT DISTINCT FROM 'recheck')::int,
                fixed = fixed - (o IS NOT DISTINCT FROM 'fixed')::int + (n IS NOT DISTINCT FROM 'fixed')::int,
                parked = parked - (o IS NOT DISTINCT FROM 'parked')::int + (n IS NOT DISTINCT FROM 'parked')::int,
                na = na - (o IS NOT DISTINCT FROM 'na')::int + (n IS NOT DISTINCT FROM 'na')::int,
                open_due = CASE
                    WHEN od IS NOT NULL AND (nd IS NULL OR nd > od) THEN (SELECT min(x.due_on) FROM cell x
                        WHERE x.community_id = c AND x.status IN ('problem','rectifying','parked'))
                    WHEN nd IS NOT NULL AND (open_due IS NULL OR nd < open_due) THEN nd
                    ELSE open_due END
            WHERE community_id = c;
            RETURN NULL;
        END $$
        """#,
        #"DROP TRIGGER cell_tally ON cell"#,
        #"""
        CREATE TRIGGER cell_tally AFTER INSERT OR UPDATE OF status, due_on OR DELETE ON cell
            FOR EACH ROW EXECUTE FUNCTION civgrid_cell_tally()
        """#,
    ]
}
