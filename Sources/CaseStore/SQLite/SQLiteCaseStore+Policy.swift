import CaseCore
import Crypto
import Foundation
import GRDB

/// The team policy: its versions stored in the `policy` table, the one in force followed by every transaction (so a
/// version another desk installs is the one this desk ranks with from its next read), and the version a case was
/// scored under. The rules (versions, seals, what is refused) are ``PolicyLedger``'s; here are only the statements.
extension SQLiteCaseStore {
    public func policyInForce() throws -> PolicyVersion? {
        try read { _ in policyState.value?.version }
    }

    public func applyPolicy(_ policy: TeamPolicy, now: Date) throws -> PolicyVersion {
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.policy-counselor")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
        return try write { db in
            let changed = policyState.value?.version.map { policy.changedFiles(from: $0.policy) } ?? TeamPolicy.files
            try Self.install(db, policy, account: session.account, audit: changed, now: now, sealer: sealer, rowKey: rowKey,
                             headKey: headKey)
            try followPolicy(db)
            // Every case is ranked again under the new version at once: no desk shows a ranking of the old one.
            for id in try String.fetchAll(db, sql: "SELECT id FROM casefile ORDER BY id").compactMap(CaseID.init) {
                try rerank(db, id)
            }
            return policyState.value!.version!
        }
    }

    public func scoredWith(_ id: CaseID) throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT policyVersion FROM casefile WHERE id = ?", arguments: [id.description]) }
    }

    /// Records that a case's assessment was scored now, under the version in force.
    func stampPolicyVersion(_ db: Database, _ id: CaseID) throws {
        try db.execute(sql: "UPDATE casefile SET policyVersion = ? WHERE id = ?",
                       arguments: [policyState.value?.version?.version, id.description])
    }

    /// Installs the files' policy as version 1 of a database that holds none, at a counselor's first login (inside
    /// the login's transaction, audited). The cases it holds were scored under those files: they count as version 1's.
    func installFirstPolicy(_ db: Database, now: Date) throws {
        guard session.role == .counselor, try Self.latestPolicyVersion(db) == nil, let files = localEvaluator.source else { return }
        try Self.install(db, files, account: session.account, audit: [], now: now, sealer: sealer, rowKey: rowKey, headKey: headKey)
        try db.execute(sql: "UPDATE casefile SET policyVersion = 1 WHERE policyVersion IS NULL AND score IS NOT NULL")
        try followPolicy(db)
    }

    /// Makes the version in force in the database the store's own, checking the stored versions whenever it changed
    /// (and at the first read): a forged or missing version is refused.
    func followPolicy(_ db: Database) throws {
        let latest = try Self.latestPolicyVersion(db)
        if let state = policyState.value, state.version?.version == latest { return }
        let version = try PolicyLedger.inForce(try Self.storedPolicies(db), auditedInstalls: try Self.auditedPolicyInstalls(db),
                                               sealer: sealer, key: rowKey)
        let evaluator = try version.map { try $0.policy.evaluator(version: $0.version, like: localEvaluator) } ?? localEvaluator
        policyState.set(PolicyState(version: version, evaluator: evaluator))
    }

    /// Writes the next version and, unless it is the one a database is created with (its `init` entry says so), its
    /// audit entry naming the files `audit` changed (none: the configuration files' policy).
    static func install(_ db: Database, _ policy: TeamPolicy, account: String, audit changed: [String]?, now: Date,
                        sealer: Sealer, rowKey: SymmetricKey, headKey: SymmetricKey) throws {
        let row = try PolicyLedger.next(policy, after: try storedPolicies(db).last, by: account, at: now, sealer: sealer, key: rowKey)
        try db.execute(sql: "INSERT INTO policy (version, installedAt, installedBy, document, seal) VALUES (?, ?, ?, ?, ?)",
                       arguments: [row.version, row.installedAt, row.installedBy, row.document, row.seal])
        guard let changed else { return }
        try AuditLog.append(db, actor: account, action: PolicyLedger.auditAction, caseId: nil,
                            detail: PolicyLedger.auditDetail(row, changed: changed), at: now, headKey: headKey)
    }

    static func storedPolicies(_ db: Database) throws -> [StoredPolicy] {
        try Row.fetchAll(db, sql: "SELECT version, installedAt, installedBy, document, seal FROM policy ORDER BY version").map {
            StoredPolicy(version: $0["version"], installedAt: $0["installedAt"], installedBy: $0["installedBy"],
                         document: $0["document"], seal: $0["seal"])
        }
    }

    static func latestPolicyVersion(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT MAX(version) FROM policy")
    }

    static func auditedPolicyInstalls(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE action = ? OR (action = 'init' AND instr(detail, ?) > 0)",
                         arguments: [PolicyLedger.auditAction, PolicyLedger.createdWithPolicy]) ?? 0
    }
}
