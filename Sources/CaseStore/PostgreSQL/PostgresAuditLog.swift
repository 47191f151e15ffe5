import CaseCore
import Crypto
import Foundation

/// The audit chain on PostgreSQL: the `audit` table (append-only: the server's triggers refuse updates, deletes and
/// truncation) and the authenticated head in `meta`. The chain's rules are ``AuditChain``'s, as in the SQLite engine.
/// Every append holds the transaction-level advisory lock, so two writers never chain onto the same entry.
enum PostgresAuditLog {
    static func append(_ tx: PostgresTransaction, actor: String, action: String, caseId: String?, detail: String,
                       at date: Date, headKey: SymmetricKey) throws {
        try tx.run("SELECT pg_advisory_xact_lock($1)", PostgreSQLSchema.writeLock)
        let last = try tx.rows("SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1").first
        // Entry 1 is the creation of the database; after it, the head must authenticate the last entry.
        let creating = last == nil && action == "init"
        if !creating, action != AuditChain.acknowledgement, let problem = try headProblem(tx, headKey: headKey) {
            throw StoreError.auditBroken(problem)
        }
        let prev: String = try last?.get("hash") ?? AuditChain.genesis
        let id: Int64 = (try last?.get("id", as: Int64.self) ?? 0) + 1
        var at = DateText.databaseTimestamp(date)
        if let lastAt: String = try last?.get("at"), lastAt > at { at = lastAt }
        let hash = AuditChain.hash(id: id, at: at, actor: actor, action: action, caseId: caseId, detail: detail, prevHash: prev)
        try tx.run("INSERT INTO audit (id, at, actor, action, caseId, detail, prevHash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   id, at, actor, action, caseId, detail, prev, hash)
        try tx.run("""
            INSERT INTO meta (key, value) VALUES ('auditHead', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, AuditChain.headMAC(id: id, hash: hash, databaseID: try databaseID(tx), key: headKey))
    }

    /// Authenticates the current last entry under the database's own id: for a database just made from another's rows
    /// (``PostgreSQLCaseStore/create(at:from:session:dataKey:accountKey:evaluator:finish:)``), whose chain was checked.
    static func rebindHead(_ tx: PostgresTransaction, headKey: SymmetricKey) throws {
        guard let last = try lastEntry(tx) else { return }
        try tx.run("""
            INSERT INTO meta (key, value) VALUES ('auditHead', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, AuditChain.headMAC(id: last.id, hash: last.hash, databaseID: try databaseID(tx), key: headKey))
    }

    /// The database's random id (bound into the head's MAC, and naming the head kept outside).
    static func databaseID(_ tx: PostgresTransaction) throws -> String {
        try tx.value("SELECT value FROM meta WHERE key = 'databaseId'", as: String.self) ?? ""
    }

    static func headProblem(_ tx: PostgresTransaction, headKey: SymmetricKey) throws -> Phrase? {
        AuditChain.headProblem(last: try lastEntry(tx), head: try storedHead(tx), databaseID: try databaseID(tx), key: headKey)
    }

    static func lastEntry(_ tx: PostgresTransaction) throws -> (id: Int64, hash: String)? {
        guard let row = try tx.rows("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").first else { return nil }
        return (try row.get("id"), try row.get("hash"))
    }

    static func storedHead(_ tx: PostgresTransaction) throws -> String? {
        try tx.value("SELECT value FROM meta WHERE key = 'auditHead'", as: String.self)
    }

    static func entries(_ tx: PostgresTransaction, caseId: String? = nil) throws -> [AuditEntry] {
        let rows = caseId == nil
            ? try tx.rows("SELECT * FROM audit ORDER BY id")
            : try tx.rows("SELECT * FROM audit WHERE caseId = $1 ORDER BY id", caseId)
        return try rows.map {
            AuditEntry(id: try $0.get("id"), at: try $0.date("at"), actor: try $0.get("actor"), action: try $0.get("action"),
                       caseId: try $0.get("caseId"), detail: try $0.get("detail"), prevHash: try $0.get("prevHash"),
                       hash: try $0.get("hash"))
        }
    }

    /// Checks the chain, the times as the text that was hashed.
    static func verify(_ tx: PostgresTransaction, headKey: SymmetricKey) throws -> AuditVerification {
        let links = try tx.rows("SELECT id, at, actor, action, caseId, detail, prevHash, hash FROM audit ORDER BY id").map {
            AuditChain.Link(id: try $0.get("id"), at: try $0.get("at"), actor: try $0.get("actor"), action: try $0.get("action"),
                            caseId: try $0.get("caseId"), detail: try $0.get("detail"), prevHash: try $0.get("prevHash"),
                            hash: try $0.get("hash"))
        }
        return AuditChain.verify(links, head: try storedHead(tx), databaseID: try databaseID(tx), key: headKey)
    }
}
