import Foundation
import GridCore
import GridStore

/// What the process knows about where it runs: who the operator is, the clock, and where data lives.
///
/// Read once at start-up; tests pin it through environment variables (`CIVGRID_DB`, `CIVGRID_LOGIN`,
/// `CIVGRID_NOW`, `TZ`).
struct RunEnvironment {
    /// The login changes are attributed to: the OS account, or `CIVGRID_LOGIN` once `verifyIdentity` has accepted it
    /// for the database at hand (see `Identity`).
    var login: String { acting.login }
    /// `CIVGRID_LOGIN`, when set: a claim, honoured only as `Identity` allows.
    let claimedLogin: String?
    /// The OS account of the process's real uid; always recorded in the audit trail beside `login`.
    let osUser: String
    let clock: GridClock
    let variables: [String: String]
    private let acting: ActingLogin

    init(variables: [String: String] = ProcessInfo.processInfo.environment) throws(GridError) {
        self.variables = variables
        osUser = RunEnvironment.osLogin()
        claimedLogin = variables["CIVGRID_LOGIN"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        // Until a database accepts the claim (or when creating one), the claim stands; every open verifies it.
        acting = ActingLogin(claimedLogin ?? osUser)
        let offset = TimeZone.current.secondsFromGMT()
        if let pinned = variables["CIVGRID_NOW"] {
            guard let t = Timestamp(iso: pinned) else {
                throw .invalidInput("CIVGRID_NOW=\(pinned) is not a UTC timestamp like 2026-11-30T09:00:00.000Z; fix or unset it")
            }
            clock = .fixed(t, utcOffsetSeconds: offset)
        } else {
            clock = GridClock(utcOffsetSeconds: offset) {
                Timestamp(millis: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
            }
        }
    }

    /// The default database path: `$XDG_DATA_HOME/civgrid/grid.sqlite`, else `~/.local/share/civgrid/grid.sqlite`.
    var defaultDatabasePath: String {
        if let xdg = variables["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/civgrid/grid.sqlite" }
        let home = variables["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/share/civgrid/grid.sqlite"
    }

    /// The services every change goes through, with the office's working calendar.
    func services(_ store: any TransactionRunner) throws(GridError) -> GridServices {
        GridServices(store, calendar: try CaseCommand.calendar(self), evidence: try EvidenceConfig.load(self))
    }

    /// A change context for the current operator.
    func context(_ actor: Operator, source: ChangeSource = .cli) -> ChangeContext {
        ChangeContext(actor: actor, osUser: osUser, source: source, clock: clock)
    }

    static func osLogin() -> String {
        // The real uid: a setgid installation changes the group, never who is running.
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }

    /// Whether a database being created now should trust `CIVGRID_LOGIN` from then on (a test fixture): only when the
    /// claim names someone other than the OS account.
    var createsFixture: Bool { claimedLogin != nil && claimedLogin != osUser }

    /// The `meta` rows a database created now gets: `identities = pinned` when it is a test fixture.
    var fixtureMeta: [String: String] { createsFixture ? ["identities": "pinned"] : [:] }

    /// Settles who acts on `store`: the OS account, or the claimed login where `Identity` allows it.
    func verifyIdentity(_ store: SQLiteStore) throws(GridError) {
        let pinned = try store.meta("identities") == "pinned"
        let osAccount = try store.operatorAccount(login: osUser)
        acting.login = try Identity.acting(osUser: osUser, claimed: claimedLogin, pinned: pinned, osAccount: osAccount)
        try Identity.checkPinnedClock(variables["CIVGRID_NOW"], pinned: pinned, osUser: osUser, osAccount: osAccount)
    }
}

/// The login in force for this process, settled once a database is open.
final class ActingLogin: @unchecked Sendable {
    var login: String
    init(_ login: String) { self.login = login }
}
