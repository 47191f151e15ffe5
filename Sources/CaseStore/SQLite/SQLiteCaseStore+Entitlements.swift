import CaseCore
import Foundation
import GRDB

/// Who may read and change what: roles, recusal, the supervisor's escalated cases, identity only with consent.
extension SQLiteCaseStore {
    func checkCanRead() throws {
        if session.role == .admin { throw StoreError.notPermitted(.key("permission.admin-reads-no-case")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    func checkCanWrite() throws {
        if session.role != .counselor { throw StoreError.notPermitted(.key("permission.counselor-changes")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    /// Refuses a case the session may not open: recused handlers, supervisors on cases not escalated.
    func checkEntitled(_ db: Database, _ id: CaseID) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM casefile WHERE id = ?", arguments: [id.description]) else {
            if let purgedAt = try Date.fetchOne(db, sql: "SELECT at FROM audit WHERE action = 'purge' AND caseId = ? ORDER BY id DESC LIMIT 1",
                                                arguments: [id.description]) {
                throw StoreError.casePurged(id.description, on: Calendar.utc.startOfDay(for: purgedAt))
            }
            throw StoreError.caseNotFound(id.description)
        }
        try checkRowIntact(db, id)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM recusal WHERE caseId = ? AND account IN (?, ?)",
                             arguments: StatementArguments([id.description] + recusalKeys(session.account))) == true {
            throw StoreError.notPermitted(.key("permission.recused", ["account": .text(session.account), "id": .text(id.description)]))
        }
        if session.role == .supervisor,
           try !SupervisorView.mayOpen(status: CaseStatus(rawValue: status) ?? .new, reviewedByThem: reviewedBySession(db, id)) {
            throw StoreError.notPermitted(.key("permission.not-escalated", ["id": .text(id.description)]))
        }
    }

    /// Whether this session's account recorded a review decision on the case.
    func reviewedBySession(_ db: Database, _ id: CaseID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM journal WHERE caseId = ? AND kind = 'review' AND author = ? LIMIT 1",
                          arguments: [id.description, session.account]) ?? false
    }

    public func reporterIdentity(_ id: CaseID) throws -> Reporter {
        try checkCanRead()
        // Decided on the case as stored (the domain's rule), and audited either way in the same transaction.
        let identity = try write { db -> Reporter? in
            try checkEntitled(db, id)
            // A supervisor's comes from their copy, which holds the name only while the reporter consents.
            let identity = try entitledCase(db, id).reporterIdentity(for: session.role.audience)
            let (action, detail) = EngineSteps.identityAudit(identity, role: session.role)
            try AuditLog.append(db, actor: session.account, action: action, caseId: id.description, detail: detail, at: Date(),
                                headKey: headKey)
            return identity
        }
        guard let identity else {
            throw EngineSteps.identityRefusal(id)
        }
        return identity
    }

    /// What the session may see of a case it is entitled to (``CaseCore/Case/redacted(for:)``).
    func redacted(_ item: Case) -> Case {
        item.redacted(for: session.role.audience)
    }
}
