import CaseCore
import Foundation
import GRDB

/// Cases: opening one (audited), adding one, and every change applied in one transaction.
extension SQLiteCaseStore {
    public func loadCase(_ id: CaseID) throws -> Case {
        try checkCanRead()
        return try write { db in
            try checkEntitled(db, id)
            // The identity is opened here even for a supervisor without consent, only so that `redacted` can scrub
            // the reporter's name and contact out of the free text; it never leaves the store.
            let item = try loadCase(db, id, unseal: true, identity: true)
            try AuditLog.append(db, actor: session.account, action: "open", caseId: id.description,
                                detail: "sealed fields read by \(session.role.rawValue)", at: Date(), headKey: headKey)
            return redacted(item)
        }
    }

    /// For a supervisor, deadlines are facts of the whole record: the case is evaluated from the stored record (its
    /// journal's kinds and dates, without text), not from the supervisor's copy, which leaves most entries out.
    public func evaluate(_ item: Case) throws -> CaseEvaluation {
        try read { db in
            guard session.role == .supervisor else { return try evaluate(db, item) }
            // Loaded without its sealed parties: the other cases naming the same people are counted from the stored
            // match tags, as for the counselor.
            return try evaluate(db, loadCase(db, item.id, unseal: false), tags: storedTags(db, item.id))
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
        let year = Calendar.utc.component(.year, from: intake.receivedAt.flatMap(DateText.parse) ?? now)
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM casefile WHERE year = ?", arguments: [year]) ?? 0) + 1
        let id = CaseID(year: year, number: seq)
        var item = try intake.makeCase(id: id, now: now, pseudonym: Pseudonyms.make(), affectedPseudonym: Pseudonyms.make(),
                                       taxonomy: evaluator.taxonomy)
        let others = try otherOpenCases(db, sharingWith: item)
        try intake.replayHistory(on: &item, by: session.account, now: now, taxonomy: evaluator.taxonomy) { ratings, current in
            var scored = current
            scored.assessment = ratings
            return self.evaluator.evaluate(scored, otherOpenCases: others).score
        }
        try insert(db, item, now: now)
        if item.assessment != nil { try stampPolicyVersion(db, id) }
        try applyAutomaticRecusals(db, id, now: now)
        if refreshRanking { try refreshRelated(db, of: item) }
        try AuditLog.append(db, actor: session.account, action: "create", caseId: id.description,
                            detail: "\(how) (\(item.channel.rawValue), status \(item.status.rawValue))", at: now, headKey: headKey)
        return item
    }

    @discardableResult
    public func updateCase(_ id: CaseID, action: String, now: Date,
                           _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try checkCanWrite()
        return try apply(id, action: action, now: now, change)
    }

    /// A supervisor's decision on an escalated case: the one change a supervisor's session may make.
    @discardableResult
    public func reviewCase(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        guard session.role == .supervisor else { throw StoreError.notPermitted(.key("permission.supervisor-reviews")) }
        return try apply(id, action: "review", now: now) { item, _ in try CaseChangeRules.review(&item, change) }
    }

    func apply(_ id: CaseID, action: String, now: Date,
               _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        try write { db in
            try checkEntitled(db, id)
            let before = try loadCase(db, id, unseal: true)
            var after = before
            try change(&after) { try self.evaluate(db, $0) }
            guard try CaseChangeRules.changes(from: before, to: after) else { return redacted(before) }
            try updateRow(db, after, now: now)
            if CaseChangeRules.rescored(from: before, to: after) { try stampPolicyVersion(db, id) }
            if after.reported != before.reported {
                try writeParties(db, after)
                try applyAutomaticRecusals(db, id, now: now)
            }
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(db, entry, caseId: id) }
            // Cases that named the same people before or after the change, each re-ranked once.
            try refreshRankings(db, ids: [id.description], sharingTags: Set(matchTags(before)).union(matchTags(after)))
            try AuditLog.append(db, actor: session.account, action: action, caseId: id.description,
                                detail: CaseChangeRules.auditDetail(from: before, to: after), at: now, headKey: headKey)
            return redacted(after)
        }
    }
}
