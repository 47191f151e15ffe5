import CaseCore
import Crypto
import Foundation
import GRDB

/// Opening: creating a database, logging in with a passphrase (failures counted and delayed), the keys derived from
/// the data key, and SQLite's failures turned into sentences.
extension SQLiteCaseStore {
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
        let kek = try params.deriveKey(from: passphrase)
        let wrapped = try Sealer.wrap(dataKey, with: kek, account: account)
        let accountKey = AccountKey.fresh()
        let sealedPrivateKey = try accountKey.seal(with: kek, account: account, role: role)
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
                                       roleSeal: Self.roleSeal(account: account, role: role, key: Self.rowKey(dataKey)),
                                       publicKey: accountKey.publicKey, sealedPrivateKey: sealedPrivateKey)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('rowSeals', ?)",
                               arguments: [Self.mac(everyColumnMarker, key: Self.rowKey(dataKey))])
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('caseKeys', ?)",
                               arguments: [Self.mac(Self.caseKeysMarker, key: Self.rowKey(dataKey))])
                let policy = evaluator.source.map { _ in "; " + PolicyLedger.createdWithPolicy } ?? ""
                try AuditLog.append(db, actor: account, action: "init", caseId: nil,
                                    detail: "database created with \(role.rawValue) account (rows sealed, keys per case\(policy))",
                                    at: now, headKey: headKey)
                if let policy = evaluator.source {
                    try Self.install(db, policy, account: account, audit: nil, now: now, sealer: Sealer(dataKey: dataKey),
                                     rowKey: Self.rowKey(dataKey), headKey: headKey)
                }
            }
        } catch {
            try? pool.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw mapError(error, path: path)
        }
        chmod(path, 0o600)
        let store = SQLiteCaseStore(pool: pool, path: path, session: Session(account: account, role: role),
                                    dataKey: dataKey, accountKey: accountKey, evaluator: evaluator)
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
            guard format == "confidant-1" else { throw StoreError.notADatabase(path: path, detail: .key("store.no-format-marker")) }
            try StoreSchema.migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            if let mapped = mapError(error, path: path) as? StoreError { throw mapped }
            throw StoreError.notADatabase(path: path, detail: .text("\(error)"))
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
            let kek = try params.deriveKey(from: passphrase)
            guard let dataKey = Sealer.unwrap(slot["wrappedKey"], with: kek, account: name) else {
                continue
            }
            let role = Role(rawValue: slot["role"]) ?? .supervisor
            // The role is bound to the account's private key: a role changed in the file makes it not open. A slot of
            // an older database gets a key pair at this login (written with the login record).
            var newPair: Data?
            let accountKey: AccountKey
            if let sealed: Data = slot["sealedPrivateKey"] {
                guard let opened = AccountKey.open(sealed, with: kek, account: name, role: role) else {
                    throw StoreError.tamperedRecord(.key("tampered.role", ["account": .text(name)]))
                }
                accountKey = opened
            } else {
                accountKey = .fresh()
                newPair = try accountKey.seal(with: kek, account: name, role: role)
            }
            let store = SQLiteCaseStore(pool: pool, path: path, session: Session(account: name, role: role),
                                        dataKey: dataKey, accountKey: accountKey, evaluator: evaluator)
            // The role is also a plain column: it is obeyed only while it matches its seal.
            let seal: String? = slot["roleSeal"]
            if try !store.roleIsIntact(account: name, role: role, seal: seal, sealsInForce: { try store.read(store.sealsInForce) }) {
                throw StoreError.tamperedRecord(.key("tampered.role", ["account": .text(name)]))
            }
            store.pendingKeyPair.set(newPair)
            // The team policy the database holds is the one in force: a forged version is refused here.
            _ = try store.policyInForce()
            // The login is written into the audit chain with the session's first change, or by recordLogin():
            // a command that is refused leaves the file exactly as it was.
            store.pendingLogin.set(now)
            store.passphrasePolicy = passphrasePolicy
            store.staleCopy.set(try store.compareWithHeadOutside())
            // A slot wrapped at a lower cost than this database asks for is re-wrapped with the login record.
            let required = try store.read(Self.requiredKDFRounds)
            if params.rounds < required || params.blockSize < 8 {
                let stronger = KDFParameters.fresh(rounds: required)
                let strongerKEK = try stronger.deriveKey(from: passphrase)
                store.pendingRewrap.set(Rewrap(params: stronger, wrapped: try Sealer.wrap(dataKey, with: strongerKEK, account: name),
                                               sealedPrivateKey: try accountKey.seal(with: strongerKEK, account: name, role: role),
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

    /// Whether `passphrase` opens this session's account: a login (its delay after failures, a wrong passphrase counted)
    /// whose connection is closed again at once.
    public func checkPassphrase(_ passphrase: String, now: Date) -> Bool {
        guard let check = try? Self.open(at: path, passphrase: passphrase, account: session.account, evaluator: localEvaluator,
                                         passphrasePolicy: passphrasePolicy, now: now)
        else { return false }
        try? check.close()
        return true
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

    /// Seconds to wait before trying a passphrase after `failures` wrong ones since the last good login:
    /// none after the first, then 1, 2, 4 … seconds, capped at 30.
    public static func failureDelay(after failures: Int) -> TimeInterval {
        guard failures > 1 else { return 0 }
        return min(30, pow(2, Double(failures - 2)))
    }
    static func rowKey(_ dataKey: SymmetricKey) -> SymmetricKey { StoreKeys.rowKey(dataKey) }

    static func headKey(_ dataKey: SymmetricKey) -> SymmetricKey { StoreKeys.headKey(dataKey) }

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
                              roleSeal: String, publicKey: Data, sealedPrivateKey: Data) throws {
        try db.execute(
            sql: """
                INSERT INTO keyslot (account, role, kdf, salt, rounds, blockSize, parallelism, wrappedKey, createdAt, roleSeal,
                    publicKey, sealedPrivateKey)
                VALUES (?, ?, 'scrypt', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [account, role.rawValue, params.salt, params.rounds, params.blockSize, params.parallelism, wrapped, now, roleSeal,
                        publicKey, sealedPrivateKey])
    }

    /// Turns SQLite failures into sentences: read-only file, full disk, busy database.
    static func mapError(_ error: Error, path: String) -> Error {
        guard let dbError = error as? DatabaseError else { return error }
        switch dbError.resultCode {
        case .SQLITE_READONLY: return StoreError.readOnly(path: path)
        case .SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return StoreError.readOnly(path: path)
        case .SQLITE_FULL: return StoreError.diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
        case .SQLITE_NOTADB: return StoreError.notADatabase(path: path, detail: .key("store.not-sqlite"))
        case .SQLITE_CORRUPT: return StoreError.corrupted(.key("store.sqlite-corrupt"))
        case .SQLITE_IOERR: return StoreError.io(dbError.message ?? "I/O error")
        default: return error
        }
    }
}
