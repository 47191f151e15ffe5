import CaseCore
import Crypto
import Foundation
import PostgresNIO

/// The shared engine for a team: cases on a PostgreSQL server, sealed in the client exactly as the SQLite engine seals
/// them (``Sealer``, the same contexts), so the server, its backups and its operator hold ciphertext for every sealed
/// field. Plain columns are those ranking needs; those that drive behaviour carry a seal (an HMAC) the server cannot
/// forge. One transaction per action; every write first takes a transaction-level advisory lock, so writers — and the
/// audit chain — never interleave.
public final class PostgreSQLCaseStore: CaseRepository, @unchecked Sendable {
    // @unchecked: every stored property is immutable after opening, or a locked value; the link serialises its use.
    public let session: Session
    /// The evaluator of the team policy in force (``followPolicy(_:)``), else the one the store was opened with.
    public var evaluator: CaseEvaluator { policyState.value?.evaluator ?? localEvaluator }
    let localEvaluator: CaseEvaluator
    /// What the store works under: the team policy's version in force and its evaluator.
    let policyState = LockedValue<PolicyState?>(nil)
    public let server: PostgresServer
    let link: PostgresLink
    let sealer: Sealer
    let dataKey: SymmetricKey
    /// This account's key pair: it unwraps the keys of the cases the account is entitled to.
    let accountKey: AccountKey
    /// The keys of cases unwrapped in the current transaction.
    let keyCache = LockedValue<[String: CaseKeys]>([:])
    let rowKey: SymmetricKey
    let headKey: SymmetricKey
    /// When the session opened, until its login is in the audit chain.
    let pendingLogin = LockedValue<Date?>(nil)
    /// Case rows changed in the current write transaction, sealed again before it commits.
    let changedRows = ChangedRows()
    /// A stronger wrapping of this account's key slot, written with the login record.
    struct Rewrap: Sendable { var params: KDFParameters; var wrapped: Data; var sealedPrivateKey: Data; var from: Int }
    let pendingRewrap = LockedValue<Rewrap?>(nil)
    /// Why ordinary work is refused although the passphrase was right: the server holds an older copy of the database
    /// than this machine last used (``AuditHeadFile``). Cleared by an acknowledgement.
    let staleCopy = LockedValue<Phrase?>(nil)
    /// The queue version heard on the listening connection (``queueVersion()``), and that connection once opened.
    let queueListener = LockedValue(QueueListenerState())
    let listenerLink = LockedValue<PostgresLink?>(nil)
    /// The rules new passphrases must meet.
    public internal(set) var passphrasePolicy = PassphrasePolicy()
    /// When the passphrase was given wrongly since the last successful login.
    public internal(set) var failedAttempts: [Date] = []

    init(link: PostgresLink, server: PostgresServer, session: Session, dataKey: SymmetricKey, accountKey: AccountKey,
         evaluator: CaseEvaluator) {
        self.accountKey = accountKey
        self.link = link
        self.server = server
        self.session = session
        localEvaluator = evaluator
        self.dataKey = dataKey
        sealer = Sealer(dataKey: dataKey)
        rowKey = StoreKeys.rowKey(dataKey)
        headKey = StoreKeys.headKey(dataKey)
    }

    public func organisationName() throws -> String? {
        try read { tx in try tx.value("SELECT value FROM meta WHERE key = 'organisation'", as: String.self) }
    }

    /// One read-only transaction on one snapshot.
    func read<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        keyCache.set([:])
        defer { keyCache.set([:]) }
        return try Self.mapping(server) {
            try link.transaction { tx in
                try tx.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                try followPolicy(tx)
                return try body(tx)
            }
        }
    }

    /// Closes the connection; the store cannot be used afterwards.
    public func close() {
        link.close()
        listenerLink.value?.close()
    }

    /// Runs `body`, turning the server's refusals into the store's sentences (a ``StoreError`` or a domain error passes
    /// through as it is).
    static func mapping<T>(_ server: PostgresServer, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as PostgresFailure {
            throw failure.storeError
        }
    }

    /// `a,b,c` as the list, and back (categories are one plain column, as in the SQLite engine).
    static func join(_ list: [String]) -> String { list.joined(separator: ",") }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
