extension GridServices {
    /// Issues a supervision notice (督查通报) naming `cases` (unknown numbers are skipped). The notice belongs to an office
    /// (`NoticeFact.office`: `office` if given, else the issuer's; nil for an issuer of the whole database: a
    /// whole-database notice) and is numbered per office and year — `issue` nil takes the office's next number — so two
    /// counties of one city each issue their 2026·第1期. Its period may not overlap another notice of the same office,
    /// and every case it names must lie in its office. Returns the issue number.
    public func issueNotice(year: Int, issue: Int?, from first: Day, to last: Day, cases: [CaseNumber], office: RowID? = nil,
                            context: ChangeContext) throws(GridError) -> Int {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .issueNotice)
            if let issue, issue < 1 { throw GridError.invalidInput("--issue \(issue): notice numbers start at 1; leave out --issue to take the next") }
            guard first <= last else { throw GridError.invalidInput("the period \(first) … \(last) ends before it starts; swap --from and --to") }
            let officeID = NoticeFact.office(requested: office, issuer: ws.actor)
            let scope = OfficeScope(offices: try ws.tx.offices())
            if let officeID, scope.offices[officeID] == nil {
                throw GridError.notFound("office #\(officeID) does not exist; `civgrid office list` lists the offices")
            }
            let whose = officeID.map { "\(scope.name($0)) " } ?? ""
            let number = try issue ?? ws.tx.lastNoticeIssue(year: year, officeID: officeID) + 1
            if let issue, try ws.tx.noticeExists(year: year, issue: issue, officeID: officeID) {
                throw GridError.invalidInput("\(whose)notice \(year)·第\(issue)期 was already issued; leave out --issue to take the next number")
            }
            // A case named again in a later notice is scored as 重复通报; a second notice of the same office over days it
            // already notified would name the same cases again and charge that twice for one period. Another county's
            // notice names other cases, so it does not stand in the way.
            if let earlier = try ws.tx.noticesOverlapping(first, last, officeID: officeID).first {
                throw GridError.invalidInput("the period \(first) … \(last) overlaps \(whose)notice \(earlier.year)·第\(earlier.issue)期 "
                    + "(\(earlier.first) … \(earlier.last)); cases it named would be charged as repeated twice — start --from after \(earlier.last)")
            }
            let named = try cases.compactMap { try ws.tx.caseRecord($0) }
            if let officeID { try Self.checkNoticeCases(named, officeID: officeID, scope: scope, ws: ws) }
            let fact = NoticeFact(year: year, issue: number, first: first, last: last, cases: named.map(\.number), issuedBy: ws.actor.login,
                                  officeID: officeID)
            ws.notice(fact, audit: AuditEntry(entity: .notice, entityID: "\(year)-\(number)" + (officeID.map { "@\($0)" } ?? ""),
                                              field: "issued", oldValue: nil, newValue: "\(first) … \(last)",
                                              note: "\(whose)\(cases.count) cases"))
            return number
        }
    }

    /// Refuses a case outside the notice's office: first as any change outside the issuer's offices is (the same
    /// message), then as bad input when the issuer may reach it but the notice's office does not hold it.
    static func checkNoticeCases(_ cases: [CaseRecord], officeID: RowID, scope: OfficeScope, ws: Workspace) throws {
        for c in cases {
            guard let community = try ws.tx.community(id: c.communityID), let street = try ws.tx.street(id: community.streetID) else { continue }
            try scope.check(ws.actor, office: street.officeID, what: "case \(c.number)")
            guard scope.covers(officeID, street.officeID) else {
                throw GridError.invalidInput("case \(c.number) (\(community.name)) belongs to \(scope.name(street.officeID)), not to "
                    + "\(scope.name(officeID)), whose notice this is; leave it out, or issue the notice for an office above both (--office)")
            }
        }
    }
}
