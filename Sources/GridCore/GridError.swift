/// Every failure an operator can meet, each with one clear message (what, where, how to fix).
///
/// The category decides the command-line exit code, so scripts can tell bad input from a broken database.
public enum GridError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is wrong: a bad status, date, or a missing required field. Nothing was written.
    case invalidInput(String)
    /// A name matched nothing.
    case notFound(String)
    /// A name matched several things; the candidates are listed so the operator can pick one.
    case ambiguous(what: String, query: String, candidates: [String])
    /// The operator's role does not allow this.
    case permissionDenied(String)
    /// The database file cannot be used (missing, corrupt, read-only, newer schema, locked).
    case database(String)
    /// Another writer held the database past the busy timeout. Nothing was written; trying again will work.
    case busy(String)

    /// The message shown to the operator.
    public var description: String {
        switch self {
        case .invalidInput(let m), .notFound(let m), .permissionDenied(let m), .database(let m), .busy(let m):
            return m
        case .ambiguous(let what, let query, let candidates):
            let shown = candidates.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            let more = candidates.count > 20 ? "\n  … and \(candidates.count - 20) more" : ""
            return "“\(query)” matches \(candidates.count) \(what); use the full name or 街道/小区 form:\n\(shown)\(more)"
        }
    }

    /// Process exit code: 2 bad input, 3 permission, 4 database, 5 busy (try again).
    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .notFound, .ambiguous: 2
        case .permissionDenied: 3
        case .database: 4
        case .busy: 5
        }
    }
}
