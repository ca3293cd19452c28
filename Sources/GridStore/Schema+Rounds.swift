import GRDB

extension Schema {
    /// v8: rounds of checking (检查轮次) and inspections (检查记录).
    ///
    /// A round's plan (name, kind, unit, dates, team, scope) is fixed once made; only its state and the moments it
    /// started and closed change, each change with its audit row. An inspection is an append-only fact, one audit row
    /// each (entity `inspection`, entity_id its id) in the same transaction, so the audit chain covers it. It keeps its
    /// round's kind (denormalised: the declared-site register asks "last self-inspection per site" through
    /// `inspection_kind` without a join) and the case it recorded: `case_id` is the link from a case to the round it
    /// was found in, since v2's frozen CHECK on `case_record.source` knows only 督查 and 自查 of the round kinds.
    /// Indexes: by round and time (a round's coverage), by time (a period's), by community and time (a site's latest
    /// check) and by kind, community and time (a site's latest check of one kind) — none of them grows a query with
    /// all of history.
    static func v8Rounds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inspection_round (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('self_inspection','supervision','joint_supervision','unannounced','mock_assessment')),
                unit_id INTEGER REFERENCES unit(id),
                date_from TEXT NOT NULL,
                date_to TEXT NOT NULL CHECK (date_to >= date_from),
                declared_only INTEGER NOT NULL DEFAULT 0 CHECK (declared_only IN (0, 1)),
                state TEXT NOT NULL CHECK (state IN ('planned','in_progress','closed')),
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                started_at TEXT,
                closed_at TEXT);
            CREATE INDEX inspection_round_state ON inspection_round(state, id);
            CREATE TABLE inspection_round_member (
                round_id INTEGER NOT NULL REFERENCES inspection_round(id),
                position INTEGER NOT NULL,
                login TEXT NOT NULL,
                PRIMARY KEY (round_id, position),
                UNIQUE (round_id, login)) WITHOUT ROWID;
            CREATE TABLE inspection_round_scope (
                round_id INTEGER NOT NULL REFERENCES inspection_round(id),
                what TEXT NOT NULL CHECK (what IN ('street','community','theme')),
                ref_id INTEGER NOT NULL,
                PRIMARY KEY (round_id, what, ref_id)) WITHOUT ROWID;
            CREATE TABLE inspection (
                id INTEGER PRIMARY KEY,
                round_id INTEGER REFERENCES inspection_round(id),
                kind TEXT CHECK (kind IN ('self_inspection','supervision','joint_supervision','unannounced','mock_assessment')),
                community_id INTEGER NOT NULL REFERENCES community(id),
                theme_id INTEGER NOT NULL REFERENCES theme(id),
                result TEXT NOT NULL CHECK (result IN ('ok','problem','fixed','na')),
                at TEXT NOT NULL,
                operator TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                case_id INTEGER REFERENCES case_record(id),
                CHECK ((round_id IS NULL) = (kind IS NULL)));
            CREATE INDEX inspection_by_round ON inspection(round_id, at);
            CREATE INDEX inspection_at ON inspection(at);
            CREATE INDEX inspection_community ON inspection(community_id, at);
            CREATE INDEX inspection_kind ON inspection(kind, community_id, at);
            CREATE UNIQUE INDEX inspection_case ON inspection(case_id) WHERE case_id IS NOT NULL;
            CREATE TRIGGER inspection_no_update BEFORE UPDATE ON inspection BEGIN
                SELECT RAISE(ABORT, 'civgrid inspections are append-only: rows cannot be changed');
            END;
            CREATE TRIGGER inspection_no_delete BEFORE DELETE ON inspection BEGIN
                SELECT RAISE(ABORT, 'civgrid inspections are append-only: rows cannot be deleted');
            END;
            CREATE TRIGGER inspection_round_plan_fixed
                BEFORE UPDATE OF id, name, kind, unit_id, date_from, date_to, declared_only, created_by, created_at ON inspection_round BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds: a round''s plan cannot be changed once made (only its state moves)');
            END;
            CREATE TRIGGER inspection_round_no_delete BEFORE DELETE ON inspection_round BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds cannot be deleted');
            END;
            CREATE TRIGGER inspection_round_member_fixed BEFORE UPDATE ON inspection_round_member BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds: a round''s team cannot be changed once made');
            END;
            CREATE TRIGGER inspection_round_member_no_delete BEFORE DELETE ON inspection_round_member BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds: a round''s team cannot be changed once made');
            END;
            CREATE TRIGGER inspection_round_scope_fixed BEFORE UPDATE ON inspection_round_scope BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds: a round''s scope cannot be changed once made');
            END;
            CREATE TRIGGER inspection_round_scope_no_delete BEFORE DELETE ON inspection_round_scope BEGIN
                SELECT RAISE(ABORT, 'civgrid rounds: a round''s scope cannot be changed once made');
            END;
            """)
    }
}
