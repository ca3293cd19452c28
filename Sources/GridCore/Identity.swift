/// Who is acting: the OS account that runs civgrid, unless it may act as another login.
///
/// `CIVGRID_LOGIN` names a login to act as. It is honoured only when the OS account is itself an admin of the
/// database (a shared service account acting for an operator — the audit then shows both), or when the database
/// was created as a test fixture that trusts it (`meta identities = pinned`, set when `demo` or `init` ran with
/// `CIVGRID_LOGIN`). Anyone else who sets it is refused: a variable must never make an operator someone else.
public enum Identity {
    /// The login changes are attributed to.
    ///
    /// - Parameters:
    ///   - osUser: the login of the process's real uid.
    ///   - claimed: `CIVGRID_LOGIN`, if set.
    ///   - pinned: whether the database is a test fixture that trusts `CIVGRID_LOGIN`.
    ///   - osAccount: the OS user's operator record in this database (unknown logins are viewers).
    public static func acting(osUser: String, claimed: String?, pinned: Bool, osAccount: Operator) throws(GridError) -> String {
        guard let claimed, !claimed.isEmpty, claimed != osUser else { return osUser }
        if pinned || osAccount.acting.role == .admin { return claimed }
        throw .permissionDenied("CIVGRID_LOGIN=\(claimed) is honoured only for an admin (管理员) of this database acting for "
            + "another operator; you are \(osUser) (\(osAccount.role.zh)). Unset CIVGRID_LOGIN to work as yourself")
    }

    /// `CIVGRID_NOW` (a pinned clock) times changes and the audit: honoured only where a claimed login would be — on a
    /// test fixture, or for an admin of the database — so no operator can date a change (a backdated row would also
    /// break the audit's time order for good).
    public static func checkPinnedClock(_ pinnedNow: String?, pinned: Bool, osUser: String, osAccount: Operator) throws(GridError) {
        guard let pinnedNow, !pinned, osAccount.acting.role != .admin else { return }
        throw .permissionDenied("CIVGRID_NOW=\(pinnedNow) is honoured only for an admin (管理员) of this database or a test fixture; "
            + "you are \(osUser) (\(osAccount.role.zh)). Unset CIVGRID_NOW: changes are timed by the system clock")
    }
}
