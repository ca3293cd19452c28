import GridCore
import GridStorePostgres
import GridTheme
import TerminalKit

extension Console {
    /// A console over a PostgreSQL store and a backend (the benchmark's PostgreSQL column): the store-neutral
    /// initialiser, public for a PostgresStore as the SQLite one is for an SQLiteStore. Call the store's
    /// `listenForChanges()` first for live refresh by NOTIFY, as the console launcher does.
    public convenience init(store: PostgresStore, context: ChangeContext, backend: any TerminalBackend, catalog: ThemeCatalog,
                            theme: Theme, colors: Int, measure: DisplayWidth) throws(GridError) {
        try self.init(on: store, context: context, backend: backend, catalog: catalog, theme: theme, colors: colors, measure: measure)
    }
}
