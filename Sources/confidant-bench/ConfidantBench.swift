import ArgumentParser
import BenchSupport
import CaseCore
import CaseStore
import Foundation

/// `make bench`: synthetic databases of N sealed cases, the counselor's hot paths timed on each (see BENCHMARKS.md).
@main
struct ConfidantBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confidant-bench",
        abstract: "Time Confidant's hot paths on synthetic databases of sealed cases.",
        discussion: """
            Each database is built once (seeded, so every run sees the same cases) and cached. Every figure is the \
            median of --runs runs after a warm-up, with the fastest and slowest; a whole `confidant` process also \
            shows the part of it that is the key derivation (scrypt, timed on its own just before each run). Results \
            are printed as a table and written as JSON. With --engine postgresql the same figures are measured on a \
            PostgreSQL server (--postgres-url, or $CONFIDANT_BENCH_POSTGRES_URL; its role must be allowed to create \
            databases): each database is built once as a file and copied there by `confidant migrate`'s own path, \
            into a database named after its size, which later runs reuse.
            """)

    /// The figures, in groups that can be run alone.
    enum Group: String, CaseIterable, ExpressibleByArgument {
        /// The desk: open and first paint, alerts, ranking, keystrokes, a case's detail.
        case desk
        /// Whole `confidant` processes: list, due, report, audit verify.
        case cli
        /// 1,000 case summaries exported.
        case export
        /// Several desks writing at once to the same cases (on a scratch copy), then everything checked.
        case writers
    }

    enum Engine: String, CaseIterable, ExpressibleByArgument {
        case sqlite, postgresql
    }

    @Option(help: "Database sizes, comma-separated (default: 1000,10000,100000).", transform: ConfidantBench.sizes)
    var sizes: [Int] = [1_000, 10_000, 100_000]

    @Option(help: "Runs per figure, after a warm-up.")
    var runs = 7

    @Option(help: "The JSON file the results are written to.")
    var out = "bench-results.json"

    @Option(help: "The folder the databases are cached in.")
    var cache = ".build/bench-data"

    @Option(help: "Groups of figures to run, comma-separated: desk, cli, export, writers (default: all).", transform: ConfidantBench.groups)
    var only: [Group] = Group.allCases

    @Option(help: "The store engine: sqlite (a file, the default) or postgresql (a server).")
    var engine: Engine = .sqlite

    @Option(help: ArgumentHelp("The server for --engine postgresql (default: $CONFIDANT_BENCH_POSTGRES_URL).", valueName: "url"))
    var postgresURL: String?

    @Option(help: "How many desks write at once in the writers group.")
    var writers = 8

    @Option(help: "How long the desks of the writers group write, in seconds.")
    var duration: Double = 60

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be 1 or more.") }
        guard writers >= 1 else { throw ValidationError("--writers must be 1 or more.") }
        guard duration > 0 else { throw ValidationError("--duration must be more than 0 seconds.") }
        if engine == .postgresql { _ = try server() }
    }

    /// The server of --engine postgresql, from --postgres-url or the environment.
    func server() throws -> PostgresServer {
        let environment = ProcessInfo.processInfo.environment["CONFIDANT_BENCH_POSTGRES_URL"]
        guard let url = postgresURL ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ValidationError("--engine postgresql needs a server: --postgres-url URL, or $CONFIDANT_BENCH_POSTGRES_URL.")
        }
        do {
            return try PostgresServer(url: url)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }

    static func sizes(_ text: String) throws -> [Int] {
        let sizes = text.split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--sizes takes case counts separated by commas, like 1000,10000.")
        }
        return sizes.compactMap { $0 }
    }

    static func groups(_ text: String) throws -> [Group] {
        try text.split(separator: ",").map { name in
            guard let group = Group(rawValue: String(name)) else {
                throw ValidationError("--only takes desk, cli, export and writers, separated by commas; '\(name)' is not one of them.")
            }
            return group
        }
    }

    func run() throws {
        // The audit head this machine keeps for each database (outside the file) belongs to the user's real databases:
        // the benchmark's copies, rebuilt and reopened at will, keep theirs in a folder of their own for this run.
        let stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-state-\(getpid())")
        setenv("XDG_STATE_HOME", stateDirectory.path, 1)
        defer { try? FileManager.default.removeItem(at: stateDirectory) }
        let config = try ConfidantConfiguration.discover()
        let now = Date()
        var results: [SizeResult] = []
        for size in sizes {
            let (location, built) = try database(size, config: config, now: now)
            let figures = Figures(location: location, config: config, now: now, runs: runs)
            // The key derivation alone (scrypt at the default cost, 128 MiB), first, before any case is in memory.
            let scrypt = try figures.scrypt()
            var timings = [scrypt]
            if only.contains(.desk) { timings += try figures.desk() }
            if only.contains(.cli) { timings += try figures.commandLine() }
            if only.contains(.export) { timings.append(try figures.export()) }
            var result = SizeResult(cases: size, timings: timings, peakRSSMegabytes: peakRSSMegabytes(), databaseBuiltSeconds: built)
            if only.contains(.writers) { result.writers = try figures.writers(count: writers, duration: duration) }
            result.print()
            results.append(result)
        }
        let run = EngineRun(machine: Report.machine, date: DateText.timestamp(now), runsPerFigure: runs, results: results)
        try Report.save(run, engine: engine, server: engine == .postgresql ? try server() : nil, to: out)
        print("Results written to \(out)")
    }

    /// The database of `size` cases for the engine, built (and cached) if need be, and how long building took when it did.
    func database(_ size: Int, config: ConfidantConfiguration, now: Date) throws -> (StoreLocation, built: Double?) {
        func file() throws -> String {
            let start = Date()
            let path = try BenchDatabase.cached(count: size, in: cache, config: config, now: now)
            print("\(size) cases: file ready in \(String(format: "%.1f", Date().timeIntervalSince(start))) s (\(path))")
            return path
        }
        guard engine == .postgresql else { return (.file(try file()), nil) }
        let server = try server()
        if try !server.hasDatabase(BenchDatabase.serverName(count: size)) { _ = try file() }
        let start = Date()
        let (copy, built) = try BenchDatabase.cached(count: size, on: server, fileCache: cache, config: config, now: now)
        let seconds = Date().timeIntervalSince(start)
        print("\(size) cases: \(built ? "copied to" : "already on") the server in \(String(format: "%.1f", seconds)) s (\(copy))")
        return (.server(copy), built ? seconds : nil)
    }
}
