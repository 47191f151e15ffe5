import CaseCore
@testable import CaseStore
import Foundation
import GRDB
import TestKit
import Testing

@Suite("Encrypted case store (PRODUCT §5)")
struct SQLiteCaseStoreTests {
    @Test("Migrations build the schema from an empty file, in WAL mode, with the KDF parameters recorded")
    func migrationsFromEmpty() throws {
        let store = try StoreFixtures.makeStore()
        try store.pool.read { db in
            for table in ["meta", "keyslot", "casefile", "party", "journal", "audit"] {
                #expect(try db.tableExists(table))
            }
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let slot = try #require(try Row.fetchOne(db, sql: "SELECT kdf, rounds, blockSize, parallelism, length(salt) AS saltLength FROM keyslot"))
            #expect(slot["kdf"] == "scrypt")
            #expect(slot["rounds"] == 1 << 10)
            #expect(slot["saltLength"] == 32)
            #expect(try StoreSchema.migrator.appliedMigrations(db) == ["v1-cases", "v2-confidentiality", "v3-follow-up-codes", "v4-import-fingerprints", "v5-queue-version", "v6-queue-order-index", "v7-journal-kind-index", "v8-case-evolves", "v9-command-line-indexes", "v10-case-keys", "v11-case-version", "v12-team-policy"])
        }
    }

    @Test("A case round-trips: every field, parties and journal come back as saved")
    func roundTrip() throws {
        let path = StoreFixtures.temporaryPath()
        let desk = StoreFixtures.desk(try StoreFixtures.makeStore(path: path))
        let added = try desk.add(StoreFixtures.intake())
        try desk.move(added.id, to: .acknowledged, note: "Receipt confirmed by e-mail")
        try desk.record(added.id, .contact, text: "Spoke by phone; 🙂 reporter safe tonight")
        let saved = try desk.open(added.id).item

        let reopened = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        let loaded = try reopened.loadCase(added.id)
        #expect(loaded == saved)
        #expect(loaded.reporter.name == "Fatima Zahra Benali")
        #expect(loaded.reported.first?.name == "Viktor Hale")
        #expect(loaded.journal.map(\.kind) == [.status, .contact])
        #expect(loaded.journal.last?.text == "Spoke by phone; 🙂 reporter safe tonight")
        #expect(loaded.id.description == "C-2026-0001")
    }

    @Test("Case ids count up within the year of receipt")
    func caseIDs() throws {
        let desk = StoreFixtures.desk(try StoreFixtures.makeStore())
        var old = StoreFixtures.intake(received: "2025-12-30T09:00:00Z")
        old.incidentFirst = "2025-12-01"
        old.incidentLast = "2025-12-20"
        let a = try desk.add(old)
        let b = try desk.add(StoreFixtures.intake())
        let c = try desk.add(StoreFixtures.intake())
        #expect([a, b, c].map(\.id.description) == ["C-2025-0001", "C-2026-0001", "C-2026-0002"])
    }

    @Test("A wrong passphrase is refused, opens nothing and changes no case; it is only counted")
    func wrongPassphrase() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let item = try StoreFixtures.desk(store).add(StoreFixtures.intake())
        let casesBefore = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM casefile") }
        let auditBefore = try store.auditEntries(caseId: nil)
        #expect(throws: StoreError.wrongPassphrase) {
            try SQLiteCaseStore.open(at: path, passphrase: "wrong horse", evaluator: StoreFixtures.evaluator)
        }
        #expect(try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM casefile") } == casesBefore)
        #expect(try store.auditEntries(caseId: nil) == auditBefore)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginFailure") } == 1)
        #expect(try store.loadCase(item.id).narrative == StoreFixtures.intake().narrative)
        #expect(StoreError.wrongPassphrase.description == "The passphrase is not correct for this database; nothing was opened or changed.")
    }

    @Test("Opening a missing file or a non-database says so clearly")
    func badFiles() throws {
        let missing = StoreFixtures.temporaryPath("missing.db")
        #expect(throws: StoreError.noDatabase(path: missing)) {
            try SQLiteCaseStore.open(at: missing, passphrase: "x", evaluator: StoreFixtures.evaluator)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let garbage = StoreFixtures.temporaryPath("garbage.db")
        try Data("this is a shopping list, not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: StoreError.notADatabase(path: garbage, detail: .key("store.not-sqlite"))) {
            try SQLiteCaseStore.open(at: garbage, passphrase: "x", evaluator: StoreFixtures.evaluator)
        }
        #expect(try String(contentsOfFile: garbage, encoding: .utf8) == "this is a shopping list, not a database")
    }

    @Test("Creating over an existing database is refused")
    func noOverwrite() throws {
        let path = StoreFixtures.temporaryPath()
        _ = try StoreFixtures.makeStore(path: path)
        #expect(throws: StoreError.alreadyExists(path: path)) { try StoreFixtures.makeStore(path: path) }
    }

    @Test("No sealed text is readable in the database files (reporter, contact, narrative, journal, reported person)")
    func sealedTextAbsent() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let secrets = ["Zofia Brzęczyszczykiewicz", "zofia.secret@example.org", "the storeroom incident on Tuesday",
                       "Balthazar Quill", "Arranged trauma counselling with Dr Okafor", "Prefers Signal messages only"]
        var intake = StoreFixtures.intake(reporter: secrets[0], contact: secrets[1], reported: secrets[3],
                                          narrative: "Narrative mentions \(secrets[2]).")
        intake.supportNeeds = secrets[5]
        let item = try desk.add(intake)
        try desk.record(item.id, .support, text: secrets[4])
        for suffix in ["", "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: path + suffix) else { continue }
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' readable in \(suffix.isEmpty ? "db" : suffix)")
            }
        }
        try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for secret in secrets { #expect(bytes.range(of: Data(secret.utf8)) == nil) }
        // The pseudonym is not sealed: it is shown everywhere and identifies no one.
        #expect(bytes.range(of: Data("Amber Heron".utf8)) != nil)
    }

    @Test("A sealed field moved to another case does not open")
    func sealedFieldsBoundToTheirRow() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let a = try desk.add(StoreFixtures.intake(narrative: "First narrative"))
        let b = try desk.add(StoreFixtures.intake(narrative: "Second narrative"))
        try store.pool.write { db in
            try db.execute(sql: "UPDATE casefile SET sealedNarrative = (SELECT sealedNarrative FROM casefile WHERE id = ?) WHERE id = ?",
                           arguments: [a.id.description, b.id.description])
        }
        #expect(throws: StoreError.corrupted(.key("store.sealed-field-closed", ["field": "narrative"]))) { try store.loadCase(b.id) }
    }

    @Test("A failed action leaves nothing behind: no journal entry, no status change, no audit row")
    func failedTransaction() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let item = try desk.add(StoreFixtures.intake())
        let auditBefore = try store.auditEntries(caseId: nil).count
        struct Boom: Error, Equatable {}
        #expect(throws: Boom()) {
            try store.updateCase(item.id, action: "test", now: TestFixtures.now) { item, _ in
                try item.transition(to: .acknowledged, note: nil, by: "c", at: TestFixtures.now)
                throw Boom()
            }
        }
        #expect(throws: CaseError.illegalTransition(from: .new, to: .closed)) {
            try desk.move(item.id, to: .closed, note: nil)
        }
        let after = try store.loadCase(item.id)
        #expect(after.status == .new)
        #expect(after.journal.isEmpty)
        // Only the two reads ("open") were audited; the failed changes were not.
        #expect(try store.auditEntries(caseId: nil).filter { $0.action != "open" }.count == auditBefore)
    }

    @Test("The journal is append-only: the store refuses edits, and so does the database")
    func journalAppendOnly() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let item = try desk.add(StoreFixtures.intake())
        try desk.record(item.id, .note, text: "Original note")
        #expect(throws: StoreError.notPermitted(.key("permission.journal-append-only"))) {
            try store.updateCase(item.id, action: "sneaky", now: TestFixtures.now) { item, _ in
                item = Case(id: item.id, receivedAt: item.receivedAt, channel: item.channel, incidentFirst: item.incidentFirst,
                            incidentLast: item.incidentLast, reporter: item.reporter, relationship: item.relationship,
                            reported: item.reported, categories: item.categories, narrative: item.narrative, journal: [])
            }
        }
        #expect(throws: StoreError.notPermitted(.key("permission.change-journaled"))) {
            try store.updateCase(item.id, action: "silent", now: TestFixtures.now) { item, _ in item.narrative = "rewritten" }
        }
        let refused = #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE journal SET kind = 'note'") }
        }
        #expect(refused?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
        #expect(refused?.message == "journal entries cannot be edited")
        #expect(try store.loadCase(item.id).journal.map(\.text) == ["Original note"])
    }

    @Test("The queue is ordered by band, then score, then oldest deadline; closed cases last")
    func queueOrder() throws {
        let store = try StoreFixtures.makeStore()
        let desk = StoreFixtures.desk(store)
        let low = try desk.add(StoreFixtures.intake(reported: "A"))
        let critical = try desk.add(StoreFixtures.intake(reported: "B"))
        let unrated = try desk.add(StoreFixtures.intake(reported: "C"))
        let high = try desk.add(StoreFixtures.intake(reported: "D"))
        let closed = try desk.add(StoreFixtures.intake(reported: "E"))
        let plan: [(CaseID, FactorRatings)] = [
            (low.id, StoreFixtures.ratings(0, 1, 0, 1, 1)), (critical.id, StoreFixtures.ratings(2, 3, 4, 2, 3)),
            (high.id, StoreFixtures.ratings(2, 2, 2, 2, 2)), (closed.id, StoreFixtures.ratings(4, 4, 4, 4, 4)),
        ]
        for (id, r) in plan {
            try desk.move(id, to: .acknowledged, note: nil)
            try desk.move(id, to: .assessing, note: nil)
            try desk.assess(id, r)
        }
        try desk.move(closed.id, to: .withdrawn, note: "Left the organisation")
        #expect(try desk.queue().map(\.id) == [critical.id, high.id, unrated.id, low.id, closed.id])
    }

    @Test("Pervasiveness: the same reported person (any spelling of case and accents) in other open cases raises the score")
    func pervasivenessAcrossCases() throws {
        let desk = StoreFixtures.desk(try StoreFixtures.makeStore())
        let first = try desk.add(StoreFixtures.intake(reported: "Viktor Hale"))
        try desk.move(first.id, to: .acknowledged, note: nil)
        try desk.move(first.id, to: .assessing, note: nil)
        let base = try desk.assess(first.id, StoreFixtures.ratings(1, 1, 1, 1, 1)).evaluation.score
        #expect(base.value == 25)
        _ = try desk.add(StoreFixtures.intake(reported: "viktor  HALE"))
        let second = try desk.add(StoreFixtures.intake(reported: "Víktor Hale"))
        _ = try desk.add(StoreFixtures.intake(reported: "Someone Else"))
        let boosted = try desk.open(first.id).evaluation.score
        #expect(boosted.value == 45)
        #expect(boosted.otherOpenCases == 2)
        #expect(try desk.queue().first { $0.id == first.id }?.score == 45)
        // Closing one of the other cases lowers the boost, and the cached queue score follows.
        try desk.move(second.id, to: .withdrawn, note: "Withdrawn")
        #expect(try desk.open(first.id).evaluation.score.value == 35)
        #expect(try desk.queue().first { $0.id == first.id }?.score == 35)
    }

    @Test("The demo data seeds completely and covers every band")
    func demoSeed() throws {
        let store = try StoreFixtures.makeStore()
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        let count = try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        let queue = try store.summaries()
        #expect(count >= 40)
        #expect(queue.count == count)
        #expect(Set(queue.compactMap(\.band)) == Set(Band.allCases))
        #expect(queue.contains { $0.outsideWindow })
        #expect(queue.contains { $0.anonymous })
        #expect(Set(queue.map(\.status)).count >= 8)
    }

    @Test("The queue version changes when a case changes, here or in another process, and not when one is only read")
    func queueVersion() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try StoreFixtures.makeStore(path: path)
        let desk = StoreFixtures.desk(store)
        let start = try #require(try store.queueVersion())
        let item = try desk.add(StoreFixtures.intake())
        let afterAdd = try #require(try store.queueVersion())
        #expect(afterAdd > start)
        _ = try desk.open(item.id)
        #expect(try store.queueVersion() == afterAdd)
        let other = try SQLiteCaseStore.open(at: path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        try CaseDesk(store: other, clock: { TestFixtures.now }).record(item.id, .note, text: "From another window")
        #expect(try store.queueVersion()! > afterAdd)
    }

    @Test("The order the index gives is exactly CaseSummary.queueOrder")
    func indexOrderMatchesDomainOrder() throws {
        let store = try StoreFixtures.makeStore()
        let data = try Data(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("demo-cases.json"))
        try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        let queue = try store.summaries()
        #expect(queue.map(\.id) == queue.sorted(by: CaseSummary.queueOrder).map(\.id))
        #expect(queue.contains { $0.nextDeadline == nil } && queue.contains { $0.band == nil })
    }
}
