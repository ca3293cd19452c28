import Foundation
import GridCore
import PostgresNIO

/// Where a PostgreSQL database is: `postgres://user@host:5432/civgrid`, or over a Unix socket
/// `postgresql:///civgrid?host=/run/postgresql` (then the server knows the OS login by peer authentication).
public struct PostgresLocation: Sendable, Equatable {
    /// A socket directory (`host=/dir`) or a host name.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Creates a location.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// Reads a `postgres://` / `postgresql://` URL. Without a user, the OS login is used (what peer authentication
    /// expects); without a host, the Debian socket directory `/run/postgresql`.
    public init(url text: String, osUser: String) throws(GridError) {
        guard PostgresLocation.isPostgres(text), let url = URLComponents(string: text) else {
            throw .invalidInput("“\(text)” is not a PostgreSQL address; write postgres://USER@HOST:PORT/DATABASE or "
                + "postgresql:///DATABASE?host=/run/postgresql")
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let name = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !name.isEmpty, !name.contains("/") else {
            throw .invalidInput("“\(text)” names no database; add it after the host, e.g. postgresql:///civgrid?host=/run/postgresql")
        }
        let host = query["host"].flatMap { $0.isEmpty ? nil : $0 } ?? url.host.flatMap { $0.isEmpty ? nil : $0 } ?? "/run/postgresql"
        self.init(host: host, port: url.port ?? Int(query["port"] ?? "") ?? 5432,
                  user: url.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? osUser,
                  password: url.password ?? query["password"], database: name)
    }

    /// The same server, another database (tests create one per test; `migrate` checks the target).
    public func database(_ name: String) -> PostgresLocation {
        var copy = self
        copy.database = name
        return copy
    }

    /// Whether the server is reached over a Unix socket (a directory path).
    public var isSocket: Bool { host.hasPrefix("/") }

    /// `postgresql:///civgrid?host=/run/postgresql` (never the password), for messages.
    public var display: String {
        isSocket ? "postgresql:///\(database)?host=\(host)" + (port == 5432 ? "" : "&port=\(port)")
            : "postgres://\(user)@\(host):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        if isSocket {
            return PostgresConnection.Configuration(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password,
                                                    database: database)
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database,
                                                tls: .disable)
    }
}
