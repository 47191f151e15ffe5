import Foundation
import TestKit
import Testing

/// A team's database on a PostgreSQL server, from the command line: `--db postgresql://…` and `$CONFIDANT_DB` select it,
/// and init, the commands and a second account work on it as on a file. Run when `make test` started a test server.
@Suite("A team's database on a PostgreSQL server", .enabled(if: TeamServer.url != nil))
struct TeamServerCLITests {
    @Test("init, add, list, show and a second account work on a server named by $CONFIDANT_DB; the audit chain verifies")
    func workOnServer() throws {
        var cli = ConfidantSandbox()
        cli.database = try TeamServer.freshDatabase()
        let created = try cli.run(["init", "--account", "amani", "--organisation", "Civil Connections"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Created \(TeamServer.withoutPassword(cli.database)) with the counselor account 'amani' for Civil Connections.\n")
        #expect(try cli.run(["init", "--account", "amani"]).stderr
            == "confidant: A Confidant database already exists at \(TeamServer.withoutPassword(cli.database)); it was left untouched.\n")
        let added = try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("C-2026-0001"))
        #expect(try cli.run(["list"]).stdout.contains("C-2026-0001"))
        #expect(try cli.run(["show", "C-2026-0001"]).stdout.contains("Fatima Zahra Benali"))
        let sam = try cli.run(["user", "add", "sam", "--role", "supervisor"],
                              environment: ["CONFIDANT_NEW_PASSPHRASE": "sam's very own passphrase"])
        #expect(sam.status == 0, "\(sam.stderr)")
        let asSam = try cli.run(["list"], environment: ["CONFIDANT_PASSPHRASE": "sam's very own passphrase"])
        #expect(asSam.status == 0, "\(asSam.stderr)")
        #expect(!asSam.stdout.contains("C-2026-0001"), "a supervisor sees escalated cases only")
        let verified = try cli.run(["audit", "verify"])
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test("--db names the server; without a password in the URL, $PGPASSWORD gives it; a wrong one is a plain sentence")
    func passwordFromEnvironment() throws {
        let cli = ConfidantSandbox()
        let url = try TeamServer.freshDatabase()
        let bare = TeamServer.withoutPassword(url)
        let password = TeamServer.password(url)
        let created = try cli.run(["init", "--account", "amani", "--db", bare], environment: ["PGPASSWORD": password])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try cli.run(["list", "--db", bare], environment: ["PGPASSWORD": password]).status == 0)
        let refused = try cli.run(["list", "--db", bare], environment: ["PGPASSWORD": "not the password"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "confidant: The server at \(bare) refused the login of \(TeamServer.user(url)); check the "
            + "database password (in the URL, $PGPASSWORD or ~/.pgpass). Nothing was opened.\n")
    }

    @Test("migrate copies a file to the server, checked, and leaves the file as it was; the copy opens with the same passphrase")
    func migrateToServer() throws {
        let cli = ConfidantSandbox()
        #expect(try cli.run(["init", "--account", "amani"]).status == 0)
        #expect(try cli.run(["add", "--json", "-"], stdin: TestFixtures.sampleCaseJSON).status == 0)
        // Every row, as sqlite3 dumps them (opening a file folds its write-ahead log in, so its bytes are no measure).
        let before = try cli.sqlite(".dump")
        let url = try TeamServer.freshDatabase()
        let moved = try cli.run(["migrate", "--to", url])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("Copied to \(TeamServer.withoutPassword(url)) and checked: 1 accounts, 1 cases, "))
        #expect(try cli.sqlite(".dump") == before, "the source is only read")
        let listed = try cli.run(["list"], database: url)
        #expect(listed.stdout.contains("C-2026-0001"), "\(listed.stderr)")
        #expect(try cli.run(["audit", "verify"], database: url).status == 0)
        let again = try cli.run(["migrate", "--to", url])
        #expect(again.stderr == "confidant: A Confidant database already exists at \(TeamServer.withoutPassword(url)); it was left untouched.\n")
    }
}

/// The test server `make test` started (`CONFIDANT_TEST_POSTGRES_URL`), and fresh databases on it.
enum TeamServer {
    static let url: String? = ProcessInfo.processInfo.environment["CONFIDANT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A new, empty database on the server, as a URL with the password.
    static func freshDatabase() throws -> String {
        guard let url, let components = URLComponents(string: url) else { throw ProgramError("no test server") }
        let name = "confidant_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let run = try runProgram(psql, [url, "-q", "-c", "CREATE DATABASE \(name)"], environment: ["PATH": "/usr/bin:/bin"])
        guard run.status == 0 else { throw ProgramError("CREATE DATABASE failed: \(run.stderr)") }
        var fresh = components
        fresh.path = "/" + name
        return fresh.string!
    }

    static var psql: String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let newest = versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }.first ?? "15"
        return "/usr/lib/postgresql/\(newest)/bin/psql"
    }

    static func withoutPassword(_ url: String) -> String {
        var components = URLComponents(string: url)!
        components.password = nil
        return components.string!
    }

    static func password(_ url: String) -> String { URLComponents(string: url)?.password ?? "" }
    static func user(_ url: String) -> String { URLComponents(string: url)?.user ?? "" }
}
