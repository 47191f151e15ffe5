import CaseCore
@testable import CaseStore
import Foundation
import Synchronization
import TestKit

// MARK: PostgreSQL

extension StoreEngine {
    /// The server `make test` started (scripts/postgres-test-server), or nil: then the PostgreSQL suites are skipped,
    /// and `make test` has said why.
    static let postgreSQLServer: PostgresServer? = ProcessInfo.processInfo.environment["CONFIDANT_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : try? PostgresServer(url: $0) }

    static let postgreSQL = StoreEngine(name: "PostgreSQL") { try PostgreSQLDatabase() }

    /// The same, each account working on a server login of its own name, as README's team set-up has it: the server's
    /// row-level security applies to every session but the first counselor's creation of the database.
    static let postgreSQLPerPerson = StoreEngine(name: "PostgreSQL, a login per person") { try PostgreSQLDatabase(loginPerPerson: true) }
}

/// A fresh database on the test server for each test (created by the application role, which may create databases).
/// Its dump is every table's rows, each as text, in a fixed order. Tampering is done as the database's owner or a DBA
/// would: the append-only triggers switched off, rows changed with SQL.
final class PostgreSQLDatabase: StoreDatabase {
    /// The logins already granted a database in this process, by database and account.
    static let grants = Mutex<[[String]: PostgresServer]>([:])

    let server: PostgresServer
    /// Whether each account opens the database on a server login of its own name (row-level security).
    let loginPerPerson: Bool

    /// A new, empty database on the test server, named at random.
    static func fresh() throws -> PostgresServer {
        guard var server = StoreEngine.postgreSQLServer else {
            throw ProgramError("CONFIDANT_TEST_POSTGRES_URL names no server (scripts/postgres-test-server start)")
        }
        let name = "confidant_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let link = try PostgresLink.connect(server)
        defer { link.close() }
        _ = try link.rows("CREATE DATABASE \(name)")
        server.database = name
        return server
    }

    init(loginPerPerson: Bool = false) throws {
        self.loginPerPerson = loginPerPerson
        server = try Self.fresh()
        let store = try PostgreSQLCaseStore.create(
            at: server, passphrase: StoreContract.passphrase, account: StoreContract.counselor,
            evaluator: StoreContract.evaluator, kdfRounds: 1 << 10, now: StoreContract.now)
        store.close()
    }

    func open(_ account: String, passphrase: String) throws -> any CaseRepository {
        try PostgreSQLCaseStore.open(at: loginPerPerson ? login(account) : server, passphrase: passphrase, account: account,
                                     evaluator: StoreContract.evaluator, now: StoreContract.now, pause: { _ in })
    }

    /// The server login of `account`'s own name, made on first use (logins are the server's, shared by its databases)
    /// and granted this database's tables as README's team set-up grants them.
    func login(_ account: String) throws -> PostgresServer {
        let password = "server password of \(account)"
        // One grant at a time in this process: the server refuses two concurrent changes of one role's catalog rows.
        return try Self.grants.withLock { granted in
            if let login = granted[[server.database, account]] { return login }
            let login = try server.personalLogin(account, password: password)
            granted[[server.database, account]] = login
            return login
        }
    }

    /// Runs SQL on the database directly, as its owner.
    func execute(_ sql: String) throws {
        let link = try PostgresLink.connect(server)
        defer { link.close() }
        try link.transaction { tx in
            for statement in PostgreSQLSchema.statements(sql) { try tx.run(statement) }
        }
    }

    func dump() throws -> [Data] {
        let link = try PostgresLink.connect(server)
        defer { link.close() }
        return try link.transaction { tx in
            let tables = try tx.column("""
                SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
                """, as: String.self)
            return try tables.map { table in
                let rows = try tx.column("SELECT t::text FROM \(table) t ORDER BY 1", as: String.self)
                return Data(([table] + rows).joined(separator: "\n").utf8)
            }
        }
    }

    func tamperWithAuditEntry(_ id: Int64, detail: String) throws {
        try execute("""
            ALTER TABLE audit DISABLE TRIGGER USER;
            UPDATE audit SET detail = '\(detail)' WHERE id = \(id);
            ALTER TABLE audit ENABLE TRIGGER USER
            """)
    }

    func closeBehindTheStoresBack(_ id: CaseID, on date: Date) throws {
        try execute("""
            UPDATE casefile SET status = 'closed', closedAt = '\(DateText.databaseTimestamp(date))', legalHold = false WHERE id = '\(id)'
            """)
    }

    func forge(_ edit: PlainEdit, as account: String, passphrase: String) throws {
        let store = try PostgreSQLCaseStore.open(at: server, passphrase: passphrase, account: account, evaluator: StoreContract.evaluator,
                                                 now: StoreContract.now, pause: { _ in })
        defer { store.close() }
        try store.link.transaction { tx in
            switch edit {
            case let .status(id, status):
                try tx.run("UPDATE casefile SET status = $1 WHERE id = $2", status.rawValue, id.description)
            case let .consent(id, given):
                try tx.run("UPDATE casefile SET consentShareIdentity = $1 WHERE id = $2", given, id.description)
            case let .escalation(id, level):
                try tx.run("UPDATE casefile SET escalationLevel = $1 WHERE id = $2", level.rawValue, id.description)
            case let .role(name, role):
                try tx.run("UPDATE keyslot SET role = $1, roleSeal = $2 WHERE account = $3", role.rawValue,
                           store.roleSeal(account: name, role: role), name)
            }
            for id in try tx.column("SELECT id FROM casefile", as: String.self) { store.changedRows.insert(id) }
            try store.sealChangedRows(tx)
        }
    }

    func keyDigests(_ id: CaseID, as account: String, passphrase: String) throws -> [String: String] {
        let store = try PostgreSQLCaseStore.open(at: server, passphrase: passphrase, account: account, evaluator: StoreContract.evaluator,
                                                 now: StoreContract.now, pause: { _ in })
        defer { store.close() }
        return StoreContract.digests(try store.read { tx in try store.heldKeys(tx, id) })
    }

    func forgePolicy(_ version: Int, documentOf other: Int) throws {
        try execute("""
            ALTER TABLE policy DISABLE TRIGGER USER;
            UPDATE policy SET document = (SELECT document FROM policy WHERE version = \(other)) WHERE version = \(version);
            ALTER TABLE policy ENABLE TRIGGER USER
            """)
    }

    func deletePolicy(_ version: Int) throws {
        try execute("DELETE FROM policy WHERE version = \(version)")
    }
}
