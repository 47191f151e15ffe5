import CaseCore
import Foundation
import GRDB

/// Who may read and change what: roles, recusal, the supervisor's escalated cases, identity only with consent.
extension SQLiteCaseStore {
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
}
