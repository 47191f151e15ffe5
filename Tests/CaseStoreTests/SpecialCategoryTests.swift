import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

/// Issue 13: special-category data is sealed; what stays plain is what ranking needs.
@Suite("Special-category data is sealed")
struct SpecialCategoryTests {
    @Test("A strings scan of the file finds no grounds, conduct tags, incident dates or outcome; recusals name no account; ratings and the child flag are not in plain columns")
    func stringsFindNothing() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        try store.addAccount("zbigniew.wrona", role: .counselor, passphrase: "zbigniew's own passphrase",
                             aliases: ["Zbigniew Wrona"], now: TestFixtures.now)
        var intake = StoreFixtures.intake(reported: "Zbigniew Wrona", categories: ["discrimination", "harassment"])
        intake.grounds = ["sexual-orientation", "gender-identity"]
        intake.conductTags = ["image-based-abuse", "publishing-private-information"]
        intake.childInvolved = true
        intake.incidentFirst = "2026-09-13"
        intake.incidentLast = "2026-10-17"
        let id = try desk.add(intake).id
        try desk.move(id, to: .acknowledged, note: nil)
        try desk.move(id, to: .assessing, note: nil)
        try desk.assess(id, StoreFixtures.ratings(3, 2, 3, 4, 3))
        try desk.move(id, to: .supportAdvice, note: nil)
        try desk.move(id, to: .closed, note: nil, outcome: .referredToLawEnforcement)
        try store.checkpoint()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.append(FileManager.default.contents(atPath: path + "-wal") ?? Data())
        for marker in ["sexual-orientation", "gender-identity", "image-based-abuse", "publishing-private-information",
                       "2026-09-13", "2026-10-17", "referred-to-law-enforcement"] {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) is readable in the file")
        }
        // The account's name is on its key slot (it is asked at login), but nothing says it is recused from this case.
        let recusals = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT account FROM recusal") }
        #expect(recusals.count == 1)
        #expect(recusals.allSatisfy { $0 != "zbigniew.wrona" && $0.count == 64 })
        let recusalAudit = try store.auditEntries(caseId: id).filter { $0.action == "recusal-automatic" }
        #expect(recusalAudit.map(\.detail) == ["an account matching a reported person recused; case flagged for reassignment"])
        let plain = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT frequency, severity, threat, wellbeing, power, childInvolved, grounds, conductTags, outcome FROM casefile")!
        }
        #expect(plain.databaseValues.allSatisfy { $0.isNull || $0 == 0.databaseValue || $0 == "".databaseValue })
        // Opened with the key, everything is there.
        let item = try desk.open(id).item
        #expect(item.grounds == ["sexual-orientation", "gender-identity"])
        #expect(item.conductTags == ["image-based-abuse", "publishing-private-information"])
        #expect(item.assessment == StoreFixtures.ratings(3, 2, 3, 4, 3))
        #expect(item.childInvolved)
        #expect(DateText.day(item.incidentFirst) == "2026-09-13")
        #expect(item.outcome == .referredToLawEnforcement)
        // Ranking still works from the sealed ratings: child involved → critical.
        #expect(try desk.queue().first { $0.id == id }?.band == .critical)
    }

    @Test("Rows of an older database are sealed at the first login, once, and audited")
    func legacyRowsSealed() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        var intake = StoreFixtures.intake()
        intake.grounds = ["age"]
        intake.categories = ["discrimination"]
        let id = try desk.add(intake).id
        // Make it look like a database of the previous version: plain columns, no seals, no marker.
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE casefile SET grounds = 'age', sealedDetails = NULL, rowSeal = NULL;
                UPDATE keyslot SET roleSeal = NULL;
                DELETE FROM meta WHERE key = 'rowSeals';
                """)
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET detail = 'database created with counselor account' WHERE action = 'init'")
        }
        // (The previous version's init entry did not say "rows sealed"; the chain's hashes are not checked here.)
        let reopened = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        #expect(try reopened.pool.read { db in try String.fetchOne(db, sql: "SELECT grounds FROM casefile") } == "age")
        try reopened.recordLogin()
        #expect(try reopened.pool.read { db in try String.fetchOne(db, sql: "SELECT grounds FROM casefile") } == "")
        #expect(try reopened.loadCase(id).grounds == ["age"])
        #expect(try reopened.tamperedCases().isEmpty)
        #expect(try reopened.auditEntries(caseId: nil).contains { $0.action == "seal-rows" })
    }
}
