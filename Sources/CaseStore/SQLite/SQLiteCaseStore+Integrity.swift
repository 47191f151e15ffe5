import CaseCore
import Crypto
import Foundation
import GRDB

/// Writing, and what keeps the file honest: the login recorded with the first change, the audit head kept outside the
/// file, the integrity check every read and write makes, and the acknowledgement of a break.
extension SQLiteCaseStore {
    /// One write transaction. The session's login (and the failed logins before it) enter the audit chain in the
    /// first transaction that commits, so an action that is refused writes nothing at all. A file older than the one
    /// this machine last used is refused (unless `acknowledging`); after each commit the audit head is also kept
    /// outside the file.
    func write<T>(acknowledging: Bool = false, _ body: (Database) throws -> T) throws -> T {
        if !acknowledging, let stale = staleCopy.value { throw StoreError.auditBroken(stale) }
        let login = pendingLogin.value
        do {
            keyCache.set([:])
            defer { keyCache.set([:]) }
            let (result, head) = try pool.write { db in
                _ = changedRows.take()
                try followPolicy(db)
                if !acknowledging, let login { try recordLogin(db, at: login) }
                let result = try body(db)
                if acknowledging, let login { try recordLogin(db, at: login) }
                try sealChangedRows(db)
                return (result, try Self.auditHead(db))
            }
            if login != nil {
                pendingLogin.set(nil)
                pendingRewrap.set(nil)
                pendingKeyPair.set(nil)
            }
            Self.keepOutside(head)
            return result
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    /// The file keeping this database's audit head outside it, and the last entry now.
    static func auditHead(_ db: Database) throws -> (file: AuditHeadFile, last: (id: Int64, hash: String))? {
        guard let file = try headFile(db), let last = try AuditLog.lastEntry(db) else { return nil }
        return (file, last)
    }

    /// The file keeping this database's audit head outside it (none for a file made before databases had ids).
    static func headFile(_ db: Database) throws -> AuditHeadFile? {
        AuditHeadFile(databaseID: try AuditLog.databaseID(db))
    }

    /// Keeps the last audit entry outside the file, for ``compareWithHeadOutside()``.
    static func keepOutside(_ head: (file: AuditHeadFile, last: (id: Int64, hash: String))?) {
        guard let head else { return }
        head.file.write(id: head.last.id, hash: head.last.hash)
    }

    /// Compares the log with the head this machine kept: a log that ends before it, or differs at it, is an older or
    /// another copy put in place of the file.
    func compareWithHeadOutside() throws -> Phrase? {
        try read { db -> Phrase? in
            guard let known = try Self.headFile(db)?.read() else { return nil }
            return try AuditHeadFile.problem(last: AuditLog.lastEntry(db), known: known) { id in
                try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [id])
            }
        }
    }

    /// Why ordinary work is refused, if it is: a broken audit head or a file older than this machine last used.
    public func integrityProblem() throws -> Phrase? {
        if let broken = try read({ db in try AuditLog.headProblem(db, headKey: headKey) }) { return broken }
        return staleCopy.value
    }

    /// Records a counselor's finding of a break in the audit log, chained as a new entry that names it, so work goes
    /// on and `audit verify` reports the acknowledged break for good.
    public func acknowledgeAuditBreak(reason: String, now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard session.role == .counselor else { throw StoreError.notPermitted(.key("permission.acknowledge-break")) }
        guard !reason.isEmpty else { throw CaseError.reasonRequired(.key("action.acknowledge-audit-break")) }
        guard let problem = try integrityProblem() else {
            throw StoreError.notPermitted(.key("permission.no-break"))
        }
        try write(acknowledging: true) { db in
            try AuditLog.append(db, actor: session.account, action: AuditLog.acknowledgement, caseId: nil,
                                detail: "break acknowledged: \(problem); reason: \(reason)", at: now, headKey: headKey)
        }
        staleCopy.set(nil)
    }

    /// Writes the pending login into the audit chain now, if it is not there yet (a command that succeeded,
    /// a desk that opened).
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

    func recordLogin(_ db: Database, at now: Date) throws {
        for failure in try Row.fetchAll(db, sql: "SELECT at, account FROM loginFailure ORDER BY id") {
            let tried: String? = failure["account"]
            try AuditLog.append(db, actor: tried ?? "unknown", action: "failed-login", caseId: nil,
                                detail: "wrong passphrase", at: failure["at"], headKey: headKey)
        }
        try db.execute(sql: "DELETE FROM loginFailure")
        var detail = "opened as \(session.role.rawValue)"
        if let sealed = pendingKeyPair.value {
            try db.execute(sql: "UPDATE keyslot SET publicKey = ?, sealedPrivateKey = ? WHERE account = ?",
                           arguments: [accountKey.publicKey, sealed, session.account])
            detail += "; key pair made"
        }
        if let rewrap = pendingRewrap.value {
            try db.execute(
                sql: """
                    UPDATE keyslot SET salt = ?, rounds = ?, blockSize = ?, parallelism = ?, wrappedKey = ?, sealedPrivateKey = ?
                    WHERE account = ?
                    """,
                arguments: [rewrap.params.salt, rewrap.params.rounds, rewrap.params.blockSize, rewrap.params.parallelism,
                            rewrap.wrapped, rewrap.sealedPrivateKey, session.account])
            detail += "; key slot re-wrapped with scrypt N=2^\(rewrap.params.rounds.trailingZeroBitCount) (was 2^\(rewrap.from.trailingZeroBitCount))"
        }
        try sealLegacyRows(db, now: now)
        try installFirstPolicy(db, now: now)
        try convertToCaseKeys(db, now: now)
        if session.role == .counselor {
            try grantPending(db, now: now)
            try rerankStale(db)
        }
        try AuditLog.append(db, actor: session.account, action: "login", caseId: nil, detail: detail, at: now, headKey: headKey)
    }
}
