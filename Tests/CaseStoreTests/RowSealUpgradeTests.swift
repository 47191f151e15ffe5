import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// Issue 13: the seals cover the queue's own columns too; a database sealed by the previous version is resealed once.
@Suite("Row seals over every behaviour-driving column")
struct RowSealUpgradeTests {
    @Test("A database sealed over the first columns only is resealed over every column at the next login; a row forged before stays reported")
    func upgrade() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let kept = try desk.add(StoreFixtures.intake(reported: "Person A")).id
        let forged = try desk.add(StoreFixtures.intake(reported: "Person B")).id
        // As the previous version left it: seals over the first columns, and its marker.
        try store.pool.write { db in
            for id in [kept, forged] {
                try db.execute(sql: "UPDATE casefile SET rowSeal = ? WHERE id = ?", arguments: [
                    try store.rowSeal(db, id.description, columns: SQLiteCaseStore.firstRowSealColumns), id.description])
            }
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'rowSeals'", arguments: [store.mac("row seals in force")])
        }
        #expect(try store.tamperedCases() == [])
        // Forged before the upgrade, behind the store's back.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE casefile SET legalHold = 1 WHERE id = ?", arguments: [forged.description])
        }
        #expect(try store.tamperedCases() == [forged])
        try store.close()

        let reopened = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        try reopened.recordLogin()
        #expect(try reopened.read { db in try reopened.sealMarker(db) } == .every)
        #expect(try reopened.tamperedCases() == [forged])
        #expect(try reopened.auditEntries(caseId: nil).last { $0.action == "seal-rows" }?.detail
            == "seals extended to the queue's columns; case rows resealed: 1; left as they were, no longer matching their seal: 1")
        // From now on the queue's columns are covered.
        try reopened.pool.write { db in
            try db.execute(sql: "UPDATE casefile SET queueScore = -100 WHERE id = ?", arguments: [kept.description])
        }
        #expect(try reopened.tamperedCases() == [kept, forged])
    }
}
