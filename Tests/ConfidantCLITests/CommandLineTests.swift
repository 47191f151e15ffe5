import Foundation
import TestKit
import Testing

@Suite("The confidant command line", .serialized)
struct CommandLineTests {
    /// A database with one case, C-2026-0001.
    func prepared() throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        let created = try cli.run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        let added = try cli.run(["add", "--json", cli.write("case.json", TestFixtures.sampleCaseJSON)])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "C-2026-0001\n")
        return cli
    }

    @Test("init, add, list --json and show --json work together")
    func happyPath() throws {
        let cli = try prepared()
        let second = try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON.replacingOccurrences(of: "Amber Heron", with: "Teal Otter"))
        #expect(second.stdout == "C-2026-0002\n")

        let list = try cli.json(cli.run(["list", "--json"])) as! [[String: Any]]
        #expect(list.map { $0["id"] as! String } == ["C-2026-0001", "C-2026-0002"])
        #expect(list[0]["pseudonym"] as? String == "Amber Heron")

        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        #expect(show["id"] as? String == "C-2026-0001")
        #expect(show["status"] as? String == "new")
        #expect(show["channel"] as? String == "complaint")
        #expect(show["categories"] as? [String] == ["harassment", "abuse-of-authority"])
        let reporter = show["reporter"] as! [String: Any]
        #expect(reporter["pseudonym"] as? String == "Amber Heron")
        #expect(reporter["name"] as? String == "Fatima Zahra Benali")
        let deadlines = show["deadlines"] as! [[String: Any]]
        #expect(Set(deadlines.map { $0["kind"] as! String }) == ["acknowledge", "letter", "first-contact", "feedback", "follow-up"])
        #expect(deadlines.allSatisfy { $0["due"] is String && $0["overdue"] is Bool })
    }

    @Test("assess prints the breakdown and show --json carries the score: 2,3,4,2,3 → 72 critical")
    func assess() throws {
        let cli = try prepared()
        try cli.run(["status", "C-2026-0001", "acknowledged"])
        try cli.run(["status", "C-2026-0001", "assessing"])
        let assessed = try cli.run(["assess", "C-2026-0001", "--frequency", "2", "--severity", "3", "--threat", "4",
                                    "--wellbeing", "2", "--power", "3"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(assessed.stdout.contains("Score 72/100 → Critical"))
        #expect(assessed.stdout.contains("Override: explicit threat of violence or harm"))
        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        let score = show["score"] as! [String: Any]
        #expect(score["value"] as? Int == 72)
        #expect(score["band"] as? String == "critical")
        #expect(score["severeOrPervasive"] as? Bool == true)
        #expect(score["overrides"] as? [String] == ["explicit threat of violence or harm"])
        let lines = score["lines"] as! [[String: Any]]
        #expect(lines.filter { $0["kind"] as? String == "factor" }.count == 5)
        #expect(lines.contains { $0["kind"] as? String == "override" })
    }

    @Test("status, journal and escalate change the case and are journaled")
    func workflow() throws {
        let cli = try prepared()
        for step in ["acknowledged", "assessing", "support"] {
            let moved = try cli.run(["status", "C-2026-0001", step])
            #expect(moved.status == 0, "\(moved.stderr)")
        }
        #expect(try cli.run(["journal", "C-2026-0001", "Arranged counselling", "--kind", "support"]).status == 0)
        let refused = try cli.run(["escalate", "C-2026-0001", "--to", "complaints-team", "--reason", "Reporter not satisfied"])
        #expect(refused.stderr == "confidant: The reporter's wishes are not recorded: escalate only at their request (wishes formal or escalate) or state a duty to act.\n")
        let escalated = try cli.run(["escalate", "C-2026-0001", "--to", "head-of-department", "--reason", "Reporter not satisfied",
                                     "--duty", "danger to life: threats against the reporter's family"])
        #expect(escalated.status == 0, "\(escalated.stderr)")
        let show = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        #expect(show["status"] as? String == "escalated")
        #expect(show["escalationLevel"] as? String == "head-of-department")
        let kinds = (show["journal"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(kinds == ["status", "status", "status", "support", "escalation"])
    }

    /// Runs a failing command and checks: non-zero exit, one sentence on stderr, nothing on stdout, the case unchanged.
    func expectRefusal(_ cli: ConfidantSandbox, _ args: [String], stdin: String? = nil, says sentence: String) throws {
        let before = try cli.run(["show", "C-2026-0001", "--json"]).stdout
        let result = try cli.run(args, stdin: stdin)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == sentence)
        let after = try cli.run(["show", "C-2026-0001", "--json"]).stdout
        #expect(after == before)
        #expect(try cli.run(["list", "--json"]).stdout.components(separatedBy: "\"id\"").count == 2)
    }

    @Test("Bad input is refused with one sentence, a non-zero exit, and nothing changed")
    func badInput() throws {
        let cli = try prepared()
        try expectRefusal(cli, ["status", "C-2026-0001", "closed"],
                          says: "confidant: A case cannot move from new to closed; from new it can go to: acknowledged, screened-out, withdrawn.\n")
        try expectRefusal(cli, ["assess", "C-2026-0001", "--frequency", "5", "--severity", "1", "--threat", "1",
                                "--wellbeing", "1", "--power", "1"], says: "confidant: The frequency rating must be between 0 and 4, not 5.\n")
        try expectRefusal(cli, ["show", "C-2026-0099"], says: "confidant: There is no case C-2026-0099 in this database.\n")
        try expectRefusal(cli, ["add", "--json", "-"], stdin: "{\"channel\": ",
                          says: "confidant: The JSON input is not a valid case: it is not valid JSON.\n")
        try expectRefusal(cli, ["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON.replacingOccurrences(of: "\"harassment\"", with: "\"rudeness\""),
                          says: "confidant: 'rudeness' is not a category in the taxonomy.\n")
        try expectRefusal(cli, ["escalate", "C-2026-0001", "--to", "the-pope", "--reason", "x"],
                          says: "confidant: The escalation level 'the-pope' is not one of complaints-team, head-of-department, higher-management, external-committee.\n")
        try expectRefusal(cli, ["journal", "C-2026-0001", " "], says: "confidant: A journal entry needs some text.\n")
        try expectRefusal(cli, ["status", "not-an-id", "closed"],
                          says: "confidant: The case id 'not-an-id' is not a case id like C-2026-0042.\n")
    }

    @Test("A wrong or missing passphrase is refused clearly")
    func passphrases() throws {
        var cli = try prepared()
        cli.passphrase = "wrong horse battery"
        let wrong = try cli.run(["list"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "confidant: The passphrase is not correct for this database; nothing was opened or changed.\n")
        cli.passphrase = nil
        let missing = try cli.run(["list"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "confidant: No passphrase: set CONFIDANT_PASSPHRASE or run Confidant from a terminal so it can ask for one.\n")
    }

    @Test("init refuses to overwrite and refuses short passphrases; commands without a database say how to make one")
    func initRules() throws {
        let cli = try prepared()
        let again = try cli.run(["init"])
        #expect(again.status == 1)
        #expect(again.stderr == "confidant: A Confidant database already exists at \(cli.database); it was left untouched.\n")
        let fresh = ConfidantSandbox()
        let noDB = try fresh.run(["list"])
        #expect(noDB.status == 1)
        #expect(noDB.stderr == "confidant: There is no Confidant database at \(fresh.database); create one with 'confidant init' or point --db at an existing one.\n")
        var short = ConfidantSandbox()
        short.passphrase = "abc"
        let refused = try short.run(["init"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: The passphrase is too weak: it is shorter than 12 characters. Choose a longer phrase of several unrelated words.\n")
        #expect(!FileManager.default.fileExists(atPath: short.database))
    }

    @Test("init and user add refuse a common password with digits or symbols added, whatever its case", arguments: ["Password1234", "password123456"])
    func commonPasswordDressedUp(passphrase: String) throws {
        let sentence = "confidant: The passphrase is too weak: it is one of the most common passwords, with digits or symbols added. Choose a longer phrase of several unrelated words.\n"
        var weak = ConfidantSandbox()
        weak.passphrase = passphrase
        let refused = try weak.run(["init"])
        #expect(refused.status == 1)
        #expect(refused.stderr == sentence)
        #expect(!FileManager.default.fileExists(atPath: weak.database))
        let cli = try prepared()
        let before = FileManager.default.contents(atPath: cli.database)
        let added = try cli.run(["user", "add", "sam", "--role", "supervisor"], environment: ["CONFIDANT_NEW_PASSPHRASE": passphrase])
        #expect(added.status == 1)
        #expect(added.stderr == sentence)
        #expect(FileManager.default.contents(atPath: cli.database) == before)
    }

    @Test("The database file shows no reporter name, contact or narrative to `strings`")
    func noPlaintextOnDisk() throws {
        let cli = try prepared()
        try cli.run(["journal", "C-2026-0001", "Met at the café on Rue Lafayette"])
        for suffix in ["", "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: cli.database + suffix) else { continue }
            for secret in ["Fatima Zahra Benali", "fz.benali@example.org", "contract would not be renewed", "Viktor Hale", "Rue Lafayette"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) readable")
            }
        }
    }

    @Test("The terminal UI refuses to start without a terminal")
    func noTerminal() throws {
        let cli = try prepared()
        let result = try cli.run([])
        #expect(result.status == 1)
        #expect(result.stderr == "confidant: Confidant's case desk needs an interactive terminal (80×24 or larger); stdin is not a terminal. Use the subcommands (list, show, …) in scripts.\n")
        #expect(result.stdout.isEmpty)
    }
}

@Suite("No escape sequences reach the terminal")
struct TerminalInjectionTests {
    @Test("show strips terminal escape sequences from names and narratives; show --json keeps them escaped")
    func showIsSafe() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init"]).status == 0)
        let hostile = TestFixtures.sampleCaseJSON
            .replacingOccurrences(of: "Fatima Zahra Benali", with: "Fatima \\u001b]0;pwned\\u0007\\u001b[31mRED")
            .replacingOccurrences(of: "He told me", with: "\\u001b[2JHe told me")
        #expect(try cli.run(["add", "--json", "-"], stdin: hostile).status == 0)
        let shown = try cli.run(["show", "C-2026-0001"])
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("\u{1B}"))
        #expect(!shown.stdout.contains("\u{07}"))
        #expect(shown.stdout.contains("He told me"))
        let json = try cli.run(["show", "C-2026-0001", "--json"])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains("\\u001b[31mRED"))
    }
}
