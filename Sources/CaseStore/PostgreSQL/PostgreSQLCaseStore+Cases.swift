import CaseCore
import Foundation

/// Cases: opening one (audited), adding one, every change applied in one transaction, and who may do which.
extension PostgreSQLCaseStore {
    public func loadCase(_ id: CaseID) throws -> Case {
        try checkCanRead()
        return try write { tx in
            try checkEntitled(tx, id)
            let item = try entitledCase(tx, id)
            try PostgresAuditLog.append(tx, actor: session.account, action: "open", caseId: id.description,
                                        detail: "sealed fields read by \(session.role.rawValue)", at: Date(), headKey: headKey)
            return item
        }
    }

    /// What the session may see of a case, opened with the keys it holds: a counselor's whole case, a supervisor's copy.
    func entitledCase(_ tx: PostgresTransaction, _ id: CaseID) throws -> Case {
        if session.role == .supervisor { return try supervisorCopy(tx, id) }
        return redacted(try loadCase(tx, id, keys: counselorKeys(tx, id), unseal: true, identity: true))
    }

    /// For a supervisor, deadlines are facts of the whole record: the case is evaluated from the stored record (its
    /// journal's kinds and dates, the details of the supervisor's copy), and the other cases naming the same people are
    /// counted from the stored match tags, as for the counselor.
    public func evaluate(_ item: Case) throws -> CaseEvaluation {
        try read { tx in
            // A case that has just left a supervisor's rows (returned to the counselor; row-level security) is evaluated
            // from the copy they were given back.
            guard session.role == .supervisor,
                  try tx.value("SELECT true FROM casefile WHERE id = $1", item.id.description, as: Bool.self) == true else {
                return try evaluate(tx, item)
            }
            let stored = try loadCase(tx, item.id, keys: heldKeys(tx, item.id), unseal: false)
            return evaluator.evaluate(stored, otherOpenCases: try otherOpenCases(tx, tags: storedTags(tx, item.id), excluding: item.id))
        }
    }

    public func addCase(_ intake: CaseIntake, now: Date) throws -> Case {
        try checkCanWrite()
        return try write { tx in try insertNewCase(tx, intake, now: now) }
    }

    func insertNewCase(_ tx: PostgresTransaction, _ intake: CaseIntake, now: Date, how: String = "case created",
                       refreshRanking: Bool = true) throws -> Case {
        let year = EngineSteps.year(of: intake, now: now)
        let seq = (try tx.value("SELECT MAX(seq) FROM casefile WHERE year = $1", year, as: Int.self) ?? 0) + 1
        let id = CaseID(year: year, number: seq)
        let item = try EngineSteps.newCase(intake, id: id, by: session.account, now: now, evaluator: evaluator) {
            try self.otherOpenCases(tx, tags: self.matchTags($0), excluding: $0.id)
        }
        let keys = CaseKeys.fresh()
        try insert(tx, item, keys: keys, now: now)
        if item.assessment != nil { try stampPolicyVersion(tx, id) }
        try applyAutomaticRecusals(tx, id, now: now)
        try syncWrappings(tx, id, keys: keys, status: item.status)
        if refreshRanking { try refreshRankings(tx, ids: [id.description], sharingTags: Set(matchTags(item))) }
        try PostgresAuditLog.append(tx, actor: session.account, action: "create", caseId: id.description,
                                    detail: EngineSteps.creationDetail(how, item), at: now, headKey: headKey)
        return item
    }

    @discardableResult
    public func updateCase(_ id: CaseID, action: String, now: Date,
                           _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try checkCanWrite()
        return try apply(id, action: action, now: now, change)
    }

    @discardableResult
    public func updateCase(_ id: CaseID, readVersion: Int, action: String, now: Date,
                           _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try checkCanWrite()
        return try apply(id, action: action, now: now, readVersion: readVersion, change)
    }

    public func caseVersion(_ id: CaseID) throws -> CaseVersion {
        try checkCanRead()
        return try read { tx in
            try checkEntitled(tx, id)
            return try caseVersion(tx, id)
        }
    }

    func caseVersion(_ tx: PostgresTransaction, _ id: CaseID) throws -> CaseVersion {
        guard let row = try tx.rows("SELECT version, changedBy, updatedAt FROM casefile WHERE id = $1", id.description).first else {
            throw StoreError.caseNotFound(id.description)
        }
        return CaseVersion(number: try row.get("version"), changedBy: try row.get("changedBy"), changedAt: try row.date("updatedAt"))
    }

    @discardableResult
    public func reviewCase(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        guard session.role == .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-reviews")) }
        return try recordReview(id, now: now, change)
    }

    /// A change applied to the case as stored (read under the write lock), never to a copy read earlier.
    func apply(_ id: CaseID, action: String, now: Date, readVersion: Int? = nil,
               _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try write { tx in
            try checkEntitled(tx, id)
            try EngineSteps.checkVersion(caseVersion(tx, id), read: readVersion, of: id)
            var keys = try counselorKeys(tx, id)
            let before = try loadCase(tx, id, keys: keys, unseal: true)
            var after = before
            try change(&after) { try self.evaluate(tx, $0) }
            guard try CaseChangeRules.changes(from: before, to: after) else { return redacted(before) }
            let replaced = CaseKeyRules.replaced(
                rekeyDue: try tx.value("SELECT rekeyDue FROM casefile WHERE id = $1", id.description, as: Bool.self) == true,
                before: before, after: after)
            if !replaced.isEmpty {
                try replaceKeys(tx, id, &keys, replaced)
                try sealWhole(tx, before, keys: keys, now: now)
            }
            try updateRow(tx, after, keys: keys, now: now)
            if CaseChangeRules.rescored(from: before, to: after) { try stampPolicyVersion(tx, id) }
            if after.reported != before.reported {
                try writeParties(tx, after, keys: keys)
                try applyAutomaticRecusals(tx, id, now: now)
            }
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(tx, entry, caseId: id) }
            try syncWrappings(tx, id, keys: keys, status: after.status)
            try refreshRankings(tx, ids: [id.description], sharingTags: Set(matchTags(before)).union(matchTags(after)))
            try PostgresAuditLog.append(tx, actor: session.account, action: action, caseId: id.description,
                                        detail: CaseChangeRules.auditDetail(from: before, to: after), at: now, headKey: headKey)
            return redacted(after)
        }
    }

    // MARK: Who may read and change what

    func checkCanRead() throws {
        if session.role == .admin { throw StoreError.notPermitted(.key("permission.admin-reads-no-case")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    func checkCanWrite() throws {
        if session.role != .counselor { throw StoreError.notPermitted(.key("permission.counselor-changes")) }
        if let problem = try integrityProblem() { throw StoreError.auditBroken(problem) }
    }

    /// Refuses a case the session may not open: recused handlers, supervisors on cases not escalated.
    func checkEntitled(_ tx: PostgresTransaction, _ id: CaseID) throws {
        // The status is read over every case, so a case outside this login's rows (row-level security) is refused as
        // the store refuses it, not reported missing.
        guard let status = try tx.value("SELECT confidant_case_status($1)", id.description, as: String?.self) ?? nil else {
            if let purgedAt = try tx.value("SELECT at FROM audit WHERE action = 'purge' AND caseId = $1 ORDER BY id DESC LIMIT 1",
                                           id.description, as: String.self).flatMap(DatabaseTimestamp.parse) {
                throw StoreError.casePurged(id.description, on: Calendar.utc.startOfDay(for: purgedAt))
            }
            throw StoreError.caseNotFound(id.description)
        }
        try checkRowIntact(tx, id)
        if try tx.value("SELECT true FROM recusal WHERE caseId = $1 AND account = $2", id.description, recusalTag(session.account),
                        as: Bool.self) == true {
            throw StoreError.notPermitted(.key("permission.recused", ["account": .text(session.account), "id": .text(id.description)]))
        }
        if session.role == .supervisor,
           try !SupervisorView.mayOpen(status: CaseStatus(rawValue: status) ?? .new, reviewedByThem: reviewedBySession(tx, id)) {
            throw StoreError.notPermitted(.key("permission.not-escalated", ["id": .text(id.description)]))
        }
    }

    func reviewedBySession(_ tx: PostgresTransaction, _ id: CaseID) throws -> Bool {
        try tx.value("SELECT true FROM journal WHERE caseId = $1 AND kind = 'review' AND author = $2 LIMIT 1",
                     id.description, session.account, as: Bool.self) ?? false
    }

    public func reporterIdentity(_ id: CaseID) throws -> Reporter {
        try checkCanRead()
        let identity = try write { tx -> Reporter? in
            try checkEntitled(tx, id)
            // A supervisor's comes from their copy, which holds the name only while the reporter consents.
            let identity = try entitledCase(tx, id).reporterIdentity(for: session.role.audience)
            let (action, detail) = EngineSteps.identityAudit(identity, role: session.role)
            try PostgresAuditLog.append(tx, actor: session.account, action: action, caseId: id.description, detail: detail, at: Date(),
                                        headKey: headKey)
            return identity
        }
        guard let identity else {
            throw EngineSteps.identityRefusal(id)
        }
        return identity
    }

    func redacted(_ item: Case) -> Case { item.redacted(for: session.role.audience) }

    func recusalTag(_ account: String) -> String { StoreKeys.recusalTag(account, rowKey: rowKey) }
}
