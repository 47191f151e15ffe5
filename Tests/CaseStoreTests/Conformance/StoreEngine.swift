import CaseCore
@testable import CaseStore
import Crypto
import Foundation
import TestKit
import Testing

/// A store engine the contract (``StoreContractTests``) is checked against. Each test runs once per engine in
/// ``all``: SQLite, and PostgreSQL (``PostgreSQLDatabase``) when a test server runs, both with the owner's login and
/// with each account on a server login of its own name (row-level security).
struct StoreEngine: Sendable, CustomStringConvertible {
    var name: String
    /// A new, empty database whose one account is the counselor ``StoreContract/counselor``, with
    /// ``StoreContract/passphrase`` (fast key derivation, the shipped configuration, the fixed clock).
    var create: @Sendable () throws -> any StoreDatabase

    var description: String { name }

    /// SQLite always; PostgreSQL when a test server is named by `CONFIDANT_TEST_POSTGRES_URL` (`make test` starts one).
    static let all: [StoreEngine] = [.sqlite] + (postgreSQLServer == nil ? [] : [.postgreSQL, .postgreSQLPerPerson])
}

/// One database of an engine, as the contract drives it: sessions are opened on it, and what no store would do
/// (dump it whole, change it behind the store's back) is done here.
protocol StoreDatabase: AnyObject {
    /// A store on this database for `account`, opened as a login opens one (its login not yet recorded).
    func open(_ account: String, passphrase: String) throws -> any CaseRepository
    /// Everything the database holds, to compare before and after an action that is refused.
    func dump() throws -> [Data]
    /// Rewrites the detail of audit entry `id` behind the store's back, as someone with direct access to the storage.
    func tamperWithAuditEntry(_ id: Int64, detail: String) throws
    /// Marks a case closed on `date` behind the store's back (without a hold, so retention would purge it).
    func closeBehindTheStoresBack(_ id: CaseID, on date: Date) throws
    /// Changes a plain column as someone holding `account`'s passphrase and a copy of the storage could: with a program
    /// of their own, the row's seal made again with the team key that passphrase opens, so the store sees no forgery.
    func forge(_ edit: PlainEdit, as account: String, passphrase: String) throws
    /// A digest of each key of a case that `account` holds (by kind: content, identity, copy), unwrapped with its
    /// passphrase as a program of their own would: empty when it holds none.
    func keyDigests(_ id: CaseID, as account: String, passphrase: String) throws -> [String: String]
    /// Puts the stored document of version `other` of the team policy in place of version `version`'s, behind the
    /// store's back (an older policy brought back under the newer number).
    func forgePolicy(_ version: Int, documentOf other: Int) throws
    /// Deletes a stored version of the team policy behind the store's back.
    func deletePolicy(_ version: Int) throws
}

/// A plain column as ``StoreDatabase/forge(_:as:passphrase:)`` changes it.
enum PlainEdit {
    case status(CaseID, CaseStatus)
    case consent(CaseID, Bool)
    case escalation(CaseID, EscalationLevel)
    case role(String, Role)
}

/// The accounts and constants the contract's databases share.
enum StoreContract {
    static let counselor = "counselor"
    static let passphrase = TestFixtures.passphrase
    static let now = TestFixtures.now
    static let evaluator = StoreFixtures.evaluator

    /// A digest of each key held, by kind (content, identity, copy).
    static func digests(_ keys: CaseKeys) -> [String: String] {
        var digests: [String: String] = [:]
        for kind in CaseKeys.Kind.allCases {
            guard let key = keys[kind] else { continue }
            digests[kind.rawValue] = key.withUnsafeBytes { SHA256.hash(data: Data($0)).description }
        }
        return digests
    }

    /// The shipped team policy with the weight of severity changed (1.5 in the shipped scoring.json).
    static func policy(severityWeight weight: String) throws -> TeamPolicy {
        let shipped = try #require(evaluator.source)
        let scoring = try #require(shipped.parts["scoring.json"])
        let changed = scoring.replacingOccurrences(of: #"{"id":"severity","weight":1.5}"#, with: #"{"id":"severity","weight":\#(weight)}"#)
        try #require(changed != scoring)
        return try shipped.replacing(["scoring.json": Data(changed.utf8)])
    }
}

// MARK: SQLite

extension StoreEngine {
    static let sqlite = StoreEngine(name: "SQLite") { try SQLiteDatabase() }
}

/// An SQLite database file. Its dump is the bytes of the file and of its write-ahead log (the shared-memory index
/// beside them is rebuilt by any reader and holds no data).
final class SQLiteDatabase: StoreDatabase {
    let path = StoreFixtures.temporaryPath()

    init() throws {
        let store = try SQLiteCaseStore.create(
            at: path, passphrase: StoreContract.passphrase, account: StoreContract.counselor,
            evaluator: StoreContract.evaluator, kdfRounds: 1 << 10, now: StoreContract.now)
        try store.close()
    }

    func open(_ account: String, passphrase: String) throws -> any CaseRepository {
        try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: StoreContract.evaluator,
                                 now: StoreContract.now, pause: { _ in })
    }

    func dump() throws -> [Data] {
        [try Data(contentsOf: URL(fileURLWithPath: path)), FileManager.default.contents(atPath: path + "-wal") ?? Data()]
    }

    /// As an attacker with sqlite3 would: the append-only triggers dropped first.
    func tamperWithAuditEntry(_ id: Int64, detail: String) throws {
        try GRDBTestSupport.execute(at: path, sql: """
            DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;
            UPDATE audit SET detail = '\(detail)' WHERE id = \(id)
            """)
    }

    func forge(_ edit: PlainEdit, as account: String, passphrase: String) throws {
        let store = try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: StoreContract.evaluator,
                                             now: StoreContract.now, pause: { _ in })
        defer { try? store.close() }
        try store.pool.write { db in
            switch edit {
            case let .status(id, status):
                try db.execute(sql: "UPDATE casefile SET status = ? WHERE id = ?", arguments: [status.rawValue, id.description])
            case let .consent(id, given):
                try db.execute(sql: "UPDATE casefile SET consentShareIdentity = ? WHERE id = ?", arguments: [given, id.description])
            case let .escalation(id, level):
                try db.execute(sql: "UPDATE casefile SET escalationLevel = ? WHERE id = ?", arguments: [level.rawValue, id.description])
            case let .role(name, role):
                try db.execute(sql: "UPDATE keyslot SET role = ?, roleSeal = ? WHERE account = ?",
                               arguments: [role.rawValue, store.roleSeal(account: name, role: role), name])
            }
            for id in try String.fetchAll(db, sql: "SELECT id FROM casefile") {
                try db.execute(sql: "UPDATE casefile SET rowSeal = ? WHERE id = ?", arguments: [try store.rowSeal(db, id), id])
            }
        }
    }

    func keyDigests(_ id: CaseID, as account: String, passphrase: String) throws -> [String: String] {
        let store = try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: StoreContract.evaluator,
                                             now: StoreContract.now, pause: { _ in })
        defer { try? store.close() }
        return StoreContract.digests(try store.pool.read { db in try store.heldKeys(db, id) })
    }

    func closeBehindTheStoresBack(_ id: CaseID, on date: Date) throws {
        try GRDBTestSupport.execute(at: path, sql: """
            UPDATE casefile SET status = 'closed', closedAt = '\(DateText.databaseTimestamp(date))', legalHold = 0 WHERE id = '\(id)'
            """)
    }

    /// As an attacker with sqlite3 would: the trigger that keeps versions unchanged dropped first.
    func forgePolicy(_ version: Int, documentOf other: Int) throws {
        try GRDBTestSupport.execute(at: path, sql: """
            DROP TRIGGER policy_no_update;
            UPDATE policy SET document = (SELECT document FROM policy WHERE version = \(other)) WHERE version = \(version)
            """)
    }

    func deletePolicy(_ version: Int) throws {
        try GRDBTestSupport.execute(at: path, sql: "DELETE FROM policy WHERE version = \(version)")
    }
}
