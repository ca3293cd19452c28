import GridCore

extension PostgresStore {
    /// Server settings by name (`server_version`, `fsync`, `synchronous_commit` …), as `current_setting` reports them:
    /// the benchmark prints them beside its PostgreSQL rows, since a throw-away cluster without fsync commits faster
    /// than a real server does.
    public func settings(_ names: [String]) throws(GridError) -> [String: String] {
        try read { s throws(GridError) in
            var result: [String: String] = [:]
            for name in names { result[name] = try s.text("SELECT current_setting(?)", [name]) }
            return result
        }
    }
}
