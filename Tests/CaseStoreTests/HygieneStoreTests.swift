import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

/// Issue 13: purged data does not linger; what each role may list is checked in the store.
@Suite("Purged data and role checks in the store")
struct HygieneStoreTests {
    @Test("After a purge, neither the file nor its write-ahead log holds the purged case's sealed bytes; traces keep months only")
    func purgeLeavesNothing() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let id = try desk.add(StoreFixtures.intake(narrative: "PURGE-MARKER " + String(repeating: "long text ", count: 40))).id
        try desk.move(id, to: .withdrawn, note: "Reporter left the organisation")
        let sealed = try #require(try store.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT sealedNarrative FROM casefile WHERE id = ?", arguments: [id.description])
        })
        let probe = sealed.subdata(in: 40..<72)
        let later = TestFixtures.now.addingTimeInterval(1096 * 86_400)
        #expect(try store.purge([id], now: later) == 1)
        for suffix in ["", "-wal"] {
            let bytes = FileManager.default.contents(atPath: path + suffix) ?? Data()
            #expect(bytes.range(of: probe) == nil, "sealed bytes of the purged case left in \(suffix.isEmpty ? "the file" : suffix)")
        }
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA freelist_count") } == 0)
        let trace = try #require(try store.purgedTraces().first)
        #expect(DateText.timestamp(trace.receivedAt) == "2026-11-01T00:00:00Z")
        #expect(trace.closedAt.map(DateText.timestamp) == "2026-11-01T00:00:00Z")
    }

    @Test("A supervisor lists no audit entries, accounts, purge candidates or purged traces")
    func supervisorListsNothing() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        try store.addAccount("sam", role: .supervisor, passphrase: "supervisor secret", aliases: [], now: TestFixtures.now)
        let supervisor = try SQLiteCaseStore.open(at: path, passphrase: "supervisor secret", evaluator: StoreFixtures.evaluator)
        #expect(throws: StoreError.notPermitted(.key("permission.supervisor-no-audit"))) { try supervisor.auditEntries(caseId: nil) }
        #expect(throws: StoreError.notPermitted(.key("permission.supervisor-no-accounts"))) { try supervisor.accounts() }
        #expect(throws: StoreError.notPermitted(.key("permission.purge-list"))) {
            try supervisor.purgeCandidates(now: TestFixtures.now)
        }
        #expect(throws: StoreError.notPermitted(.key("permission.purge-traces"))) { try supervisor.purgedTraces() }
    }

    @Test("Statistics leave out cases the session is recused from")
    func statisticsRespectRecusal() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let kept = try desk.add(StoreFixtures.intake()).id
        let recused = try desk.add(StoreFixtures.intake(reported: "Someone Else")).id
        try desk.declareConflict(recused, reason: "My brother-in-law is the reported person")
        let records = try store.statisticsRecords()
        #expect(records.count == 1)
        #expect(records.first?.receivedAt == (try store.summaries().first { $0.id == kept })?.receivedAt)
    }
}
