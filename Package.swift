// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Confidant",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "confidant", targets: ["confidant"]),
        .executable(name: "confidant-bench", targets: ["confidant-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure domain: cases, taxonomy, workflow, triage score, deadlines. No I/O, no UI.
        .target(name: "CaseCore"),
        // Encrypted SQLite store (GRDB + AES-GCM), audit log, accounts.
        .target(
            name: "CaseStore",
            dependencies: [
                "CaseCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own C functions, for reading a date in place where a listing reads 100,000 of them.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                // The shared engine for teams (imported only under Sources/CaseStore/PostgreSQL/).
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Synthetic data for benchmarks (and the test that keeps the benchmark from rotting).
        .target(name: "BenchSupport", dependencies: ["CaseCore", "CaseStore"]),
        // `make bench`: the benchmark suite (see BENCHMARKS.md).
        .executableTarget(
            name: "confidant-bench",
            dependencies: [
                "BenchSupport", "CaseCore", "CaseStore", "CaseDeskTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // prctl(2) for the process's hygiene (not dumpable); nothing else.
        .target(name: "CProcessHygiene"),
        // Thin system-library shim over ncursesw.
        .systemLibrary(name: "CNCurses"),
        // The counselor's case desk: screen model, screens, key bindings, ncurses adapter.
        .target(name: "CaseDeskTUI", dependencies: ["CaseCore", "CaseStore", "CNCurses"]),
        // The command line (swift-argument-parser): every subcommand, wiring the desk and the store.
        .target(
            name: "ConfidantCommands",
            dependencies: [
                "CaseCore", "CaseStore", "CaseDeskTUI", "CProcessHygiene",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The shipped executable: the command line with the real clock.
        .executableTarget(name: "confidant", dependencies: ["ConfidantCommands"]),
        // Test-only: the same command line with its clock fixed by $CONFIDANT_NOW (not a product, never installed).
        .executableTarget(name: "confidant-test-clock", dependencies: ["ConfidantCommands", "CaseCore"]),
        // Test-only: the one way tests run a program (its own session, no controlling terminal, pipes served together)
        // and `confidant` in a sandbox; the fixed instant and the sample case every test target shares.
        .target(name: "TestKit", dependencies: ["CaseCore"], path: "Tests/TestKit"),
        .testTarget(name: "CaseCoreTests", dependencies: ["CaseCore", "TestKit"]),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: ["CaseStore", "CaseCore", "TestKit", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "CaseDeskTUITests", dependencies: ["CaseDeskTUI", "CaseCore", "TestKit"], exclude: ["Fixtures"]),
        .testTarget(name: "ConfidantCLITests", dependencies: ["CaseCore", "TestKit"]),
        .testTarget(name: "BenchSupportTests", dependencies: ["BenchSupport", "CaseCore", "CaseStore", "TestKit"]),
        // Crash, disk-full, read-only, concurrency and fuzz tests (see RELIABILITY.md).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["CaseCore", "CaseStore", "BenchSupport", "TestKit", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
