/// What an operator may do. Checked in the pure transition functions, so every front end obeys it.
public enum OperatorRole: String, CaseIterable, Sendable, Codable {
    /// 管理员: master data, operators, and every status.
    case admin = "admin"
    /// 督查员: every status, including verification (待复核 → 达标), 挂账 and 不适用.
    case inspector = "inspector"
    /// 录入员: records statuses found on site, but does not verify, park or exempt cells.
    case clerk = "clerk"
    /// 查看: read only. Unknown logins are viewers.
    case viewer = "viewer"

    /// Chinese label.
    public var zh: String {
        switch self {
        case .admin: "管理员"
        case .inspector: "督查员"
        case .clerk: "录入员"
        case .viewer: "查看"
        }
    }

    /// Finds a role by code or Chinese label.
    public static func parse(_ text: String) -> OperatorRole? {
        let t = text.trimmingWhitespace().lowercased()
        return allCases.first { $0.rawValue == t || $0.zh == t }
    }
}

/// A person allowed to work on the grid, identified by the OS login they SSH in with.
public struct Operator: Hashable, Sendable {
    public var login: String
    public var name: String
    public var unitID: RowID?
    public var role: OperatorRole
    /// The office (三创办) the operator works for: they may change only its rows and those of the offices under it
    /// (see `OfficeScope`). nil: the whole database (a city or province admin, and every operator of a database
    /// that holds one office).
    public var officeID: RowID?
    /// When an admin removed the operator (`civgrid operator remove`): the row stays, so the audit still names the
    /// person, but they may no longer act. nil: active.
    public var removedAt: Timestamp?
    /// The admin who removed the operator.
    public var removedBy: String?

    /// Creates an operator.
    public init(login: String, name: String, unitID: RowID? = nil, role: OperatorRole, officeID: RowID? = nil,
                removedAt: Timestamp? = nil, removedBy: String? = nil) {
        self.login = login
        self.name = name
        self.unitID = unitID
        self.role = role
        self.officeID = officeID
        self.removedAt = removedAt
        self.removedBy = removedBy
    }

    /// Whether an admin removed this operator.
    public var isRemoved: Bool { removedAt != nil }

    /// The operator as they may act: a removed operator is a viewer (reads only), still carrying when and by whom it
    /// was removed so that a refusal can say so.
    public var acting: Operator {
        guard isRemoved else { return self }
        var viewer = self
        viewer.role = .viewer
        return viewer
    }

    /// The stand-in for a login that no admin has added yet: read only.
    public static func unknown(login: String) -> Operator {
        Operator(login: login, name: login, role: .viewer)
    }

}
