import CaseCore
import Crypto
import Foundation
import PostgresNIO

/// The team policy on the server, as in a file (``SQLiteCaseStore`` `+Policy`): its versions in the `policy` table, the
/// one in force followed by every transaction, and the version a case was scored under. The rules are ``PolicyLedger``'s.
extension PostgreSQLCaseStore {
    public func policyInForce() throws -> PolicyVersion? {
        try read { _ in policyState.value?.version }
    }

    public func applyPolicy(_ policy: TeamPolicy, now: Date) throws -> PolicyVersion {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.policy-counselor")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
        return try write { tx in
            let changed = policyState.value?.version.map { policy.changedFiles(from: $0.policy) } ?? TeamPolicy.files
            try Self.install(tx, policy, account: session.account, audit: changed, now: now, sealer: sealer, rowKey: rowKey,
                             headKey: headKey)
            try followPolicy(tx)
            // Every case is ranked again under the new version at once: no desk shows a ranking of the old one.
            for id in try tx.column("SELECT id FROM casefile ORDER BY id", as: String.self).compactMap(CaseID.init) {
                try rerank(tx, id)
            }
            return policyState.value!.version!
        }
    }

    public func scoredWith(_ id: CaseID) throws -> Int? {
        try read { tx in try tx.value("SELECT policyVersion FROM casefile WHERE id = $1", id.description, as: Int?.self) ?? nil }
    }

    /// Records that a case's assessment was scored now, under the version in force.
    func stampPolicyVersion(_ tx: PostgresTransaction, _ id: CaseID) throws {
        try tx.run("UPDATE casefile SET policyVersion = $1 WHERE id = $2", policyState.value?.version?.version, id.description)
    }

    /// Makes the version in force on the server the store's own, checking the stored versions whenever it changed (and
    /// at the first read): a forged or missing version is refused.
    func followPolicy(_ tx: PostgresTransaction) throws {
        let latest = try tx.value("SELECT MAX(version) FROM policy", as: Int?.self) ?? nil
        if let state = policyState.value, state.version?.version == latest { return }
        let version = try PolicyLedger.inForce(try Self.storedPolicies(tx), auditedInstalls: try Self.auditedPolicyInstalls(tx),
                                               sealer: sealer, key: rowKey)
        let evaluator = try version.map { try $0.policy.evaluator(version: $0.version, like: localEvaluator) } ?? localEvaluator
        policyState.set(PolicyState(version: version, evaluator: evaluator))
    }

    /// Writes the next version and, unless it is the one a database is created with, its audit entry.
    static func install(_ tx: PostgresTransaction, _ policy: TeamPolicy, account: String, audit changed: [String]?, now: Date,
                        sealer: Sealer, rowKey: SymmetricKey, headKey: SymmetricKey) throws {
        let row = try PolicyLedger.next(policy, after: try storedPolicies(tx).last, by: account, at: now, sealer: sealer, key: rowKey)
        try tx.run("INSERT INTO policy (version, installedAt, installedBy, document, seal) VALUES ($1, $2, $3, $4, $5)",
                   row.version, row.installedAt, row.installedBy, row.document, row.seal)
        guard let changed else { return }
        try PostgresAuditLog.append(tx, actor: account, action: PolicyLedger.auditAction, caseId: nil,
                                    detail: PolicyLedger.auditDetail(row, changed: changed), at: now, headKey: headKey)
    }

    static func storedPolicies(_ tx: PostgresTransaction) throws -> [StoredPolicy] {
        try tx.rows("SELECT version, installedAt, installedBy, document, seal FROM policy ORDER BY version").map {
            StoredPolicy(version: try $0.get("version"), installedAt: try $0.date("installedAt"), installedBy: try $0.get("installedBy"),
                         document: try $0.get("document"), seal: try $0.get("seal"))
        }
    }

    static func auditedPolicyInstalls(_ tx: PostgresTransaction) throws -> Int {
        try tx.value("SELECT COUNT(*) FROM audit WHERE action = $1 OR (action = 'init' AND strpos(detail, $2) > 0)",
                     PolicyLedger.auditAction, PolicyLedger.createdWithPolicy, as: Int.self) ?? 0
    }
}
