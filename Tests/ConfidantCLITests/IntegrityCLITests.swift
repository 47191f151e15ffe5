import Foundation
import Testing

/// Issue 13: the audit log against someone who holds the file but not a passphrase.
@Suite("Integrity against whoever holds the file", .serialized)
struct IntegrityCLITests {
    func sqlite(_ database: String, _ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    func prepared() throws -> CLIHarness {
        let cli = CLIHarness()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: CLIHarness.sampleCase).status == 0)
        #expect(try cli.run(["export", "C-2026-0001", "--format", "json"]).status == 0)
        return cli
    }

    @Test("A cut audit tail is refused at the next login, never healed; acknowledged, work goes on and verify keeps saying so")
    func truncatedTail() throws {
        let cli = try prepared()
        try sqlite(cli.database, "PRAGMA wal_checkpoint(TRUNCATE);")
        try sqlite(cli.database, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > (SELECT MAX(id) - 2 FROM audit);")
        let before = FileManager.default.contents(atPath: cli.database)
        let refused = try cli.run(["list"])
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("confidant: The audit log is broken (the audit log ends at entry "))
        #expect(refused.stderr.hasSuffix("but its authenticated head does not match: entries were removed from its end, or the head was altered); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'.\n"))
        #expect(FileManager.default.contents(atPath: cli.database) == before)
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("were removed, or the log head was altered"))
        let acknowledged = try cli.run(["audit", "acknowledge", "--text-file", "-"], stdin: "Found after the laptop was serviced; reported to IT security.")
        #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
        #expect(try cli.run(["list"]).status == 0)
        let after = try cli.run(["audit", "verify"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("but with 1 acknowledged break:"))
        #expect(after.stdout.contains("reason: Found after the laptop was serviced; reported to IT security."))
    }

    @Test("Replacing the whole file by an older copy is reported on this machine")
    func olderCopy() throws {
        let cli = try prepared()
        try sqlite(cli.database, "PRAGMA wal_checkpoint(TRUNCATE);")
        let old = try #require(FileManager.default.contents(atPath: cli.database))
        #expect(try cli.run(["journal", "C-2026-0001", "--kind", "note", "Called HR"]).status == 0)
        try sqlite(cli.database, "PRAGMA wal_checkpoint(TRUNCATE);")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
        try old.write(to: URL(fileURLWithPath: cli.database))
        let refused = try cli.run(["show", "C-2026-0001"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("it was replaced by an older copy"), "\(refused.stderr)")
        #expect(try cli.run(["audit", "verify"]).status == 2)
    }

    @Test("Entry 1 must be the creation of the database")
    func firstEntry() throws {
        let cli = try prepared()
        try sqlite(cli.database, "PRAGMA wal_checkpoint(TRUNCATE);")
        try sqlite(cli.database, "DROP TRIGGER audit_no_update; UPDATE audit SET action = 'login' WHERE id = 1;")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.stderr == "confidant: The audit log is broken at entry 1: the first entry is 'login', not the creation of the database.\n")
    }
}
