import CaseCore
import Foundation
import GRDB

/// Cases: opening one (audited), adding one, and every change applied in one transaction.
extension SQLiteCaseStore {
    public func loadCase(_ id: CaseID) throws -> Case {
        try checkCanRead()
        return try write { db in
            try checkEntitled(db, id)
            let item = try entitledCase(db, id)
            try AuditLog.append(db, actor: session.account, action: "open", caseId: id.description,
                                detail: "sealed fields read by \(session.role.rawValue)", at: Date(), headKey: headKey)
            return item
        }
    }

    /// What the session may see of a case, opened with the keys it holds: a counselor's whole case, a supervisor's copy.
    func entitledCase(_ db: Database, _ id: CaseID) throws -> Case {
        if session.role == .supervisor, try caseKeysInForce(db) { return try supervisorCopy(db, id) }
        // In a database not yet converted to keys per case, the supervisor's copy is made here from the whole case.
        return redacted(try loadCase(db, id, keys: counselorKeys(db, id), unseal: true, identity: true))
    }

    /// For a supervisor, deadlines are facts of the whole record: the case is evaluated from the stored record (its
    /// journal's kinds and dates, without text, and the details of the supervisor's copy), not from the copy alone,
    /// which leaves most entries out.
    public func evaluate(_ item: Case) throws -> CaseEvaluation {
        try read { db in
            guard session.role == .supervisor else { return try evaluate(db, item) }
            // Loaded without its sealed parties: the other cases naming the same people are counted from the stored
            // match tags, as for the counselor.
            return try evaluate(db, loadCase(db, item.id, keys: heldKeys(db, item.id), unseal: false), tags: storedTags(db, item.id))
        }
    }

    public func addCase(_ intake: CaseIntake, now: Date) throws -> Case {
        try checkCanWrite()
        return try write { db in try insertNewCase(db, intake, now: now) }
    }

    /// Creates a case from an intake inside the caller's transaction (``addCase(_:now:)`` and imports).
    /// An import passes `refreshRanking: false` and refreshes every affected case once at the end.
    func insertNewCase(_ db: Database, _ intake: CaseIntake, now: Date, how: String = "case created",
                       refreshRanking: Bool = true) throws -> Case {
        let year = EngineSteps.year(of: intake, now: now)
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM casefile WHERE year = ?", arguments: [year]) ?? 0) + 1
        let id = CaseID(year: year, number: seq)
        let item = try EngineSteps.newCase(intake, id: id, by: session.account, now: now, evaluator: evaluator) {
            try otherOpenCases(db, sharingWith: $0)
        }
        let keys = CaseKeys.fresh()
        try insert(db, item, keys: keys, now: now)
        if item.assessment != nil { try stampPolicyVersion(db, id) }
        try applyAutomaticRecusals(db, id, now: now)
        try syncWrappings(db, id, keys: keys, status: item.status)
        if refreshRanking { try refreshRelated(db, of: item) }
        try AuditLog.append(db, actor: session.account, action: "create", caseId: id.description,
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
        return try read { db in
            try checkEntitled(db, id)
            return try caseVersion(db, id)
        }
    }

    func caseVersion(_ db: Database, _ id: CaseID) throws -> CaseVersion {
        let row = try Row.fetchOne(db, sql: "SELECT version, changedBy, updatedAt FROM casefile WHERE id = ?", arguments: [id.description])
        guard let row else { throw StoreError.caseNotFound(id.description) }
        return CaseVersion(number: row["version"], changedBy: row["changedBy"], changedAt: row["updatedAt"])
    }

    /// A supervisor's decision on an escalated case: the one change a supervisor's session may make.
    @discardableResult
    public func reviewCase(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        guard session.role == .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-reviews")) }
        if try read(caseKeysInForce) { return try recordReview(id, now: now, change) }
        return try apply(id, action: "review", now: now) { item, _ in try CaseChangeRules.review(&item, change) }
    }

    func apply(_ id: CaseID, action: String, now: Date, readVersion: Int? = nil,
               _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try write { db in
            try checkEntitled(db, id)
            try EngineSteps.checkVersion(caseVersion(db, id), read: readVersion, of: id)
            var keys = try counselorKeys(db, id)
            let before = try loadCase(db, id, keys: keys, unseal: true)
            var after = before
            try change(&after) { try self.evaluate(db, $0) }
            guard try CaseChangeRules.changes(from: before, to: after) else { return redacted(before) }
            // New keys: all of them after a recusal or a removed account; the identity's and the copy's when consent to
            // share the identity is withdrawn (the supervisors keep the copy's new key while the case is escalated).
            let replaced = CaseKeyRules.replaced(
                rekeyDue: try Bool.fetchOne(db, sql: "SELECT rekeyDue FROM casefile WHERE id = ?", arguments: [id.description]) == true,
                before: before, after: after)
            if try !replaced.isEmpty && caseKeysInForce(db) {
                try replaceKeys(db, id, &keys, replaced)
                try sealWhole(db, before, keys: keys, now: now)
            }
            try updateRow(db, after, keys: keys, now: now)
            if CaseChangeRules.rescored(from: before, to: after) { try stampPolicyVersion(db, id) }
            if after.reported != before.reported {
                try writeParties(db, after, keys: keys)
                try applyAutomaticRecusals(db, id, now: now)
            }
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(db, entry, caseId: id) }
            try syncWrappings(db, id, keys: keys, status: after.status)
            // Cases that named the same people before or after the change, each re-ranked once.
            try refreshRankings(db, ids: [id.description], sharingTags: Set(matchTags(before)).union(matchTags(after)))
            try AuditLog.append(db, actor: session.account, action: action, caseId: id.description,
                                detail: CaseChangeRules.auditDetail(from: before, to: after), at: now, headKey: headKey)
            return redacted(after)
        }
    }
}
