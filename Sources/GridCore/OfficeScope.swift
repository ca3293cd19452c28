/// Which offices an operator may change: the one rule that scopes a county clerk to their county.
///
/// One database may hold many offices (三创办), a city's office above its counties' (`Office.parentID`). An operator
/// with an office works for it and every office under it; one without (`Operator.officeID == nil`) works for the whole
/// database. `Policy.table` says *what* a role may do; this says *where*. Every service consults it through the one
/// door (`Workspace.finish` checks every row a change would write), so no front end can reach another county's rows.
public struct OfficeScope: Sendable {
    /// Every office of the database, by id.
    public let offices: [RowID: Office]

    /// The scope rule over these offices.
    public init(offices: [Office]) {
        self.offices = Dictionary(offices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether someone working for `actorOffice` (nil: the whole database) may change rows of `target`: it is that
    /// office or one under it. A cycle in the parent links (which the services never write) ends the walk.
    public func covers(_ actorOffice: RowID?, _ target: RowID) -> Bool {
        guard let actorOffice else { return true }
        var seen: Set<RowID> = []
        var current: RowID? = target
        while let id = current, seen.insert(id).inserted {
            if id == actorOffice { return true }
            current = offices[id]?.parentID
        }
        return false
    }

    /// `actorOffice` and every office under it, the actor's office first (nil: every office).
    public func descendants(of actorOffice: RowID?) -> [RowID] {
        let all = offices.keys.sorted()
        guard let actorOffice else { return all }
        return [actorOffice] + all.filter { $0 != actorOffice && covers(actorOffice, $0) }
    }

    /// An office's name, or `office #N` for one that does not exist.
    public func name(_ id: RowID) -> String { offices[id]?.name ?? "office #\(id)" }

    /// Throws a refusal unless `actor` may change rows of office `target`. `what` names the row (a cell, a case).
    ///
    /// `阳光小区 · 环境卫生 belongs to 东城县创城办; you (zhang) work for 西城县创城办 and may change only its rows; ask an
    /// admin of 东城县创城办 or a city-level admin`.
    public func check(_ actor: Operator, office target: RowID, what: @autoclosure () -> String) throws(GridError) {
        guard !covers(actor.officeID, target), let own = actor.officeID else { return }
        let above = ancestors(of: target).filter { !covers(own, $0) }.map(name)
        let admins = ([name(target)] + above).joined(separator: " or ")
        throw .permissionDenied("\(what()) belongs to \(name(target)); you (\(actor.login)) work for \(name(own)) and may change "
            + "only its rows\(ownChildren(own)); ask an admin (管理员) of \(admins) or a city-level admin (one with no office) to do it")
    }

    /// Throws a refusal unless `actor` works for the whole database: `what` is shared by every office (the kind lists,
    /// notice numbers, operators without an office, new top-level offices).
    public func checkWholeDatabase(_ actor: Operator, what: @autoclosure () -> String) throws(GridError) {
        guard let own = actor.officeID else { return }
        throw .permissionDenied("\(what()) is shared by every office of this database; you (\(actor.login)) work for \(name(own)) "
            + "and may change only its rows; ask a city-level admin (管理员 with no office) to do it")
    }

    /// The offices above `office`, nearest first.
    func ancestors(of office: RowID) -> [RowID] {
        var out: [RowID] = []
        var current = offices[office]?.parentID
        while let id = current, !out.contains(id), id != office {
            out.append(id)
            current = offices[id]?.parentID
        }
        return out
    }

    /// ` and the offices under it (…)`, when there are any.
    func ownChildren(_ own: RowID) -> String {
        let under = descendants(of: own).dropFirst().map(name)
        return under.isEmpty ? "" : " and those of the offices under it (\(under.joined(separator: "、")))"
    }
}
