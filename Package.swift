// swift-tools-version:6.1
import PackageDescription

// Layers (see README "Architecture"): the compiler enforces who may import whom.
//   GridCore (pure domain) <- GridStore (GRDB)
//   TerminalKit (cells, width, buffer, diff, backend protocol; imports nothing) <- TerminalNcurses (only user of CNcursesw)
//   GridPalette (roles → styles) <- GridTheme (TOML palette files, config, rules) ; GridPalette <- GridUI (screens:
//   state, bindings, pure update and view; no GRDB, no ncurses, no TOML, no file I/O)
//   GridApp (command line, composition) <- civgrid (one-file executable)
let package = Package(
    name: "civgrid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "civgrid", targets: ["civgrid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The PostgreSQL store's wire protocol (GridStorePostgres only; see README "PostgreSQL").
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "GridCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]), // SHA-256 of evidence (pure)
        .target(name: "TerminalKit"),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalNcurses", dependencies: ["TerminalKit", "CNcursesw"]),
        // GridPalette: roles and styles only (what GridUI draws with); GridTheme: TOML palette files, their lookup,
        // config and rules files (what GridApp loads with).
        .target(name: "GridPalette", dependencies: ["GridCore", "TerminalKit"]),
        .target(name: "GridTheme", dependencies: ["GridCore", "TerminalKit", "GridPalette", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "GridUI", dependencies: ["GridCore", "TerminalKit", "GridPalette"]),
        .target(name: "GridExchange", dependencies: ["GridCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "GridStore",
            dependencies: ["GridCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The PostgreSQL store: the same ports on a server (the only importer of PostgresNIO).
        .target(
            name: "GridStorePostgres",
            dependencies: ["GridCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Copies an office between stores (SQLite → PostgreSQL): `civgrid migrate`, and the demo on a server.
        .target(name: "GridStoreCopy", dependencies: ["GridCore", "GridStore", "GridStorePostgres",
                                                      .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "GridApp",
            dependencies: [
                "GridCore", "GridStore", "GridStorePostgres", "GridStoreCopy", "TerminalKit", "TerminalNcurses", "GridTheme",
                "GridUI", "GridExchange", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "civgrid", dependencies: ["GridApp"]),
        .executableTarget(
            name: "civgrid-bench",
            dependencies: ["GridApp", "GridCore", "GridStore", "GridUI", "GridTheme", "TerminalKit", "TerminalNcurses", "GridExchange",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // A writer process for the concurrency and kill -9 tests (GridStoreTests start eight of it, or kill one).
        .executableTarget(name: "civgrid-writer", dependencies: ["GridCore", "GridStore", "GridStorePostgres"]),
        // Fuzzing (Scripts/fuzz.sh): one-input functions in a library, one small executable per target.
        .target(name: "FuzzTargets", dependencies: ["GridCore", "GridExchange", "GridTheme", "GridUI", "TerminalKit"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzPalette", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzCommand", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzDates", dependencies: ["FuzzTargets"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "GridExchange", "GridCore", "GridTheme", "GridUI"]),
        .testTarget(name: "GridCoreTests", dependencies: ["GridCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "GridStoreTests", dependencies: ["GridStore", "GridCore", "GridStorePostgres", "GridStoreCopy", "civgrid-writer"]),
        .testTarget(name: "CLITests", dependencies: ["civgrid", "GridCore", "TerminalKit"], exclude: ["__Snapshots__"]),
        .testTarget(name: "GridUITests", dependencies: ["GridUI", "GridCore", "TerminalKit", "GridPalette"], exclude: ["__Snapshots__"]),
        .testTarget(name: "GridExchangeTests", dependencies: ["GridExchange", "GridCore", "GridStore", "civgrid",
                                                             .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GridThemeTests", dependencies: ["GridTheme", "GridPalette", "TerminalKit", "GridCore"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "TerminalKit"]),
        .testTarget(name: "ConsoleTests", dependencies: ["GridApp", "GridUI", "GridStore", "GridCore", "TerminalKit", "GridTheme",
                                                        .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["civgrid"]),
    ]
)
