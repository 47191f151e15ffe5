import CaseCore
import Foundation

/// Where a database lives. A file is the single-counselor engine (SQLite, the default); a team's database on a
/// PostgreSQL server (`postgresql://USER@HOST:PORT/DB`) is the shared engine.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case server(PostgresServer)

    /// A URL `postgresql://…` (or `postgres://…`) names a server; anything else is a file's path.
    public init(_ text: String) throws {
        self = PostgresServer.isURL(text) ? .server(try PostgresServer(url: text)) : .file(text)
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case let .file(path): path
        case let .server(server): server.description
        }
    }
}

// The one door: the command line and the desk open, unlock, read and administer a database only through `CaseDesk`.
extension CaseDesk {
    // MARK: Opening

    /// Opens a database with a passphrase as `account` (or the first account the passphrase opens).
    /// Wrong passphrases are recorded and slow the next attempt down.
    public static func open(_ location: StoreLocation, passphrase: String, account: String? = nil, evaluator: CaseEvaluator,
                            passphrasePolicy: PassphrasePolicy = .shipped,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> CaseDesk {
        switch location {
        case .file(let path):
            let store = try SQLiteCaseStore.open(at: path, passphrase: passphrase, account: account, evaluator: evaluator,
                                                 passphrasePolicy: passphrasePolicy, now: clock())
            return CaseDesk(store: store, clock: clock)
        case .server(let server):
            let store = try PostgreSQLCaseStore.open(at: server, passphrase: passphrase, account: account, evaluator: evaluator,
                                                     passphrasePolicy: passphrasePolicy, now: clock())
            return CaseDesk(store: store, clock: clock)
        }
    }

    /// Creates a new, empty database whose first account is `account` (a counselor).
    @discardableResult
    public static func create(_ location: StoreLocation, passphrase: String, account: String = "counselor",
                              evaluator: CaseEvaluator, kdfRounds: Int = KDFParameters.standardRounds,
                              organisation: String? = nil, passphrasePolicy: PassphrasePolicy? = .shipped,
                              clock: @escaping @Sendable () -> Date = { Date() }) throws -> CaseDesk {
        switch location {
        case .file(let path):
            let store = try SQLiteCaseStore.create(at: path, passphrase: passphrase, account: account, evaluator: evaluator,
                                                   kdfRounds: kdfRounds, organisation: organisation,
                                                   passphrasePolicy: passphrasePolicy, now: clock())
            return CaseDesk(store: store, clock: clock)
        case .server(let server):
            let store = try PostgreSQLCaseStore.create(at: server, passphrase: passphrase, account: account, evaluator: evaluator,
                                                       kdfRounds: kdfRounds, organisation: organisation,
                                                       passphrasePolicy: passphrasePolicy, now: clock())
            return CaseDesk(store: store, clock: clock)
        }
    }

    /// The accounts a database has, to name them at the passphrase prompt (readable without a passphrase).
    public static func accountNames(_ location: StoreLocation) throws -> [String] {
        switch location {
        case .file(let path): try SQLiteCaseStore.accountNames(at: path)
        case .server(let server): try PostgreSQLCaseStore.accountNames(at: server)
        }
    }

    /// Replaces (or creates) a database from a backup, after checking that the passphrase opens the backup.
    public static func restore(from backup: String, to location: StoreLocation, passphrase: String, account: String?,
                               evaluator: CaseEvaluator, force: Bool) throws -> RestoreReceipt {
        switch location {
        case .file(let path):
            try SQLiteCaseStore.restore(from: backup, to: path, passphrase: passphrase, account: account,
                                        evaluator: evaluator, force: force)
        case .server:
            throw StoreError.notPermitted(.key("permission.server-restore"))
        }
    }

    /// Fills a new database with the fictional demo cases.
    @discardableResult
    public func seedDemo(from demoFile: Data) throws -> Int {
        try DemoSeeder.seed(store, demoFile: demoFile, now: clock())
    }

    // MARK: Who is at the desk

    public var session: Session { store.session }
    public var role: Role { store.session.role }
    /// What this session's exports and views show: everything for a counselor, the supervisor's view otherwise.
    public var audience: Audience { role == .counselor ? .counselor : .supervisor }
    /// When a wrong passphrase was given since the last successful login (told at login).
    public var failedAttempts: [Date] { store.failedAttempts }

    /// Whether `passphrase` is this account's, checked as a login is (delays after failures, failures recorded):
    /// how the idle lock is lifted.
    public func unlock(passphrase: String) -> Bool { store.checkPassphrase(passphrase, now: clock()) }

    // MARK: Retention

    /// Closed cases whose retention period has run out and that carry no legal hold.
    public func expiredCases() throws -> [PurgeCandidate] { try store.purgeCandidates(now: clock()) }

    /// Purges the given cases in one transaction (statistics and an audit entry stay); returns how many went.
    public func purge(_ candidates: [PurgeCandidate]) throws -> Int {
        try store.purge(candidates.map(\.id), now: clock())
    }

    /// Retention as the desk opens: a counselor's desk purges the expired cases before anything is shown (a
    /// supervisor's does not). Returns how many were purged.
    public func purgeExpiredOnOpening() throws -> Int {
        guard role == .counselor else { return 0 }
        let expired = try expiredCases()
        return expired.isEmpty ? 0 : try purge(expired)
    }

    // MARK: Reading across cases

    /// The audit log, whole or for one case.
    public func auditEntries(for id: CaseID? = nil) throws -> [AuditEntry] { try store.auditEntries(caseId: id) }
    /// Reported persons named in more than one case.
    public func repeatRespondents() throws -> [RepeatRespondent] { try store.repeatRespondents() }
    /// The case an anonymous reporter's follow-up code belongs to.
    public func findCase(followUpCode: FollowUpCode) throws -> CaseID? {
        try store.findCase(followUpCode: followUpCode, now: clock())
    }
    /// Deadlines overdue or due within `hours`, most pressing first.
    public func deadlineAlerts(within hours: Int) throws -> [DeadlineAlert] {
        try store.deadlineAlerts(within: hours, now: clock())
    }
    /// Changes whenever any case changes (here or in another process); nil when the store cannot tell.
    public func queueVersion() throws -> Int? { try store.queueVersion() }

    // MARK: Accounts

    public func accounts() throws -> [Account] { try store.accounts() }
    /// Accounts waiting for a counselor's session to give them the keys of cases.
    public func pendingGrants() throws -> [PendingGrant] { try store.pendingGrants() }
    /// Adds an account with its own passphrase; `aliases` are names under which this person could be reported.
    public func addAccount(_ name: String, role: Role, passphrase: String, aliases: [String] = []) throws {
        try store.addAccount(name, role: role, passphrase: passphrase, aliases: aliases, now: clock())
    }
    /// Removes an account's key slot: its passphrase no longer opens anything.
    public func removeAccount(_ name: String) throws { try store.removeAccount(name, now: clock()) }
}
