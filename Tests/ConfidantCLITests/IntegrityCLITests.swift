import Foundation
import TestKit
import Testing

/// Issue 13: the audit log against someone who holds the file but not a passphrase.
@Suite("Integrity against whoever holds the file", .serialized)
struct IntegrityCLITests {
    func prepared() throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try cli.run(["export", "C-2026-0001", "--format", "json"]).status == 0)
        return cli
    }

    @Test("A cut audit tail is refused at the next login, never healed; acknowledged, work goes on and verify keeps saying so")
    func truncatedTail() throws {
        let cli = try prepared()
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > (SELECT MAX(id) - 2 FROM audit);")
        let before = FileManager.default.contents(atPath: cli.database)
        let refused = try cli.run(["list"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("confidant: The audit log is broken (the audit log ends at entry "))
        #expect(refused.stderr.hasSuffix("but its authenticated head does not match: entries were removed from its end, or the head or the database's id was altered); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'.\n"))
        #expect(FileManager.default.contents(atPath: cli.database) == before)
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "confidant: The audit log is broken at entry 5: entries after 4 were removed, or the log head or the database's id was altered.\n")
        let acknowledged = try cli.run(["audit", "acknowledge", "--text-file", "-"], stdin: "Found after the laptop was serviced; reported to IT security.")
        #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
        #expect(try cli.run(["list"]).status == 0)
        let after = try cli.run(["audit", "verify"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("but with 1 acknowledged break:"))
        #expect(after.stdout.contains("reason: Found after the laptop was serviced; reported to IT security."))
    }

    /// A database whose file was put back as it was before its last journal entry (whole, its log two entries shorter).
    func olderCopyInPlace() throws -> ConfidantSandbox {
        let cli = try prepared()
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        let old = try #require(FileManager.default.contents(atPath: cli.database))
        #expect(try cli.run(["journal", "C-2026-0001", "--kind", "note", "Called HR"]).status == 0)
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cli.database + suffix) }
        try old.write(to: URL(fileURLWithPath: cli.database))
        return cli
    }

    @Test("Replacing the whole file by an older copy is reported on this machine")
    func olderCopy() throws {
        let cli = try olderCopyInPlace()
        let refused = try cli.run(["show", "C-2026-0001"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: The audit log is broken (the database's audit log ends at entry 6, but this machine last saw entry 8: it was replaced by an older copy); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'.\n")
        #expect(try cli.run(["audit", "verify"]).status == 2)
    }

    @Test("An older copy whose database id was changed (so this machine would not know it) is refused: the head is bound to the id")
    func olderCopyWithAnotherID() throws {
        let cli = try olderCopyInPlace()
        try cli.sqlite("UPDATE meta SET value = '00112233445566778899aabbccddeeff' WHERE key = 'databaseId';")
        let before = FileManager.default.contents(atPath: cli.database)
        let refused = try cli.run(["show", "C-2026-0001"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: The audit log is broken (the audit log ends at entry 6, but its authenticated head does not match: entries were removed from its end, or the head or the database's id was altered); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'.\n")
        #expect(FileManager.default.contents(atPath: cli.database) == before)
        #expect(try cli.run(["audit", "verify"]).stderr == "confidant: The audit log is broken at entry 7: entries after 6 were removed, or the log head or the database's id was altered.\n")
    }

    @Test("An audit log emptied whole (head and all) is refused, on this machine and on any other")
    func emptiedLog() throws {
        let cli = try prepared()
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("DROP TRIGGER audit_no_delete; DELETE FROM audit; DELETE FROM meta WHERE key = 'auditHead';")
        let message = "confidant: The audit log is broken (the audit log is empty: its entries were removed, the creation of the database with them); nothing else can be done until a counselor records the finding with 'confidant audit acknowledge'.\n"
        let here = try cli.run(["list"])
        #expect(here.status == 1)
        #expect(here.stderr == message)
        // Another machine keeps no head for this database: the file alone says it was emptied.
        let elsewhere = try cli.run(["list"], environment: ["XDG_STATE_HOME": cli.path("another-machine")])
        #expect(elsewhere.stderr == message)
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "confidant: The audit log is broken at entry 1: the log is empty: every entry was removed, the creation of the database with them.\n")
        #expect(try cli.sqliteRows("SELECT COUNT(*) FROM audit") == ["0"])
    }

    @Test("Entry 1 must be the creation of the database")
    func firstEntry() throws {
        let cli = try prepared()
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("DROP TRIGGER audit_no_update; UPDATE audit SET action = 'login' WHERE id = 1;")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.stderr == "confidant: The audit log is broken at entry 1: the first entry is 'login', not the creation of the database.\n")
    }
}

/// Issue 13: sensitive text stays out of argv; the process keeps no core.
@Suite("Process hygiene", .serialized)
struct ProcessHygieneCLITests {
    /// Starts `confidant ARGS` waiting on its standard input, reads what /proc shows of it, then lets it finish.
    func whileWaiting(_ cli: ConfidantSandbox, _ arguments: [String], stdin: String,
                      inspect: (Int32) throws -> Void) throws -> ProgramRun {
        let program = try cli.start(arguments)
        // The command reads standard input after opening the database; give it a moment to get there.
        Thread.sleep(forTimeInterval: 1.0)
        try inspect(program.pid)
        return try program.finish(input: Data(stdin.utf8))
    }

    @Test("A journal entry read from standard input never appears in /proc/PID/cmdline; the process may not dump core")
    func textOutOfArgv() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        let secret = "She named her attacker: Viktor Hale, at the Kyiv warehouse"
        let result = try whileWaiting(cli, ["journal", "C-2026-0001", "--kind", "contact", "--text-file", "-"], stdin: secret) { pid in
            let cmdline = try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
            #expect(cmdline.contains("--text-file"))
            #expect(!cmdline.contains("Viktor"))
            let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
            let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? ""
            #expect(core.split(whereSeparator: \.isWhitespace).dropFirst(4).prefix(2) == ["0", "0"], "\(core)")
        }
        #expect(result.status == 0, "\(result.stderr)")
        let show = try cli.run(["show", "C-2026-0001"])
        #expect(show.stdout.contains(secret))
    }

    @Test("escalate's duty and disclose's recipient, duty and deferral come from files or standard input, never in /proc/PID/cmdline")
    func dutiesAndDisclosuresOutOfArgv() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        for step in ["acknowledged", "assessing", "support"] { #expect(try cli.run(["status", "C-2026-0001", step]).status == 0) }
        let reason = cli.path("reason.txt"), recipient = cli.path("recipient.txt"), deferral = cli.path("deferral.txt")
        try "Her family is threatened".write(toFile: reason, atomically: true, encoding: .utf8)
        try "Officer Dmytro Savchenko, Kyiv regional police\n".write(toFile: recipient, atomically: true, encoding: .utf8)
        try "Telling her now would reach Viktor Hale through her brother\n".write(toFile: deferral, atomically: true, encoding: .utf8)
        let duty = "Danger to life: Mira, her daughter, was followed home"
        let escalated = try whileWaiting(cli, ["escalate", "C-2026-0001", "--text-file", reason, "--duty-file", "-"], stdin: duty) { pid in
            let cmdline = try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
            #expect(cmdline.contains("--duty-file"))
            #expect(!cmdline.contains("Mira") && !cmdline.contains("threatened"))
        }
        #expect(escalated.status == 0, "\(escalated.stderr)")
        let disclosed = try whileWaiting(cli, ["disclose", "C-2026-0001", "--to-file", recipient, "--duty-file", "-", "--defer-file", deferral],
                                         stdin: duty) { pid in
            let cmdline = try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
            #expect(cmdline.contains("--to-file") && cmdline.contains("--defer-file"))
            #expect(!cmdline.contains("Savchenko") && !cmdline.contains("Mira") && !cmdline.contains("Viktor"))
        }
        #expect(disclosed.status == 0, "\(disclosed.stderr)")
        #expect(disclosed.stdout == "Disclosure recorded on C-2026-0001; telling the reporter is deferred.\n")
        let doc = try cli.json(cli.run(["show", "C-2026-0001", "--json"])) as! [String: Any]
        #expect(doc["dutyToAct"] as? String == duty)
        #expect((doc["disclosures"] as! [[String: Any]]).map { $0["text"] as! String } == [
            "Disclosed to Officer Dmytro Savchenko, Kyiv regional police without the reporter's consent, under a duty to act: \(duty)",
            "Telling the reporter of the disclosure to Officer Dmytro Savchenko, Kyiv regional police is deferred: Telling her now would reach Viktor Hale through her brother",
        ])
    }

    @Test("A text given both inline and from a file, or two options reading standard input, is refused", arguments: [
        (["escalate", "C-2026-0001", "--reason", "x", "--duty", "a child at risk", "--duty-file", "-"],
         "confidant: The text was given twice; use either --duty or --duty-file.\n"),
        (["disclose", "C-2026-0001", "--to", "Police", "--to-file", "-", "--duty", "danger to life"],
         "confidant: The text was given twice; use either --to or --to-file.\n"),
        (["disclose", "C-2026-0001", "--to-file", "-", "--duty-file", "-"],
         "confidant: The standard input can be read by one option only, not by --to-file and --duty-file.\n"),
        (["disclose", "C-2026-0001", "--duty", "danger to life"],
         "confidant: The recipient of the disclosure is missing (give it with --to, or --to-file FILE, or - for standard input).\n"),
        (["disclose", "C-2026-0001", "--to", "Police", "--duty", "danger to life", "--defer", "x", "--defer-file", "-"],
         "confidant: The text was given twice; use either --defer or --defer-file.\n"),
    ] as [([String], String)])
    func textGivenTwiceRefused(args: [String], sentence: String) throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        let before = FileManager.default.contents(atPath: cli.database)
        let refused = try cli.run(args, stdin: "x")
        #expect(refused.status != 0)
        #expect(refused.stderr == sentence)
        #expect(FileManager.default.contents(atPath: cli.database) == before)
    }

    @Test("lookup reads the follow-up code from standard input, never from the command line")
    func lookupFromStdin() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        let anonymous = #"{"channel":"whistleblowing","incidentFirst":"2026-11-01","reporter":{"anonymous":true},"relationship":"staff","reported":[],"categories":["harassment"],"narrative":"Seen in the canteen."}"#
        let added = try cli.run(["add", "--json", "-"], stdin: anonymous)
        let code = try #require(added.stderr.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        let found = try cli.run(["lookup"], stdin: code + "\n")
        #expect(found.stdout == "C-2026-0001\n", "\(found.stderr)")
        let refused = try cli.run(["lookup", code])
        #expect(refused.status == 64)
        #expect(refused.stderr.split(separator: "\n").first == "Error: The follow-up code is read from standard input or asked on the terminal, never taken from the command line (the shell keeps it in its history); nothing was looked up.")
        #expect(!refused.stderr.contains(code))
    }

    @Test("respondents strips escape sequences from names typed by people")
    func respondentsSanitised() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        let hostile = TestFixtures.sampleCaseJSON.replacingOccurrences(of: "Viktor Hale", with: "Viktor\\u001b]0;pwned\\u0007 Hale")
        for _ in 0..<2 { #expect(try cli.run(["add", "--json", "-"], stdin: hostile).status == 0) }
        let out = try cli.run(["respondents"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.contains("\u{1B}"))
        #expect(out.stdout.contains("Viktor"))
    }
}

@Suite("The shipped binary's clock")
struct ShippedClockTests {
    @Test("CONFIDANT_NOW is ignored by the shipped binary: a purge in 2099 purges nothing, and audit times are real")
    func clockFromEnvironmentIgnored() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try cli.run(["status", "C-2026-0001", "withdrawn", "--note", "Left"]).status == 0)
        let purge = try cli.run(["purge", "--yes"], environment: ["CONFIDANT_NOW": "2099-01-01T00:00:00Z"], shipped: true)
        #expect(purge.status == 0, "\(purge.stderr)")
        let listed = try cli.json(cli.run(["list", "--json"])) as! [[String: Any]]
        #expect(listed.map { $0["id"] as! String } == ["C-2026-0001"])
        let audit = try cli.run(["audit", "list"]).stdout
        #expect(!audit.contains("2099"))
    }
}

/// Issue 13: plain columns that drive behaviour are sealed.
@Suite("Forged rows are reported, never obeyed", .serialized)
struct ForgedRowsCLITests {
    /// A case put on hold through Confidant, then forged with sqlite3: withdrawn in 2020 with its hold lifted, so that
    /// retention would purge it (and whatever `alsoSetting` adds, a column assignment ending in a comma).
    func heldCaseForgedClosed(alsoSetting extra: String = "") throws -> ConfidantSandbox {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try cli.run(["hold", "C-2026-0001", "--reason", "Court order"]).status == 0)
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("""
            UPDATE casefile SET status = 'withdrawn', closedAt = '2020-01-01 00:00:00.000', legalHold = 0, \(extra)
                queueOpen = 1 WHERE id = 'C-2026-0001';
            """)
        return cli
    }

    @Test("A case forged closed with an old date and its hold lifted is not purged, and verify names it")
    func forgedClosedCaseNotPurged() throws {
        let cli = try heldCaseForgedClosed()
        let purge = try cli.run(["purge", "--yes"])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(try cli.run(["list", "--json"]).stdout.contains("C-2026-0001"))
        let show = try cli.run(["show", "C-2026-0001"])
        #expect(show.stderr == "confidant: C-2026-0001 was changed outside Confidant: its status, dates, hold, consent, score or journal no longer match their seal; nothing was done to it. Run 'confidant audit verify'.\n")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "confidant: Changed outside Confidant (status, dates, hold, consent, score or journal no longer match their seal): C-2026-0001.\n")
    }

    @Test("A forged row stays forged when another case naming the same person re-ranks it: never resealed, never purged")
    func forgedRowNotResealedBySibling() throws {
        let cli = try heldCaseForgedClosed(alsoSetting: "consentShareIdentity = 1,")
        // The same reported person again: the first case's pervasiveness is recomputed with this one.
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "confidant: Changed outside Confidant (status, dates, hold, consent, score or journal no longer match their seal): C-2026-0001.\n")
        let purge = try cli.run(["purge", "--yes"])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(try cli.run(["list", "--json"]).stdout.contains("C-2026-0001"))
    }

    @Test("The queue's own columns are sealed too: a forged next deadline is reported")
    func forgedNextDeadline() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("UPDATE casefile SET nextDueAt = '2099-01-01 00:00:00.000', nextDueEpoch = 4070908800 WHERE id = 'C-2026-0001';")
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr == "confidant: Changed outside Confidant (status, dates, hold, consent, score or journal no longer match their seal): C-2026-0001.\n")
    }

    @Test("A deleted journal row and a flipped role are found")
    func deletedJournalAndFlippedRole() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        #expect(try cli.run(["journal", "C-2026-0001", "--kind", "contact", "Called her back"]).status == 0)
        #expect(try cli.run(["user", "add", "sam", "--role", "supervisor"], environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's own passphrase"]).status == 0)
        try cli.sqlite("PRAGMA wal_checkpoint(TRUNCATE);")
        try cli.sqlite("DELETE FROM journal WHERE id = (SELECT MAX(id) FROM journal); UPDATE keyslot SET role = 'counselor' WHERE account = 'sam';")
        let show = try cli.run(["journal", "C-2026-0001", "--kind", "note", "x"])
        #expect(show.stderr == "confidant: C-2026-0001 was changed outside Confidant: its status, dates, hold, consent, score or journal no longer match their seal; nothing was done to it. Run 'confidant audit verify'.\n")
        let flipped = try cli.run(["list"], environment: ["CONFIDANT_PASSPHRASE": "sam's own passphrase"])
        #expect(flipped.status == 1)
        #expect(flipped.stderr == "confidant: The role of the account sam was changed outside Confidant and no longer matches its seal; nothing was done. Run 'confidant audit verify'.\n")
        // Every other session's verify names it too.
        let verify = try cli.run(["audit", "verify"])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("confidant: Roles changed outside Confidant (each is refused at login): sam.\n"))
    }
}

@Suite("A login that cannot be audited")
struct LoginFailsClosedTests {
    @Test("When the login cannot be written into the audit log, the command shows nothing and fails")
    func failsClosed() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        try cli.sqlite("CREATE TRIGGER no_login BEFORE INSERT ON audit WHEN NEW.action = 'login' BEGIN SELECT RAISE(ABORT, 'disk refused'); END;")
        let listed = try cli.run(["list"])
        #expect(listed.status == 1)
        #expect(listed.stdout.isEmpty)
        #expect(listed.stderr == "confidant: The login could not be written into the audit log, so nothing is shown; check the disk and run 'confidant audit verify'.\n")
    }
}
