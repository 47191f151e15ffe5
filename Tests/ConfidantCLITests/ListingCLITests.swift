import Foundation
import TestKit
import Testing

/// `list` with the desk's filters and a limit, and tables that align and fit (issue 16).
@Suite("Listing on the command line", .serialized)
struct ListingCLITests {
    /// The demo database (48 cases) in a sandbox.
    func demo() throws -> ConfidantSandbox {
        try ConfidantSandbox.demo()
    }

    func rows(_ result: ProgramRun) throws -> [[String: Any]] {
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test("--status, --band, --category and --overdue keep what the desk's filters keep, in queue order; --limit the first N")
    func filters() throws {
        let sandbox = try demo()
        defer { sandbox.cleanUp() }
        let all = try rows(sandbox.run(["list", "--json"]))
        #expect(all.count == 48)
        let terminal = ["closed", "screened-out", "withdrawn"]
        func ids(_ keep: ([String: Any]) -> Bool) -> [String] { all.filter(keep).map { $0["id"] as! String } }
        func listed(_ arguments: [String]) throws -> [String] { try rows(sandbox.run(["list", "--json"] + arguments)).map { $0["id"] as! String } }

        let open = ids { !terminal.contains($0["status"] as! String) }
        #expect(try listed(["--status", "open"]) == open)
        #expect(open.count > 10 && open.count < 48)
        #expect(try listed(["--status", "open", "--limit", "5"]) == Array(open.prefix(5)))
        #expect(try listed(["--limit", "3"]) == Array(ids { _ in true }.prefix(3)))
        #expect(try listed(["--status", "closed"]) == ids { terminal.contains($0["status"] as! String) })
        #expect(try listed(["--status", "escalated"]) == ids { $0["status"] as? String == "escalated" })
        #expect(try listed(["--band", "critical"]) == ids { $0["band"] as? String == "critical" })
        #expect(try listed(["--band", "unrated"]) == ids { $0["band"] == nil })
        #expect(try listed(["--overdue"]) == ids { $0["overdue"] as? Bool == true })
        #expect(try listed(["--category", "harassment", "--status", "open"])
            == ids { ($0["categories"] as! [String]).contains("harassment") && !terminal.contains($0["status"] as! String) })
        let critical = try listed(["--band", "critical"]), overdue = try listed(["--overdue"])
        #expect(!critical.isEmpty && !overdue.isEmpty)
    }

    @Test("Options that select nothing sensible are refused before the passphrase, in one sentence", arguments: [
        (["--limit", "0"], "confidant: The --limit option must be 1 or more, not 0.\n"),
        (["--band", "urgent"], "confidant: The --band option 'urgent' is not one of critical, high, medium, low, unrated.\n"),
        (["--status", "pending"], "confidant: The --status option 'pending' is not one of open, all, escalated, closed.\n"),
        (["--category", "rudeness"], "confidant: The --category option 'rudeness' is not one of aggression-violence, bullying, discrimination, harassment, sexual-harassment, sexual-exploitation-abuse, abuse-of-authority, victimisation, vilification.\n"),
    ])
    func refused(arguments: [String], message: String) throws {
        let sandbox = try ConfidantSandbox.demo()
        defer { sandbox.cleanUp() }
        // No database at all: the option is refused first.
        let result = try sandbox.run(["list"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr == message)
        #expect(result.stdout == "")
    }

    @Test("The table's columns line up under their titles")
    func table() throws {
        let sandbox = try demo()
        defer { sandbox.cleanUp() }
        let result = try sandbox.run(["list", "--status", "open", "--limit", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let header = lines[0]
        #expect(header.hasPrefix("ID           BAND"))
        let statusColumn = try #require(header.range(of: "STATUS")).lowerBound.utf16Offset(in: header)
        for line in lines.dropFirst() {
            let characters = Array(line)
            #expect(line.hasPrefix("C-2026-"))
            #expect(characters[statusColumn - 1] == " " && characters[statusColumn] != " ", "\(line)")
            #expect(!line.hasSuffix(" "))
        }
    }

    @Test("Wide characters take two columns, so a table with them still lines up (audit list)")
    func wideCharacters() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "田中"]).status == 0)
        #expect(try cli.run(["user", "add", "sam", "--role", "supervisor"],
                            environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's own passphrase"]).status == 0)
        #expect(try cli.run(["list"], environment: ["CONFIDANT_PASSPHRASE": "sam's own passphrase"]).status == 0)
        let audit = try cli.run(["audit", "list"])
        #expect(audit.status == 0, "\(audit.stderr)")
        // The column of actions starts at the same terminal column on every line, whoever the actor.
        let columns = audit.stdout.split(separator: "\n").map { line -> Int in
            let action = line.range(of: " login ") ?? line.range(of: " init ") ?? line.range(of: " account-add ")
            let prefix = line[..<(action?.lowerBound ?? line.endIndex)]
            return prefix.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 2 : 1) }
        }
        #expect(audit.stdout.contains("田中") && audit.stdout.contains("sam"))
        #expect(Set(columns).count == 1, "\(audit.stdout)")
    }

    @Test("On a terminal the table is cut to its width, the last column ending in an ellipsis")
    func fitsTheTerminal() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        var term = TerminalPromptTests.Tmux(cli: cli)
        term.width = 90
        try term.start()
        defer { term.stop() }
        try term.type("CONFIDANT_PASSPHRASE='correct horse battery' \(ConfidantSandbox.testClockBinary) list; echo LIST''ED")
        try term.press("Enter")
        #expect(try term.waitFor("LISTED"))  // typed as LIST''ED: only the output has it
        let screen = try term.screen()
        let row = try #require(screen.split(separator: "\n").first { $0.hasPrefix("C-2026-0001") }, "\(screen)")
        #expect(row.count == 90)
        #expect(row.hasSuffix("…"))
        #expect(row.contains("  harassment,abuse"))
        // Not on a terminal: nothing is cut.
        #expect(try cli.run(["list"]).stdout.contains("harassment,abuse-of-authority\n"))
    }
}
