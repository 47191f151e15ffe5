import BenchSupport
import CaseStore
import Foundation

/// The figures of one database size.
struct SizeResult: Codable {
    var cases: Int
    var timings: [Timing]
    var peakRSSMegabytes: Double
    /// How long copying the database onto the server took, when this run did it (PostgreSQL).
    var databaseBuiltSeconds: Double?
    /// The desks writing at once (the writers group).
    var writers: DeskWritersReport?

    func print() {
        Swift.print("")
        Swift.print("  " + pad("figure", 52) + "  median ms     min ms     max ms   of which scrypt")
        for t in timings {
            Swift.print("  " + pad(t.name, 52) + String(format: " %10.2f %10.2f %10.2f", t.medianMs, t.minMs, t.maxMs)
                + (t.scryptMs.map { String(format: " %12.1f", $0) } ?? ""))
        }
        Swift.print("  peak RSS of the benchmark process so far: \(String(format: "%.1f", peakRSSMegabytes)) MB")
        if let w = writers {
            let rate = String(format: "%.1f writes a second", w.writesPerSecond)
            let latency = String(format: "write p50 %.1f ms, p95 %.1f ms, max %.1f ms", w.p50Ms, w.p95Ms, w.maxMs)
            Swift.print("  \(w.writers) desks writing at once for \(Int(w.seconds.rounded())) s on \(w.cases) shared cases: "
                + "\(w.writes) writes (\(rate)), \(latency)")
            let written = w.writesPerWriter.map(String.init).joined(separator: ", ")
            let found = w.foundPerWriter.map(String.init).joined(separator: ", ")
            let refusals = w.failures.isEmpty ? "" : " (\(w.failures.joined(separator: "; ")))"
            Swift.print("    per desk: \(written); found afterwards: \(found); lost \(w.lost); refused \(w.failed)\(refusals)")
            Swift.print("    audit entries added \(w.auditEntriesAdded), chain \(w.auditIntact ? "intact" : "BROKEN"): "
                + (w.lostNothing ? "nothing lost" : "NOT ALL WRITES ACCOUNTED FOR"))
        }
        Swift.print("")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

/// One run of the suite on one engine.
struct EngineRun: Codable {
    var machine: String
    var date: String
    var runsPerFigure: Int
    var results: [SizeResult]
    /// The server (its URL without the password), for PostgreSQL.
    var server: String?
}

/// What `bench-results.json` holds: the SQLite figures at the top, as ever, and beside them those of the team server
/// (`"postgresql"`). A run on one engine keeps the other's figures in the file.
struct Report: Codable {
    var sqlite: EngineRun
    var postgresql: EngineRun?

    private enum Key: String, CodingKey { case postgresql }

    init(sqlite: EngineRun, postgresql: EngineRun?) {
        self.sqlite = sqlite
        self.postgresql = postgresql
    }

    init(from decoder: Decoder) throws {
        sqlite = try EngineRun(from: decoder)
        postgresql = try decoder.container(keyedBy: Key.self).decodeIfPresent(EngineRun.self, forKey: .postgresql)
    }

    func encode(to encoder: Encoder) throws {
        try sqlite.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(postgresql, forKey: .postgresql)
    }

    static var machine: String {
        var text = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8).split(separator: "\n")
            .first(where: { $0.hasPrefix("model name") }) {
            text += ", " + cpu.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    static func save(_ run: EngineRun, engine: ConfidantBench.Engine, server: PostgresServer?, to path: String) throws {
        let earlier = (try? Data(contentsOf: URL(fileURLWithPath: path))).flatMap { try? JSONDecoder().decode(Report.self, from: $0) }
        var report: Report
        switch engine {
        case .sqlite:
            report = Report(sqlite: run, postgresql: earlier?.postgresql)
        case .postgresql:
            var serverRun = run
            serverRun.server = server?.description
            report = Report(sqlite: earlier?.sqlite ?? EngineRun(machine: run.machine, date: run.date, runsPerFigure: run.runsPerFigure, results: []),
                            postgresql: serverRun)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: path))
    }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
