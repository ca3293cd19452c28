/// Everything an operator can ask civgrid to change, one entry per permission the office grants.
///
/// Every front end (console, command line, importer) asks `Policy` about one of these before a service
/// builds the change, so who may do what is decided in exactly one table.
public enum GridPermission: String, CaseIterable, Sendable {
    /// Record what was found on site: 未查, 达标 (not from 待复核), 现场整改, and a problem (上报 a case).
    case recordFinding = "record_finding"
    /// 立案 a reported case, or re-register one that was sent back.
    case registerCase = "register_case"
    /// 交办 a registered case to a unit (the deadline clock starts).
    case dispatchCase = "dispatch_case"
    /// 退回 a dispatched case (wrong unit).
    case sendBackCase = "send_back_case"
    /// Work a dispatched case: start rectifying, ask for an extension, submit for re-check.
    case handleCase = "handle_case"
    /// 复核通过: verify a submitted case (or a 待复核 cell) as 达标.
    case verify
    /// 返工: send a submitted case back to rectifying.
    case rework
    /// 挂账: park a problem that cannot be fixed within the limit.
    case park
    /// 不适用: exempt a cell from a theme.
    case exempt
    /// 作废: void a case.
    case voidCase = "void_case"
    /// Approve or reject an extension.
    case decideExtension = "decide_extension"
    /// Approve a second (or later) extension of the same case: needs a note saying why.
    case approveFurtherExtension = "approve_further_extension"
    /// 重新打开 a closed case.
    case reopenCase = "reopen_case"
    /// 督办: flag a case for supervision.
    case escalateCase = "escalate_case"
    /// Issue a supervision notice (督查通报).
    case issueNotice = "issue_notice"
    /// Bring statuses in from a sheet (each cell still passes the cell rules).
    case importStatuses = "import_statuses"
    /// Offices, streets, communities, units, property companies and themes, by hand or from a sheet.
    case editMasterData = "edit_master_data"
    /// Add and relabel site kinds and unit kinds (the lists every import and form checks kinds against).
    case editKinds = "edit_kinds"
    /// Change who answers for a community (assignments).
    case assignUnits = "assign_units"
    /// Add operators and change their roles.
    case manageOperators = "manage_operators"
    /// Attach photos and documents to a case (整改前 / 整改后 / 材料).
    case attachEvidence = "attach_evidence"
    /// Replace the whole database: `demo --force`, `restore --force`, `init` over an existing file.
    case replaceDatabase = "replace_database"
    /// Plan, start and close rounds of checking (检查轮次).
    case planRounds = "plan_rounds"
    /// Record an inspection (检查记录): what was found at a cell, in a round or outside one.
    case recordInspection = "record_inspection"
    /// The declared-site register: site numbers and kinds, self-inspection cadences, each unit's responsible person.
    case editSiteRegister = "edit_site_register"
    /// Notify a case's unit and responsible person to come to the site at once (recorded as a case event).
    case notifyCase = "notify_case"
    /// Issue a dispatch slip (交办单) listing a unit's open cases.
    case issueDispatchSlip = "issue_dispatch_slip"

    /// What the permission lets one do, in the words a refusal uses.
    public var zh: String {
        switch self {
        case .recordFinding: "记录检查结果 (record findings)"
        case .registerCase: "立案 (register a case)"
        case .dispatchCase: "交办 (dispatch a case)"
        case .sendBackCase: "退回 (send a case back)"
        case .handleCase: "整改/提交复核 (work a dispatched case)"
        case .verify: "复核通过 (verify as 达标)"
        case .rework: "返工 (send back for rework)"
        case .park: "挂账 (park a problem)"
        case .exempt: "不适用 (exempt a cell)"
        case .voidCase: "作废 (void a case)"
        case .decideExtension: "审批延期 (decide an extension)"
        case .approveFurtherExtension: "批准第二次延期 (approve a second extension)"
        case .reopenCase: "重新打开 (reopen a case)"
        case .escalateCase: "督办 (escalate a case)"
        case .issueNotice: "发督查通报 (issue a notice)"
        case .importStatuses: "导入状态 (import statuses)"
        case .editMasterData: "维护基础数据 (edit master data)"
        case .editKinds: "维护类型 (edit kinds)"
        case .assignUnits: "调整责任链 (change assignments)"
        case .manageOperators: "管理操作员 (manage operators)"
        case .attachEvidence: "上传证据照片/材料 (attach evidence)"
        case .replaceDatabase: "替换数据库 (replace the database)"
        case .planRounds: "安排检查轮次 (plan rounds)"
        case .recordInspection: "记录检查 (record inspections)"
        case .editSiteRegister: "维护申报点位 (edit the declared-site register)"
        case .notifyCase: "通知到场 (notify a unit to come to the site)"
        case .issueDispatchSlip: "发交办单 (issue a dispatch slip)"
        }
    }
}

/// The one permission table (permission × role) and the relationship rules on top of it.
///
/// Roles: 管理员 admin may do everything; 督查员 inspector everything but master data, assignments, operators and
/// replacing the database; 录入员 clerk records findings, works the cases dispatched to their unit and submits them;
/// 查看 viewer changes nothing.
public enum Policy {
    /// The roles holding each permission.
    public static let table: [GridPermission: Set<OperatorRole>] = {
        let everyoneWhoWrites: Set<OperatorRole> = [.admin, .inspector, .clerk]
        let supervisors: Set<OperatorRole> = [.admin, .inspector]
        let adminOnly: Set<OperatorRole> = [.admin]
        return [
            .recordFinding: everyoneWhoWrites, .handleCase: everyoneWhoWrites, .importStatuses: everyoneWhoWrites,
            .attachEvidence: everyoneWhoWrites,
            .registerCase: supervisors, .dispatchCase: supervisors, .sendBackCase: supervisors, .verify: supervisors,
            .rework: supervisors, .park: supervisors, .exempt: supervisors, .voidCase: supervisors,
            .decideExtension: supervisors, .reopenCase: supervisors, .escalateCase: supervisors, .issueNotice: supervisors,
            .approveFurtherExtension: adminOnly, .editMasterData: adminOnly, .editKinds: adminOnly, .assignUnits: adminOnly, .manageOperators: adminOnly, .replaceDatabase: adminOnly,
            .planRounds: supervisors, .recordInspection: everyoneWhoWrites,
            .editSiteRegister: adminOnly,
            .notifyCase: everyoneWhoWrites, .issueDispatchSlip: supervisors,
        ]
    }()

    /// Whether `role` holds `permission` (the table alone, without relationship rules).
    public static func allows(_ role: OperatorRole, _ permission: GridPermission) -> Bool {
        table[permission]?.contains(role) ?? false
    }

    /// Throws a refusal naming who may do it instead unless `actor`'s role holds `permission`.
    /// `what` names the thing acted on (a cell, a case) in the message.
    /// `what` is only evaluated for a refusal (naming a cell costs a query). A removed operator holds no permission
    /// whatever their stored role (`Operator.acting`), wherever the check is made.
    public static func authorize(_ actor: Operator, _ permission: GridPermission,
                                 on what: @autoclosure () -> String = "") throws(GridError) {
        guard !allows(actor.acting.role, permission) else { return }
        throw .permissionDenied(refusal(actor, permission, on: what()))
    }

    /// Checks a case step: the role table, then the relationships to the unit handling the case —
    /// nobody verifies or decides an extension for their own unit's case (finder ≠ fixer), and only the dispatched
    /// unit's operators, inspectors and admins may work a dispatched case.
    public static func authorize(_ actor: Operator, _ permission: GridPermission, onCase c: CaseRecord) throws(GridError) {
        try authorize(actor, permission, on: "case \(c.number)")
        let ownUnit = actor.unitID != nil && actor.unitID == c.handlingUnitID
        switch permission {
        case .verify, .rework, .decideExtension:
            if ownUnit {
                throw .permissionDenied("\(actor.login) belongs to the unit handling case \(c.number), and a unit may not "
                    + "\(permission.zh) its own case (finder ≠ fixer); an inspector (督查员) or admin (管理员) outside that unit may")
            }
        case .handleCase, .attachEvidence:
            guard c.handlingUnitID != nil, actor.role == .clerk, !ownUnit else { return }
            throw .permissionDenied("case \(c.number) is dispatched to another unit; only that unit's operators, an inspector "
                + "(督查员) or an admin (管理员) may \(permission.zh); \(actor.login) is \(actor.role.zh)")
        default:
            return
        }
    }

    /// `zhang is 录入员 (clerk) and may not 复核通过 (verify as 达标) on 阳光小区 · 环境卫生; 督查员 (inspector) or 管理员 (admin) may`.
    static func refusal(_ actor: Operator, _ permission: GridPermission, on what: String) -> String {
        if let removed = actor.removedAt {
            return "\(actor.login) was removed (已停用) at \(removed.description)\(actor.removedBy.map { " by \($0)" } ?? "") and may no "
                + "longer \(permission.zh); an admin (管理员) can restore the login with `civgrid operator set \(actor.login) --restore`"
        }
        let who = OperatorRole.allCases.filter { allows($0, permission) }.map { "\($0.zh) (\($0.rawValue))" }
        let target = what.isEmpty ? "" : " on \(what)"
        let instead = who.isEmpty ? "nobody may" : who.joined(separator: " or ") + " may"
        var message = "\(actor.login) is \(actor.role.zh) (\(actor.role.rawValue)) and may not \(permission.zh)\(target); \(instead)"
        // The least role that would do, so the advice is one that helps (an admin-only step is not a clerk's).
        if actor.role == .viewer, let least = [OperatorRole.clerk, .inspector, .admin].first(where: { allows($0, permission) }) {
            message += ". An admin can grant that role with `civgrid operator add \(actor.login) --name NAME --role \(least.rawValue)`"
        }
        return message
    }
}
