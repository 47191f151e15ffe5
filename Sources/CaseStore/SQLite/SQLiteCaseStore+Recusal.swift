import CaseCore
import Foundation
import GRDB

/// Conflicts of interest: a declared recusal, the automatic one (an account matching a reported person) and the
/// takeover by another handler. Their reasons and journal entries are the domain's (``CaseCore/Recusal``).
extension SQLiteCaseStore {
    public func declareConflict(_ id: CaseID, reason: String, now: Date) throws {
        let entry = try Recusal.declaration(by: session.account, reason: reason, at: now)
        try checkCanRead()
        try write { db in
            try checkEntitled(db, id)
            try recuse(db, id, account: session.account, automatic: false, entry: entry, now: now)
        }
    }

    public func reassign(_ id: CaseID, note: String, now: Date) throws {
        let entry = try Recusal.takeover(by: session.account, note: note, at: now)
        try checkCanWrite()
        try write { db in
            try checkEntitled(db, id)
            try db.execute(sql: "UPDATE casefile SET needsReassignment = 0 WHERE id = ?", arguments: [id.description])
            try insertJournal(db, entry, caseId: id)
            try AuditLog.append(db, actor: session.account, action: "reassign", caseId: id.description,
                                detail: "reassignment flag cleared", at: now, headKey: headKey)
        }
    }

    /// Recuses every account one of whose names matches a reported person of the case.
    func applyAutomaticRecusals(_ db: Database, _ id: CaseID, now: Date) throws {
        let matching = try String.fetchAll(db, sql: """
            SELECT DISTINCT a.account FROM accountAlias a JOIN party p ON p.matchTag = a.matchTag WHERE p.caseId = ?
            """, arguments: [id.description])
        let recused = Set(try String.fetchAll(db, sql: "SELECT account FROM recusal WHERE caseId = ?", arguments: [id.description]))
        for account in matching where !recused.contains(recusalTag(account)) && !recused.contains(account) {
            try recuse(db, id, account: account, automatic: true, entry: Recusal.automatic(account: account, at: now), now: now)
        }
    }

    /// Which account is recused from which case says which staff member is accused where: the row holds a keyed
    /// hash of the account's name, never the name.
    func recusalTag(_ account: String) -> String { StoreKeys.recusalTag(account, rowKey: rowKey) }

    /// The values that name an account in the recusal table (the keyed hash, and the name in rows of older databases).
    func recusalKeys(_ account: String) -> [String] { [recusalTag(account), account] }

    /// Recuses `account` from a case, journaled with `entry` (``CaseCore/Recusal``).
    func recuse(_ db: Database, _ id: CaseID, account: String, automatic: Bool, entry: JournalEntry, now: Date) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO recusal (caseId, account, automatic, at) VALUES (?, ?, ?, ?)",
                       arguments: [id.description, recusalTag(account), automatic, now])
        try db.execute(sql: "UPDATE casefile SET needsReassignment = 1 WHERE id = ?", arguments: [id.description])
        try insertJournal(db, entry, caseId: id)
        try withdrawKeys(db, id, from: account)
        // The audit log is plain: an automatic recusal does not name the account (that would say who is reported).
        try AuditLog.append(db, actor: automatic ? Recusal.systemAuthor : account, action: automatic ? "recusal-automatic" : "recusal",
                            caseId: id.description,
                            detail: (automatic ? "an account matching a reported person" : account) + " recused; case flagged for reassignment",
                            at: now, headKey: headKey)
    }
}
