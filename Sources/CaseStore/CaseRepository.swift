import CaseCore
import Foundation

/// The store behind the case desk. The SQLite implementation is ``SQLiteCaseStore``; a shared
/// PostgreSQL backend for teams can implement the same protocol without touching the domain or the UI.
public protocol CaseRepository: AnyObject, Sendable {
    /// Who opened the store.
    var session: Session { get }
    /// The configuration cases are scored and timed with.
    var evaluator: CaseEvaluator { get }

    /// The queue: every case this session may see, as unsealed ranking fields, in queue order.
    func summaries() throws -> [CaseSummary]
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
    /// Appends an audit entry that is not tied to a case change (an export, a report).
    func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws
    /// The audit log, whole or for one case.
    func auditEntries(caseId: CaseID?) throws -> [AuditEntry]
    /// Checks the audit chain end to end.
    func verifyAudit() throws -> AuditVerification
}
