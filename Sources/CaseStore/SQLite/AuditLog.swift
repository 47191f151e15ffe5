import CaseCore
import Crypto
import Foundation
import GRDB

/// The audit chain in SQLite: the `audit` table (append-only, its triggers refuse updates and deletes) and the
/// authenticated head in `meta`. The chain's rules are ``AuditChain``'s.
enum AuditLog {
    static let acknowledgement = AuditChain.acknowledgement

    /// Appends an entry after checking the stored head against the last row: a log whose tail was cut (or whose head
    /// was forged) is refused, never silently healed. Only an acknowledgement may chain onto such a log. The entry's
    /// time is never earlier than the last one's.
    static func append(_ db: Database, actor: String, action: String, caseId: String?, detail: String, at date: Date,
                       headKey: SymmetricKey) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1")
        // Entry 1 is the creation of the database; after it, the head must authenticate the last entry.
        let creating = last == nil && action == "init"
        if !creating, action != acknowledgement, let problem = try headProblem(db, headKey: headKey) {
            throw StoreError.auditBroken(problem)
        }
        let prev: String = last?["hash"] ?? AuditChain.genesis
        let id: Int64 = (last?["id"] ?? 0) + 1
        var at = DateText.databaseTimestamp(date)
        if let lastAt: String = last?["at"], lastAt > at { at = lastAt }
        let hash = AuditChain.hash(id: id, at: at, actor: actor, action: action, caseId: caseId, detail: detail, prevHash: prev)
        try db.execute(
            sql: "INSERT INTO audit (id, at, actor, action, caseId, detail, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, at, actor, action, caseId, detail, prev, hash])
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('auditHead', ?)",
            arguments: [AuditChain.headMAC(id: id, hash: hash, databaseID: try databaseID(db), key: headKey)])
    }

    /// Authenticates the current last entry under the database's present id. Only for a database whose chain was just
    /// verified and whose id was changed on purpose (a backup restored into a new place).
    static func rebindHead(_ db: Database, headKey: SymmetricKey) throws {
        guard let last = try lastEntry(db) else { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('auditHead', ?)",
            arguments: [AuditChain.headMAC(id: last.id, hash: last.hash, databaseID: try databaseID(db), key: headKey)])
    }

    /// The database's random id (empty in a file made before ids existed).
    static func databaseID(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'databaseId'") ?? ""
    }

    /// What is wrong with the head of the log, or nil when the stored head authenticates the last row.
    static func headProblem(_ db: Database, headKey: SymmetricKey) throws -> Phrase? {
        AuditChain.headProblem(last: try lastEntry(db), head: try storedHead(db), databaseID: try databaseID(db), key: headKey)
    }

    /// The last entry's id and hash, as kept outside the file.
    static func lastEntry(_ db: Database) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["hash"]) }
    }

    static func storedHead(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'auditHead'")
    }

    static func entries(_ db: Database, caseId: String? = nil) throws -> [AuditEntry] {
        let rows = caseId == nil
            ? try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id")
            : try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE caseId = ? ORDER BY id", arguments: [caseId])
        return rows.map {
            AuditEntry(id: $0["id"], at: $0["at"], actor: $0["actor"], action: $0["action"], caseId: $0["caseId"],
                       detail: $0["detail"], prevHash: $0["prevHash"], hash: $0["hash"])
        }
    }

    /// Checks the chain: the rows read by column position, times kept as the text that was hashed.
    static func verify(_ db: Database, headKey: SymmetricKey) throws -> AuditVerification {
        var links: [AuditChain.Link] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, caseId, detail, prevHash, hash FROM audit ORDER BY id")
        while let row = try rows.next() {
            links.append(AuditChain.Link(id: row[0], at: row[1], actor: row[2], action: row[3], caseId: row[4],
                                         detail: row[5], prevHash: row[6], hash: row[7]))
        }
        return AuditChain.verify(links, head: try storedHead(db), databaseID: try databaseID(db), key: headKey)
    }
}
