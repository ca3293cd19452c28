import Foundation
import GridCore
import Logging
import PostgresNIO

/// A value bound to, or read from, a PostgreSQL statement. civgrid stores integers and text only (days and
/// instants are ISO text, as in the SQLite store), so the two stores hold the same values and hash them alike.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case text(String)
    case real(Double)
    /// Raw bytes (`bytea`): stored files (attachments), never chained or compared as text.
    case bytes([UInt8])
}

/// Anything that can be bound to a statement.
public protocol SQLBindable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension [UInt8]: SQLBindable { public var sqlValue: SQLValue { .bytes(self) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// The column names of one result, shared by its rows.
final class SQLColumns: Sendable {
    let index: [String: Int]

    init(_ names: [String]) {
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() where index[n] == nil { index[n] = i }
        self.index = index
    }
}

/// One result row, read by column name or index.
public struct SQLRow: Sendable {
    let columns: SQLColumns
    /// The row's values in column order.
    public let values: [SQLValue]

    /// The value of column `i`.
    public subscript(_ i: Int) -> SQLValue { values[i] }

    /// The value of the column named `name` (NULL when there is no such column).
    public subscript(_ name: String) -> SQLValue {
        guard let i = columns.index[name] else { return .null }
        return values[i]
    }

    func int(_ name: String) -> Int64 { self[name].int ?? 0 }
    func text(_ name: String) -> String { self[name].text ?? "" }
}

extension SQLValue {
    /// The integer, or nil for NULL (a text holding digits reads as its number).
    public var int: Int64? {
        switch self {
        case .int(let i): i
        case .text(let s): Int64(s)
        case .real(let d): Int64(d)
        case .null, .bytes: nil
        }
    }

    /// The text, or nil for NULL.
    public var text: String? {
        switch self {
        case .text(let s): s
        case .int(let i): String(i)
        case .real(let d): String(d)
        case .bytes(let b): String(decoding: b, as: UTF8.self)
        case .null: nil
        }
    }

    /// The bytes of a `bytea` value (text as its UTF-8), or nil for NULL.
    public var bytes: [UInt8]? {
        switch self {
        case .bytes(let b): b
        case .text(let s): Array(s.utf8)
        case .int, .real, .null: nil
        }
    }

    /// Whether the value is NULL.
    public var isNull: Bool { self == .null }
}

/// One PostgreSQL connection used synchronously.
///
/// Why blocking: GridCore's ports are synchronous (the console's update loop, the services and the CLI call them
/// and expect an answer), while postgres-nio is asynchronous. The session owns a one-thread `EventLoopGroup` of its
/// own and waits (`EventLoopFuture.wait()`) on the caller's thread for each statement. The caller is never one of
/// that group's threads (nothing in civgrid runs on it), so waiting cannot deadlock the loop that completes the
/// future; bridging through `async`/`await` instead would need a Task per call and a semaphore, with the same
/// blocking but more moving parts. A lock (`PostgresStore`) keeps one statement or transaction at a time on the
/// connection, as the wire protocol requires.
final class PGSession: @unchecked Sendable {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private var connection: PostgresConnection?
    private let logger = Logger(label: "civgrid.postgres")
    /// Statements run since the session opened (tests guard statement counts, never timings).
    private(set) var statements = 0

    init(location: PostgresLocation) throws(GridError) {
        self.location = location
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        try connect()
    }

    deinit {
        if let connection { try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    private func connect() throws(GridError) {
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: location.configuration, id: 1,
                                                        logger: logger).wait()
        } catch {
            throw PGError.map(error, location: location, connecting: true)
        }
    }

    /// Closes the connection (the session must not be used afterwards).
    func close() {
        shut = true
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    /// Set by `close()`: a statement afterwards is refused rather than reconnecting (a listener that finished
    /// connecting after its store closed must not open the store's connection again).
    private var shut = false

    /// Runs one statement with `?` placeholders bound to `args`, returning its rows.
    @discardableResult
    func query(_ sql: String, _ args: [any SQLBindable] = []) throws(GridError) -> [SQLRow] {
        if shut { throw .database("the connection to \(location.display) was closed") }
        if connection == nil || connection?.isClosed == true { try connect() }
        guard let connection else { throw .database("no connection to \(location.display)") }
        var binds = PostgresBindings(capacity: args.count)
        for a in args {
            switch a.sqlValue {
            case .null: binds.appendNull()
            case .int(let i): binds.append(i)
            case .text(let s): binds.append(s)
            case .real(let d): binds.append(d)
            case .bytes(let b): binds.append(ByteBuffer(bytes: b))
            }
        }
        let query = PostgresQuery(unsafeSQL: PGSession.numbered(sql), binds: binds)
        statements += 1
        do {
            let result = try connection.query(query, logger: logger).wait()
            var rows: [SQLRow] = []
            var columns: SQLColumns?
            for row in result {
                var values: [SQLValue] = []
                var names: [String] = []
                for cell in row {
                    if columns == nil { names.append(cell.columnName) }
                    values.append(try PGSession.value(cell))
                }
                if columns == nil { columns = SQLColumns(names) }
                rows.append(SQLRow(columns: columns!, values: values))
            }
            return rows
        } catch {
            throw PGError.map(error, location: location, connecting: false)
        }
    }

    /// Subscribes this connection to `channel` (LISTEN): `onNotify` runs on the session's event loop for every
    /// notification, and `onClose` once if the connection goes away (so the caller can fall back to polling).
    func listen(_ channel: String, onNotify: @escaping @Sendable () -> Void, onClose: @escaping @Sendable () -> Void) throws(GridError) {
        guard let connection else { throw .database("no connection to \(location.display)") }
        connection.addListener(channel: channel) { _, _ in onNotify() }
        connection.closeFuture.whenComplete { _ in onClose() }
        try query("LISTEN \(channel)")
    }

    /// Runs statements one after another (schema migrations: DDL has no parameters).
    func execute(_ statements: [String]) throws(GridError) {
        for s in statements { try query(s) }
    }

    /// The first column of the first row as an integer (nil when there is no row or it is NULL).
    func int(_ sql: String, _ args: [any SQLBindable] = []) throws(GridError) -> Int64? {
        try query(sql, args).first?[0].int
    }

    /// The first column of the first row as text.
    func text(_ sql: String, _ args: [any SQLBindable] = []) throws(GridError) -> String? {
        try query(sql, args).first?[0].text
    }

    /// A cell's value, read straight from its bytes for the types civgrid stores (integers and text in binary format),
    /// else through postgres-nio's decoders.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard var bytes = cell.bytes else { return .null }
        if cell.format == .binary {
            switch cell.dataType {
            case .int8: if let i = bytes.readInteger(as: Int64.self) { return .int(i) }
            case .int4: if let i = bytes.readInteger(as: Int32.self) { return .int(Int64(i)) }
            case .int2: if let i = bytes.readInteger(as: Int16.self) { return .int(Int64(i)) }
            case .text, .varchar, .name, .bpchar: if let s = bytes.readString(length: bytes.readableBytes) { return .text(s) }
            case .bytea: return .bytes(bytes.readBytes(length: bytes.readableBytes) ?? [])
            default: break
            }
        }
        switch cell.dataType {
        case .int8, .int4, .int2: return .int(try cell.decode(Int64.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bytea: return .bytes(Array(try cell.decode(ByteBuffer.self).readableBytesView))
        default: return .text(try cell.decode(String.self))
        }
    }

    /// `?` placeholders (outside quoted literals and identifiers) as PostgreSQL's `$1, $2 …`, so statements read
    /// like the SQLite store's.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for ch in sql {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

/// PostgreSQL's errors as messages an operator can act on.
enum PGError {
    static func map(_ error: any Error, location: PostgresLocation, connecting: Bool) -> GridError {
        if let e = error as? GridError { return e }
        guard let e = error as? PSQLError else {
            return .database("cannot reach PostgreSQL at \(location.display): \(error); check that the server runs and the address")
        }
        let message = e.serverInfo?[.message] ?? ""
        let state = e.serverInfo?[.sqlState] ?? ""
        if e.code == .server {
            if state.hasPrefix("28") || state == "3D000" || (connecting && state.hasPrefix("42")) {
                return .database("PostgreSQL at \(location.display) refused the connection: \(message). "
                    + "Check the database name and that your login has a role there (peer authentication maps it)")
            }
            if state.hasPrefix("23") { return .invalidInput("refused by the database: \(message); nothing was changed") }
            if state == "42501" { return .permissionDenied("PostgreSQL refused: \(message); nothing was changed") }
            if state == "40001" || state == "40P01" || state == "55P03" {
                return .busy("PostgreSQL at \(location.display) is busy (\(message)); nothing was changed — try again")
            }
            return .database("PostgreSQL error at \(location.display): \(message) [\(state)]")
        }
        return .database("cannot reach PostgreSQL at \(location.display) (\(e.code)); check that the server runs and the address")
    }
}
