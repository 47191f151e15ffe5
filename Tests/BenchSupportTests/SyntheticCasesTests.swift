import BenchSupport
import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// Keeps the benchmark from rotting: the generator makes what it is asked for, and the database is valid.
@Suite("Benchmark data generator")
struct SyntheticCasesTests {
    static let config = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)
    let now = TestFixtures.now

    @Test("The generator is deterministic and every intake is a valid case")
    func deterministic() throws {
        let a = SyntheticCases.intakes(count: 200, now: now, taxonomy: Self.config.taxonomy)
        let b = SyntheticCases.intakes(count: 200, now: now, taxonomy: Self.config.taxonomy)
        #expect(a == b)
        #expect(a.count == 200)
        for (index, intake) in a.enumerated() {
            _ = try intake.makeCase(id: CaseID(year: 2026, number: index + 1), now: now, pseudonym: "P", taxonomy: Self.config.taxonomy)
        }
        #expect(Set(a.flatMap(\.categories)).count >= 8)
        #expect(a.contains { $0.reporter.anonymous == true })
    }

    @Test("A benchmark database holds exactly N sealed cases, ranked, with an intact audit chain")
    func database() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-\(UUID().uuidString)").path
        let path = try BenchDatabase.cached(count: 300, in: dir, config: Self.config, now: now)
        let store = try SQLiteCaseStore.open(at: path, passphrase: BenchDatabase.passphrase, evaluator: Self.config.evaluator())
        let queue = try store.summaries()
        #expect(queue.count == 300)
        #expect(Set(queue.compactMap(\.band)).count == 4)
        #expect(queue.contains { $0.status.isTerminal })
        #expect(try store.loadCase(queue[0].id).narrative.isEmpty == false)
        guard case .intact = try store.verifyAudit() else { Issue.record("audit chain broken"); return }
        // The cached file is reused, not rebuilt.
        #expect(try BenchDatabase.cached(count: 300, in: dir, config: Self.config, now: now) == path)
    }
}
