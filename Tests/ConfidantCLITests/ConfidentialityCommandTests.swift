import Foundation
import TestKit
import Testing

@Suite("Accounts, audit and purge from the command line", .serialized)
struct ConfidentialityCommandTests {
    func prepared() throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["add", "--json", cli.write("case.json", TestFixtures.sampleCaseJSON)]).status == 0)
        try cli.run(["status", "C-2026-0001", "acknowledged"])
        return cli
    }


    @Test("audit verify passes on a clean log and names the entry after an edit, a deletion or a reorder with sqlite3",
          arguments: [
            ("UPDATE audit SET detail = 'nothing to see' WHERE id = 3", 3),
            ("DELETE FROM audit WHERE id = 2", 3),
            ("UPDATE audit SET id = 100 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 100;", 2),
          ])
    func auditTampering(sql: String, brokenEntry: Int) throws {
        let cli = try prepared()
        let clean = try cli.run(["audit", "verify"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("Audit log intact"))
        try cli.sqlite("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql)
        let broken = try cli.run(["audit", "verify"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken at entry \(brokenEntry)"), "\(broken.stderr)")
    }

    @Test("audit list shows who did what to a case, without sealed text")
    func auditList() throws {
        let cli = try prepared()
        let list = try cli.run(["audit", "list", "--case", "C-2026-0001"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("create"))
        #expect(list.stdout.contains("status"))
        #expect(!list.stdout.contains("Fatima"))
        #expect(!list.stdout.contains("contract would not be renewed"))
    }

    @Test("user add and remove: the removed passphrase stops working, the others keep theirs")
    func users() throws {
        var cli = try prepared()
        let added = try cli.run(["user", "add", "sam", "--role", "supervisor"], environment: ["CONFIDANT_NEW_PASSPHRASE": "supervisor secret"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["user", "list"]).stdout.contains("sam"))
        var supervisor = cli
        supervisor.passphrase = "supervisor secret"
        // Not escalated: the supervisor sees nothing and cannot open it.
        let supervisorList = try supervisor.run(["list", "--json"])
        #expect(supervisorList.status == 0)
        #expect(!supervisorList.stdout.contains("C-2026-0001"))
        let refused = try supervisor.run(["show", "C-2026-0001"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: Not permitted: a supervisor sees escalated cases only, and C-2026-0001 is not escalated.\n")
        #expect(try cli.run(["user", "remove", "sam"]).status == 0)
        let gone = try supervisor.run(["list"])
        #expect(gone.status == 1)
        #expect(gone.stderr == "confidant: The passphrase is not correct for this database; nothing was opened or changed.\n")
        cli.passphrase = "correct horse battery"
        #expect(try cli.run(["show", "C-2026-0001"]).status == 0)
    }

    @Test("purge --dry-run lists nothing for a fresh database and changes nothing")
    func purgeDryRun() throws {
        let cli = try prepared()
        let dry = try cli.run(["purge", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("Nothing to purge"))
        #expect(try cli.run(["show", "C-2026-0001"]).status == 0)
    }

    @Test("Files Confidant creates are readable by their owner only")
    func fileModes() throws {
        let cli = try prepared()
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.database)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }
}
