import CaseCore
import Foundation
import GRDB

/// The supervisor's copy of a case: exactly what ``CaseCore/SupervisorView`` gives a supervisor, sealed apart under a key
/// of its own and refreshed with every change to the case. A supervisor holds that key alone, and only while the case is
/// theirs to see, so what they can open does not depend on the program's goodwill or on the plain columns.
extension SQLiteCaseStore {
    /// The supervisor's copy of a case, opened with the copy's key this session holds.
    func supervisorCopy(_ db: Database, _ id: CaseID) throws -> Case {
        let copy = try heldKeys(db, id).require(.copy, CaseKeyRules.notTheirs(id))
        guard let blob = try Data.fetchOne(db, sql: "SELECT sealedCopy FROM casefile WHERE id = ?", arguments: [id.description]) else {
            throw CaseKeyRules.notTheirs(id)
        }
        return try copy.openJSON(Case.self, blob, context: "case:\(id):copy")
    }

    /// A supervisor's review decision, made on their copy and written with the only key they hold: the plain columns it
    /// moves, its journal entry and the outcome and measures it sets (sealed under the copy's key until a counselor's
    /// next write folds them into the case), the refreshed copy, and the wrappings of the copy's key for the case's new
    /// state (a case returned to the counselor is closed to supervisors again; a closed one stays open to its reviewer).
    func recordReview(_ id: CaseID, now: Date, _ change: (inout Case) throws -> Void) throws -> Case {
        try write { db in
            try checkEntitled(db, id)
            let keys = try heldKeys(db, id)
            let copyKey = try keys.require(.copy, CaseKeyRules.notTheirs(id))
            let before = try supervisorCopy(db, id)
            var after = before
            try CaseChangeRules.review(&after, change)
            guard try CaseChangeRules.changes(from: before, to: after) else { return before }
            let key = id.description
            changedRows.insert(key)
            let review = SealedReview(outcome: after.outcome, measures: after.measures)
            try db.execute(
                sql: """
                    UPDATE casefile SET status = ?, escalationLevel = ?, closedAt = ?, sealedReview = ?, updatedAt = ?,
                        version = version + 1, changedBy = ?
                    WHERE id = ?
                    """,
                arguments: [after.status.rawValue, after.escalationLevel?.rawValue, after.closedAt,
                            try copyKey.sealJSON(review, context: "case:\(key):review"), now, session.account, key])
            for entry in after.journal.dropFirst(before.journal.count) { try insertJournal(db, entry, caseId: id) }
            let copy = SupervisorView.copy(of: after)
            try db.execute(sql: "UPDATE casefile SET sealedCopy = ? WHERE id = ?",
                           arguments: [try copyKey.sealJSON(copy, context: "case:\(key):copy"), key])
            try syncWrappings(db, id, keys: keys, status: after.status)
            try refreshRankings(db, ids: [key], sharingTags: Set(storedTags(db, id)))
            try AuditLog.append(db, actor: session.account, action: "review", caseId: key,
                                detail: CaseChangeRules.auditDetail(from: before, to: after), at: now, headKey: headKey)
            return copy
        }
    }
}
