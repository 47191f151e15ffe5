import Foundation
import TestKit
import Testing

@Suite("confidant backup and restore")
struct BackupCLITests {
    @Test("backup then restore into a new database gives the same cases under the same passphrase")
    func roundTrip() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let backup = sandbox.directory.appendingPathComponent("confidant.backup")
        let written = try sandbox.run(["backup", backup.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("Backup written to \(backup.path): 48 cases, "))
        #expect(try TestFixtures.mode(backup.path) == 0o600)

        let restoredDB = sandbox.path("restored/cases.db")
        let restored = try sandbox.run(["restore", backup.path], database: restoredDB)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.hasPrefix("Restored \(restoredDB) from \(backup.path): 48 cases"))
        #expect(try sandbox.caseIDs(database: restoredDB) == (try sandbox.caseIDs()))
        let id = try #require(try sandbox.caseIDs().last)
        let original = try sandbox.run(["show", id, "--json"])
        let copy = try sandbox.run(["show", id, "--json"], database: restoredDB)
        #expect(original.status == 0 && original.stdout.contains("\"id\" : \"\(id)\""))
        #expect(copy.stdout == original.stdout)
        let wrong = try sandbox.run(["list"], environment: ["CONFIDANT_PASSPHRASE": "wrong passphrase"], database: restoredDB)
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "confidant: The passphrase is not correct for this database; nothing was opened or changed.\n")
        let rows = try sandbox.sqliteRows("SELECT action FROM audit WHERE action IN ('backup', 'restore')", database: restoredDB)
        #expect(rows == ["restore"]) // the backup's own entry is written after the snapshot
    }

    @Test("restore refuses an existing database without --force, and a file that is not a backup")
    func refusals() throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        let backup = sandbox.directory.appendingPathComponent("confidant.backup")
        #expect(try sandbox.run(["backup", backup.path]).status == 0)
        let again = try sandbox.run(["backup", backup.path])
        #expect(again.status == 1)
        #expect(again.stderr == "confidant: A file already exists at \(backup.path); it was left untouched (use --force to replace it).\n")

        let refused = try sandbox.run(["restore", backup.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: A database already exists at \(sandbox.database); nothing was restored. Use --force to replace it (a copy of it is kept beside it).\n")

        let forced = try sandbox.run(["restore", backup.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("The database it replaced is kept at \(sandbox.database).before-restore-"))

        let notes = sandbox.directory.appendingPathComponent("notes.txt")
        try "shopping list\n".write(to: notes, atomically: true, encoding: .utf8)
        let garbage = try sandbox.run(["restore", notes.path], database: sandbox.path("new.db"))
        #expect(garbage.status == 1)
        #expect(garbage.stderr == "confidant: The file \(notes.path) is not a Confidant backup (not an SQLite file); nothing was restored.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("new.db")))

        let wrong = try sandbox.run(["restore", backup.path], environment: ["CONFIDANT_PASSPHRASE": "not it"], database: sandbox.path("new.db"))
        #expect(wrong.stderr == "confidant: The passphrase does not open the backup \(backup.path); nothing was restored.\n")
    }
}
