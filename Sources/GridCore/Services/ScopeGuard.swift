/// The office-scope check at the one door: before a change set is handed to the store, every row it would write is
/// traced to its office and checked against the acting operator's (`OfficeScope`). Checking the change set rather
/// than each service's arguments means no service — today's or tomorrow's — can write another county's rows by
/// forgetting a call; a refusal throws before anything is persisted.
final class ScopeGuard {
    let ws: Workspace
    let scope: OfficeScope
    private var communityOffice: [RowID: RowID] = [:]

    /// A guard for `ws`'s change set, or nil when the actor works for the whole database (nothing to trace, so an
    /// office holding the only county in its database pays nothing).
    init?(_ ws: Workspace) throws {
        guard ws.actor.officeID != nil else { return nil }
        self.ws = ws
        scope = OfficeScope(offices: try ws.tx.offices())
    }

    /// Refuses the change set unless every row it writes lies in the actor's offices.
    func check(_ changes: ChangeSet) throws {
        try checkMasterData(changes.masterData)
        for cell in changes.cells { try community(cell.communityID) { ws.label(CellKey(communityID: cell.communityID, themeID: cell.themeID)) } }
        for c in changes.newCases + changes.updatedCases { try community(c.communityID) { "case \(c.number)" } }
        for number in changes.caseEvents.map(\.number) + changes.attachments.map(\.number) { try caseNumber(number) }
        for link in changes.newAssignments {
            try community(link.communityID) { "the chain of community #\(link.communityID)" }
            try unit(link.unitID)
            if let p = link.propertyID { try property(p) }
        }
        try checkOperators(changes.operators)
        for notice in changes.notices {
            let what = "notice \(notice.year)·第\(notice.issue)期"
            if let o = notice.officeID { try office(o, what) } else {
                try scope.checkWholeDatabase(ws.actor, what: "a whole-database \(what) (one for every office)")
            }
            for number in notice.cases { try caseNumber(number) }
        }
        for order in changes.orders { try node(order.node) }
        try checkSiteRegister(changes.siteRegister)
        try checkRounds(changes.rounds)
    }

    /// Refuses the request unless everything it is aimed at lies in the actor's offices (see `Workspace.targets`).
    func check(_ targets: [ScopeTarget]) throws {
        for target in targets {
            switch target {
            case .cell(let key): try community(key.communityID) { ws.label(key) }
            case .caseNumber(let number): try caseNumber(number)
            case .node(let n): try node(n)
            case .operatorAccount(let account): try checkOperators([account])
            case .shared(let what): try scope.checkWholeDatabase(ws.actor, what: what)
            }
        }
    }

    func checkMasterData(_ m: MasterDataChanges) throws {
        for o in m.offices {
            // An office moved must be one of the actor's, and so must the office it goes under (none: the top level).
            if scope.offices[o.id] != nil { try office(o.id, "三创办 \(o.name)") }
            if let parent = o.parentID { try office(parent, "三创办 \(scope.name(parent))") } else {
                try scope.checkWholeDatabase(ws.actor, what: "a top-level office (三创办 \(o.name))")
            }
        }
        if !m.siteKinds.isEmpty || !m.unitKinds.isEmpty { try scope.checkWholeDatabase(ws.actor, what: "the kind lists (类型)") }
        for street in m.streets {
            try office(street.officeID, "街道 \(street.name)")
            if let stored = try ws.tx.street(id: street.id) { try office(stored.officeID, "街道 \(stored.name)") }
        }
        for c in m.communities {
            if let stored = try ws.tx.community(id: c.id) { try community(stored.id) { "小区 \(stored.name)" } }
            try office(try streetOffice(c.streetID), "小区 \(c.name)")
        }
        for key in m.newCells { try community(key.communityID) { "community #\(key.communityID)" } }
        for u in m.units {
            try office(u.officeID, "责任单位 \(u.name)")
            try unit(u.id)
        }
        for p in m.properties {
            try office(p.officeID, "物业 \(p.name)")
            try property(p.id)
        }
    }

    func checkOperators(_ operators: [Operator]) throws {
        for account in operators {
            let what = "operator \(account.login)"
            if let old = try ws.tx.storedOperator(login: account.login) {
                if let o = old.officeID { try office(o, what) } else { try scope.checkWholeDatabase(ws.actor, what: "\(what) (working for every office)") }
            }
            if let o = account.officeID { try office(o, what) } else if let own = ws.actor.officeID {
                throw GridError.permissionDenied("\(account.login) would work for every office of this database (no --office), which only a "
                    + "city-level admin (管理员 with no office) may grant; you (\(ws.actor.login)) work for \(scope.name(own)): "
                    + "add --office \(scope.name(own))")
            }
            if let u = account.unitID { try unit(u) }
        }
    }

    func checkSiteRegister(_ r: SiteRegisterChanges) throws {
        for contact in r.contacts {
            try community(contact.communityID) { "申报点位 #\(contact.communityID)" }
            try unit(contact.unitID)
        }
        for site in r.siteCadences { try community(site.communityID) { "申报点位 #\(site.communityID)" } }
        for o in r.officeCadences { try office(o.officeID, "the default cadence (自查周期) of \(scope.name(o.officeID))") }
        for slip in r.slips {
            try unit(slip.unitID)
            for number in slip.cases { try caseNumber(number) }
        }
    }

    func checkRounds(_ r: RoundChanges) throws {
        for round in r.newRounds + r.updatedRounds {
            let what = "round \(round.name)"
            if round.scope.streetIDs.isEmpty && round.scope.communityIDs.isEmpty {
                try scope.checkWholeDatabase(ws.actor, what: "\(what) (every community of the database)")
            }
            for s in round.scope.streetIDs { try office(try streetOffice(s), what) }
            for c in round.scope.communityIDs { try community(c) { what } }
            if let u = round.unitID { try unit(u) }
        }
        for inspection in r.inspections { try community(inspection.cell.communityID) { ws.label(inspection.cell) } }
    }

    // MARK: Tracing a row to its office

    func office(_ id: RowID, _ what: @autoclosure () -> String) throws {
        try scope.check(ws.actor, office: id, what: what())
    }

    func community(_ id: RowID, _ what: () -> String) throws {
        if let known = communityOffice[id] { return try office(known, what()) }
        guard let c = try ws.tx.community(id: id) else { return }
        let officeID = try streetOffice(c.streetID)
        communityOffice[id] = officeID
        try office(officeID, what())
    }

    func caseNumber(_ number: CaseNumber) throws {
        guard let c = try ws.tx.caseRecord(number) else { return }
        try community(c.communityID) { "case \(number)" }
    }

    func unit(_ id: RowID) throws {
        guard let u = try ws.tx.unit(id: id) else { return }
        try office(u.officeID, "责任单位 \(u.name)")
    }

    func property(_ id: RowID) throws {
        guard let p = try ws.tx.property(id: id) else { return }
        try office(p.officeID, "物业 \(p.name)")
    }

    /// A street's office: the stored street's, else (a street this change set adds) the change set's.
    func streetOffice(_ id: RowID) throws -> RowID {
        if let s = try ws.tx.street(id: id) { return s.officeID }
        if let s = ws.changes.masterData.streets.first(where: { $0.id == id }) { return s.officeID }
        throw GridError.notFound("street #\(id) does not exist")
    }

    func node(_ n: GridNode) throws {
        switch n {
        case .office(let id): try office(id, "三创办 \(scope.name(id))")
        case .street(let id):
            guard let s = try ws.tx.street(id: id) else { return }
            try office(s.officeID, "街道 \(s.name)")
        case .community(let id):
            guard let c = try ws.tx.community(id: id) else { return }
            try community(id) { "小区 \(c.name)" }
        case .unit(let id): try unit(id)
        case .property(let id): try property(id)
        }
    }
}

/// What a request is aimed at: checked by `ScopeGuard` even when the request changes nothing, so an unchanged request
/// into another office is refused with the same message as a changing one.
enum ScopeTarget: Hashable {
    case cell(CellKey)
    case caseNumber(CaseNumber)
    case node(GridNode)
    /// An operator as the request would leave it (its stored office and this one are both checked).
    case operatorAccount(Operator)
    /// Something every office shares (the kind lists), named for the message.
    case shared(String)
}
