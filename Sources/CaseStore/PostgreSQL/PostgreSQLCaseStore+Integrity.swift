import CaseCore
import Foundation

/// Writing, and what keeps the database honest: the advisory lock every write takes, the login recorded with the first
/// change, the integrity check every read and write makes, the acknowledgement of a break, and the audit log as the
/// protocol offers it.
extension PostgreSQLCaseStore {
    /// One write transaction, serialised with every other writer by the advisory lock. The session's login (and the
    /// failed logins before it) enter the audit chain in the first transaction that commits, so an action that is
    /// refused writes nothing at all.
    func write<T>(acknowledging: Bool = false, _ body: (PostgresTransaction) throws -> T) throws -> T {
        if !acknowledging, let stale = staleCopy.value { throw StoreError.auditBroken(stale) }
        let login = pendingLogin.value
        keyCache.set([:])
        defer { keyCache.set([:]) }
        let (result, head) = try Self.mapping(server) {
            try link.transaction { tx in
                _ = changedRows.take()
                try tx.run("SELECT pg_advisory_xact_lock($1)", PostgreSQLSchema.writeLock)
                try followPolicy(tx)
                if !acknowledging, let login { try recordLogin(tx, at: login) }
                let result = try body(tx)
                if acknowledging, let login { try recordLogin(tx, at: login) }
                try sealChangedRows(tx)
                try publishQueueVersion(tx)
                return (result, try Self.auditHead(tx))
            }
        }
        if login != nil {
            pendingLogin.set(nil)
            pendingRewrap.set(nil)
        }
        Self.keepOutside(head)
        return result
    }

    /// The file keeping this database's audit head on this machine, and the last entry now.
    static func auditHead(_ tx: PostgresTransaction) throws -> (file: AuditHeadFile, last: (id: Int64, hash: String))? {
        guard let file = AuditHeadFile(databaseID: try PostgresAuditLog.databaseID(tx)),
              let last = try PostgresAuditLog.lastEntry(tx) else { return nil }
        return (file, last)
    }

    static func keepOutside(_ head: (file: AuditHeadFile, last: (id: Int64, hash: String))?) {
        guard let head else { return }
        head.file.write(id: head.last.id, hash: head.last.hash)
    }

    /// Compares the log on the server with the head this machine kept: a log that ends before it, or differs at it, is
    /// an older copy of the database (a backup put back) in place of the one this machine last used.
    func compareWithHeadOutside() throws -> Phrase? {
        try read { tx -> Phrase? in
            guard let known = AuditHeadFile(databaseID: try PostgresAuditLog.databaseID(tx))?.read() else { return nil }
            return try AuditHeadFile.problem(last: PostgresAuditLog.lastEntry(tx), known: known) { id in
                try tx.value("SELECT hash FROM audit WHERE id = $1", id, as: String.self)
            }
        }
    }

    public func integrityProblem() throws -> Phrase? {
        if let broken = try read({ tx in try PostgresAuditLog.headProblem(tx, headKey: headKey) }) { return broken }
        return staleCopy.value
    }

    public func acknowledgeAuditBreak(reason: String, now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.acknowledge-break")) }
        guard !reason.isEmpty else { throw CaseError.reasonRequired("acknowledge a break in the audit log") }
        guard let problem = try integrityProblem() else {
            throw StoreError.notPermitted(.key("permission.no-break"))
        }
        try write(acknowledging: true) { tx in
            try PostgresAuditLog.append(tx, actor: session.account, action: AuditChain.acknowledgement, caseId: nil,
                                        detail: "break acknowledged: \(problem); reason: \(reason)", at: now, headKey: headKey)
        }
        staleCopy.set(nil)
    }

    public func recordLogin() throws {
        guard pendingLogin.value != nil, try integrityProblem() == nil else { return }
        do {
            try write { _ in }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.loginNotAudited
        }
    }

    func recordLogin(_ tx: PostgresTransaction, at now: Date) throws {
        for failure in try tx.rows("SELECT at, account FROM loginFailure ORDER BY id") {
            let tried: String? = try failure.get("account")
            try PostgresAuditLog.append(tx, actor: tried ?? "unknown", action: "failed-login", caseId: nil,
                                        detail: "wrong passphrase", at: try failure.date("at"), headKey: headKey)
        }
        try tx.run("DELETE FROM loginFailure")
        var detail = "opened as \(session.role.rawValue)"
        if let rewrap = pendingRewrap.value {
            try tx.run("""
                UPDATE keyslot SET salt = $1, rounds = $2, blockSize = $3, parallelism = $4, wrappedKey = $5, sealedPrivateKey = $6
                WHERE account = $7
                """, rewrap.params.salt, rewrap.params.rounds, rewrap.params.blockSize, rewrap.params.parallelism,
                       rewrap.wrapped, rewrap.sealedPrivateKey, session.account)
            detail += "; key slot re-wrapped with scrypt N=2^\(rewrap.params.rounds.trailingZeroBitCount) (was 2^\(rewrap.from.trailingZeroBitCount))"
        }
        if session.role == .counselor {
            try grantPending(tx, now: now)
            try rerankStale(tx)
        }
        try PostgresAuditLog.append(tx, actor: session.account, action: "login", caseId: nil, detail: detail, at: now, headKey: headKey)
    }

    // MARK: The audit log

    public func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws {
        try write { tx in
            try PostgresAuditLog.append(tx, actor: session.account, action: action, caseId: caseId?.description, detail: detail,
                                        at: now, headKey: headKey)
        }
    }

    public func auditEntries(caseId: CaseID?) throws -> [AuditEntry] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-audit")) }
        return try read { tx in try PostgresAuditLog.entries(tx, caseId: caseId?.description) }
    }

    public func verifyAudit() throws -> AuditVerification {
        try read { tx in try PostgresAuditLog.verify(tx, headKey: headKey) }
    }
}
