import CaseCore
import Foundation
import PostgresNIO

/// Keys per case on the server, as in the SQLite engine (``CaseKeyRules``): which a session holds (unwrapped with its
/// account's private key), the wrappings kept in step with who is entitled in the transaction of every change, keys given
/// to accounts waiting for them, and the supervisor's copy. A database on a server holds keys per case from its creation.
extension PostgreSQLCaseStore {
    /// The keys of a case this session holds: those wrapped for its account (none when it is not entitled, whatever the
    /// plain columns say).
    func heldKeys(_ tx: PostgresTransaction, _ id: CaseID) throws -> CaseKeys {
        if let known = keyCache.value[id.description] { return known }
        var keys = CaseKeys()
        for row in try tx.rows("SELECT kind, encapsulated, wrapped FROM casekey WHERE caseId = $1 AND account = $2",
                               id.description, session.account) {
            guard let kind = CaseKeys.Kind(rawValue: try row.get("kind")) else { continue }
            keys[kind] = accountKey.unwrap(encapsulated: try row.get("encapsulated"), wrapped: try row.get("wrapped"),
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
    func counselorKeys(_ tx: PostgresTransaction, _ id: CaseID) throws -> CaseKeys {
        let keys = try heldKeys(tx, id)
        guard keys[.content] != nil, keys[.identity] != nil else { throw CaseKeyRules.notGranted(session.account, id) }
        return keys
    }

    /// The refusal for a case whose keys the session does not hold.
    func missingKeys(_ id: CaseID) -> StoreError {
        session.role == .supervisor ? CaseKeyRules.notTheirs(id) : CaseKeyRules.notGranted(session.account, id)
    }

    func holders(_ tx: PostgresTransaction, _ id: CaseID, status: CaseStatus) throws -> [CaseKeyRules.Holder] {
        let recused = Set(try tx.column("SELECT account FROM recusal WHERE caseId = $1", id.description, as: String.self))
        let reviewers = Set(try tx.column("SELECT DISTINCT author FROM journal WHERE caseId = $1 AND kind = 'review'",
                                          id.description, as: String.self))
        let candidates = try tx.rows("SELECT account, role, publicKey FROM keyslot WHERE publicKey IS NOT NULL ORDER BY position").map {
            CaseKeyRules.Candidate(account: try $0.get("account"), role: Role(rawValue: try $0.get("role")),
                                   publicKey: try $0.get("publicKey"))
        }
        return CaseKeyRules.holders(candidates, status: status, recused: { recused.contains(self.recusalTag($0)) },
                                    reviewers: reviewers)
    }

    /// Brings a case's wrappings in step with who is entitled; returns the other accounts given keys.
    @discardableResult
    func syncWrappings(_ tx: PostgresTransaction, _ id: CaseID, keys: CaseKeys, status: CaseStatus) throws -> Set<String> {
        let key = id.description
        var existing: Set<[String]> = []
        for row in try tx.rows("SELECT account, kind FROM casekey WHERE caseId = $1", key) {
            existing.insert([try row.get("account"), try row.get("kind")])
        }
        let changes = try CaseKeyRules.sync(caseId: key, existing: existing, holders: holders(tx, id, status: status), keys: keys,
                                            session: session.account)
        for wrapping in changes.add {
            try tx.run("INSERT INTO casekey (caseId, account, kind, encapsulated, wrapped) VALUES ($1, $2, $3, $4, $5)",
                       key, wrapping.account, wrapping.kind.rawValue, wrapping.encapsulated, wrapping.wrapped)
        }
        for stale in changes.delete {
            try tx.run("DELETE FROM casekey WHERE caseId = $1 AND account = $2 AND kind = $3", key, stale[0], stale[1])
        }
        return changes.given
    }

    /// Replaces keys of a case by new ones (the wrappings of the old deleted); the caller seals the case again.
    func replaceKeys(_ tx: PostgresTransaction, _ id: CaseID, _ keys: inout CaseKeys, _ kinds: [CaseKeys.Kind]) throws {
        let fresh = CaseKeys.fresh(kinds)
        for kind in kinds { keys[kind] = fresh[kind] }
        try tx.run("DELETE FROM casekey WHERE caseId = $1 AND kind = ANY(string_to_array($2, ','))", id.description,
                   Self.join(kinds.map(\.rawValue)))
        if kinds.contains(.content) { try tx.run("UPDATE casefile SET rekeyDue = false WHERE id = $1", id.description) }
        remember(keys, for: id)
    }

    /// Seals a whole case again under `keys` (row, parties, journal texts).
    func sealWhole(_ tx: PostgresTransaction, _ item: Case, keys: CaseKeys, now: Date) throws {
        try updateRow(tx, item, keys: keys, now: now)
        try writeParties(tx, item, keys: keys)
        try resealJournal(tx, item, keys: keys)
    }

    /// Withdrawing an account's keys of a case (a recusal), as the SQLite engine does (``SQLiteCaseStore/withdrawKeys``).
    func withdrawKeys(_ tx: PostgresTransaction, _ id: CaseID, from account: String) throws {
        try tx.run("UPDATE casefile SET rekeyDue = true WHERE id = $1", id.description)
        guard try tx.value("SELECT true FROM casekey WHERE caseId = $1 AND kind = 'content' AND account <> $2 LIMIT 1",
                           id.description, account, as: Bool.self) == true else { return }
        try tx.run("DELETE FROM casekey WHERE caseId = $1 AND account = $2", id.description, account)
    }

    /// How many cases only `account` holds the content key of (counted over every case: the admin sees none).
    func casesHeldOnlyBy(_ tx: PostgresTransaction, _ account: String) throws -> Int {
        try tx.value("SELECT confidant_cases_held_only_by($1)", account, as: Int.self) ?? 0
    }

    // MARK: Keys given to accounts waiting for them

    /// For each account with a key pair, the cases whose keys it is entitled to and was not given.
    func pendingCases(_ tx: PostgresTransaction) throws -> [(account: String, role: Role, cases: [String])] {
        var pending: [(account: String, role: Role, cases: [String])] = []
        // Found over every case (PostgreSQLSchema's v6): the admin, who sees no case, manages the accounts waiting.
        for row in try tx.rows("SELECT account, role FROM keyslot WHERE publicKey IS NOT NULL ORDER BY position") {
            let account: String = try row.get("account")
            let ids = try tx.column("SELECT confidant_pending_cases($1, $2)", account, recusalTag(account), as: String.self)
            if !ids.isEmpty { pending.append((account, Role(rawValue: try row.get("role")) ?? .supervisor, ids)) }
        }
        return pending
    }

    public func pendingGrants() throws -> [PendingGrant] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-accounts")) }
        return try read { tx in
            try pendingCases(tx).map { PendingGrant(account: $0.account, role: $0.role, cases: $0.cases.count) }
        }
    }

    /// Gives every pending account the keys this counselor's session holds, one audit entry per account given keys.
    func grantPending(_ tx: PostgresTransaction, now: Date) throws {
        guard session.role == .counselor else { return }
        var given: [String: Int] = [:]
        var done: Set<String> = []
        for pending in try pendingCases(tx) where pending.account != session.account {
            for key in pending.cases where done.insert(key).inserted {
                guard let id = CaseID(key), try rowIsIntact(tx, key),
                      let status = try tx.value("SELECT status FROM casefile WHERE id = $1", key, as: String.self) else { continue }
                for account in try syncWrappings(tx, id, keys: heldKeys(tx, id), status: CaseStatus(rawValue: status) ?? .new) {
                    given[account, default: 0] += 1
                }
            }
        }
        for (account, count) in given.sorted(by: { $0.key < $1.key }) {
            try PostgresAuditLog.append(tx, actor: session.account, action: "keys-grant", caseId: nil,
                                        detail: CaseKeyRules.grantDetail(count: count, account: account), at: now, headKey: headKey)
        }
    }

    /// Re-ranks the cases a session holding none of their keys could not.
    func rerankStale(_ tx: PostgresTransaction) throws {
        for key in try tx.column("SELECT id FROM casefile WHERE rankStale ORDER BY id", as: String.self) {
            if let id = CaseID(key) { try rerank(tx, id) }
        }
    }

    // MARK: The supervisor's copy

    /// The supervisor's copy of a case, opened with the copy's key this session holds.
    func supervisorCopy(_ tx: PostgresTransaction, _ id: CaseID) throws -> Case {
        let copy = try heldKeys(tx, id).require(.copy, CaseKeyRules.notTheirs(id))
        guard let blob = try tx.value("SELECT sealedCopy FROM casefile WHERE id = $1", id.description, as: Data?.self) ?? nil else {
            throw CaseKeyRules.notTheirs(id)
        }
        return try copy.openJSON(Case.self, blob, context: "case:\(id):copy")
    }

    /// A supervisor's review decision, made on their copy and written with the only key they hold (as
    /// ``SQLiteCaseStore/recordReview(_:now:_:)``).
    func recordReview(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        try write { tx in
            try checkEntitled(tx, id)
            let keys = try heldKeys(tx, id)
            let copyKey = try keys.require(.copy, CaseKeyRules.notTheirs(id))
            let before = try supervisorCopy(tx, id)
            var after = before
            try CaseChangeRules.review(&after, change)
            guard try CaseChangeRules.changes(from: before, to: after) else { return before }
            let key = id.description
            changedRows.insert(key)
            let review = SealedReview(outcome: after.outcome, measures: after.measures)
            try tx.run("""
                UPDATE casefile SET status = $1, escalationLevel = $2, closedAt = $3, sealedReview = $4, updatedAt = $5,
                    version = version + 1, changedBy = $6
                WHERE id = $7
                """, after.status.rawValue, after.escalationLevel?.rawValue, after.closedAt,
                       try copyKey.sealJSON(review, context: "case:\(key):review"), now, session.account, key)
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(tx, entry, caseId: id) }
            let copy = SupervisorView.copy(of: after)
            try tx.run("UPDATE casefile SET sealedCopy = $1 WHERE id = $2", try copyKey.sealJSON(copy, context: "case:\(key):copy"), key)
            try refreshRankings(tx, ids: [key], sharingTags: Set(storedTags(tx, id)))
            // The row is sealed while this login may still write it: a case returned to the counselor leaves the
            // supervisor's rows (row-level security) once the copy's key is no longer wrapped for them.
            try sealChangedRows(tx)
            try syncWrappings(tx, id, keys: keys, status: after.status)
            try PostgresAuditLog.append(tx, actor: session.account, action: "review", caseId: key,
                                        detail: CaseChangeRules.auditDetail(from: before, to: after), at: now, headKey: headKey)
            return copy
        }
    }
}
