/// A dispatch slip (交办单) as issued: its number in the year, the unit it goes to and the cases it lists.
public struct DispatchSlipFact: Hashable, Sendable {
    public var year: Int
    public var seq: Int
    public var unitID: RowID
    public var cases: [CaseNumber]
    public var issuedBy: String

    /// Creates a slip fact.
    public init(year: Int, seq: Int, unitID: RowID, cases: [CaseNumber], issuedBy: String) {
        self.year = year
        self.seq = seq
        self.unitID = unitID
        self.cases = cases
        self.issuedBy = issuedBy
    }

    /// `2026·交办第3号`.
    public var label: String { "\(year)·交办第\(seq)号" }
}

extension GridServices {
    /// Issues the next dispatch slip of the year to a unit listing `cases` (its open cases), recorded like a notice.
    /// Returns the slip as recorded.
    public func issueDispatchSlip(unitID: RowID, cases: [CaseNumber], context: ChangeContext) throws(GridError) -> DispatchSlipFact {
        try run(context) { ws in
            try Policy.authorize(ws.actor, .issueDispatchSlip, on: "责任单位 #\(unitID)")
            let tx = try Self.siteTransaction(ws)
            guard let unit = try tx.unit(id: unitID) else { throw GridError.notFound("unit #\(unitID) does not exist") }
            for n in cases {
                let c = try ws.caseRecord(n)
                guard c.state.isOpen, c.handlingUnitID == unitID else {
                    throw GridError.invalidInput("case \(n) is not an open case dispatched to \(unit.name); a slip lists only those")
                }
            }
            let year = ws.today.civil.year
            let slip = DispatchSlipFact(year: year, seq: try tx.lastDispatchSlip(year: year) + 1, unitID: unitID, cases: cases,
                                        issuedBy: ws.actor.login)
            let audit = [AuditEntry(entity: .unit, entityID: "\(unitID)", field: "dispatch_slip", oldValue: nil, newValue: slip.label,
                                    note: "交办单 \(unit.name): \(cases.count) 件")]
            ws.site(audit) { $0.slips.append(slip) }
            return slip
        }
    }
}
