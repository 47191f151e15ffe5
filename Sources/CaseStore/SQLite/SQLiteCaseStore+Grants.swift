import CaseCore
import Foundation
import GRDB

/// Keys given by a counselor's session to accounts entitled to them but not yet holding them (a new account, an account
/// of an upgraded database), and the conversion of a database from before keys per case.
extension SQLiteCaseStore {
    /// For each account with a key pair, the cases whose keys it is entitled to and was not given: a counselor's, every
    /// case it is not recused from; a supervisor's, every escalated case and every ended case they reviewed.
    func pendingCases(_ db: Database) throws -> [(account: String, role: Role, cases: [String])] {
        guard try caseKeysInForce(db) else { return [] }
        var pending: [(account: String, role: Role, cases: [String])] = []
        for row in try Row.fetchAll(db, sql: "SELECT account, role FROM keyslot WHERE publicKey IS NOT NULL ORDER BY rowid") {
            let account: String = row["account"]
            let ids: [String]
            switch Role(rawValue: row["role"]) {
            case .counselor?:
                ids = try String.fetchAll(db, sql: """
                    SELECT id FROM casefile c WHERE NOT EXISTS (
                        SELECT 1 FROM casekey k WHERE k.caseId = c.id AND k.account = ? AND k.kind = 'content')
                      AND id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))
                    ORDER BY year, seq
                    """, arguments: StatementArguments([account] + recusalKeys(account)))
            case .supervisor?:
                ids = try String.fetchAll(db, sql: """
                    SELECT id FROM casefile c
                    WHERE (status = 'escalated' OR (queueOpen = 1 AND EXISTS (
                        SELECT 1 FROM journal j WHERE j.caseId = c.id AND j.kind = 'review' AND j.author = ?)))
                      AND NOT EXISTS (SELECT 1 FROM casekey k WHERE k.caseId = c.id AND k.account = ? AND k.kind = 'copy')
                    ORDER BY year, seq
                    """, arguments: [account, account])
            default:
                continue
            }
            if !ids.isEmpty { pending.append((account, Role(rawValue: row["role"]) ?? .supervisor, ids)) }
        }
        return pending
    }

    public func pendingGrants() throws -> [PendingGrant] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-accounts")) }
        return try read { db in
            try pendingCases(db).map { PendingGrant(account: $0.account, role: $0.role, cases: $0.cases.count) }
        }
    }

    /// Gives every pending account the keys this counselor's session holds (at its login, and when it adds an account),
    /// one audit entry per account given keys. A case whose row no longer matches its seal is left out.
    func grantPending(_ db: Database, now: Date) throws {
        guard session.role == .counselor else { return }
        var given: [String: Int] = [:]
        var done: Set<String> = []
        for pending in try pendingCases(db) where pending.account != session.account {
            for key in pending.cases where done.insert(key).inserted {
                guard let id = CaseID(key), try rowIsIntact(db, key),
                      let status = try String.fetchOne(db, sql: "SELECT status FROM casefile WHERE id = ?", arguments: [key])
                else { continue }
                let keys = try heldKeys(db, id)
                for account in try syncWrappings(db, id, keys: keys, status: CaseStatus(rawValue: status) ?? .new) {
                    given[account, default: 0] += 1
                }
            }
        }
        for (account, count) in given.sorted(by: { $0.key < $1.key }) {
            try AuditLog.append(db, actor: session.account, action: "keys-grant", caseId: nil,
                                detail: CaseKeyRules.grantDetail(count: count, account: account), at: now, headKey: headKey)
        }
    }

    /// Converts a database from before keys per case, once, at a counselor's login: every case sealed again under keys
    /// of its own, wrapped for this counselor and for every entitled account that has a key pair (the others get one at
    /// their next login and wait for a counselor to give them keys). Afterwards the team key alone opens no case.
    func convertToCaseKeys(_ db: Database, now: Date) throws {
        guard session.role == .counselor, try !caseKeysInForce(db) else { return }
        let legacy = CaseKeys.legacy(dataKey)
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('caseKeys', ?)", arguments: [mac(Self.caseKeysMarker)])
        let ids = try String.fetchAll(db, sql: "SELECT id FROM casefile ORDER BY year, seq").compactMap(CaseID.init)
        for id in ids {
            let item = try loadCase(db, id, keys: legacy, unseal: true)
            let keys = CaseKeys.fresh()
            remember(keys, for: id)
            try sealWhole(db, item, keys: keys, now: now)
            try syncWrappings(db, id, keys: keys, status: item.status)
        }
        try AuditLog.append(db, actor: session.account, action: "case-keys", caseId: nil,
                            detail: "\(ids.count) case\(ids.count == 1 ? "" : "s") sealed under keys of their own", at: now,
                            headKey: headKey)
    }

    /// Re-ranks the cases a session holding none of their keys could not (``rerank(_:_:)``).
    func rerankStale(_ db: Database) throws {
        for key in try String.fetchAll(db, sql: "SELECT id FROM casefile WHERE rankStale = 1") {
            if let id = CaseID(key) { try rerank(db, id) }
        }
    }
}
