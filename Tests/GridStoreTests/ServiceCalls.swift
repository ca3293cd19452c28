import GridCore
import GridStore

/// The tests' short names for changes, each going through the one door (`GridServices`), as every front end does.
extension SQLiteStore {
    var services: GridServices { GridServices(self) }

    func changeStatus(communityID: RowID, themeID: RowID, _ request: StatusChangeRequest, problem: ProblemDetails = ProblemDetails(),
                      context: ChangeContext) throws(GridError) -> CellOutcome {
        try services.setStatus(CellKey(communityID: communityID, themeID: themeID), request, problem: problem, context: context)
    }

    func changeStatuses(_ cells: [CellKey], _ request: StatusChangeRequest, context: ChangeContext) throws(GridError) -> [CellOutcome] {
        try services.setStatus(cells, request, context: context)
    }

    func addCase(_ draft: CaseDraft, context: ChangeContext) throws(GridError) -> CaseRecord {
        try services.recordProblem(draft, context: context)
    }

    func moveCase(_ number: CaseNumber, _ action: CaseAction, reason: String, context: ChangeContext,
                  calendar: WorkingCalendar = .weekendsOnly) throws(GridError) -> CaseRecord {
        try GridServices(self, calendar: calendar).moveCase(number, action, reason: reason, context: context)
    }

    func assign(communityID: RowID, unitID: RowID, role: AssignmentRole, propertyID: RowID?,
                context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try services.assign(communityID: communityID, unitID: unitID, role: role, propertyID: propertyID, context: context)
    }

    func saveOperator(_ account: Operator, context: ChangeContext) throws(GridError) -> [AuditEntry] {
        try services.saveOperator(account, context: context)
    }

    func importBatch(_ batch: ImportBatch, dryRun: Bool, context: ChangeContext,
                     progress: ((Int, Int) -> Bool)? = nil) throws(GridError) -> ImportOutcome {
        try services.importBatch(batch, into: self, dryRun: dryRun, context: context, progress: progress)
    }
}
