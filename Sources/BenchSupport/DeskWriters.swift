import CaseCore
import CaseStore
import Foundation

/// Several desks writing at once (issue 15: "eight desks writing at once for a minute lose nothing and the audit chain
/// verifies"). Each desk is a store of its own (its own connection, or its own SQLite pool) on its own thread, logged
/// in as the counselor; all of them write to the same few open cases, so they meet on the same rows: four journal
/// notes, then an edit of the support needs, over and over. Every write carries a marker naming its desk and number.
/// Afterwards every write that reported success must be found in a case's journal, the audit log must hold exactly
/// one entry per successful write, and the chain must verify.
public struct DeskWriters: Sendable {
    public var location: StoreLocation
    public var config: ConfidantConfiguration
    public var writers = 8
    public var duration: TimeInterval = 60
    /// How many open cases (from the top of the queue) the desks share.
    public var cases = 32

    public init(location: StoreLocation, config: ConfidantConfiguration, writers: Int = 8, duration: TimeInterval = 60, cases: Int = 32) {
        self.location = location
        self.config = config
        self.writers = writers
        self.duration = duration
        self.cases = cases
    }

    /// One write that reported success.
    struct Write: Hashable { var writer: Int; var number: Int }

    public func run() throws -> DeskWritersReport {
        let evaluator = config.evaluator()
        func open() throws -> CaseDesk {
            try CaseDesk.open(location, passphrase: BenchDatabase.passphrase, evaluator: evaluator, clock: { Date() })
        }
        let checker = try open()
        let pool = try checker.queue().filter { $0.status.isOpen }.prefix(cases).map(\.id)
        guard !pool.isEmpty else { throw StoreError.server("the database holds no open case to write to") }
        let auditBefore = try writeEntries(checker, pool)
        let run = UUID().uuidString.prefix(8)
        let desks = try (0..<writers).map { _ in try open() }  // each login derives its key: before the clock starts
        let results = Results(writers: writers)
        let start = Date()
        let deadline = start.addingTimeInterval(duration)
        let group = DispatchGroup()
        for (writer, desk) in desks.enumerated() {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                var number = 0
                while Date() < deadline {
                    number += 1
                    let id = pool[(writer * 5 + number) % pool.count]
                    let marker = "Bench run \(run), desk \(writer + 1), write \(number):"
                    let began = DispatchTime.now().uptimeNanoseconds
                    do {
                        if number % 5 == 0 {
                            try desk.edit(id, CaseEdit(supportNeeds: "\(marker) prefers a call after 18:00."))
                        } else {
                            try desk.record(id, .note, text: "\(marker) called the reporter back.")
                        }
                        results.succeeded(Write(writer: writer, number: number), id: id,
                                          ms: Double(DispatchTime.now().uptimeNanoseconds - began) / 1_000_000)
                    } catch {
                        results.failed("\(error)")
                    }
                }
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
        let seconds = Date().timeIntervalSince(start)
        let (written, latencies, failures) = results.snapshot()

        // Only now read the cases back: opening a case is itself audited.
        let auditAfter = try writeEntries(checker, pool)
        var found: Set<Write> = []
        let pattern = try NSRegularExpression(pattern: "Bench run \(run), desk (\\d+), write (\\d+):")
        for id in pool {
            for entry in try checker.open(id).item.journal {
                let text = entry.text as NSString
                for match in pattern.matches(in: entry.text, range: NSRange(location: 0, length: text.length)) {
                    found.insert(Write(writer: Int(text.substring(with: match.range(at: 1)))! - 1,
                                       number: Int(text.substring(with: match.range(at: 2)))!))
                }
            }
        }
        let verification = try checker.verifyAudit()
        let succeeded = Set(written.keys)
        let sorted = latencies.sorted()
        return DeskWritersReport(
            engine: location.engineName, writers: writers, cases: pool.count, seconds: seconds, writes: written.count,
            failed: failures.count, failures: Array(Set(failures)).sorted().prefix(5).map { $0 },
            writesPerWriter: (0..<writers).map { writer in written.keys.filter { $0.writer == writer }.count },
            foundPerWriter: (0..<writers).map { writer in found.filter { $0.writer == writer }.count },
            lost: succeeded.subtracting(found).count, unreported: found.subtracting(succeeded).count,
            auditEntriesAdded: auditAfter - auditBefore,
            auditIntact: { if case .intact = verification { true } else { false } }(),
            writesPerSecond: Double(written.count) / seconds,
            p50Ms: Self.percentile(sorted, 0.50), p95Ms: Self.percentile(sorted, 0.95), maxMs: sorted.last ?? 0)
    }

    /// The audit entries of the desks' kinds of write on the shared cases.
    private func writeEntries(_ desk: CaseDesk, _ pool: [CaseID]) throws -> Int {
        try pool.reduce(0) { count, id in
            count + (try desk.auditEntries(for: id).filter { ["journal", "edit"].contains($0.action) }.count)
        }
    }

    /// The nearest-rank percentile of sorted samples.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// What the desks' threads report, under a lock.
    private final class Results: @unchecked Sendable {
        // @unchecked: every property is used under `lock`.
        private let lock = NSLock()
        private var written: [Write: CaseID] = [:]
        private var latencies: [Double] = []
        private var failures: [String] = []

        init(writers: Int) { latencies.reserveCapacity(writers * 4_096) }

        func succeeded(_ write: Write, id: CaseID, ms: Double) {
            lock.withLock { written[write] = id; latencies.append(ms) }
        }

        func failed(_ error: String) { lock.withLock { failures.append(error) } }

        func snapshot() -> ([Write: CaseID], [Double], [String]) { lock.withLock { (written, latencies, failures) } }
    }
}

/// What the desks wrote, and what was found afterwards.
public struct DeskWritersReport: Codable, Sendable, Equatable {
    public var engine: String
    public var writers: Int
    /// The open cases they shared.
    public var cases: Int
    public var seconds: Double
    /// Writes that reported success, and writes that reported a failure (with the first few distinct errors).
    public var writes: Int
    public var failed: Int
    public var failures: [String]
    public var writesPerWriter: [Int]
    /// Of each desk's writes, how many were found in the journals afterwards.
    public var foundPerWriter: [Int]
    /// Writes that reported success but are not in any journal (must be 0).
    public var lost: Int
    /// Writes found in a journal although they reported a failure.
    public var unreported: Int
    /// Audit entries of the desks' kinds of write added to the shared cases (must equal `writes`).
    public var auditEntriesAdded: Int
    public var auditIntact: Bool
    public var writesPerSecond: Double
    public var p50Ms: Double
    public var p95Ms: Double
    public var maxMs: Double

    /// Nothing lost, one audit entry per write, the chain intact.
    public var lostNothing: Bool {
        lost == 0 && unreported == 0 && auditEntriesAdded == writes && auditIntact && writesPerWriter == foundPerWriter
    }
}

extension StoreLocation {
    /// The engine's name, for reports.
    public var engineName: String {
        switch self {
        case .file: "sqlite"
        case .server: "postgresql"
        }
    }
}
