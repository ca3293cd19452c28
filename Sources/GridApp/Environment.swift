import Foundation
import GridCore
import GridStore

/// What the process knows about where it runs: who the operator is, the clock, and where data lives.
///
/// Read once at start-up; tests pin it through environment variables (`CIVGRID_DB`, `CIVGRID_LOGIN`,
/// `CIVGRID_NOW`, `TZ`).
struct RunEnvironment {
    /// The login changes are attributed to: `CIVGRID_LOGIN` if set (tests, shared service accounts),
    /// else the OS account.
    let login: String
    /// The OS account running the process; always recorded in the audit trail beside `login`.
    let osUser: String
    let clock: GridClock
    let variables: [String: String]

    init(variables: [String: String] = ProcessInfo.processInfo.environment) throws(GridError) {
        self.variables = variables
        osUser = RunEnvironment.osLogin()
        login = variables["CIVGRID_LOGIN"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? osUser
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
        GridServices(store, calendar: try CaseCommand.calendar(self))
    }

    /// A change context for the current operator.
    func context(_ actor: Operator, source: ChangeSource = .cli) -> ChangeContext {
        ChangeContext(actor: actor, osUser: osUser, source: source, clock: clock)
    }

    static func osLogin() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
    }
}
