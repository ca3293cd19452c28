import GRDB

/// Migration v9 (frozen once landed, like every migration in `Schema`): the declared-site register.
enum SiteRegisterSchema {
    /// v9: each unit's responsible person (具体责任人) on a declared site; the self-inspection cadence per site and an
    /// office default; and the store's guard that a declared-site number is held by one live community per office
    /// (GridCore refuses duplicates first, with a message; the triggers stop any other writer). Numbers duplicated
    /// before v9 are left as they are (`civgrid site list` shows them) but no write may add another. The partial
    /// index serves the guard, the ◆ sort and the register. Dispatch slips (交办单) are numbered per year like notices and
    /// record the cases each one listed.
    static func v9SiteRegister(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE site_contact (
                community_id INTEGER NOT NULL REFERENCES community(id),
                unit_id INTEGER NOT NULL REFERENCES unit(id),
                person TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (community_id, unit_id)) WITHOUT ROWID;
            CREATE TABLE site_cadence (
                community_id INTEGER PRIMARY KEY REFERENCES community(id),
                days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366));
            CREATE TABLE office_cadence (
                office_id INTEGER PRIMARY KEY REFERENCES office(id),
                days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366));
            CREATE TABLE dispatch_slip (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                seq INTEGER NOT NULL CHECK (seq > 0),
                unit_id INTEGER NOT NULL REFERENCES unit(id),
                issued_at TEXT NOT NULL,
                issued_by TEXT NOT NULL,
                UNIQUE (year, seq));
            CREATE TABLE dispatch_slip_case (
                slip_id INTEGER NOT NULL REFERENCES dispatch_slip(id),
                case_id INTEGER NOT NULL REFERENCES case_record(id),
                PRIMARY KEY (slip_id, case_id)) WITHOUT ROWID;
            CREATE INDEX dispatch_slip_case_case ON dispatch_slip_case(case_id);
            CREATE INDEX community_site ON community(declared_site) WHERE declared_site IS NOT NULL AND retired_on IS NULL;
            CREATE TRIGGER site_number_insert BEFORE INSERT ON community
            WHEN new.declared_site IS NOT NULL AND new.retired_on IS NULL
                AND NOT EXISTS (SELECT 1 FROM community WHERE id = new.id) BEGIN
                SELECT RAISE(ABORT, 'civgrid: declared-site number already held by another live community of this office')
                WHERE EXISTS (SELECT 1 FROM community c JOIN street s ON s.id = c.street_id
                              WHERE c.declared_site = new.declared_site AND c.retired_on IS NULL AND c.id IS NOT new.id
                                AND s.office_id = (SELECT office_id FROM street WHERE id = new.street_id));
            END;
            CREATE TRIGGER site_number_update BEFORE UPDATE OF declared_site, street_id, retired_on ON community
            WHEN new.declared_site IS NOT NULL AND new.retired_on IS NULL
                AND (old.declared_site IS NOT new.declared_site OR old.street_id IS NOT new.street_id
                     OR old.retired_on IS NOT new.retired_on) BEGIN
                SELECT RAISE(ABORT, 'civgrid: declared-site number already held by another live community of this office')
                WHERE EXISTS (SELECT 1 FROM community c JOIN street s ON s.id = c.street_id
                              WHERE c.declared_site = new.declared_site AND c.retired_on IS NULL AND c.id IS NOT new.id
                                AND s.office_id = (SELECT office_id FROM street WHERE id = new.street_id));
            END;
            """)
    }
}
