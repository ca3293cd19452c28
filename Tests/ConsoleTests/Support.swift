import GridStore

/// A second store on the same file, as another operator's process would open it.
enum GridStoreOpen {
    static func open(_ path: String) throws -> SQLiteStore { try SQLiteStore.open(path: path) }
}
