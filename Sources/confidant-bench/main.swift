import BenchSupport
import CaseCore
import CaseDeskTUI
import CaseStore
import Foundation

// The benchmark suite: synthetic databases of N sealed cases, the counselor's hot paths timed on each.
// Usage: confidant-bench [--sizes 1000,10000,100000] [--runs 7] [--out bench-results.json] [--cache DIR]

struct Options {
    var sizes = [1_000, 10_000, 100_000]
    var runs = 7
    var out = "bench-results.json"
    var cache = ".build/bench-data"

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--out": out = value
            case "--cache": cache = value
            default: FileHandle.standardError.write(Data("confidant-bench: unknown option \(flag)\n".utf8)); exit(2)
            }
        }
    }
}

struct SizeResult: Codable {
    var cases: Int
    var timings: [Timing]
    var peakRSSMegabytes: Double
}

struct Report: Codable {
    var machine: String
    var date: String
    var runsPerFigure: Int
    var results: [SizeResult]
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Runs the release `confidant` binary beside this one and returns the wall time in milliseconds.
/// posix_spawn and waitpid directly: Foundation's Process polls for the child's exit and rounds times up.
func runBinary(_ arguments: [String], database: String) throws -> Double {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("confidant").path
    let argv = [binary] + arguments + ["--db", database]
    var environment = ProcessInfo.processInfo.environment
    environment["CONFIDANT_PASSPHRASE"] = BenchDatabase.passphrase
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (cArgs + cEnv).forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, binary, &actions, nil, &cArgs, &cEnv) == 0 else {
        throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot start \(binary)"])
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    guard status == 0 else {
        throw NSError(domain: "bench", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "confidant \(arguments.joined(separator: " ")) failed"])
    }
    return elapsed
}

let options = Options(CommandLine.arguments)
// The audit head this machine keeps for each database (outside the file) belongs to the user's real databases: the
// benchmark's copies, rebuilt and reopened at will, keep theirs in a folder of their own for this run.
let stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-state-\(getpid())")
setenv("XDG_STATE_HOME", stateDirectory.path, 1)
defer { try? FileManager.default.removeItem(at: stateDirectory) }
let config = try ConfidantConfiguration.discover()
let now = Date()
var results: [SizeResult] = []

for size in options.sizes {
    let buildStart = Date()
    let path = try BenchDatabase.cached(count: size, in: options.cache, config: config, now: now)
    print("\(size) cases: database ready in \(String(format: "%.1f", Date().timeIntervalSince(buildStart))) s (\(path))")
    var timings: [Timing] = []
    let runs = options.runs
    func open() throws -> SQLiteCaseStore {
        try SQLiteCaseStore.open(at: path, passphrase: BenchDatabase.passphrase, evaluator: config.evaluator(), now: now)
    }

    // The key derivation alone (scrypt at the default cost, 128 MiB), measured first, before any case is in memory.
    timings.append(try Timing.measure("scrypt key derivation (N=2^17, r=8, p=1)", runs: runs) {
        _ = try KDFParameters.fresh().deriveKey(from: BenchDatabase.passphrase)
    })

    // Open the database (key derivation included), load the queue and paint the first screen: everything between
    // the passphrase and a usable desk. The deadline alert panel follows the first paint (see Launcher).
    timings.append(try Timing.measure("open + first screen (80×24)", runs: runs) {
        let desk = CaseDesk(store: try open())
        let app = DeskApp(launch: LaunchSettings(desk: desk, banner: nil) { _ in true }, calendar: .utc, idleLimit: nil, now: now)
        _ = app.render(width: 80, height: 24)
    })
    // The first screen without the key derivation: with "scrypt key derivation", the two parts of "open + first screen".
    do {
        let unlocked = try open()
        timings.append(Timing.measure("first screen once unlocked (80×24)", runs: runs) {
            let app = DeskApp(launch: LaunchSettings(desk: CaseDesk(store: unlocked), banner: nil) { _ in true }, calendar: .utc,
                              idleLimit: nil, now: now)
            _ = app.render(width: 80, height: 24)
        })
        try unlocked.close()
    }

    var alertSamples: [Double] = []
    for _ in 0..<runs {
        let app = DeskApp(launch: LaunchSettings(desk: CaseDesk(store: try open()), banner: nil) { _ in true },
                          calendar: .utc, idleLimit: nil, now: now)
        _ = app.render(width: 80, height: 24)
        let start = DispatchTime.now().uptimeNanoseconds
        app.start()
        _ = app.render(width: 80, height: 24)
        alertSamples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    timings.append(Timing.summary("deadline alert panel after the first paint", alertSamples))

    let store = try open()
    let desk = CaseDesk(store: store)
    timings.append(try Timing.measure("rank the whole queue", runs: runs) { _ = try store.summaries() })

    let app = DeskApp(launch: LaunchSettings(desk: desk, banner: nil) { _ in true }, calendar: .utc, idleLimit: nil, now: now)
    _ = app.render(width: 80, height: 24)
    app.handle(.escape, at: now)  // dismiss the deadline alerts shown on start
    var moves: [Double] = []
    for index in 0..<(runs * 5) {
        let start = DispatchTime.now().uptimeNanoseconds
        app.handle(index % 10 < 5 ? .down : .up, at: now)
        _ = app.render(width: 80, height: 24)
        moves.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    timings.append(Timing.summary("keystroke: move in the queue", moves))

    var searches: [Double] = []
    for _ in 0..<runs {
        app.handle(.char("/"), at: now)
        for character in "synthetic 4" {
            let start = DispatchTime.now().uptimeNanoseconds
            app.handle(.char(character), at: now)
            _ = app.render(width: 80, height: 24)
            searches.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        app.handle(.escape, at: now)
    }
    timings.append(Timing.summary("keystroke: incremental search", searches))

    let firstID = try store.summaries().first!.id
    timings.append(try Timing.measure("open a case detail", runs: runs) {
        let view = try desk.open(firstID)
        _ = view.evaluation.score.explanation
    })
    timings.append(Timing.measure("detail screen: Enter and draw", runs: runs) {
        app.handle(.enter, at: now)
        _ = app.render(width: 80, height: 24)
        app.handle(.escape, at: now)
    })

    timings.append(Timing.summary("confidant list --json (process)", try (0..<runs).map { _ in try runBinary(["list", "--json"], database: path) }))
    timings.append(Timing.summary("confidant due (process)", try (0..<runs).map { _ in try runBinary(["due"], database: path) }))
    timings.append(Timing.summary("confidant report (process)", try (0..<runs).map { _ in try runBinary(["report"], database: path) }))

    let ids = Array(try store.summaries().prefix(1_000).map(\.id))
    timings.append(try Timing.measure("export \(ids.count) case summaries (Markdown)", runs: max(1, runs / 3), warmUp: false) {
        for id in ids {
            let doc = try desk.exportDocument(id, for: .counselor)
            _ = CaseExportFormat.markdown.render(doc, taxonomy: desk.taxonomy, generatedAt: now)
        }
    })

    let rss = peakRSSMegabytes()
    results.append(SizeResult(cases: size, timings: timings, peakRSSMegabytes: rss))
    print("")
    print("  \("figure".padding(toLength: 42, withPad: " ", startingAt: 0))  median ms     min ms     max ms")
    for t in timings {
        print("  \(t.name.padding(toLength: 42, withPad: " ", startingAt: 0))"
            + String(format: " %10.2f %10.2f %10.2f", t.medianMs, t.minMs, t.maxMs))
    }
    print("  peak RSS of the benchmark process so far: \(String(format: "%.1f", rss)) MB")
    print("")
}

var machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8).split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
    machine += ", " + cpu.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
}
let report = Report(machine: machine, date: DateText.timestamp(now), runsPerFigure: options.runs, results: results)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
try encoder.encode(report).write(to: URL(fileURLWithPath: options.out))
print("Results written to \(options.out)")
