import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import Testing

@Suite("Hash-chained audit log")
struct AuditLogTests {
    func storeWithHistory() throws -> SQLiteCaseStore {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let item = try desk.add(StoreFixtures.intake())
        try desk.move(item.id, to: .acknowledged, note: nil)
        try desk.record(item.id, .note, text: "Secret note text")
        _ = try desk.open(item.id)
        return store
    }

    @Test("Every change and every read of sealed fields is logged, and the chain verifies")
    func logged() throws {
        let store = try storeWithHistory()
        let actions = try store.auditEntries(caseId: nil).map(\.action)
        #expect(actions == ["init", "create", "status", "journal", "open"])
        #expect(try store.verifyAudit() == .intact(entries: 5))
        // No sealed text in the log.
        #expect(try store.auditEntries(caseId: nil).allSatisfy { !$0.detail.contains("Secret") })
    }

    /// Tampering bypasses the triggers the way an attacker with sqlite3 would: by dropping them.
    func tamper(_ store: SQLiteCaseStore, _ sql: String) throws {
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql)
        }
    }

    @Test("Editing a row is detected and the entry named")
    func edited() throws {
        let store = try storeWithHistory()
        try tamper(store, "UPDATE audit SET actor = 'someone-else' WHERE id = 3")
        guard case let .broken(id, problem) = try store.verifyAudit() else { Issue.record("not detected"); return }
        #expect(id == 3)
        #expect(problem == .key("audit.problem.changed"))
    }

    @Test("Deleting a middle row is detected")
    func deleted() throws {
        let store = try storeWithHistory()
        try tamper(store, "DELETE FROM audit WHERE id = 2")
        guard case let .broken(id, _) = try store.verifyAudit() else { Issue.record("not detected"); return }
        #expect(id == 3)
    }

    @Test("Deleting the newest row is detected through the authenticated head")
    func truncated() throws {
        let store = try storeWithHistory()
        try tamper(store, "DELETE FROM audit WHERE id = 5")
        guard case let .broken(id, _) = try store.verifyAudit() else { Issue.record("not detected"); return }
        #expect(id == 5)
    }

    @Test("Reordering rows is detected")
    func reordered() throws {
        let store = try storeWithHistory()
        try tamper(store, """
            UPDATE audit SET id = 100 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 100;
            """)
        guard case let .broken(id, _) = try store.verifyAudit() else { Issue.record("not detected"); return }
        #expect(id == 2)
    }
}
