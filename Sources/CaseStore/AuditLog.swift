import Crypto
import Foundation
import GRDB
import CaseCore

/// One row of the append-only, hash-chained audit log.
public struct AuditEntry: Equatable, Sendable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var caseId: String?
    public var detail: String
    public var prevHash: String
    public var hash: String
}

/// The result of checking the audit chain.
public enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    /// Every entry chains, but breaks found earlier were acknowledged by a counselor (each named here), and stay
    /// reported for good.
    case acknowledged(entries: Int, breaks: [String])
    /// The first entry that does not chain (by id), with what is wrong.
    case broken(entryID: Int64, problem: String)
}

/// Appends and verifies the audit chain. Each entry's hash covers its own fields and the previous hash;
/// the newest hash is also authenticated with a key derived from the data key, so truncating the tail shows.
enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)

    static func hash(id: Int64, at: String, actor: String, action: String, caseId: String?, detail: String, prevHash: String) -> String {
        let text = [String(id), at, actor, action, caseId ?? "", detail, prevHash].joined(separator: "\u{1F}")
        return Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// The action of the entry that records a counselor's acknowledgement of a break.
    static let acknowledgement = "audit-acknowledge"

    /// Appends an entry after checking the stored head against the last row: a log whose tail was cut (or whose head
    /// was forged) is refused, never silently healed. Only an acknowledgement may chain onto such a log. The entry's
    /// time is never earlier than the last one's.
    static func append(_ db: Database, actor: String, action: String, caseId: String?, detail: String, at date: Date,
                       headKey: SymmetricKey) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1")
        if action != acknowledgement, let problem = try headProblem(db, headKey: headKey) {
            throw StoreError.auditBroken(problem)
        }
        let prev: String = last?["hash"] ?? genesis
        let id: Int64 = (last?["id"] ?? 0) + 1
        var at = DateText.databaseTimestamp(date)
        if let lastAt: String = last?["at"], lastAt > at { at = lastAt }
        let hash = hash(id: id, at: at, actor: actor, action: action, caseId: caseId, detail: detail, prevHash: prev)
        try db.execute(
            sql: "INSERT INTO audit (id, at, actor, action, caseId, detail, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, at, actor, action, caseId, detail, prev, hash])
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('auditHead', ?)",
            arguments: [headMAC(id: id, hash: hash, key: headKey)])
    }

    /// What is wrong with the head of the log, or nil when the stored head authenticates the last row.
    static func headProblem(_ db: Database, headKey: SymmetricKey) throws -> String? {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
        let head = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'auditHead'")
        guard let last else { return head == nil ? nil : "the audit log is empty but entries were written" }
        let id: Int64 = last["id"]
        guard head == headMAC(id: id, hash: last["hash"], key: headKey) else {
            return "the audit log ends at entry \(id), but its authenticated head does not match: entries were removed from its end, or the head was altered"
        }
        return nil
    }

    /// The last entry's id and hash, as kept outside the file.
    static func lastEntry(_ db: Database) throws -> (id: Int64, hash: String)? {
        try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["hash"]) }
    }

    static func headMAC(id: Int64, hash: String, key: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data("\(id):\(hash)".utf8), using: key))
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

    /// Checks the chain in one pass over the rows, by column position and without parsing dates (a large log is
    /// verified in a fraction of a second).
    static func verify(_ db: Database, headKey: SymmetricKey) throws -> AuditVerification {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, caseId, detail, prevHash, hash FROM audit ORDER BY id")
        var prev = genesis
        var expectedID: Int64 = 1
        var previousAt = ""
        var breaks: [String] = []
        var last: (id: Int64, hash: String)?
        while let row = try rows.next() {
            let id: Int64 = row[0], at: String = row[1], action: String = row[3], detail: String = row[5]
            let prevHash: String = row[6], storedHash: String = row[7]
            if id == 1, action != "init" {
                return .broken(entryID: 1, problem: "the first entry is '\(action)', not the creation of the database")
            }
            if at < previousAt {
                return .broken(entryID: id, problem: "its time goes back before the entry before it")
            }
            previousAt = at
            if action == acknowledgement { breaks.append("entry \(id): \(detail)") }
            if id != expectedID {
                return .broken(entryID: id, problem: "entry \(expectedID) is missing before entry \(id)")
            }
            if prevHash != prev {
                return .broken(entryID: id, problem: "it does not follow from the entry before it (deleted, reordered or edited)")
            }
            let recomputed = hash(id: id, at: at, actor: row[2], action: action, caseId: row[4], detail: detail, prevHash: prevHash)
            if recomputed != storedHash {
                return .broken(entryID: id, problem: "its content was changed after it was written")
            }
            prev = storedHash
            last = (id, storedHash)
            expectedID += 1
        }
        let head = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'auditHead'")
        if let last {
            if head != headMAC(id: last.id, hash: last.hash, key: headKey) {
                return .broken(entryID: last.id + 1, problem: "entries after \(last.id) were removed, or the log head was altered")
            }
        } else if head != nil {
            return .broken(entryID: 1, problem: "the log is empty but entries were written")
        }
        let count = Int(expectedID - 1)
        return breaks.isEmpty ? .intact(entries: count) : .acknowledged(entries: count, breaks: breaks)
    }
}
