import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

@Suite("Backup and restore")
struct BackupTests {
    static func populated(in directory: URL) throws -> (CaseDesk, SQLiteCaseStore) {
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        let csv = try String(contentsOf: TestFixtures.dataDirectory.appendingPathComponent("import-example.csv"), encoding: .utf8)
        _ = try desk.importCases(try CaseCSVImport(file: "import-example.csv", taxonomy: desk.taxonomy).plan(csv))
        return (desk, store)
    }

    static func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".partial-") }
    }

    @Test("a backup holds every row of every table, stays encrypted, is private, and is audited with its digest")
    func backupRoundTrip() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try Self.populated(in: directory)
        let before = try StoreFixtures.dump(store.path)
        let backupPath = directory.appendingPathComponent("backups/confidant-2026-11-25.db").path
        try FileManager.default.createDirectory(atPath: (backupPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let receipt = try desk.backup(to: backupPath, overwrite: false)
        #expect(receipt.cases == 54)
        #expect(try TestFixtures.mode(backupPath) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: backupPath + "-wal"))
        #expect(try Self.leftovers(in: directory.appendingPathComponent("backups")).isEmpty)

        let copied = try StoreFixtures.dump(backupPath)
        #expect(Set(copied.keys) == Set(before.keys))
        #expect(copied.keys.contains("importfingerprint") && copied["importfingerprint"]?.count == 6)
        for (table, rows) in before {
            #expect(copied[table] == rows, "table \(table) differs in the backup")
        }
        // Sealed fields stay sealed in the file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backupPath))
        for secret in ["Tendai Moyo", "tendai.moyo@example.org", "Rosa Delgado", "Safety planning", "Hassan Qadri"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' readable in the backup file")
        }
        let audit = try #require(try store.auditEntries(caseId: nil).last)
        #expect(audit.action == "backup")
        #expect(audit.detail == "encrypted snapshot written (54 cases, \(receipt.bytes) bytes, sha256 \(receipt.sha256))")
        #expect(receipt.sha256.count == 64)
    }

    @Test("restoring into a new place gives the same rows, plus the restore's own audit entries, under the same passphrase")
    func restoreRoundTrip() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try Self.populated(in: directory)
        let backupPath = directory.appendingPathComponent("snapshot.db").path
        _ = try desk.backup(to: backupPath, overwrite: false)
        let backupRows = try StoreFixtures.dump(backupPath)
        let target = directory.appendingPathComponent("restored/cases.db").path
        let receipt = try SQLiteCaseStore.restore(
            from: backupPath, to: target, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator,
            force: false, now: TestFixtures.now)
        #expect(receipt.cases == 54 && receipt.previousKeptAt == nil)
        #expect(try TestFixtures.mode(target) == 0o600)
        #expect(try StoreFixtures.dump(backupPath) == backupRows, "the backup file itself was changed")

        let restoredRows = try StoreFixtures.dump(target)
        for (table, rows) in backupRows {
            switch table {
            case "audit":
                let restored = try #require(restoredRows[table])
                #expect(Array(restored.prefix(rows.count)) == rows)
                #expect(restored.count == rows.count + 2) // the check's login, then the restore
                #expect(restored.last?.contains("action=restore") == true)
            case "sqlite_sequence":
                #expect(restoredRows[table]?.filter { !$0.hasPrefix("name=audit|") } == rows.filter { !$0.hasPrefix("name=audit|") })
            case "meta":
                // Restored into a new place, the copy is a database of its own, with a new id for its audit head.
                let kept: (String) -> Bool = { !$0.hasPrefix("key=auditHead") && !$0.hasPrefix("key=databaseId") }
                #expect(restoredRows[table]?.filter(kept) == rows.filter(kept))
                #expect(restoredRows[table]?.first { $0.hasPrefix("key=databaseId") } != rows.first { $0.hasPrefix("key=databaseId") })
            default:
                #expect(restoredRows[table] == rows, "table \(table) differs after restoring")
            }
        }
        let reopened = try SQLiteCaseStore.open(at: target, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        try reopened.recordLogin()
        #expect(try reopened.verifyAudit() == .intact(entries: restoredRows["audit"]!.count + 1))
        let id = try #require(try store.summaries().first { $0.pseudonym == "Ash Lapwing" }?.id)
        #expect(try reopened.loadCase(id) == (try store.loadCase(id)))
        #expect(try Self.leftovers(in: directory.appendingPathComponent("restored")).isEmpty)
    }

    @Test("restore refuses to overwrite a database without --force, and with it keeps the old one and updates an open store")
    func restoreOverExisting() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try Self.populated(in: directory)
        let backupPath = directory.appendingPathComponent("snapshot.db").path
        _ = try desk.backup(to: backupPath, overwrite: false)

        let otherDirectory = directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: otherDirectory, withIntermediateDirectories: true)
        let (otherDesk, otherStore) = try StoreFixtures.emptyDesk(in: otherDirectory)
        _ = try otherDesk.add(CaseIntake(channel: .walkIn, incidentFirst: "2026-11-01", reporter: .init(name: "Old Case"),
                                         relationship: .staff, reported: [], categories: ["bullying"], narrative: "Only case here"))
        let target = otherStore.path
        let untouched = try StoreFixtures.dump(target)

        #expect(throws: BackupError.targetExists(path: target)) {
            try SQLiteCaseStore.restore(from: backupPath, to: target, passphrase: TestFixtures.passphrase,
                                        evaluator: StoreFixtures.evaluator, force: false, now: TestFixtures.now)
        }
        #expect(try StoreFixtures.dump(target) == untouched)

        #expect(try otherStore.summaries().count == 1)
        let receipt = try SQLiteCaseStore.restore(from: backupPath, to: target, passphrase: TestFixtures.passphrase,
                                                  evaluator: StoreFixtures.evaluator, force: true, now: TestFixtures.now)
        let kept = try #require(receipt.previousKeptAt)
        #expect(kept == target + ".before-restore-20261125T120000Z")
        #expect(try TestFixtures.mode(kept) == 0o600)
        #expect(try StoreFixtures.dump(kept)["casefile"] == untouched["casefile"])
        // The store that had the file open sees the restored file, not a deleted one (no rename under its feet): its key
        // no longer authenticates the log, so it refuses to work on; opened with the backup's passphrase, the file holds
        // the restored cases.
        #expect(throws: StoreError.auditBroken(.key("audit.problem.head-mismatch", ["id": "58"]))) { try otherStore.summaries() }
        let reopened = try SQLiteCaseStore.open(at: target, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        #expect(try reopened.summaries().count == 54)
        #expect(try StoreFixtures.dump(target)["casefile"] == (try StoreFixtures.dump(backupPath))["casefile"])
    }

    @Test("restoring a file that is not a database, not Confidant's, or under another passphrase fails clearly and changes nothing")
    func restoreRefusesBadInput() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let evaluator = StoreFixtures.evaluator
        let target = directory.appendingPathComponent("cases.db").path
        func restore(_ path: String, passphrase: String = TestFixtures.passphrase) throws {
            _ = try SQLiteCaseStore.restore(from: path, to: target, passphrase: passphrase, evaluator: evaluator, force: false)
        }

        let text = directory.appendingPathComponent("notes.txt").path
        try Data("this is not a database, just notes\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: BackupError.notABackup(path: text, detail: .key("store.not-sqlite"))) { try restore(text) }
        #expect(BackupError.notABackup(path: text, detail: .key("store.not-sqlite")).description
                == "The file \(text) is not a Confidant backup (not an SQLite file); nothing was restored.")

        let foreign = directory.appendingPathComponent("foreign.sqlite").path
        let queue = try GRDBTestSupport.makeForeignDatabase(at: foreign)
        _ = queue
        #expect(throws: BackupError.notABackup(path: foreign, detail: .key("store.no-format-marker"))) { try restore(foreign) }

        let missing = directory.appendingPathComponent("nowhere.db").path
        #expect(throws: BackupError.noBackup(path: missing)) { try restore(missing) }

        let (desk, _) = try StoreFixtures.emptyDesk(in: directory, name: "source.db")
        let backupPath = directory.appendingPathComponent("snapshot.db").path
        _ = try desk.backup(to: backupPath, overwrite: false)
        #expect(throws: BackupError.wrongPassphrase(path: backupPath)) { try restore(backupPath, passphrase: "not the passphrase") }

        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try Self.leftovers(in: directory).isEmpty)
    }

    @Test("a backup taken while another connection keeps writing is consistent: it passes the integrity check and its audit chain verifies")
    func backupDuringWrites() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.demoDesk(in: directory)
        let id = try #require(try desk.queue().first { $0.status.isOpen }?.id)
        // A second store on the same file, as a second Confidant window would have.
        let writer = try SQLiteCaseStore.open(at: store.path, passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator)
        let writerDesk = CaseDesk(store: writer, clock: { TestFixtures.now })
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            for n in 0..<40 { _ = try? writerDesk.record(id, .note, text: "concurrent note \(n)") }
        }
        var receipts: [BackupReceipt] = []
        for n in 0..<4 {
            receipts.append(try desk.backup(to: directory.appendingPathComponent("during-\(n).db").path, overwrite: false))
        }
        group.wait()
        for (n, _) in receipts.enumerated() {
            let path = directory.appendingPathComponent("during-\(n).db").path
            let restored = directory.appendingPathComponent("restored-\(n).db").path
            // restore checks integrity_check and the audit chain, and fails otherwise.
            let receipt = try SQLiteCaseStore.restore(from: path, to: restored, passphrase: TestFixtures.passphrase,
                                                      evaluator: StoreFixtures.evaluator, force: false)
            #expect(receipt.cases == 48)
        }
        #expect(try store.loadCase(id).journal.filter { $0.text.hasPrefix("concurrent note") }.count == 40)
    }

    @Test("a backup does not overwrite a file without --force, and never the database itself")
    func backupRefusals() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, store) = try StoreFixtures.emptyDesk(in: directory)
        #expect(throws: BackupError.sameFile(path: store.path)) { try desk.backup(to: store.path, overwrite: true) }
        let existing = directory.appendingPathComponent("existing.db").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: BackupError.destinationExists(path: existing)) { try desk.backup(to: existing, overwrite: false) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        _ = try desk.backup(to: existing, overwrite: true)
        #expect(try TestFixtures.mode(existing) == 0o600)
    }

    @Test("a backup whose audit log was tampered with is refused")
    func tamperedAudit() throws {
        let directory = TestFixtures.temporaryDirectory()
        defer { StoreFixtures.cleanUp(directory) }
        let (desk, _) = try StoreFixtures.demoDesk(in: directory)
        let backupPath = directory.appendingPathComponent("snapshot.db").path
        _ = try desk.backup(to: backupPath, overwrite: false)
        try GRDBTestSupport.execute(at: backupPath, sql: """
            DROP TRIGGER audit_no_update;
            UPDATE audit SET detail = 'nothing happened' WHERE id = 2;
            """)
        do {
            _ = try SQLiteCaseStore.restore(from: backupPath, to: directory.appendingPathComponent("restored.db").path,
                                            passphrase: TestFixtures.passphrase, evaluator: StoreFixtures.evaluator, force: false)
            Issue.record("a tampered backup was restored")
        } catch let error as BackupError {
            guard case .auditBroken = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("restored.db").path))
    }
}
