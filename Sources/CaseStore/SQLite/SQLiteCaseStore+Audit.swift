import CaseCore
import Foundation
import GRDB

/// The audit log as the protocol offers it: entries appended by hand, read, and the chain verified.
extension SQLiteCaseStore {
    public func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws {
        try write { db in
            try AuditLog.append(db, actor: session.account, action: action, caseId: caseId?.description,
                                detail: detail, at: now, headKey: headKey)
        }
    }

    /// The audit log names who opened which case: counselors and the admin read it, a supervisor does not.
    public func auditEntries(caseId: CaseID?) throws -> [AuditEntry] {
        guard session.role != .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-no-audit")) }
        return try read { db in try AuditLog.entries(db, caseId: caseId?.description) }
    }

    public func verifyAudit() throws -> AuditVerification {
        try read { db in try AuditLog.verify(db, headKey: headKey) }
    }
}
