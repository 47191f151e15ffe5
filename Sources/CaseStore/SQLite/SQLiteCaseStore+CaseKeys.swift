import CaseCore
import Crypto
import Foundation
import GRDB

/// Keys per case: which a session holds (unwrapped with its account's private key), who is entitled to which, and
/// the wrappings kept in step with that in the transaction of every change (escalation, consent, review, recusal).
extension SQLiteCaseStore {
    static let caseKeysMarker = "case keys in force"

    /// Whether cases are sealed under keys of their own: the database's marker says so (an HMAC under the team key), or
    /// its audit log does, so removing the marker does not make the store take case-keyed blobs for team-key ones.
    func caseKeysInForce(_ db: Database) throws -> Bool {
        if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'caseKeys'") == mac(Self.caseKeysMarker) { return true }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM audit WHERE action = 'case-keys' OR (action = 'init' AND detail LIKE '%keys per case%') LIMIT 1
            """) ?? false
    }

    /// The keys of a case this session holds: those wrapped for its account (none when it is not entitled, whatever the
    /// plain columns say); every key is the team key in a database not yet converted.
    func heldKeys(_ db: Database, _ id: CaseID) throws -> CaseKeys {
        if let known = keyCache.value[id.description] { return known }
        guard try caseKeysInForce(db) else { return .legacy(dataKey) }
        var keys = CaseKeys()
        let rows = try Row.fetchAll(db, sql: "SELECT kind, encapsulated, wrapped FROM casekey WHERE caseId = ? AND account = ?",
                                    arguments: [id.description, session.account])
        for row in rows {
            guard let kind = CaseKeys.Kind(rawValue: row["kind"]) else { continue }
            keys[kind] = accountKey.unwrap(encapsulated: row["encapsulated"], wrapped: row["wrapped"],
                                           context: CaseKeys.wrapContext(case: id.description, kind: kind, account: session.account))
        }
        remember(keys, for: id)
        return keys
    }

    /// Keeps the keys of a case for the rest of the transaction.
    func remember(_ keys: CaseKeys, for id: CaseID) {
        keyCache.update { $0[id.description] = keys }
    }

    /// A counselor's keys of a case (content and identity), or the sentence saying they were not given yet.
    func counselorKeys(_ db: Database, _ id: CaseID) throws -> CaseKeys {
        let keys = try heldKeys(db, id)
        guard keys[.content] != nil, keys[.identity] != nil else { throw CaseKeyRules.notGranted(session.account, id) }
        return keys
    }

    /// The refusal for a case whose keys the session does not hold: a supervisor's, that it is not theirs to see; a
    /// counselor's, that they were not given yet.
    func missingKeys(_ id: CaseID) -> StoreError {
        session.role == .supervisor ? CaseKeyRules.notTheirs(id) : CaseKeyRules.notGranted(session.account, id)
    }

    func missingKeys(_ key: String) -> StoreError {
        CaseID(key).map(missingKeys) ?? .caseNotFound(key)
    }

    /// Who is entitled to which keys of a case in `status` (``CaseKeyRules/holders(_:status:recused:reviewers:)``).
    /// Accounts of an older database get theirs once their login gave them a key pair.
    func holders(_ db: Database, _ id: CaseID, status: CaseStatus) throws -> [CaseKeyRules.Holder] {
        let recused = Set(try String.fetchAll(db, sql: "SELECT account FROM recusal WHERE caseId = ?", arguments: [id.description]))
        let reviewers = Set(try String.fetchAll(db, sql: "SELECT DISTINCT author FROM journal WHERE caseId = ? AND kind = 'review'",
                                                arguments: [id.description]))
        let candidates = try Row.fetchAll(db, sql: "SELECT account, role, publicKey FROM keyslot WHERE publicKey IS NOT NULL ORDER BY rowid")
            .map { CaseKeyRules.Candidate(account: $0["account"], role: Role(rawValue: $0["role"]), publicKey: $0["publicKey"]) }
        return CaseKeyRules.holders(candidates, status: status, recused: { self.recusalKeys($0).contains(where: recused.contains) },
                                    reviewers: reviewers)
    }

    /// Brings a case's wrappings in step with who is entitled (``CaseKeyRules/sync(caseId:existing:holders:keys:session:)``).
    /// Returns the other accounts given keys.
    @discardableResult
    func syncWrappings(_ db: Database, _ id: CaseID, keys: CaseKeys, status: CaseStatus) throws -> Set<String> {
        guard try caseKeysInForce(db) else { return [] }
        let key = id.description
        var existing: Set<[String]> = []
        for row in try Row.fetchAll(db, sql: "SELECT account, kind FROM casekey WHERE caseId = ?", arguments: [key]) {
            existing.insert([row["account"], row["kind"]])
        }
        let changes = try CaseKeyRules.sync(caseId: key, existing: existing, holders: holders(db, id, status: status), keys: keys,
                                            session: session.account)
        for wrapping in changes.add {
            try db.execute(sql: "INSERT INTO casekey (caseId, account, kind, encapsulated, wrapped) VALUES (?, ?, ?, ?, ?)",
                           arguments: [key, wrapping.account, wrapping.kind.rawValue, wrapping.encapsulated, wrapping.wrapped])
        }
        for stale in changes.delete {
            try db.execute(sql: "DELETE FROM casekey WHERE caseId = ? AND account = ? AND kind = ?", arguments: [key, stale[0], stale[1]])
        }
        return changes.given
    }

    /// Replaces keys of a case by new ones (the wrappings of the old deleted); the caller seals the case again under
    /// them and wraps them for whoever is entitled (``syncWrappings(_:_:keys:status:)``).
    func replaceKeys(_ db: Database, _ id: CaseID, _ keys: inout CaseKeys, _ kinds: [CaseKeys.Kind]) throws {
        let fresh = CaseKeys.fresh(kinds)
        for kind in kinds { keys[kind] = fresh[kind] }
        let marks = kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
        try db.execute(sql: "DELETE FROM casekey WHERE caseId = ? AND kind IN (\(marks))", arguments: [id.description])
        if kinds.contains(.content) {
            try db.execute(sql: "UPDATE casefile SET rekeyDue = 0 WHERE id = ?", arguments: [id.description])
        }
        remember(keys, for: id)
    }

    /// Seals a whole case again under `keys` (rows, parties, journal texts): after its keys were replaced, or when an
    /// older database is converted.
    func sealWhole(_ db: Database, _ item: Case, keys: CaseKeys, now: Date) throws {
        try updateRow(db, item, keys: keys, now: now)
        try writeParties(db, item, keys: keys)
        try resealJournal(db, item, keys: keys)
    }

    /// Withdrawing an account's keys of a case (a recusal): its wrappings deleted, and every key of the case replaced
    /// at its next write, so what is written afterwards is closed to it. When no other account holds the case's content
    /// key, the wrappings stay until the case's keys are given to another counselor (``syncWrappings``, by a login or an
    /// account added), so a case is never left that nobody can open; the program refuses the recused account meanwhile.
    func withdrawKeys(_ db: Database, _ id: CaseID, from account: String) throws {
        try db.execute(sql: "UPDATE casefile SET rekeyDue = 1 WHERE id = ?", arguments: [id.description])
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM casekey WHERE caseId = ? AND kind = 'content' AND account <> ? LIMIT 1",
                                arguments: [id.description, account]) == true else { return }
        try db.execute(sql: "DELETE FROM casekey WHERE caseId = ? AND account = ?", arguments: [id.description, account])
    }

    /// How many cases only `account` holds the content key of (removing it would leave them unreadable).
    func casesHeldOnlyBy(_ db: Database, _ account: String) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM casekey k WHERE k.account = ? AND k.kind = 'content' AND NOT EXISTS (
                SELECT 1 FROM casekey o WHERE o.caseId = k.caseId AND o.kind = 'content' AND o.account <> k.account)
            """, arguments: [account]) ?? 0
    }
}
