import CaseCore
import Foundation

/// The store behind the case desk: everything ``CaseDesk`` asks of one. The SQLite implementation is
/// ``SQLiteCaseStore``; a shared PostgreSQL backend for teams implements the same protocol without touching the domain
/// or the UI, and shows it does by passing the same conformance suite (Tests/CaseStoreTests/Conformance).
///
/// The domain's rules are ``CaseCore``'s, and every engine applies them: what a supervisor sees of a case
/// (``CaseCore/Case/redacted(for:)``, ``CaseCore/SupervisorView``), which cases a supervisor may open, the reasons a
/// recusal needs (``CaseCore/Recusal``). An engine adds what only storage can: one transaction per action, one audit
/// entry per change, and nothing written at all by an action it refuses.
public protocol CaseRepository: AnyObject, Sendable {
    /// Who opened the store.
    var session: Session { get }
    /// The configuration cases are scored and timed with.
    var evaluator: CaseEvaluator { get }

    /// When a wrong passphrase was given since the last successful login (told at login).
    var failedAttempts: [Date] { get }
    /// The organisation's name given at `init`, used in letters.
    func organisationName() throws -> String?
    /// Writes the session's login into the audit chain if no change has yet (an opened desk, a command that succeeded).
    func recordLogin() throws
    /// Whether `passphrase` opens the session's own account, checked as a login is (with its delay after failures;
    /// a wrong one is counted as a failed login). The desk's lock screen asks this.
    func checkPassphrase(_ passphrase: String, now: Date) -> Bool
    /// The queue: every case this session may see, as unsealed ranking fields, in queue order.
    func summaries() throws -> [CaseSummary]
    /// Part of the queue, in queue order: the cases a selection's filters keep, at most its limit (`now` tells what is
    /// overdue).
    func summaries(_ selection: QueueSelection, now: Date) throws -> [CaseSummary]
    /// A number that changes whenever any case changes (in this process or another), or nil when the store
    /// cannot tell; a window reloads its queue only when it changed.
    func queueVersion() throws -> Int?
    /// A case with its sealed fields opened as far as the session is entitled to. Audited.
    func loadCase(_ id: CaseID) throws -> Case
    /// Score, deadlines and window flag of a case, counting the other open cases that name the same person.
    func evaluate(_ item: Case) throws -> CaseEvaluation
    /// Creates a case from an intake in one transaction and returns it.
    func addCase(_ intake: CaseIntake, now: Date) throws -> Case
    /// Applies one user action to a case in one transaction: all of it is saved, or nothing.
    /// The closure gets the case and an evaluator that reads inside the same transaction.
    @discardableResult
    func updateCase(_ id: CaseID, action: String, now: Date,
                    _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case
    /// Applies one user action as ``updateCase(_:action:now:_:)`` does, but only if the case is still at `readVersion`
    /// (what the user's copy was read at): otherwise nothing is written and ``StoreError/staleCase(_:by:at:)`` says who
    /// changed it, and when.
    @discardableResult
    func updateCase(_ id: CaseID, readVersion: Int, action: String, now: Date,
                    _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case
    /// How far a case has changed: a number every change raises, who made the last change and when. Read it before
    /// the case, and give it back with a change (``updateCase(_:readVersion:action:now:_:)``).
    func caseVersion(_ id: CaseID) throws -> CaseVersion
    /// Records a supervisor's review decision on an escalated case in one transaction (supervisors only); the change
    /// must add exactly one `review` entry. Returns the supervisor's copy of the case.
    @discardableResult
    func reviewCase(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case
    /// Appends an audit entry that is not tied to a case change (an export, a report).
    func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws
    /// The audit log, whole or for one case.
    func auditEntries(caseId: CaseID?) throws -> [AuditEntry]
    /// Checks the audit chain end to end.
    func verifyAudit() throws -> AuditVerification
    /// Why ordinary work is refused although the passphrase was right (a broken audit head, a file older than the one
    /// this machine last used), or nil.
    func integrityProblem() throws -> Phrase?
    /// Case rows whose behaviour-driving plain columns no longer match their seal (changed outside Confidant).
    func tamperedCases() throws -> [CaseID]
    /// Accounts whose role no longer matches its seal (changed outside Confidant).
    func tamperedAccounts() throws -> [String]
    /// Records a counselor's finding of a break as a new audit entry naming it, so work can go on.
    func acknowledgeAuditBreak(reason: String, now: Date) throws
    /// The reporter's identity, or ``StoreError/notPermitted(_:)`` when the session is not entitled to it. Audited.
    func reporterIdentity(_ id: CaseID) throws -> Reporter

    // Anonymous reporters
    /// Issues a fresh follow-up code for a case and returns it; only a salted hash is kept.
    func issueFollowUpCode(_ id: CaseID, now: Date) throws -> FollowUpCode
    /// Finds the case a follow-up code belongs to.
    func findCase(followUpCode: FollowUpCode, now: Date) throws -> CaseID?

    // Patterns and alerts
    /// Deadlines overdue or due within `hours`, most pressing first.
    func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert]
    /// Reported persons named in more than one case (neutral labels for a supervisor).
    func repeatRespondents() throws -> [RepeatRespondent]

    // Conflicts of interest
    /// Recuses the session's account from a case, journaled; the case leaves its queue and is flagged for reassignment.
    func declareConflict(_ id: CaseID, reason: String, now: Date) throws
    /// Clears the reassignment flag once another handler has taken the case, journaled.
    func reassign(_ id: CaseID, note: String, now: Date) throws

    // The team policy
    /// The version of the team policy in force: what the store scores, times and keeps cases by. Nil while the
    /// database holds none (an older database, until a counselor's first login installs the files' as version 1).
    /// A stored version that no longer matches its seal is refused (``StoreError/tamperedPolicy(_:)``).
    func policyInForce() throws -> PolicyVersion?
    /// Installs `policy` as the next version (counselors only), audited with who and when, and ranks every case again
    /// under it, in one transaction. A policy identical to the one in force is refused.
    func applyPolicy(_ policy: TeamPolicy, now: Date) throws -> PolicyVersion
    /// The version of the team policy a case's assessment was last scored under (nil: never assessed).
    func scoredWith(_ id: CaseID) throws -> Int?

    // Accounts
    func accounts() throws -> [Account]
    /// Adds an account with its own passphrase; `aliases` are names under which this person could be reported.
    func addAccount(_ name: String, role: Role, passphrase: String, aliases: [String], now: Date) throws
    /// Removes an account's key slot and its keys of cases: its passphrase no longer opens anything, and the cases it
    /// held are sealed under new keys at their next write.
    func removeAccount(_ name: String, now: Date) throws
    /// Accounts entitled to keys of cases they were not given yet (new accounts, accounts of an upgraded database);
    /// a counselor's session gives them when it opens. Not for a supervisor.
    func pendingGrants() throws -> [PendingGrant]

    // Retention
    /// Closed cases whose retention period has run out and that carry no legal hold.
    func purgeCandidates(now: Date) throws -> [PurgeCandidate]
    /// Irreversibly removes the given expired cases' sealed data and parties, keeping anonymised statistics and an audit entry.
    func purge(_ ids: [CaseID], now: Date) throws -> Int
    /// Anonymised traces of purged cases, for statistics.
    func purgedTraces() throws -> [PurgedTrace]

    // Bulk work (exports, statistics, import, backup), opening no sealed field it does not need
    /// Adds every intake whose fingerprint was never imported, all in ONE transaction: every case is added, or none.
    /// A fingerprint already imported (or repeated earlier in the same batch) is skipped.
    /// Failures are thrown as ``CaseImportFailure`` naming the intake at fault.
    func importCases(_ intakes: [(fingerprint: String, intake: CaseIntake)], source: String, now: Date) throws
        -> (added: [CaseID], skipped: Int)
    /// Every case the session may see as the statistics report counts it (unsealed facts, acknowledgement and first
    /// contact), from unsealed columns only. Opens no sealed field and writes no audit entry per case.
    func statisticsRecords() throws -> [StatisticsRecord]
    /// Writes a consistent, still-encrypted snapshot of the whole database to `path` (mode 0600) and audits it.
    func backup(to path: String, overwrite: Bool, now: Date) throws -> BackupReceipt
}

/// How far a case has changed (``CaseRepository/caseVersion(_:)``).
public struct CaseVersion: Equatable, Sendable {
    /// Raised by every change to the case.
    public var number: Int
    /// The account that made the last change.
    public var changedBy: String
    public var changedAt: Date

    public init(number: Int, changedBy: String, changedAt: Date) {
        self.number = number
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
