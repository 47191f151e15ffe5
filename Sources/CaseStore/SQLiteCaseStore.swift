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
        store.recordHeadOutside()
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
            let params = KDFParameters(salt: slot["salt"], rounds: slot["rounds"], blockSize: slot["blockSize"],
                                       parallelism: slot["parallelism"])
            let name: String = slot["account"]
            guard let dataKey = Sealer.unwrap(slot["wrappedKey"], with: try params.deriveKey(from: passphrase), account: name) else {
                continue
            }
            let role = Role(rawValue: slot["role"]) ?? .supervisor
            // The role is a plain column: it is obeyed only while it matches its seal.
            let seal: String? = slot["roleSeal"]
            let sealsInForce = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rowSeals'") == Self.mac("row seals in force", key: Self.rowKey(dataKey))
                    || (try Bool.fetchOne(db, sql: "SELECT 1 FROM audit WHERE action = 'seal-rows' OR (action = 'init' AND detail LIKE '%rows sealed%') LIMIT 1") ?? false)
            }
            if seal != Self.roleSeal(account: name, role: role, key: Self.rowKey(dataKey)), seal != nil || sealsInForce {
                throw StoreError.tampered("The role of the account \(name)")
            }
            let store = SQLiteCaseStore(pool: pool, path: path, session: Session(account: name, role: role),
                                        dataKey: dataKey, evaluator: evaluator)
            // The login is written into the audit chain with the session's first change, or by recordLogin():
            // a command that is refused leaves the file exactly as it was.
            store.pendingLogin.set(now)
            store.passphrasePolicy = passphrasePolicy
            store.staleCopy.set(try store.compareWithHeadOutside())
            // A slot wrapped at a lower cost than this database asks for is re-wrapped with the login record.
            let required = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kdfRounds'").flatMap(Int.init)
            } ?? KDFParameters.standardRounds
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

    /// One write transaction. The session's login (and the failed logins before it) enter the audit chain in the
    /// first transaction that commits, so an action that is refused writes nothing at all. A file older than the one
    /// this machine last used is refused (unless `acknowledging`); after each commit the audit head is also kept
    /// outside the file.
    func write<T>(acknowledging: Bool = false, _ body: (Database) throws -> T) throws -> T {
        if !acknowledging, let stale = staleCopy.value { throw StoreError.auditBroken(stale) }
        let login = pendingLogin.value
        do {
            let result = try pool.write { db in
                _ = changedRows.take()
                if !acknowledging, let login { try recordLogin(db, at: login) }
                let result = try body(db)
                if acknowledging, let login { try recordLogin(db, at: login) }
                try sealChangedRows(db)
                return result
            }
            if login != nil {
                pendingLogin.set(nil)
                pendingRewrap.set(nil)
            }
            recordHeadOutside()
            return result
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    /// The id naming this database's audit head outside the file.
    func databaseID() -> String? {
        try? pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'databaseId'") }
    }

    /// Keeps the last audit entry outside the file, for ``compareWithHeadOutside()``.
    func recordHeadOutside() {
        guard let id = databaseID(), let file = AuditHeadFile(databaseID: id),
              let last = try? pool.read({ db in try AuditLog.lastEntry(db) }) else { return }
        file.write(id: last.id, hash: last.hash)
    }

    /// Compares the log with the head this machine kept: a log that ends before it, or differs at it, is an older or
    /// another copy put in place of the file.
    func compareWithHeadOutside() throws -> String? {
        guard let id = databaseID(), let file = AuditHeadFile(databaseID: id), let known = file.read() else { return nil }
        return try read { db -> String? in
            guard let last = try AuditLog.lastEntry(db), last.id >= known.id else {
                return "this file's audit log ends at entry \(try AuditLog.lastEntry(db)?.id ?? 0), but this machine last saw entry "
                    + "\(known.id): it was replaced by an older copy"
            }
            let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [known.id])
            guard hash == known.hash else {
                return "this file's audit entry \(known.id) is not the one this machine last saw: it was replaced by another copy"
            }
            return nil
        }
    }

    /// Why ordinary work is refused, if it is: a broken audit head or a file older than this machine last used.
    public func integrityProblem() throws -> String? {
        if let broken = try read({ db in try AuditLog.headProblem(db, headKey: headKey) }) { return broken }
        return staleCopy.value
    }

    /// Records a counselor's finding of a break in the audit log, chained as a new entry that names it, so work goes
    /// on and `audit verify` reports the acknowledged break for good.
    public func acknowledgeAuditBreak(reason: String, now: Date) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard session.role == .counselor else { throw StoreError.notPermitted("only a counselor records a break in the audit log") }
        guard !reason.isEmpty else { throw CaseError.reasonRequired("acknowledge a break in the audit log") }
        guard let problem = try integrityProblem() else {
            throw StoreError.notPermitted("the audit log has no break to acknowledge")
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
        try write { _ in }
    }

    private func recordLogin(_ db: Database, at now: Date) throws {
        for failure in try Row.fetchAll(db, sql: "SELECT at, account FROM loginFailure ORDER BY id") {
            let tried: String? = failure["account"]
            try AuditLog.append(db, actor: tried ?? "unknown", action: "failed-login", caseId: nil,
                                detail: "wrong passphrase", at: failure["at"], headKey: headKey)
        }
        try db.execute(sql: "DELETE FROM loginFailure")
        try sealLegacyRows(db, now: now)
        var detail = "opened as \(session.role.rawValue)"
        if let rewrap = pendingRewrap.value {
            try db.execute(
                sql: "UPDATE keyslot SET salt = ?, rounds = ?, blockSize = ?, parallelism = ?, wrappedKey = ? WHERE account = ?",
                arguments: [rewrap.params.salt, rewrap.params.rounds, rewrap.params.blockSize, rewrap.params.parallelism,
                            rewrap.wrapped, session.account])
            detail += "; key slot re-wrapped with scrypt N=2^\(rewrap.params.rounds.trailingZeroBitCount) (was 2^\(rewrap.from.trailingZeroBitCount))"
        }
        try AuditLog.append(db, actor: session.account, action: "login", caseId: nil, detail: detail, at: now, headKey: headKey)
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
        try checkCanRead()
        let supervisorOnly = session.role == .supervisor
        let account = session.account
        var rows: [CaseSummary] = []
        try read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: "SELECT \(Self.summaryColumns) FROM casefile INDEXED BY casefile_queue"
                    + " WHERE id NOT IN (SELECT caseId FROM recusal WHERE account IN (?, ?))"
                    + (supervisorOnly ? " AND (status = 'escalated' OR (queueOpen = 1 AND id IN "
                        + "(SELECT caseId FROM journal WHERE kind = 'review' AND author = ?)))" : "")
                    + " ORDER BY queueOpen, queueBand, queueScore, IFNULL(nextDueEpoch, 1e18), year, seq",
                arguments: StatementArguments(recusalKeys(account) + (supervisorOnly ? [account] : [])))
            // Few distinct category lists exist: share one array per list instead of splitting every row.
            var categoryLists: [String: [String]] = [:]
            while let row = try cursor.next() {
                rows.append(Self.summary(from: row) { text in
                    if let known = categoryLists[text] { return known }
                    let list = Self.split(text)
                    categoryLists[text] = list
                    return list
                })
            }
        }
        // Already in CaseSummary.queueOrder: the index holds that order.
        return rows
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

    // MARK: Entitlements

    func checkCanRead() throws {
        if session.role == .admin { throw StoreError.notPermitted("an admin account manages accounts and reads no case") }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    func checkCanWrite() throws {
        if session.role != .counselor { throw StoreError.notPermitted("only a counselor can change cases") }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    /// Refuses a case the session may not open: recused handlers, supervisors on cases not escalated.
    func checkEntitled(_ db: Database, _ id: CaseID) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM casefile WHERE id = ?", arguments: [id.description]) else {
            if let purgedAt = try Date.fetchOne(db, sql: "SELECT at FROM audit WHERE action = 'purge' AND caseId = ? ORDER BY id DESC LIMIT 1",
                                                arguments: [id.description]) {
                throw StoreError.casePurged(id.description, on: DateText.day(purgedAt))
            }
            throw StoreError.caseNotFound(id.description)
        }
        try checkRowIntact(db, id)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM recusal WHERE caseId = ? AND account IN (?, ?)",
                             arguments: StatementArguments([id.description] + recusalKeys(session.account))) == true {
            throw StoreError.notPermitted("\(session.account) is recused from \(id) (conflict of interest); another handler must take it")
        }
        if session.role == .supervisor, status != CaseStatus.escalated.rawValue, try !reviewedClosed(db, id, status: status) {
            throw StoreError.notPermitted("a supervisor sees escalated cases only, and \(id) is not escalated")
        }
    }

    /// A closed case this supervisor reviewed: they may still read its outcome.
    func reviewedClosed(_ db: Database, _ id: CaseID, status: String) throws -> Bool {
        guard CaseStatus(rawValue: status)?.isTerminal == true else { return false }
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM journal WHERE caseId = ? AND kind = 'review' AND author = ? LIMIT 1",
                                 arguments: [id.description, session.account]) ?? false
    }

    /// A counselor reads every identity; a supervisor only where the reporter consented.
    func mayReadIdentity(_ db: Database, _ id: CaseID) throws -> Bool {
        guard session.role == .supervisor else { return session.role == .counselor }
        return try Bool.fetchOne(db, sql: "SELECT consentShareIdentity FROM casefile WHERE id = ?", arguments: [id.description]) ?? false
    }

    public func reporterIdentity(_ id: CaseID) throws -> Reporter {
        try checkCanRead()
        let entitled = try read { db -> Bool in
            try checkEntitled(db, id)
            return try mayReadIdentity(db, id)
        }
        guard entitled else {
            try audit(action: "identity-refused", caseId: id, detail: "no consent to share identity with \(session.role.rawValue)", now: Date())
            throw StoreError.notPermitted("the reporter of \(id) has not consented to share their identity with a supervisor")
        }
        return try write { db in
            let reporter = try loadCase(db, id, unseal: true, identity: true).reporter
            try AuditLog.append(db, actor: session.account, action: "identity", caseId: id.description,
                                detail: "reporter identity read by \(session.role.rawValue)", at: Date(), headKey: headKey)
            // A supervisor with consent sees the name, never the contact details.
            return session.role == .counselor ? reporter : Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: reporter.name)
        }
    }

    /// What the session may see of a case it is entitled to: for a supervisor, ``SupervisorView``.
    func redacted(_ item: Case) -> Case {
        session.role == .supervisor ? SupervisorView.copy(of: item) : item
    }

    // MARK: Rows

    func loadCase(_ db: Database, _ id: CaseID, unseal: Bool, identity: Bool = true) throws -> Case {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM casefile WHERE id = ?", arguments: [id.description]) else {
            throw StoreError.caseNotFound(id.description)
        }
        let key = id.description
        var reporter = Reporter(pseudonym: row["pseudonym"], anonymous: row["anonymous"])
        var narrative = "", support = ""
        var reported: [ReportedPerson] = []
        let partyRows = try Row.fetchAll(db, sql: "SELECT * FROM party WHERE caseId = ? ORDER BY position", arguments: [key])
        var affected: AffectedPerson?
        var opened = SealedDetails()
        if unseal && identity {
            let sealed = try sealer.openJSON(SealedIdentity.self, row["sealedReporter"], context: "case:\(key):reporter")
            reporter = Reporter(pseudonym: reporter.pseudonym, anonymous: reporter.anonymous, name: sealed.name, contact: sealed.contact)
            affected = sealed.affected
        }
        let sealedDetails = try details(row, key: key)
        if let sealedDetails { opened = sealedDetails }
        if unseal {
            narrative = try sealer.open(row["sealedNarrative"], context: "case:\(key):narrative")
            support = try sealer.open(row["sealedSupport"], context: "case:\(key):support")
            reported = try partyRows.map { party in
                let position: Int = party["position"]
                let sealed = try sealer.openJSON(SealedParty.self, party["sealed"], context: "case:\(key):party:\(position)")
                return ReportedPerson(name: sealed.name, role: sealed.role, power: PowerRelation(rawValue: party["power"]) ?? .peer)
            }
        }
        let journalRows = try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE caseId = ? ORDER BY id", arguments: [key])
        let journal = try journalRows.map { entry in
            let kind = JournalEntry.Kind(rawValue: entry["kind"]) ?? .note
            var text = ""
            if unseal {
                // Bound to its case, kind, id, time and author; entries written before that binding, to case and kind.
                let bound = Self.journalContext(case: key, kind: kind, id: entry["id"], at: entry["at"], author: entry["author"])
                let blob: Data = entry["sealedText"]
                text = try (try? sealer.open(blob, context: bound)) ?? sealer.open(blob, context: "case:\(key):journal:\(kind.rawValue)")
            }
            return JournalEntry(at: entry["at"], kind: kind, author: entry["author"], text: text, party: entry["party"])
        }
        // Rows written before the special-category fields were sealed still hold them in plain columns.
        var ratings: FactorRatings?
        if let f: Int = row["frequency"], let s: Int = row["severity"], let t: Int = row["threat"],
           let w: Int = row["wellbeing"], let p: Int = row["power"] {
            ratings = try FactorRatings(frequency: f, severity: s, threat: t, wellbeing: w, power: p)
        }
        let sealedFields = sealedDetails?.incidentFirst != nil
        var loaded = Case(
            id: id, receivedAt: row["receivedAt"], channel: Channel(rawValue: row["channel"]) ?? .complaint,
            incidentFirst: sealedFields ? opened.incidentFirst! : row["incidentFirst"],
            incidentLast: sealedFields ? opened.incidentLast ?? opened.incidentFirst! : row["incidentLast"], reporter: reporter,
            relationship: Relationship(rawValue: row["relationship"]) ?? .other, reported: reported,
            categories: Self.split(row["categories"]),
            grounds: sealedFields ? opened.grounds ?? [] : Self.split(row["grounds"]),
            conductTags: sealedFields ? opened.conductTags ?? [] : Self.split(row["conductTags"]),
            childInvolved: sealedFields ? opened.childInvolved ?? false : row["childInvolved"],
            consentShareIdentity: row["consentShareIdentity"], narrative: narrative, supportNeeds: support,
            status: CaseStatus(rawValue: row["status"]) ?? .new, assessment: sealedFields ? opened.ratings : ratings,
            escalationLevel: (row["escalationLevel"] as String?).flatMap(EscalationLevel.init(rawValue:)),
            screeningReason: sealedFields ? opened.screeningReason : row["screeningReason"],
            outcome: sealedFields ? opened.outcome : (row["outcome"] as String?).flatMap(Outcome.init(rawValue:)),
            acknowledgedAt: row["acknowledgedAt"], closedAt: row["closedAt"], legalHold: row["legalHold"], journal: journal,
            affected: affected, wishes: opened.wishes, dutyToAct: opened.dutyToAct, measures: opened.measures ?? [])
        loaded.followUpEveryDays = row["followUpDays"]
        return loaded
    }

    /// The reporter's identity and the affected person (pseudonym, name, contact): opened only for the identity.
    struct SealedIdentity: Codable {
        var name: String?
        var contact: String?
        var affected: AffectedPerson?

        init(_ item: Case) {
            name = item.reporter.name
            contact = item.reporter.contact
            affected = item.affected
        }
    }
    /// What a case gains as it evolves, sealed together.
    /// What a case gains as it evolves, and the special-category data nobody may read with `strings`: grounds,
    /// conduct tags, the five ratings, the child flag, incident dates, outcome and screening reason.
    struct SealedDetails: Codable {
        var wishes: Wishes?
        var dutyToAct: String?
        var measures: [Measure]?
        var grounds: [String]?
        var conductTags: [String]?
        var ratings: FactorRatings?
        var childInvolved: Bool?
        var incidentFirst: Date?
        var incidentLast: Date?
        var outcome: Outcome?
        var screeningReason: String?

        init() {}
        init(_ item: Case) {
            wishes = item.wishes
            dutyToAct = item.dutyToAct
            measures = item.measures.isEmpty ? nil : item.measures
            grounds = item.grounds
            conductTags = item.conductTags
            ratings = item.assessment
            childInvolved = item.childInvolved
            incidentFirst = item.incidentFirst
            incidentLast = item.incidentLast
            outcome = item.outcome
            screeningReason = item.screeningReason
        }
    }

    /// The sealed details of a row (opened even when the rest stays sealed: ranking needs the ratings).
    func details(_ row: Row, key: String) throws -> SealedDetails? {
        guard let blob: Data = row["sealedDetails"] else { return nil }
        return try sealer.openJSON(SealedDetails.self, blob, context: "case:\(key):details")
    }
    struct SealedParty: Codable { var name: String; var role: String }

    func insert(_ db: Database, _ item: Case, now: Date) throws {
        let key = item.id.description
        try db.execute(
            sql: """
                INSERT INTO casefile (id, year, seq, receivedAt, channel, status, relationship, incidentFirst, incidentLast,
                    pseudonym, anonymous, categories, grounds, conductTags, childInvolved, consentShareIdentity,
                    sealedReporter, sealedNarrative, sealedSupport, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [key, item.id.year, item.id.number, item.receivedAt, item.channel.rawValue, item.status.rawValue,
                        item.relationship.rawValue, item.receivedAt, item.receivedAt, item.reporter.pseudonym,
                        item.reporter.anonymous, Self.join(item.categories), "", "", false, item.consentShareIdentity,
                        try sealer.sealJSON(SealedIdentity(item), context: "case:\(key):reporter"),
                        try sealer.seal(item.narrative, context: "case:\(key):narrative"),
                        try sealer.seal(item.supportNeeds, context: "case:\(key):support"), now])
        try updateRow(db, item, now: now)
        try writeParties(db, item)
        for entry in item.journal { try insertJournal(db, entry, caseId: item.id) }
    }

    func updateRow(_ db: Database, _ item: Case, now: Date) throws {
        let key = item.id.description
        changedRows.insert(key)
        try db.execute(
            sql: """
                UPDATE casefile SET status = ?, relationship = ?, incidentFirst = ?, incidentLast = ?, pseudonym = ?,
                    anonymous = ?, categories = ?, grounds = ?, conductTags = ?, childInvolved = ?, consentShareIdentity = ?,
                    escalationLevel = ?, screeningReason = ?, outcome = ?, acknowledgedAt = ?, closedAt = ?, legalHold = ?,
                    frequency = ?, severity = ?, threat = ?, wellbeing = ?, power = ?,
                    sealedReporter = ?, sealedNarrative = ?, sealedSupport = ?, sealedDetails = ?, followUpDays = ?, updatedAt = ?
                WHERE id = ?
                """,
            // Grounds, conduct tags, ratings, the child flag, incident dates, outcome and screening reason live only in
            // the sealed details; their plain columns hold neutral values (receipt date for the incident dates).
            arguments: [item.status.rawValue, item.relationship.rawValue, item.receivedAt, item.receivedAt,
                        item.reporter.pseudonym, item.reporter.anonymous, Self.join(item.categories), "",
                        "", false, item.consentShareIdentity,
                        item.escalationLevel?.rawValue, nil as String?, nil as String?,
                        item.acknowledgedAt, item.closedAt, item.legalHold, nil as Int?, nil as Int?,
                        nil as Int?, nil as Int?, nil as Int?,
                        try sealer.sealJSON(SealedIdentity(item), context: "case:\(key):reporter"),
                        try sealer.seal(item.narrative, context: "case:\(key):narrative"),
                        try sealer.seal(item.supportNeeds, context: "case:\(key):support"),
                        try sealer.sealJSON(SealedDetails(item), context: "case:\(key):details"), item.followUpEveryDays, now, key])
    }

    /// The authenticated data of a journal text: a row moved to another case, or given another id, time or author,
    /// no longer opens.
    static func journalContext(case key: String, kind: JournalEntry.Kind, id: Int64, at: String, author: String) -> String {
        "case:\(key):journal:\(kind.rawValue):\(id):\(at):\(author)"
    }

    func writeParties(_ db: Database, _ item: Case) throws {
        let key = item.id.description
        try db.execute(sql: "DELETE FROM party WHERE caseId = ?", arguments: [key])
        for (position, person) in item.reported.enumerated() {
            try db.execute(
                sql: "INSERT INTO party (caseId, position, matchTag, power, sealed) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, position, sealer.matchTag(person.matchKey), person.power.rawValue,
                            try sealer.sealJSON(SealedParty(name: person.name, role: person.role), context: "case:\(key):party:\(position)")])
        }
    }

    func insertJournal(_ db: Database, _ entry: JournalEntry, caseId: CaseID) throws {
        let key = caseId.description
        changedRows.insert(key)
        let id = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM journal") ?? 0) + 1
        let at = DateText.databaseTimestamp(entry.at)
        try db.execute(
            sql: "INSERT INTO journal (id, caseId, at, kind, author, sealedText, party) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, key, at, entry.kind.rawValue, entry.author,
                        try sealer.seal(entry.text, context: Self.journalContext(case: key, kind: entry.kind, id: id, at: at,
                                                                                 author: entry.author)),
                        entry.party])
    }

    // MARK: Derived fields

    func matchTags(_ item: Case) -> [String] {
        Array(Set(item.reported.map { sealer.matchTag($0.matchKey) }))
    }

    func otherOpenCases(_ db: Database, sharingWith item: Case) throws -> Int {
        try otherOpenCases(db, tags: matchTags(item), excluding: item.id)
    }

    func otherOpenCases(_ db: Database, tags: [String], excluding id: CaseID) throws -> Int {
        guard !tags.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: tags.count).joined(separator: ",")
        return try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(DISTINCT p.caseId) FROM party p JOIN casefile c ON c.id = p.caseId
                WHERE p.matchTag IN (\(marks)) AND p.caseId <> ?
                  AND c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                """,
            arguments: StatementArguments(tags + [id.description])) ?? 0
    }

    func evaluate(_ db: Database, _ item: Case) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, sharingWith: item))
    }

    /// Evaluates a case loaded without its sealed parties, from the match tags stored beside them.
    func evaluate(_ db: Database, _ item: Case, tags: [String]) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, tags: tags, excluding: item.id))
    }

    /// Recomputes the cached ranking fields of a case and of every case naming the same reported person
    /// (their pervasiveness depends on this one).
    func refreshRelated(_ db: Database, of item: Case) throws {
        try refreshRankings(db, ids: [item.id.description], sharingTags: Set(matchTags(item)))
    }

    /// Recomputes one case's cached ranking fields from its unsealed columns and stored match tags;
    /// nothing sealed is opened.
    func rerank(_ db: Database, _ id: CaseID) throws {
        let item = try loadCase(db, id, unseal: false)
        try writeRanking(db, item, evaluate(db, item, tags: storedTags(db, id)))
    }

    func writeRanking(_ db: Database, _ item: Case, _ evaluation: CaseEvaluation) throws {
        changedRows.insert(item.id.description)
        let next = evaluation.nextDeadline
        try db.execute(
            sql: """
                UPDATE casefile SET score = ?, band = ?, severeOrPervasive = ?, nextDueAt = ?, nextDueKind = ?, outsideWindow = ?,
                    supportDuty = ?,
                    queueOpen = ?, queueBand = ?, queueScore = ?, nextDueEpoch = ?, receivedEpoch = ?
                WHERE id = ?
                """,
            arguments: [evaluation.score.value, evaluation.score.band?.rawValue, evaluation.score.severeOrPervasive,
                        next?.due, next?.kind.rawValue, evaluation.outsideWindow,
                        evaluation.deadlines.contains { $0.kind == .support },
                        item.status.isOpen ? 0 : 1, evaluation.score.band.queueRank, -(evaluation.score.value ?? -1),
                        next?.due.timeIntervalSince1970, item.receivedAt.timeIntervalSince1970, item.id.description])
    }

    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

/// The ids of the case rows a write transaction changed.
final class ChangedRows: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: Set<String> = []

    func insert(_ id: String) { _ = lock.withLock { ids.insert(id) } }
    func take() -> Set<String> { lock.withLock { defer { ids = [] }; return ids } }
}

/// A value shared across threads behind a lock.
final class LockedValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    var value: T { lock.withLock { stored } }
    func set(_ value: T) { lock.withLock { stored = value } }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
