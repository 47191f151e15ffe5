import Foundation
import TestKit
import Testing

/// Issue 12: accounts and the first login from the command line.
@Suite("Accounts and the first login", .serialized)
struct AccountsCLITests {
    @Test("init takes the account and the organisation; the letter names the organisation")
    func initNamesAccountAndOrganisation() throws {
        let cli = ConfidantSandbox()
        let created = try cli.run(["init", "--account", "amani", "--organisation", "Civil Connections"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasSuffix("with the counselor account 'amani' for Civil Connections.\n"))
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        let letter = try cli.run(["letter", "C-2026-0001", "acknowledgement"])
        #expect(letter.stdout.contains("confidential counselor of Civil Connections."))
        let users = try cli.run(["user", "list"])
        #expect(users.stdout.contains("amani"))
    }

    @Test("init without --account on no terminal takes the login name")
    func initLoginName() throws {
        let cli = ConfidantSandbox()
        let created = try cli.run(["init"], environment: ["USER": "lan.nguyen"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("with the counselor account 'lan.nguyen'"))
    }

    @Test("A passphrase that already opens another account is refused, and nothing changes")
    func sharedPassphraseRefused() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        let before = FileManager.default.contents(atPath: cli.database)
        let refused = try cli.run(["user", "add", "sam", "--role", "supervisor"],
                                  environment: ["CONFIDANT_NEW_PASSPHRASE": "correct horse battery"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: That passphrase already opens another account; choose a different one for sam.\n")
        #expect(FileManager.default.contents(atPath: cli.database) == before)
        let added = try cli.run(["user", "add", "sam", "--role", "supervisor"],
                                environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's very own passphrase"])
        #expect(added.status == 0, "\(added.stderr)")
    }

    @Test("A successful login says how many wrong passphrases were given since the last one, and when")
    func failedAttemptsTold() throws {
        var cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["list"]).stderr == "")
        cli.passphrase = "wrong horse battery"
        for _ in 0..<2 { _ = try cli.run(["list"], environment: ["CONFIDANT_NOW": "2026-11-28T09:14:00Z"]) }
        cli.passphrase = "correct horse battery"
        let ok = try cli.run(["list"])
        #expect(ok.status == 0)
        #expect(ok.stderr == "2 wrong passphrases were given since the last login, the last on 28 November 2026 at 09:14 UTC.\n")
        #expect(try cli.run(["list"]).stderr == "")
    }

    @Test("review: a supervisor returns a case with advice from a file; a counselor cannot review")
    func reviewCommand() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON.replacingOccurrences(
            of: "\"relationship\"", with: "\"wishes\":\"formal\",\"relationship\"")).status == 0)
        for step in ["acknowledged", "assessing"] { #expect(try cli.run(["status", "C-2026-0001", step]).status == 0) }
        #expect(try cli.run(["escalate", "C-2026-0001", "--reason", "Formal review requested"]).status == 0)
        #expect(try cli.run(["user", "add", "sam", "--role", "supervisor"], environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's own passphrase"]).status == 0)
        let advice = try cli.write("advice.txt", "Speak to the director's line manager first.")
        let refused = try cli.run(["review", "C-2026-0001", "--decision", "return", "--text-file", advice])
        #expect(refused.stderr == "confidant: Not permitted: only a supervisor records a review decision.\n")
        let reviewed = try cli.run(["review", "C-2026-0001", "--decision", "return", "--text-file", advice],
                                   environment: ["CONFIDANT_PASSPHRASE": "sam's own passphrase"])
        #expect(reviewed.stdout == "Review recorded on C-2026-0001: return to the counselor with advice; it is now support-advice.\n")
        let due = try cli.run(["due", "--json"])
        #expect(due.stdout.contains("\"review\""), "\(due.stdout)")
    }

    @Test("user list shows a counselor added by the admin waiting for the keys of cases until a counselor logs in")
    func waitingForKeys() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try cli.run(["user", "add", "root", "--role", "admin"], environment: ["CONFIDANT_NEW_PASSPHRASE": "root's own passphrase"]).status == 0)
        let asAdmin = ["CONFIDANT_PASSPHRASE": "root's own passphrase"]
        #expect(try cli.run(["user", "add", "casey"], environment: asAdmin.merging(["CONFIDANT_NEW_PASSPHRASE": "casey's own passphrase"]) { $1 }).status == 0)
        let listed = try cli.run(["user", "list"], environment: asAdmin).stdout
        #expect(listed.hasSuffix("""
            root   admin      since 25 November 2026
            casey  counselor  since 25 November 2026  waiting for the keys of 1 case

            """), "\(listed)")
        #expect(listed.components(separatedBy: "waiting").count == 2)
        let refused = try cli.run(["show", "C-2026-0001"], environment: ["CONFIDANT_PASSPHRASE": "casey's own passphrase"])
        #expect(refused.stderr == "confidant: Not permitted: casey has not been given the keys of C-2026-0001 yet; "
            + "they are given when another counselor opens Confidant.\n")
        #expect(try cli.run(["list"]).status == 0)
        #expect(try cli.run(["user", "list"], environment: asAdmin).stdout.contains("waiting") == false)
        #expect(try cli.run(["show", "C-2026-0001"], environment: ["CONFIDANT_PASSPHRASE": "casey's own passphrase"]).status == 0)
    }
}

@Suite("The key derivation of a new database")
struct KeyDerivationCLITests {
    @Test("init writes a slot with scrypt N=2^17, r=8, p=1")
    func slotParameters() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        let text = try cli.sqlite("SELECT kdf, rounds, blockSize, parallelism FROM keyslot")
        #expect(text == "scrypt|131072|8|1\n")
    }
}
