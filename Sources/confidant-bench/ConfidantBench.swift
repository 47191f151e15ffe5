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
            are printed as a table and written as JSON.
            """)

    /// The figures, in groups that can be run alone.
    enum Group: String, CaseIterable, ExpressibleByArgument {
        /// The desk: open and first paint, alerts, ranking, keystrokes, a case's detail.
        case desk
        /// Whole `confidant` processes: list, due, report, audit verify.
        case cli
        /// 1,000 case summaries exported.
        case export
    }

    @Option(help: "Database sizes, comma-separated (default: 1000,10000,100000).", transform: ConfidantBench.sizes)
    var sizes: [Int] = [1_000, 10_000, 100_000]

    @Option(help: "Runs per figure, after a warm-up.")
    var runs = 7

    @Option(help: "The JSON file the results are written to.")
    var out = "bench-results.json"

    @Option(help: "The folder the databases are cached in.")
    var cache = ".build/bench-data"

    @Option(help: "Groups of figures to run, comma-separated: desk, cli, export (default: all).", transform: ConfidantBench.groups)
    var only: [Group] = Group.allCases

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be 1 or more.") }
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
                throw ValidationError("--only takes desk, cli and export, separated by commas; '\(name)' is not one of them.")
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
            let buildStart = Date()
            let path = try BenchDatabase.cached(count: size, in: cache, config: config, now: now)
            print("\(size) cases: database ready in \(String(format: "%.1f", Date().timeIntervalSince(buildStart))) s (\(path))")
            let figures = Figures(path: path, config: config, now: now, runs: runs)
            // The key derivation alone (scrypt at the default cost, 128 MiB), first, before any case is in memory.
            let scrypt = try figures.scrypt()
            var timings = [scrypt]
            if only.contains(.desk) { timings += try figures.desk() }
            if only.contains(.cli) { timings += try figures.commandLine() }
            if only.contains(.export) { timings.append(try figures.export()) }
            let result = SizeResult(cases: size, timings: timings, peakRSSMegabytes: peakRSSMegabytes())
            result.print()
            results.append(result)
        }
        let report = Report(machine: Report.machine, date: DateText.timestamp(now), runsPerFigure: runs, results: results)
        try report.write(to: out)
        print("Results written to \(out)")
    }
}
