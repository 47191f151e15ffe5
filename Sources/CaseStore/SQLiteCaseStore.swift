import CaseCore
import Crypto
import Foundation
import GRDB

/// The encrypted single-file store: SQLite in WAL mode through GRDB, sensitive fields sealed with AES-GCM.
public final class SQLiteCaseStore: CaseRepository, @unchecked Sendable {
    // @unchecked: every property is immutable after init; DatabasePool is thread-safe.
    public let session: Session
    public let evaluator: CaseEvaluator
    public let path: String
    let pool: DatabasePool
    let sealer: Sealer
    let headKey: SymmetricKey
    let dataKey: SymmetricKey
    /// When the session opened, until its login is in the audit chain.
    let pendingLogin = LockedValue<Date?>(nil)
    /// Case rows changed in the current write transaction, sealed again before it commits.
    let changedRows = ChangedRows()
    /// The key of the seals over plain columns (``rowSeal(_:_:)``).
    let rowKey: SymmetricKey
    /// A stronger wrapping of this account's key slot, written with the login record.
    struct Rewrap: Sendable { var params: KDFParameters; var wrapped: Data; var from: Int }
    let pendingRewrap = LockedValue<Rewrap?>(nil)
    /// The rules new passphrases must meet (with the common-password list the command line loads).
    public internal(set) var passphrasePolicy = PassphrasePolicy()
    /// Why ordinary work is refused although the passphrase was right: this file is older than the one this machine
    /// last used (see ``AuditHeadFile``). Cleared by an acknowledgement.
    let staleCopy = LockedValue<String?>(nil)
    /// When the passphrase was given wrongly since the last successful login (told at login, as a Unix login does).
    public private(set) var failedAttempts: [Date] = []

    /// The minimum passphrase length for new accounts (the throwaway demo database is the one exception).
    public static let minimumPassphraseLength = PassphrasePolicy.minimumLength

    // MARK: Opening

    /// Creates a new database with one counselor account. Refuses to touch an existing file.
    @discardableResult
    public static func create(
        at path: String, passphrase: String, account: String = "counselor", role: Role = .counselor,
        evaluator: CaseEvaluator, kdfRounds: Int = KDFParameters.standardRounds, organisation: String? = nil,
        passphrasePolicy: PassphrasePolicy? = PassphrasePolicy(), now: Date = Date()
    ) throws -> SQLiteCaseStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        if let problem = passphrasePolicy?.problem(with: passphrase) { throw StoreError.weakPassphrase(problem) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let pool = try openPool(path)
        let dataKey = SymmetricKey(size: .bits256)
        let params = KDFParameters.fresh(rounds: kdfRounds)
        let wrapped = try Sealer.wrap(dataKey, with: params.deriveKey(from: passphrase), account: account)
        do {
            try StoreSchema.migrator.migrate(pool)
            let headKey = Self.headKey(dataKey)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('format', 'confidant-1')")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kdfRounds', ?)", arguments: [String(kdfRounds)])
                if let organisation = organisation?.trimmingCharacters(in: .whitespacesAndNewlines), !organisation.isEmpty {
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('organisation', ?)", arguments: [organisation])
                }
                try Self.insertKeySlot(db, account: account, role: role, params: params, wrapped: wrapped, now: now,
                                       roleSeal: Self.roleSeal(account: account, role: role, key: Self.rowKey(dataKey)))
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('rowSeals', ?)",
                               arguments: [Self.mac("row seals in force", key: Self.rowKey(dataKey))])
                try AuditLog.append(db, actor: account, action: "init", caseId: nil,
                                    detail: "database created with \(role.rawValue) account (rows sealed)", at: now, headKey: headKey)
            }
        } catch {
            try? pool.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw mapError(error, path: path)
        }
        chmod(path, 0o600)
        let store = SQLiteCaseStore(pool: pool, path: path, session: Session(account: account, role: role),
                                    dataKey: dataKey, evaluator: evaluator)
        store.passphrasePolicy = passphrasePolicy ?? PassphrasePolicy()
        Self.keepOutside(try pool.read(Self.auditHead))
        return store
    }

    /// Opens an existing database. The passphrase is tried against the named account, or every account.
    ///
    /// A wrong passphrase opens nothing and changes no case: it is only counted, and each further failure
    /// waits longer before the next try (``failureDelay(after:)``). The failures are written into the audit
    /// chain at the next successful login.
    public static func open(
        at path: String, passphrase: String, account: String? = nil, evaluator: CaseEvaluator,
        passphrasePolicy: PassphrasePolicy = PassphrasePolicy(), now: Date = Date(),
        pause: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) throws -> SQLiteCaseStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path: path) }
        let pool: DatabasePool
        do {
            pool = try openPool(path)
            let format = try pool.read { db -> String? in
                guard try db.tableExists("meta") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            }
            guard format == "confidant-1" else { throw StoreError.notADatabase(path: path, detail: "no Confidant format marker") }
            try StoreSchema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            if let mapped = mapError(error, path: path) as? StoreError { throw mapped }
            throw StoreError.notADatabase(path: path, detail: "\(error)")
        }
        let (slots, failures) = try pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT * FROM keyslot" + (account == nil ? "" : " WHERE account = ?"),
                              arguments: account.map { [$0] } ?? []),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM loginFailure") ?? 0)
        }
        if let account, slots.isEmpty { throw StoreError.unknownAccount(account) }
        let delay = failureDelay(after: failures)
        if delay > 0 { pause(delay) }
        for slot in slots {
            let params = kdfParameters(slot)
            let name: String = slot["account"]
            guard let dataKey = Sealer.unwrap(slot["wrappedKey"], with: try params.deriveKey(from: passphrase), account: name) else {
                continue
            }
            let role = Role(rawValue: slot["role"]) ?? .supervisor
            let store = SQLiteCaseStore(pool: pool, path: path, session: Session(account: name, role: role),
                                        dataKey: dataKey, evaluator: evaluator)
            // The role is a plain column: it is obeyed only while it matches its seal.
            let seal: String? = slot["roleSeal"]
            if seal != store.roleSeal(account: name, role: role), try seal != nil || store.read(store.sealsInForce) {
                throw StoreError.tampered("The role of the account \(name)")
            }
            // The login is written into the audit chain with the session's first change, or by recordLogin():
            // a command that is refused leaves the file exactly as it was.
            store.pendingLogin.set(now)
            store.passphrasePolicy = passphrasePolicy
            store.staleCopy.set(try store.compareWithHeadOutside())
            // A slot wrapped at a lower cost than this database asks for is re-wrapped with the login record.
            let required = try store.read(Self.requiredKDFRounds)
            if params.rounds < required || params.blockSize < 8 {
                let stronger = KDFParameters.fresh(rounds: required)
                store.pendingRewrap.set(Rewrap(params: stronger,
                                               wrapped: try Sealer.wrap(dataKey, with: stronger.deriveKey(from: passphrase), account: name),
                                               from: params.rounds))
            }
            store.failedAttempts = try pool.read { db in try Date.fetchAll(db, sql: "SELECT at FROM loginFailure ORDER BY id") }
            return store
        }
        try? pool.write { db in
            try db.execute(sql: "INSERT INTO loginFailure (at, account) VALUES (?, ?)", arguments: [now, account])
        }
        throw StoreError.wrongPassphrase
    }

    /// The accounts of a database, read without a passphrase (their names are not sealed), for the login prompt.
    public static func accountNames(at path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path: path) }
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            guard try db.tableExists("keyslot") else { return [] }
            return try String.fetchAll(db, sql: "SELECT account FROM keyslot ORDER BY rowid")
        }
    }

    /// The organisation's name given at `init` (letters use it), if any.
    public func organisationName() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'organisation'") }
    }

    /// Seconds to wait before trying a passphrase after `failures` wrong ones since the last good login:
    /// none after the first, then 1, 2, 4 … seconds, capped at 30.
    public static func failureDelay(after failures: Int) -> TimeInterval {
        guard failures > 1 else { return 0 }
        return min(30, pow(2, Double(failures - 2)))
    }

    init(pool: DatabasePool, path: String, session: Session, dataKey: SymmetricKey, evaluator: CaseEvaluator) {
        self.pool = pool
        self.path = path
        self.session = session
        self.evaluator = evaluator
        self.dataKey = dataKey
        sealer = Sealer(dataKey: dataKey)
        headKey = Self.headKey(dataKey)
        rowKey = Self.rowKey(dataKey)
    }

    static func rowKey(_ dataKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Data("confidant row seal".utf8), outputByteCount: 32)
    }

    static func headKey(_ dataKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: dataKey, info: Data("confidant audit head".utf8), outputByteCount: 32)
    }

    static func openPool(_ path: String) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return try DatabasePool(path: path, configuration: config)
    }

    /// The scrypt parameters a key slot row was wrapped with.
    static func kdfParameters(_ slot: Row) -> KDFParameters {
        KDFParameters(salt: slot["salt"], rounds: slot["rounds"], blockSize: slot["blockSize"], parallelism: slot["parallelism"])
    }

    /// The scrypt cost this database asks of its key slots (set at `init`; the default for older databases).
    static func requiredKDFRounds(_ db: Database) throws -> Int {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kdfRounds'").flatMap(Int.init) ?? KDFParameters.standardRounds
    }

    static func insertKeySlot(_ db: Database, account: String, role: Role, params: KDFParameters, wrapped: Data, now: Date,
                              roleSeal: String) throws {
        try db.execute(
            sql: """
                INSERT INTO keyslot (account, role, kdf, salt, rounds, blockSize, parallelism, wrappedKey, createdAt, roleSeal)
                VALUES (?, ?, 'scrypt', ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [account, role.rawValue, params.salt, params.rounds, params.blockSize, params.parallelism, wrapped, now, roleSeal])
    }

    /// Turns SQLite failures into sentences: read-only file, full disk, busy database.
    static func mapError(_ error: Error, path: String) -> Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return StoreError.readOnly(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path, detail: "not an SQLite file")
        case .SQLITE_CORRUPT: return StoreError.corrupted("SQLite reports corruption")
        case .SQLITE_IOERR: return StoreError.io(dbError.message ?? "I/O error")
        default: return error
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    /// Folds the write-ahead log into the main file (for copying the file, and for benchmarks).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Closes the database; the store cannot be used afterwards.
    public func close() throws {
        try pool.close()
    }

    // MARK: Queue

    public func queueVersion() throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'queueVersion'") }
    }

    public func summaries() throws -> [CaseSummary] {
        try summaries(QueueSelection(), now: Date())
    }

    /// The unsealed columns a queue row needs, never the sealed blobs; dates as Unix seconds so rows decode
    /// without parsing date strings (the queue of 100,000 cases is read in one go).
    static let summaryColumns = """
        year, seq, receivedEpoch, channel, status, pseudonym, anonymous, relationship,
        categories, score, band, severeOrPervasive, escalationLevel, consentShareIdentity,
        nextDueEpoch, nextDueKind, outsideWindow, needsReassignment
        """

    /// Decodes a row of ``summaryColumns`` by position.
    static func summary(from row: Row, categories: (String) -> [String] = split) -> CaseSummary {
        let due: Double? = row[14]
        let kind: String? = row[15]
        let band: String? = row[10]
        let level: String? = row[12]
        return CaseSummary(
            id: CaseID(year: row[0], number: row[1]), receivedAt: Date(timeIntervalSince1970: row[2]),
            channel: Channel(rawValue: row[3]) ?? .complaint, status: CaseStatus(rawValue: row[4]) ?? .new,
            pseudonym: row[5], anonymous: row[6], relationship: Relationship(rawValue: row[7]) ?? .other,
            categories: categories(row[8]), score: row[9], band: band.flatMap(Band.init(rawValue:)), severeOrPervasive: row[11],
            escalationLevel: level.flatMap(EscalationLevel.init(rawValue:)), consentShareIdentity: row[13],
            nextDeadline: zip2(due, kind.flatMap(Deadline.Kind.init(rawValue:))).map {
                Deadline(kind: $0.1, due: Date(timeIntervalSince1970: $0.0), metAt: nil)
            },
            outsideWindow: row[16], needsReassignment: row[17])
    }

    // MARK: Cases

    public func loadCase(_ id: CaseID) throws -> Case {
        try checkCanRead()
        return try write { db in
            try checkEntitled(db, id)
            // The identity is opened here even for a supervisor without consent, only so that `redacted` can scrub
            // the reporter's name and contact out of the free text; it never leaves the store.
            let item = try loadCase(db, id, unseal: true, identity: true)
            try AuditLog.append(db, actor: session.account, action: "open", caseId: id.description,
                                detail: "sealed fields read by \(session.role.rawValue)", at: Date(), headKey: headKey)
            return redacted(item)
        }
    }

    /// For a supervisor, deadlines are facts of the whole record: the case is evaluated from the stored record (its
    /// journal's kinds and dates, without text), not from the supervisor's copy, which leaves most entries out.
    public func evaluate(_ item: Case) throws -> CaseEvaluation {
        try read { db in
            guard session.role == .supervisor else { return try evaluate(db, item) }
            return try evaluate(db, loadCase(db, item.id, unseal: false))
        }
    }

    public func addCase(_ intake: CaseIntake, now: Date) throws -> Case {
        try checkCanWrite()
        return try write { db in try insertNewCase(db, intake, now: now) }
    }

    /// Creates a case from an intake inside the caller's transaction (``addCase(_:now:)`` and imports).
    /// An import passes `refreshRanking: false` and refreshes every affected case once at the end.
    func insertNewCase(_ db: Database, _ intake: CaseIntake, now: Date, how: String = "case created",
                       refreshRanking: Bool = true) throws -> Case {
        let year = Calendar.utc.component(.year, from: intake.receivedAt.flatMap(DateText.parse) ?? now)
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM casefile WHERE year = ?", arguments: [year]) ?? 0) + 1
        let id = CaseID(year: year, number: seq)
        var item = try intake.makeCase(id: id, now: now, pseudonym: Pseudonyms.make(), affectedPseudonym: Pseudonyms.make(),
                                       taxonomy: evaluator.taxonomy)
        let others = try otherOpenCases(db, sharingWith: item)
        try intake.replayHistory(on: &item, by: session.account, now: now, taxonomy: evaluator.taxonomy) { ratings, current in
            var scored = current
            scored.assessment = ratings
            return self.evaluator.evaluate(scored, otherOpenCases: others).score
        }
        try insert(db, item, now: now)
        try applyAutomaticRecusals(db, id, now: now)
        if refreshRanking { try refreshRelated(db, of: item) }
        try AuditLog.append(db, actor: session.account, action: "create", caseId: id.description,
                            detail: "\(how) (\(item.channel.rawValue), status \(item.status.rawValue))", at: now, headKey: headKey)
        return item
    }

    @discardableResult
    public func updateCase(_ id: CaseID, action: String, now: Date,
                           _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try checkCanWrite()
        return try apply(id, action: action, now: now, change)
    }

    /// A supervisor's decision on an escalated case: the one change a supervisor's session may make.
    @discardableResult
    public func reviewCase(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        guard session.role == .supervisor else { throw StoreError.notPermitted("only a supervisor records a review decision") }
        return try apply(id, action: "review", now: now) { item, _ in
            guard item.status == .escalated else { throw CaseError.notUnderReview(item.status) }
            let before = item.journal.count
            try change(&item)
            guard item.journal.count == before + 1, item.journal.last?.kind == .review else {
                throw StoreError.notPermitted("a supervisor records review decisions only")
            }
        }
    }

    func apply(_ id: CaseID, action: String, now: Date,
               _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try write { db in
            try checkEntitled(db, id)
            let before = try loadCase(db, id, unseal: true)
            var after = before
            try change(&after) { try self.evaluate(db, $0) }
            guard after.id == before.id, after.journal.count >= before.journal.count,
                  Array(after.journal.prefix(before.journal.count)) == before.journal else {
                throw StoreError.notPermitted("journal entries can only be added, never changed or removed")
            }
            guard after != before else { return redacted(before) }
            if after.journal.count == before.journal.count {
                throw StoreError.notPermitted("a change to a case must be recorded in its journal")
            }
            try updateRow(db, after, now: now)
            if after.reported != before.reported {
                try writeParties(db, after)
                try applyAutomaticRecusals(db, id, now: now)
            }
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(db, entry, caseId: id) }
            // Cases that named the same people before or after the change, each re-ranked once.
            try refreshRankings(db, ids: [id.description], sharingTags: Set(matchTags(before)).union(matchTags(after)))
            try AuditLog.append(db, actor: session.account, action: action, caseId: id.description,
                                detail: "status \(after.status.rawValue); \(after.journal.count - before.journal.count) journal entr\(after.journal.count - before.journal.count == 1 ? "y" : "ies") added",
                                at: now, headKey: headKey)
            return redacted(after)
        }
    }

    public func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws {
        try write { db in
            try AuditLog.append(db, actor: session.account, action: action, caseId: caseId?.description,
                                detail: detail, at: now, headKey: headKey)
        }
    }

    /// The audit log names who opened which case: counselors and the admin read it, a supervisor does not.
    public func auditEntries(caseId: CaseID?) throws -> [AuditEntry] {
        guard session.role != .supervisor else { throw StoreError.notPermitted("a supervisor does not read the audit log") }
        return try read { db in try AuditLog.entries(db, caseId: caseId?.description) }
    }

    public func verifyAudit() throws -> AuditVerification {
        try read { db in try AuditLog.verify(db, headKey: headKey) }
    }

}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
