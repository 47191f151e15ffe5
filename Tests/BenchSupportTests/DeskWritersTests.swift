import BenchSupport
import CaseCore
import CaseStore
import Foundation
import TestKit
import Testing

/// The benchmark's eight desks writing at once (issue 15), in a few seconds on a small database: every write that
/// reported success is found in a journal afterwards, with one audit entry each, and the chain verifies. On SQLite,
/// and on PostgreSQL when `make test` started a test server (CONFIDANT_TEST_POSTGRES_URL). No time is asserted.
@Suite("Eight desks writing at once")
struct DeskWritersTests {
    static let config = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)
    static let server = ProcessInfo.processInfo.environment["CONFIDANT_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : try? PostgresServer(url: $0) }

    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-\(UUID().uuidString)").path

    @Test("On SQLite: eight stores on one file lose nothing, and the audit chain verifies")
    func sqlite() throws {
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let file = try BenchDatabase.cached(count: 60, in: cache, config: Self.config, now: TestFixtures.now)
        let scratch = try BenchDatabase.scratchCopy(of: .file(file))
        try Self.expectNothingLost(try DeskWriters(location: scratch, config: Self.config, duration: 2, cases: 6).run())
        try BenchDatabase.discard(scratch)
        #expect(!FileManager.default.fileExists(atPath: scratch.description))
    }

    @Test("On PostgreSQL: eight connections lose nothing, and the audit chain verifies",
          .enabled(if: Self.server != nil, "CONFIDANT_TEST_POSTGRES_URL names no server (make test starts one with scripts/postgres-test-server)"))
    func postgresql() throws {
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let server = try #require(Self.server)
        // Built afresh, with a database id of its own: the scratch copy shares its id, and this machine keeps the audit
        // head the copy's writes left (a cached database reused by a later run would look like an older copy).
        try server.dropDatabase(BenchDatabase.serverName(count: 60))
        let (cached, built) = try BenchDatabase.cached(count: 60, on: server, fileCache: cache, config: Self.config, now: TestFixtures.now)
        #expect(built)
        #expect(cached.database == BenchDatabase.serverName(count: 60))
        #expect(try server.hasDatabase(cached.database))
        let scratch = try BenchDatabase.scratchCopy(of: .server(cached))
        try Self.expectNothingLost(try DeskWriters(location: scratch, config: Self.config, duration: 2, cases: 6).run())
        try BenchDatabase.discard(scratch)
        guard case let .server(copy) = scratch else { Issue.record("the scratch copy is not on the server"); return }
        #expect(try !server.hasDatabase(copy.database))
        // The copy is built once: a second call reuses it.
        #expect(try BenchDatabase.cached(count: 60, on: server, fileCache: cache, config: Self.config, now: TestFixtures.now).built == false)
    }

    static func expectNothingLost(_ report: DeskWritersReport) throws {
        #expect(report.writers == 8)
        #expect(report.failures == [])
        #expect(report.writesPerWriter.allSatisfy { $0 > 0 }, "every desk wrote: \(report.writesPerWriter)")
        #expect(report.foundPerWriter == report.writesPerWriter)
        #expect(report.lost == 0)
        #expect(report.unreported == 0)
        #expect(report.auditEntriesAdded == report.writes)
        #expect(report.auditIntact)
        #expect(report.lostNothing)
    }
}
