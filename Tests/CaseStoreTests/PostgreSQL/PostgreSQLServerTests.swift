import CaseCore
@testable import CaseStore
import Foundation
import Testing
import TestKit

/// What only a shared server asks: its operator's dump holds no sealed text, the server itself refuses to rewrite the
/// audit log, and two stores writing at once leave one chain. Run when `make test` started a test server.
@Suite("PostgreSQL engine on a test server", .enabled(if: StoreEngine.postgreSQLServer != nil))
struct PostgreSQLServerTests {
    static let marker = "QXZMARKER"

    @Test("pg_dump of a database holding a case with a marker in every sealed field finds no marker")
    func dumpHoldsNoSealedText() throws {
        let database = try PostgreSQLDatabase()
        let desk = CaseDesk(store: try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase),
                            clock: { StoreContract.now })
        let m = Self.marker
        var intake = StoreFixtures.intake(reporter: "\(m) Reporter", contact: "\(m.lowercased())@example.org",
                                          reported: "\(m) Reported", narrative: "\(m) narrative: what happened.")
        intake.supportNeeds = "\(m) support needs"
        intake.reported[0].role = "\(m) role"
        intake.affected = .init(pseudonym: "Grey Owl", name: "\(m) Affected", contact: "\(m)-affected@example.org")
        let id = try desk.add(intake).id
        try desk.record(id, .contact, text: "\(m) journal text")
        try desk.move(id, to: .acknowledged, note: "\(m) status note")
        try desk.move(id, to: .assessing, note: nil)
        try desk.escalate(id, to: .complaintsTeam, reason: "\(m) escalation reason", duty: "\(m) duty to act")
        #expect(try desk.open(id).item.narrative.contains(m), "the case holds the marker, as the counselor reads it")

        let dump = try Self.pgDump(database.server)
        #expect(dump.contains(id.description), "the dump holds the case's row")
        #expect(dump.contains("sealedNarrative") || dump.contains("sealednarrative"))
        #expect(!dump.localizedCaseInsensitiveContains(m))
    }

    @Test("The server refuses to change or delete an audit entry, whoever asks")
    func auditAppendOnly() throws {
        let database = try PostgreSQLDatabase()
        let store = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        let desk = CaseDesk(store: store, clock: { StoreContract.now })
        let id = try desk.add(StoreFixtures.intake()).id
        try desk.record(id, .note, text: "Written once, never rewritten")
        let before = try database.dump()
        for statement in ["UPDATE audit SET detail = 'nothing happened' WHERE id = 1", "DELETE FROM audit", "TRUNCATE audit",
                          "UPDATE journal SET author = 'someone else'"] {
            #expect(throws: (any Error).self, "\(statement)") { try database.execute(statement) }
        }
        #expect(try database.dump() == before)
        #expect(try store.verifyAudit() == .intact(entries: try store.auditEntries(caseId: nil).count))
        #expect(try store.loadCase(id).journal.last.map { [$0.author, $0.text] } == [StoreContract.counselor, "Written once, never rewritten"])
    }

    @Test("Two stores appending at once leave one audit chain that verifies, with every entry in it")
    func concurrentAppends() throws {
        let database = try PostgreSQLDatabase()
        let stores = try (0..<2).map { _ in try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase) }
        let failures = LockedValue<[String]>([])
        let perStore = 25
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            do {
                for round in 0..<perStore {
                    if round % 5 == 0 {
                        _ = try stores[index].addCase(StoreFixtures.intake(reported: "Person \(index)-\(round)"), now: StoreContract.now)
                    } else {
                        try stores[index].audit(action: "export", caseId: nil, detail: "store \(index) entry \(round)", now: StoreContract.now)
                    }
                }
            } catch {
                failures.set(failures.value + ["\(error)"])
            }
        }
        #expect(failures.value == [])
        let entries = try stores[0].auditEntries(caseId: nil)
        // init, a login per store, and every entry of both.
        #expect(entries.count == 1 + stores.count + stores.count * perStore)
        #expect(entries.map(\.id) == Array(1...Int64(entries.count)))
        #expect(try stores[1].verifyAudit() == .intact(entries: entries.count))
        #expect(try stores[0].summaries().count == stores.count * perStore / 5)
    }

    @Test("An older copy of the database put back on the server is refused until a counselor records the finding")
    func olderCopyRefused() throws {
        let database = try PostgreSQLDatabase()
        func session() throws -> PostgreSQLCaseStore {
            try #require(try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase) as? PostgreSQLCaseStore)
        }
        let first = try session()
        let id = try first.addCase(StoreFixtures.intake(), now: StoreContract.now).id
        let copied = try first.auditEntries(caseId: nil).count
        first.close()
        // The operator keeps a copy of the database (as a backup would) ...
        let admin = try PostgresLink.connect(try #require(StoreEngine.postgreSQLServer))
        defer { admin.close() }
        let copy = database.server.database + "_copy"
        _ = try admin.rows("CREATE DATABASE \(copy) TEMPLATE \(database.server.database)")
        let second = try session()
        try CaseDesk(store: second, clock: { StoreContract.now }).record(id, .note, text: "Written after the copy")
        let seen = try second.auditEntries(caseId: nil).count
        second.close()
        // ... and later puts it back in place of the database.
        _ = try admin.rows("DROP DATABASE \(database.server.database) WITH (FORCE)")
        _ = try admin.rows("ALTER DATABASE \(copy) RENAME TO \(database.server.database)")
        let third = try session()
        let problem = Phrase.key("audit.problem.older-copy", ["id": "\(copied)", "known": "\(seen)"])
        #expect(try third.integrityProblem() == problem)
        #expect(throws: StoreError.auditBroken(problem)) { try third.loadCase(id) }
        try third.acknowledgeAuditBreak(reason: "The server was restored from last night's backup", now: StoreContract.now)
        #expect(try third.integrityProblem() == nil)
        #expect(try third.loadCase(id).journal.map(\.text).contains("Written after the copy") == false)
    }

    @Test("A change another program commits reaches an open desk's queue version through LISTEN/NOTIFY within a second")
    func queueVersionHeard() throws {
        let database = try PostgreSQLDatabase()
        let store = try #require(try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase) as? PostgreSQLCaseStore)
        let start = try #require(try store.queueVersion())
        #expect(store.queueListener.value.listening)
        // Another program's write to the cases (one that changes no row: the server's trigger announces every statement).
        try database.execute("UPDATE casefile SET updatedAt = updatedAt WHERE false")
        let deadline = Date().addingTimeInterval(1)
        while store.queueListener.value.heard == start, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(store.queueListener.value.heard == start + 1, "heard on the listening connection, not read")
        #expect(try store.queueVersion() == start + 1)
    }

    @Test("Rows sent in batches of as many as the argument limit allows all arrive, once each and whole, NULLs and bytes included")
    func batchedInsert() throws {
        let database = try PostgreSQLDatabase()
        let link = try PostgresLink.connect(database.server)
        defer { link.close() }
        let rows: [(Int, String?, Data)] = (1...1_000).map { ($0, $0 % 7 == 0 ? nil : "row \($0)", Data([UInt8($0 % 256), 0, 255])) }
        let read = try link.transaction { tx in
            try tx.run("CREATE TABLE batched (n BIGINT PRIMARY KEY, label TEXT, bytes BYTEA NOT NULL)")
            // 3 values a row and a limit of 64 arguments: 21 rows a statement, 48 statements.
            try tx.insert(into: "batched", columns: ["n", "label", "bytes"], rows, argumentLimit: 64) { [$0.0, $0.1, $0.2] }
            return try tx.rows("SELECT n, label, bytes FROM batched ORDER BY n").map {
                (try $0.get("n", as: Int.self), try $0.get("label", as: String?.self), try $0.get("bytes", as: Data.self))
            }
        }
        #expect(read.count == rows.count)
        #expect(zip(read, rows).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 })
    }

    @Test("A server login of a person's own name is made with the team set-up's grants, and a name that is no login is refused")
    func personalLogin() throws {
        let database = try PostgreSQLDatabase()
        _ = try database.open(StoreContract.counselor, passphrase: StoreContract.passphrase)
        let login = try database.server.personalLogin("ana.lopez-2", password: "it's Ana's")
        #expect(login.user == "ana.lopez-2" && login.password == "it's Ana's" && login.database == database.server.database)
        let link = try PostgresLink.connect(login)
        defer { link.close() }
        #expect(try link.rows("SELECT session_user AS who").first?.get("who", as: String.self) == "ana.lopez-2")
        #expect(try link.rows("SELECT COUNT(*) AS n FROM keyslot").first?.get("n", as: Int.self) == 1, "granted the tables")
        do {
            _ = try link.rows("DROP TABLE audit")
            Issue.record("a person's login dropped a table")
        } catch let refusal as PostgresFailure {
            #expect(refusal.code == "42501", "refused as not the tables' owner: \(refusal.message)")
        }
        #expect(throws: StoreError.server("'sam\"; DROP TABLE audit; --' cannot be a server login's name.")) {
            _ = try database.server.personalLogin("sam\"; DROP TABLE audit; --", password: "x")
        }
    }

    /// The text of `pg_dump` of a database, as its operator would take it.
    static func pgDump(_ server: PostgresServer) throws -> String {
        let binaries = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = binaries.sorted(by: { $0.compare($1, options: .numeric) == .orderedDescending }).first else {
            throw ProgramError("no pg_dump in /usr/lib/postgresql")
        }
        let run = try runProgram("/usr/lib/postgresql/\(version)/bin/pg_dump",
                                 ["--no-owner", "-h", server.host, "-p", String(server.port), "-U", server.user, server.database],
                                 environment: ["PGPASSWORD": server.password ?? "", "PATH": "/usr/bin:/bin"])
        guard run.status == 0 else { throw ProgramError("pg_dump failed: \(run.stderr)") }
        return run.stdout
    }
}
