import GRDB

/// The database schema as named migrations. A migration is frozen once it has landed: never edit one,
/// add a new one. The SQL is literal (not generated from Swift enums) so that later code changes cannot
/// silently change what an old migration does.
enum Schema {
    /// The migrator every store opens with.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-grid", migrate: v1Grid)
        m.registerMigration("v2-cases", migrate: v2Cases)
        m.registerMigration("v3-notices", migrate: v3Notices)
        m.registerMigration("v4-audit-chain", migrate: v4AuditChain)
        m.registerMigration("v5-case-queue", migrate: v5CaseQueue)
        m.registerMigration("v6-master-data", migrate: v6MasterData)
        m.registerMigration("v7-office-order", migrate: v7OfficeOrder)
        m.registerMigration("v11-attachments", migrate: AttachmentSchema.v11Attachments)
        m.registerMigration("v8-rounds", migrate: v8Rounds)
        m.registerMigration("v9-site-register", migrate: SiteRegisterSchema.v9SiteRegister)
        m.registerMigration("v12-office-scope", migrate: OfficeScopeSchema.v12OfficeScope)
        m.registerMigration("v13-office-notices", migrate: OfficeNoticeSchema.v13OfficeNotices)
        m.registerMigration("v14-tally-due", migrate: TallyDueSchema.v14TallyDue)
        return m
    }

    /// v1: offices, streets, communities, units, property companies, assignments with history, themes,
    /// cells with maintained per-community tallies, operators and the append-only audit log.
    static func v1Grid(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE office (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE street (
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES office(id),
                name TEXT NOT NULL,
                UNIQUE (office_id, name));
            CREATE TABLE community (
                id INTEGER PRIMARY KEY,
                street_id INTEGER NOT NULL REFERENCES street(id),
                name TEXT NOT NULL,
                address TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL CHECK (kind IN ('residential','old_estate','urban_village','back_street',
                    'market','toilet','park','main_road','other')),
                declared_site INTEGER CHECK (declared_site IS NULL OR declared_site > 0),
                households INTEGER CHECK (households IS NULL OR households >= 0),
                note TEXT NOT NULL DEFAULT '',
                UNIQUE (street_id, name));
            CREATE INDEX community_name ON community(name);
            CREATE TABLE unit (
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES office(id),
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('department','enterprise','street_office','committee')),
                head TEXT NOT NULL DEFAULT '', head_phone TEXT NOT NULL DEFAULT '',
                liaison TEXT NOT NULL DEFAULT '', liaison_phone TEXT NOT NULL DEFAULT '',
                UNIQUE (office_id, name));
            CREATE INDEX unit_name ON unit(name);
            CREATE TABLE property (
                id INTEGER PRIMARY KEY,
                office_id INTEGER NOT NULL REFERENCES office(id),
                name TEXT NOT NULL,
                manager TEXT NOT NULL DEFAULT '', manager_phone TEXT NOT NULL DEFAULT '',
                UNIQUE (office_id, name));
            CREATE INDEX property_name ON property(name);
            CREATE TABLE assignment (
                id INTEGER PRIMARY KEY,
                community_id INTEGER NOT NULL REFERENCES community(id),
                unit_id INTEGER NOT NULL REFERENCES unit(id),
                role TEXT NOT NULL CHECK (role IN ('lead','support')),
                property_id INTEGER REFERENCES property(id),
                valid_from TEXT NOT NULL,
                valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from));
            CREATE INDEX assignment_community ON assignment(community_id, valid_to);
            CREATE INDEX assignment_unit ON assignment(unit_id, valid_to, community_id);
            CREATE INDEX assignment_property ON assignment(property_id, valid_to, community_id);
            CREATE TABLE theme (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name_zh TEXT NOT NULL,
                name_en TEXT NOT NULL,
                kinds TEXT NOT NULL,
                position INTEGER NOT NULL);
            CREATE TABLE cell (
                community_id INTEGER NOT NULL REFERENCES community(id),
                theme_id INTEGER NOT NULL REFERENCES theme(id),
                status TEXT NOT NULL DEFAULT 'unchecked' CHECK (status IN ('unchecked','ok','problem',
                    'rectifying','recheck','fixed','parked','na')),
                due_on TEXT,
                note TEXT NOT NULL DEFAULT '',
                changed_at TEXT,
                changed_by TEXT,
                PRIMARY KEY (community_id, theme_id)) WITHOUT ROWID;
            CREATE INDEX cell_due ON cell(due_on, status) WHERE due_on IS NOT NULL;
            CREATE TABLE tally (
                community_id INTEGER PRIMARY KEY REFERENCES community(id),
                unchecked INTEGER NOT NULL DEFAULT 0, ok INTEGER NOT NULL DEFAULT 0,
                problem INTEGER NOT NULL DEFAULT 0, rectifying INTEGER NOT NULL DEFAULT 0,
                recheck INTEGER NOT NULL DEFAULT 0, fixed INTEGER NOT NULL DEFAULT 0,
                parked INTEGER NOT NULL DEFAULT 0, na INTEGER NOT NULL DEFAULT 0);
            CREATE TRIGGER community_tally AFTER INSERT ON community BEGIN
                INSERT INTO tally(community_id) VALUES (new.id);
            END;
            CREATE TRIGGER cell_tally_insert AFTER INSERT ON cell BEGIN
                UPDATE tally SET unchecked = unchecked + (new.status = 'unchecked'), ok = ok + (new.status = 'ok'),
                    problem = problem + (new.status = 'problem'), rectifying = rectifying + (new.status = 'rectifying'),
                    recheck = recheck + (new.status = 'recheck'), fixed = fixed + (new.status = 'fixed'),
                    parked = parked + (new.status = 'parked'), na = na + (new.status = 'na')
                WHERE community_id = new.community_id;
            END;
            CREATE TRIGGER cell_tally_update AFTER UPDATE OF status ON cell WHEN old.status IS NOT new.status BEGIN
                UPDATE tally SET
                    unchecked = unchecked - (old.status = 'unchecked') + (new.status = 'unchecked'),
                    ok = ok - (old.status = 'ok') + (new.status = 'ok'),
                    problem = problem - (old.status = 'problem') + (new.status = 'problem'),
                    rectifying = rectifying - (old.status = 'rectifying') + (new.status = 'rectifying'),
                    recheck = recheck - (old.status = 'recheck') + (new.status = 'recheck'),
                    fixed = fixed - (old.status = 'fixed') + (new.status = 'fixed'),
                    parked = parked - (old.status = 'parked') + (new.status = 'parked'),
                    na = na - (old.status = 'na') + (new.status = 'na')
                WHERE community_id = new.community_id;
            END;
            CREATE TRIGGER cell_tally_delete AFTER DELETE ON cell BEGIN
                UPDATE tally SET unchecked = unchecked - (old.status = 'unchecked'), ok = ok - (old.status = 'ok'),
                    problem = problem - (old.status = 'problem'), rectifying = rectifying - (old.status = 'rectifying'),
                    recheck = recheck - (old.status = 'recheck'), fixed = fixed - (old.status = 'fixed'),
                    parked = parked - (old.status = 'parked'), na = na - (old.status = 'na')
                WHERE community_id = old.community_id;
            END;
            CREATE TABLE operator (
                login TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                unit_id INTEGER REFERENCES unit(id),
                role TEXT NOT NULL CHECK (role IN ('admin','inspector','clerk','viewer')),
                added_at TEXT NOT NULL);
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                operator TEXT NOT NULL,
                os_user TEXT NOT NULL,
                source TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                community_id INTEGER,
                field TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                note TEXT NOT NULL DEFAULT '');
            CREATE INDEX audit_community ON audit(community_id, id) WHERE community_id IS NOT NULL;
            CREATE INDEX audit_operator ON audit(operator, id);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
                SELECT RAISE(ABORT, 'civgrid audit log is append-only: rows cannot be changed');
            END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
                SELECT RAISE(ABORT, 'civgrid audit log is append-only: rows cannot be deleted');
            END;
            """)
    }

    /// v2: the case ledger (整改问题台账): one row per case with its current state and the chain snapshot taken
    /// when it was registered, and an append-only event log of every transition.
    static func v2Cases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE case_record (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('supervision','self_inspection','grid_worker','higher_level',
                    'assessment','citizen','media')),
                community_id INTEGER NOT NULL REFERENCES community(id),
                theme_id INTEGER NOT NULL REFERENCES theme(id),
                location TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL,
                urgent INTEGER NOT NULL DEFAULT 0,
                deadline_class TEXT NOT NULL CHECK (deadline_class IN ('immediate','days3','days7','long_term')),
                found_at TEXT NOT NULL,
                found_by TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('reported','registered','assigned','sent_back','rectifying',
                    'extension_requested','parked','submitted','closed','fixed_on_site','void')),
                due_on TEXT,
                handling_unit_id INTEGER REFERENCES unit(id),
                chain TEXT NOT NULL,
                escalated INTEGER NOT NULL DEFAULT 0,
                extension_count INTEGER NOT NULL DEFAULT 0,
                rework_count INTEGER NOT NULL DEFAULT 0,
                requested_due TEXT,
                UNIQUE (year, seq));
            CREATE INDEX case_open ON case_record(state, due_on);
            CREATE INDEX case_cell ON case_record(community_id, theme_id);
            CREATE INDEX case_unit ON case_record(handling_unit_id, state);
            CREATE TABLE case_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id INTEGER NOT NULL REFERENCES case_record(id),
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                from_state TEXT,
                to_state TEXT NOT NULL,
                actor TEXT NOT NULL,
                os_user TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                due_on TEXT);
            CREATE INDEX case_event_case ON case_event(case_id, id);
            CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event BEGIN
                SELECT RAISE(ABORT, 'civgrid case events are append-only: rows cannot be changed');
            END;
            CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event BEGIN
                SELECT RAISE(ABORT, 'civgrid case events are append-only: rows cannot be deleted');
            END;
            """)
    }

    /// v3: supervision notices (督查通报), numbered per year, and which cases each one named, so a problem that
    /// appears in a later notice again can be detected and scored.
    static func v3Notices(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE notice (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                issue INTEGER NOT NULL,
                period_from TEXT NOT NULL,
                period_to TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                issued_by TEXT NOT NULL,
                UNIQUE (year, issue));
            CREATE TABLE notice_case (
                notice_id INTEGER NOT NULL REFERENCES notice(id),
                case_id INTEGER NOT NULL REFERENCES case_record(id),
                PRIMARY KEY (notice_id, case_id)) WITHOUT ROWID;
            CREATE INDEX notice_case_case ON notice_case(case_id);
            """)
    }

    /// v4: the audit chain (账本, see `AuditChain`): one append-only hash chain over audit rows and case events.
    /// The rows already present are hashed now, so history before this migration is anchored from this moment.
    static func v4AuditChain(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE chain (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                tbl TEXT NOT NULL CHECK (tbl IN ('audit','case_event')),
                row_id INTEGER NOT NULL,
                hash TEXT NOT NULL);
            CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain BEGIN
                SELECT RAISE(ABORT, 'civgrid audit chain is append-only: entries cannot be changed');
            END;
            CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain BEGIN
                SELECT RAISE(ABORT, 'civgrid audit chain is append-only: entries cannot be deleted');
            END;
            """)
        try AuditChain.anchorExisting(db)
    }

    /// v5: the case queue's order as a partial index over open cases — due day (no deadline last), then number — so
    /// the console reads the queue by window and keyset, and counts it, without sorting every open case. `escalated`
    /// and `state` ride along so the 督办 and state filters are counted from the index alone.
    static func v5CaseQueue(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX case_queue ON case_record(coalesce(due_on, '~'), year, seq, escalated, state)
                WHERE state NOT IN ('closed','fixed_on_site','void');
            """)
    }

    /// v6: master data by hand. Kinds become editable lists with Chinese labels: the nine site kinds and four unit
    /// kinds are seeded rows, an office's own kind names the seeded kind it is checked like (`base`), and a community
    /// or unit of an office kind keeps that base in `kind` (so the themes and v1's CHECK still hold) with the office
    /// kind's code beside it. A retired community (已撤销) keeps its rows with the day it was retired; the board's
    /// index covers only live communities.
    static func v6MasterData(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE site_kind (
                code TEXT PRIMARY KEY,
                name_zh TEXT NOT NULL UNIQUE,
                base TEXT NOT NULL CHECK (base IN ('residential','old_estate','urban_village','back_street',
                    'market','toilet','park','main_road','other')));
            INSERT INTO site_kind (code, name_zh, base) VALUES
                ('residential', '住宅小区', 'residential'), ('old_estate', '老旧小区', 'old_estate'),
                ('urban_village', '城中村', 'urban_village'), ('back_street', '背街小巷', 'back_street'),
                ('market', '农贸市场', 'market'), ('toilet', '公厕', 'toilet'), ('park', '公园广场', 'park'),
                ('main_road', '主次干道', 'main_road'), ('other', '其他', 'other');
            CREATE TABLE unit_kind (
                code TEXT PRIMARY KEY,
                name_zh TEXT NOT NULL UNIQUE,
                base TEXT NOT NULL CHECK (base IN ('department','enterprise','street_office','committee')));
            INSERT INTO unit_kind (code, name_zh, base) VALUES
                ('department', '部门', 'department'), ('enterprise', '企事业', 'enterprise'),
                ('street_office', '街道/乡镇', 'street_office'), ('committee', '社区', 'committee');
            ALTER TABLE community ADD COLUMN site_kind TEXT REFERENCES site_kind(code);
            ALTER TABLE community ADD COLUMN retired_on TEXT;
            ALTER TABLE unit ADD COLUMN unit_kind TEXT REFERENCES unit_kind(code);
            CREATE INDEX community_live ON community(street_id, name) WHERE retired_on IS NULL;
            """)
    }

    /// v7: the office's own order of streets and communities (see `OfficeOrder`). Each gets a nullable office order
    /// number and its pinyin collation key (NULL means "not computed yet": `OrderKeys.settle` fills it at the end of
    /// every write, from Swift). A street's place among all streets is `rank` (sparse, so a street moves without
    /// renumbering the others), copied to its communities as `street_rank`, so the board's index —
    /// (street_rank, order_key, pinyin_key, name), rowid last — orders and keyset-pages the whole grid with no join.
    /// `order_key` is the order number with "none" sorting last. The triggers only mark a renamed, re-ordered or
    /// moved row for `settle` (they work from any SQLite client); the existing rows are keyed here. Like v6's
    /// `community_live`, which it replaces, the board index covers only live (not retired) communities.
    static func v7OfficeOrder(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE street ADD COLUMN office_order INTEGER CHECK (office_order IS NULL OR office_order BETWEEN 0 AND 999999);
            ALTER TABLE street ADD COLUMN pinyin_key TEXT;
            ALTER TABLE street ADD COLUMN rank INTEGER;
            ALTER TABLE street ADD COLUMN order_key INTEGER GENERATED ALWAYS AS (coalesce(office_order, 9223372036854775807)) VIRTUAL;
            CREATE UNIQUE INDEX street_rank ON street(rank);
            ALTER TABLE community ADD COLUMN office_order INTEGER CHECK (office_order IS NULL OR office_order BETWEEN 0 AND 999999);
            ALTER TABLE community ADD COLUMN pinyin_key TEXT;
            ALTER TABLE community ADD COLUMN street_rank INTEGER;
            ALTER TABLE community ADD COLUMN order_key INTEGER GENERATED ALWAYS AS (coalesce(office_order, 9223372036854775807)) VIRTUAL;
            CREATE INDEX community_board ON community(street_rank, order_key, pinyin_key, name) WHERE retired_on IS NULL;
            DROP INDEX community_live;
            CREATE INDEX community_unkeyed ON community(id) WHERE pinyin_key IS NULL;
            CREATE TRIGGER order_street_renamed AFTER UPDATE OF name ON street BEGIN
                UPDATE street SET pinyin_key = NULL, rank = NULL WHERE id = new.id;
            END;
            CREATE TRIGGER order_street_reordered AFTER UPDATE OF office_order, office_id ON street BEGIN
                UPDATE street SET rank = NULL WHERE id = new.id;
            END;
            CREATE TRIGGER order_community_renamed AFTER UPDATE OF name, street_id ON community BEGIN
                UPDATE community SET pinyin_key = NULL WHERE id = new.id;
            END;
            """)
        try OrderKeys.settle(db)
    }
}
