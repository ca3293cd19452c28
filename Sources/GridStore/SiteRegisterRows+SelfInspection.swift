import GRDB
import GridCore

extension SiteRegisterRows {
    /// The latest local day a case was found at each site by a self-inspection (自查); `declaredSites` takes the later
    /// of this and the site's last inspection in a self-inspection round.
    static func lastSelfInspections(_ db: Database, list: String, utcOffsetSeconds: Int) throws -> [RowID: Day] {
        var last: [RowID: Day] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT community_id, max(found_at) AS at FROM case_record
            WHERE community_id IN (\(list)) AND source = 'self_inspection' GROUP BY community_id
            """) {
            guard let text: String = r["at"], let at = Timestamp(iso: text) else { continue }
            last[r["community_id"]] = at.day(offsetSeconds: utcOffsetSeconds)
        }
        return last
    }
}
