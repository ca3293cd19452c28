// swift-tools-version:6.1
import PackageDescription

// Layers (see README "Architecture"): the compiler enforces who may import whom.
//   GridCore (pure domain) <- GridStore (GRDB)
//   TerminalKit (cells, width, buffer, diff, backend protocol; imports nothing) <- TerminalNcurses (only user of CNcursesw)
//   GridTheme (TOML themes) ; GridUI (state, actions, pure reduce and render; no GRDB, no ncurses)
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
    ],
    targets: [
        .target(name: "GridCore"),
        .target(name: "TerminalKit"),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalNcurses", dependencies: ["TerminalKit", "CNcursesw"]),
        .target(name: "GridTheme", dependencies: ["GridCore", "TerminalKit", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "GridUI", dependencies: ["GridCore", "TerminalKit", "GridTheme"]),
        .target(name: "GridExchange", dependencies: ["GridCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "GridStore",
            dependencies: ["GridCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GridApp",
            dependencies: [
                "GridCore", "GridStore", "TerminalKit", "TerminalNcurses", "GridTheme", "GridUI", "GridExchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "civgrid", dependencies: ["GridApp"]),
        .executableTarget(
            name: "civgrid-bench",
            dependencies: ["GridApp", "GridCore", "GridStore", "GridUI", "GridTheme", "TerminalKit", "TerminalNcurses",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GridCoreTests", dependencies: ["GridCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "GridStoreTests", dependencies: ["GridStore", "GridCore"]),
        .testTarget(name: "CLITests", dependencies: ["civgrid", "GridCore", "TerminalKit"], exclude: ["__Snapshots__"]),
        .testTarget(name: "GridUITests", dependencies: ["GridUI", "GridCore", "TerminalKit", "GridTheme"]),
        .testTarget(name: "GridExchangeTests", dependencies: ["GridExchange", "GridCore", "GridStore",
                                                             .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "GridThemeTests", dependencies: ["GridTheme", "TerminalKit", "GridCore"]),
        .testTarget(name: "TerminalNcursesTests", dependencies: ["TerminalNcurses", "TerminalKit"]),
        .testTarget(name: "ConsoleTests", dependencies: ["GridApp", "GridUI", "GridStore", "GridCore", "TerminalKit", "GridTheme"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "EndToEndTests", dependencies: ["civgrid"]),
    ]
)
