import CaseCore
import Crypto
import Foundation
import GRDB

/// The encrypted single-file store: SQLite in WAL mode through GRDB, sensitive fields sealed with AES-GCM.
public final class SQLiteCaseStore: CaseRepository, @unchecked Sendable {
    // @unchecked: every property is immutable after init; DatabasePool is thread-safe.
    public let session: Session
    /// The evaluator of the team policy in force in the database, once it holds one; until then, the files'.
    public var evaluator: CaseEvaluator { policyState.value?.evaluator ?? localEvaluator }
    /// The evaluator of this machine's files, and its language, calendar and letter languages for the database's policy.
    let localEvaluator: CaseEvaluator
    /// The version of the team policy the store works under (nil until first read from the database).
    let policyState = LockedValue<PolicyState?>(nil)
    public let path: String
    let pool: DatabasePool
    let sealer: Sealer
    let headKey: SymmetricKey
    /// The team key: every account holds it. It keys the audit chain, the seals over plain columns, the match tags and
    /// the follow-up tags; since keys per case it seals no case content (``CaseKeys``).
    let dataKey: SymmetricKey
    /// This account's key pair, whose private key opens the case keys wrapped for it.
    let accountKey: AccountKey
    /// The case keys opened in the current transaction (cleared at the start of every read and write).
    let keyCache = LockedValue<[String: CaseKeys]>([:])
    /// A key pair made at this login for an account that had none (an upgraded database), written with the login record.
    let pendingKeyPair = LockedValue<Data?>(nil)
    /// When the session opened, until its login is in the audit chain.
    let pendingLogin = LockedValue<Date?>(nil)
    /// Case rows changed in the current write transaction, sealed again before it commits.
    let changedRows = ChangedRows()
    /// The key of the seals over plain columns (``rowSeal(_:_:)``).
    let rowKey: SymmetricKey
    /// A stronger wrapping of this account's key slot, written with the login record.
    struct Rewrap: Sendable { var params: KDFParameters; var wrapped: Data; var sealedPrivateKey: Data; var from: Int }
    let pendingRewrap = LockedValue<Rewrap?>(nil)
    /// The rules new passphrases must meet (with the common-password list the command line loads).
    public internal(set) var passphrasePolicy = PassphrasePolicy()
    /// Why ordinary work is refused although the passphrase was right: this file is older than the one this machine
    /// last used (see ``AuditHeadFile``). Cleared by an acknowledgement.
    let staleCopy = LockedValue<Phrase?>(nil)
    /// When the passphrase was given wrongly since the last successful login (told at login, as a Unix login does).
    public internal(set) var failedAttempts: [Date] = []

    /// The minimum passphrase length for new accounts (the throwaway demo database is the one exception).
    public static let minimumPassphraseLength = PassphrasePolicy.minimumLength

    /// The organisation's name given at `init` (letters use it), if any.
    public func organisationName() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'organisation'") }
    }

    init(pool: DatabasePool, path: String, session: Session, dataKey: SymmetricKey, accountKey: AccountKey,
         evaluator: CaseEvaluator) {
        self.pool = pool
        self.accountKey = accountKey
        self.path = path
        self.session = session
        localEvaluator = evaluator
        self.dataKey = dataKey
        sealer = Sealer(dataKey: dataKey)
        headKey = Self.headKey(dataKey)
        rowKey = Self.rowKey(dataKey)
    }


    func read<T>(_ body: (Database) throws -> T) throws -> T {
        keyCache.set([:])
        do {
            return try pool.read { db in
                try followPolicy(db)
                return try body(db)
            }
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
}
