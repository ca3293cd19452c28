/// The declared-site register's rules, shared by the services (command line, console) and the importer, so a
/// site number, a cadence or a responsible person is accepted or refused the same way everywhere.
public enum SiteRules {
    /// The largest site number accepted (an office declares tens of sites, a city a few hundred).
    public static let maxNumber = 9_999

    /// Refuses a site number below 1 or above `maxNumber`. `field` names where it was typed.
    public static func checkRange(_ number: Int, field: String = "the declared-site number (申报点位)") throws(GridError) {
        guard (1...maxNumber).contains(number) else {
            throw .invalidInput("\(field) must be a whole number from 1 to \(maxNumber), not \(number)")
        }
    }

    /// The live community of the office already holding `number`, other than `communityID` (nil: none).
    /// `holders` are the office's live communities with a declared-site number.
    public static func clash(_ number: Int, for communityID: RowID?, among holders: [Community]) -> Community? {
        holders.first { $0.declaredSite == number && $0.id != communityID && !$0.isRetired }
    }

    /// The refusal for a number another site holds: names it and says how to proceed.
    public static func duplicate(_ number: Int, heldBy name: String, id: RowID, streetName: String) -> GridError {
        .invalidInput("申报点位 第\(number)号 is already \(streetName)/\(name) (#\(id)); site numbers are unique in an office — "
            + "choose another number, or first give \(name) another one (`civgrid site set \(name) --number N`, "
            + "or `--clear-number`)")
    }

    /// Refuses `number` when another live site of the office holds it (the one check of duplicates, for services;
    /// the importer uses `clash`/`duplicate` over what it has read).
    static func checkUnique(_ number: Int?, for communityID: RowID?, officeID: RowID, in tx: any MasterDataReading) throws {
        guard let number else { return }
        try checkRange(number)
        for street in try tx.streets(officeID: officeID) {
            if let other = clash(number, for: communityID, among: try tx.communities(streetID: street.id)) {
                throw duplicate(number, heldBy: other.name, id: other.id, streetName: street.name)
            }
        }
    }

    /// A cadence as typed: `weekly`/`每周`/`周`, `biweekly`/`每两周`, `monthly`/`每月`, `daily`/`每天`, a number of days
    /// (`10`, `10d`, `10天`, `每10天`) or weeks (`2w`, `2周`). 1…366 days.
    public static func cadence(_ raw: String) throws(GridError) -> SiteCadence {
        let text = FullWidth.fold(raw).trimmingWhitespace().lowercased()
        let named: [String: Int] = ["weekly": 7, "每周": 7, "周": 7, "每星期": 7, "biweekly": 14, "fortnightly": 14, "每两周": 14,
                                    "双周": 14, "monthly": 30, "每月": 30, "月": 30, "daily": 1, "每天": 1, "每日": 1]
        if let days = named[text] { return SiteCadence(days: days) }
        var body = text.hasPrefix("每") ? String(text.dropFirst()) : text
        var unit = 1
        for (suffix, factor) in [("天", 1), ("日", 1), ("days", 1), ("day", 1), ("d", 1), ("周", 7), ("weeks", 7), ("week", 7), ("w", 7)]
            where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingWhitespace()
            unit = factor
            break
        }
        guard let n = Int(body), n >= 1, n * unit <= 366 else {
            throw .invalidInput("self-inspection cadence “\(raw)” is not understood; write weekly (每周), biweekly (每两周), monthly (每月), "
                + "a number of days (10, 10天) or weeks (2周), from 1 day to 366 days")
        }
        return SiteCadence(days: n * unit)
    }

    /// Refuses a cadence outside 1…366 days (one built in code rather than typed).
    public static func checkCadenceRange(_ cadence: SiteCadence) throws(GridError) {
        guard (1...366).contains(cadence.days) else {
            throw .invalidInput("a self-inspection cadence is 1 to 366 days, not \(cadence.days)")
        }
    }

    /// The responsible person and phone for a unit on a site: a name (one line, at most 100 characters, no control
    /// characters) and a phone in its stored form. Both empty clears the person.
    public static func person(name: String, phone: String) throws(GridError) -> (contact: Contact, note: String?) {
        let person = try MasterDataRules.person(name, field: "the responsible person (具体责任人, --person)")
        let (stored, note) = try MasterDataRules.phone(phone, field: "the responsible person's phone (责任人电话, --phone)")
        return (Contact(name: person, phone: stored), note)
    }
}
