import GRDB
import GridCore

extension SQLiteStore {
    /// Runs `body` on a read-only view of the database: for copying an office to another store (`civgrid migrate`),
    /// which reads every table as stored.
    public func readDatabase<T>(_ body: (Database) throws -> T) throws(GridError) -> T {
        try read(body)
    }
}
