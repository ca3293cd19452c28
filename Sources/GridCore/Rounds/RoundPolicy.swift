extension Policy {
    /// Checks an inspection in `round`: the role table, then the round's relationships — a round with a team is
    /// checked by its team (and admins), and a unit's self-inspection (自查) by that unit's operators, inspectors
    /// and admins.
    public static func authorize(_ actor: Operator, _ permission: GridPermission, inRound round: InspectionRound) throws(GridError) {
        try authorize(actor, permission, on: "round \(round.label)")
        guard actor.role != .admin else { return }
        if !round.team.isEmpty, !round.team.contains(actor.login) {
            throw .permissionDenied("\(actor.login) is not on the team of round \(round.label) (\(round.team.joined(separator: ", "))); "
                + "a team member or an admin (管理员) may record its inspections; record it outside the round (leave out --round) instead")
        }
        if round.kind == .selfInspection, let unit = round.unitID, actor.role == .clerk, actor.unitID != unit {
            throw .permissionDenied("round \(round.label) is a unit's self-inspection (自查); only that unit's operators, an inspector "
                + "(督查员) or an admin (管理员) may record it, and \(actor.login) belongs to another unit")
        }
    }
}
