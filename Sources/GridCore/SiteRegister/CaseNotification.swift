/// The "notify at once" message (立即通知…第一时间到场) for one case: the site, the problem, the deadline and who must
/// come, with the phones of the unit's responsible person on the site and its liaison — at most 140 characters (as
/// Characters, what an SMS or a WeChat preview counts), so it fits one message. Pure: the service gathers the facts.
public struct CaseNotification: Hashable, Sendable {
    /// The longest message, in characters.
    public static let limit = 140

    public var number: CaseNumber
    /// `◆12 ` for a declared site, empty otherwise.
    public var siteNumber: Int?
    public var communityName: String
    public var themeName: String
    public var location: String
    public var problem: String
    public var deadlineClass: DeadlineClass
    public var dueOn: Day?
    public var unitName: String
    /// The unit's responsible person on the site (具体责任人), else its head.
    public var person: Contact
    public var liaison: Contact

    /// Creates the facts of a notification.
    public init(number: CaseNumber, siteNumber: Int?, communityName: String, themeName: String, location: String, problem: String,
                deadlineClass: DeadlineClass, dueOn: Day?, unitName: String, person: Contact, liaison: Contact) {
        self.number = number
        self.siteNumber = siteNumber
        self.communityName = communityName
        self.themeName = themeName
        self.location = location
        self.problem = problem
        self.deadlineClass = deadlineClass
        self.dueOn = dueOn
        self.unitName = unitName
        self.person = person
        self.liaison = liaison
    }

    /// The message: every part but the problem is kept whole; the problem (then the location) is shortened with `…`
    /// to fit `limit`. Control and bidi characters are dropped and line breaks become spaces, so a name cannot act on a
    /// terminal or a phone.
    public var message: String {
        let site = (siteNumber.map { "◆\($0)" } ?? "") + Self.clean(communityName)
        let deadline = dueOn.map { "\($0.civil.month)月\($0.civil.day)日前整改" } ?? deadlineClass.zh
        let who = Self.clean(unitName) + (person.name.isEmpty ? "" : "责任人" + Self.clean(person.name)) + Self.phone(person.phone)
        let liaisonPart = liaison.name.isEmpty && liaison.phone.isEmpty ? "" : "，联络员" + Self.clean(liaison.name) + Self.phone(liaison.phone)
        let head = "【立即到场】\(site)"
        let tail = "，\(deadline)。请\(who)立即到场\(liaisonPart)。案\(number)"
        var location = Self.clean(location), problem = Self.clean(themeName) + "：" + Self.clean(problem)
        func text() -> String { head + (location.isEmpty ? "" : "(\(location))") + problem + tail }
        while text().count > Self.limit, problem.count > 6 { problem = String(problem.prefix(problem.count - 2)) + "…" }
        while text().count > Self.limit, !location.isEmpty { location = location.count > 3 ? String(location.prefix(location.count - 2)) + "…" : "" }
        let whole = text()
        return whole.count <= Self.limit ? whole : String(whole.prefix(Self.limit - 1)) + "…"
    }

    /// Who was notified, for the case event: unit, person and liaison with phones.
    public var recipients: String {
        var parts = [Self.clean(unitName)]
        if !person.name.isEmpty || !person.phone.isEmpty { parts.append("责任人 " + Self.clean(person.name) + " " + person.phone) }
        if !liaison.name.isEmpty || !liaison.phone.isEmpty { parts.append("联络员 " + Self.clean(liaison.name) + " " + liaison.phone) }
        return parts.joined(separator: "；")
    }

    static func phone(_ p: String) -> String { p.isEmpty ? "" : "(\(clean(p)))" }

    /// Drops control, bidi and other forbidden scalars (`TextRules`) and turns line breaks and tabs into spaces.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" || s == "\r" || s == "\t" { out.append(" "); continue }
            if TextRules.isForbidden(s) { continue }
            out.append(s)
        }
        return String(out).trimmingWhitespace()
    }
}

extension GridServices {
    /// Builds the notification for an open case and records that it was sent (a case event `notify`: by whom and when
    /// as every event, to whom in its reason). `record: false` only builds it (a preview changes nothing).
    public func notifyCase(_ number: CaseNumber, record: Bool = true, context: ChangeContext) throws(GridError) -> CaseNotification {
        try run(context) { ws in
            if record { try Policy.authorize(ws.actor, .notifyCase, on: "case \(number)") }
            // A preview only reads (reading is not scoped); recording it is a change aimed at the case.
            let c = record ? try ws.caseRecord(number) : try ws.peekCase(number)
            guard c.state.isOpen else {
                throw GridError.invalidInput("case \(number) is \(c.state.zh): only an open case is notified")
            }
            let note = try Self.notification(c, ws)
            if record {
                let event = CaseEvent(action: "notify", from: c.state, to: c.state, actor: ws.actor.login,
                                      reason: "通知 \(note.recipients)：\(note.message)", dueOn: c.dueOn)
                ws.update(c, event: event, from: c.state)
            }
            return note
        }
    }

    static func notification(_ c: CaseRecord, _ ws: Workspace) throws -> CaseNotification {
        guard let community = try ws.tx.community(id: c.communityID) else { throw GridError.notFound("community #\(c.communityID) does not exist") }
        let theme = try ws.tx.themes().first { $0.id == c.themeID }?.zh ?? "#\(c.themeID)"
        let chain = try ws.tx.chain(communityID: c.communityID, on: ws.today)
        // The unit the case is dispatched to; before dispatch, the community's lead unit today.
        let unitID = c.handlingUnitID ?? chain.first { $0.assignment.role == .lead }?.unit.id ?? c.chain.unitID
        guard let unitID, let unit = try ws.tx.unit(id: unitID) else {
            throw GridError.invalidInput("case \(number(c)) has no unit to notify: \(community.name) has no lead unit; link one with `civgrid assign`")
        }
        let onSite = try (ws.tx as? any SiteRegisterTransaction)?.siteContact(communityID: c.communityID, unitID: unitID)
        let person = onSite ?? unit.head
        return CaseNotification(number: c.number, siteNumber: community.declaredSite, communityName: community.name, themeName: theme,
                                location: c.location, problem: c.description, deadlineClass: c.deadlineClass, dueOn: c.dueOn,
                                unitName: unit.name, person: person, liaison: unit.liaison)
    }

    static func number(_ c: CaseRecord) -> String { c.number.description }
}
